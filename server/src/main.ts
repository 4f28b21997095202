import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { runMigrations } from "./db/migrate.js";
import { seedDemoWorkspace } from "./platform/demo/demo-seed.js";
import { startJobQueue } from "./platform/jobs/index.js";

/** config → database → migrations → job queue → app → listen; Ctrl-C drains requests and jobs, then closes the database. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  await runMigrations(database);
  // Scheduling on: the sales plan alerts (hourly) and the overdue-invoice check (every 15 minutes) run from the queue's cron.
  const jobs = await startJobQueue(database, { isSchedulingEnabled: true });
  const app = await buildApp({ config, database, jobs });

  if (process.argv.includes("--demo")) {
    const login = await seedDemoWorkspace(database);
    app.log.info(`Demo workspace ready. Log in as ${login.email} with password ${login.password}`);
    console.log(`\n  Demo login: ${login.email} / ${login.password}\n`);
  }

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info(`${signal} received, shutting down`);
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  console.log(`\n  Pillar is running at http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (${database.kind})\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
