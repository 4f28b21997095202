/**
 * Import benchmark: a generated contacts CSV of N rows through the real path (multipart upload
 * to POST /api/v1/imports, the background job, GET /api/v1/imports/{id} until done), on
 * PostgreSQL or PGlite. Prints rows/s for the job and the process's peak RSS.
 *
 *   npm run bench:import -- --db=postgres --n=100000
 *   npm run bench:import -- --db=pglite --n=100000
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { openDatabase, type DatabaseHandle } from "../server/src/db/client.js";
import { runMigrations } from "../server/src/db/migrate.js";
import { startJobQueue } from "../server/src/platform/jobs/index.js";

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")) as [string, string][]);
const kind = (args.db ?? "postgres") as "postgres" | "pglite";
const rows = Number(args.n ?? 100_000);
const chunkRows = args.chunk ?? "2000";
const pgUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";

const firstNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Tim", "Zoë", "Jürgen", "Åsa"];
const lastNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "McCarthy", "Perlman", "Berners-Lee"];
const stages = ["subscriber", "lead", "qualified", "customer"];

/** A CSV like a CRM export: names, a unique e-mail, a phone on half the rows, a job title, a stage, tags. */
function writeCsv(file: string, count: number) {
  const out = fs.openSync(file, "w");
  let buffer = "First Name,Last Name,Email,Phone,Job Title,Lifecycle Stage,Tags\n";
  for (let n = 0; n < count; n++) {
    const phone = n % 2 === 0 ? `+44 20 7946 ${String(n % 10_000).padStart(4, "0")}` : "";
    buffer += `${firstNames[n % firstNames.length]},${lastNames[n % lastNames.length]} ${n},person${n}@example.com,${phone},Engineer,${stages[n % stages.length]},"bench, imported"\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = "";
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

async function openBenchDatabase(): Promise<DatabaseHandle> {
  if (kind === "pglite") return openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "pillar-import-bench-")) });
  const admin = new pg.Client({ connectionString: `${pgUrl}/postgres` });
  await admin.connect();
  await admin.query("drop database if exists pillar_import_bench with (force)");
  await admin.query("create database pillar_import_bench");
  await admin.end();
  return openDatabase({ url: `${pgUrl}/pillar_import_bench` });
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-import-bench-data-"));
  const csv = path.join(dataDir, "contacts.csv");
  writeCsv(csv, rows);
  const size = fs.statSync(csv).size;
  console.log(`${kind}: ${rows.toLocaleString("en")} rows, ${(size / 1e6).toFixed(1)} MB CSV`);

  const database = await openBenchDatabase();
  await runMigrations(database);
  const jobs = await startJobQueue(database);
  const config = loadConfig({ PILLAR_SIGNUP: "open", PILLAR_LOG_LEVEL: "warn", PILLAR_DATA_DIR: dataDir, PILLAR_IMPORT_CHUNK_ROWS: chunkRows });
  const app = await buildApp({ config, database, jobs });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}/api/v1`;

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  try {
    const signup = await fetch(`${base}/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "bench@example.com", password: "correct-horse-battery", name: "Bench", workspaceName: "Bench" }),
    });
    const cookie = signup.headers.getSetCookie().find((value) => value.startsWith("pillar_session="))!.split(";")[0];
    const rssBefore = process.memoryUsage().rss;

    const form = new FormData();
    form.append("object", "contact");
    form.append("file", await fs.openAsBlob(csv, { type: "text/csv" }), "contacts.csv");
    const uploadStart = performance.now();
    const started = await fetch(`${base}/imports`, { method: "POST", headers: { cookie }, body: form });
    const { id } = (await started.json()) as { id: string };
    const uploadSeconds = (performance.now() - uploadStart) / 1000;

    const jobStart = performance.now();
    let status: { status: string; processed: number; created: number; failed: number; error: string | null };
    for (;;) {
      status = (await (await fetch(`${base}/imports/${id}`, { headers: { cookie } })).json()) as typeof status;
      if (status.status === "done" || status.status === "failed") break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const jobSeconds = (performance.now() - jobStart) / 1000;
    console.log(`upload ${uploadSeconds.toFixed(1)} s; job ${jobSeconds.toFixed(1)} s → ${Math.round(rows / jobSeconds).toLocaleString("en")} rows/s`);
    console.log(`status ${status.status}: created ${status.created}, failed ${status.failed}${status.error ? `, ${status.error}` : ""}`);
    console.log(`RSS before ${(rssBefore / 1e6).toFixed(0)} MB, peak ${(peakRss / 1e6).toFixed(0)} MB (the bench's own upload buffer included)`);
  } finally {
    clearInterval(sampler);
    await app.close();
    await jobs.stop();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
