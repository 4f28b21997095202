// `npm run test:e2e`: builds the web app, starts a real server on a fresh embedded database with a
// local SMTP server catching its mail (each message written to E2E_MAIL_DIR as an .eml file),
// runs the browser specs in headless Chromium against it, then stops the server. Arguments go to vitest
// (`npm run test:e2e -- e2e/sales.e2e.ts` runs one spec).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.E2E_PORT ?? 3217);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-e2e-"));
const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-e2e-mail-"));

const { SMTPServer } = await import("smtp-server");
let mailCount = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => {
      fs.writeFileSync(path.join(mailDir, `${String(++mailCount).padStart(4, "0")}.eml`), Buffer.concat(chunks));
      callback();
    });
  },
});
await new Promise((resolve) => smtp.listen(0, "127.0.0.1", resolve));
const smtpPort = smtp.server.address().port;

const { build } = await import("vite");
await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });

const server = spawn(process.execPath, ["scripts/start.mjs"], {
  cwd: root,
  env: { ...process.env, PORT: String(port), PILLAR_DATA_DIR: dataDir, PILLAR_LOG_LEVEL: "warn", SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, SMTP_FROM: "Pillar Sales <sales@pillar.test>" },
  stdio: ["ignore", "inherit", "inherit"],
});

async function waitForHealth() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy within 120 s");
}

let exitCode = 1;
try {
  await waitForHealth();
  const runner = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "e2e/vitest.config.ts", ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${port}`, E2E_MAIL_DIR: mailDir },
    stdio: "inherit",
  });
  exitCode = await new Promise((resolve) => runner.on("exit", (code) => resolve(code ?? 1)));
} finally {
  server.kill("SIGINT");
  await new Promise((resolve) => server.on("exit", resolve));
  smtp.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(mailDir, { recursive: true, force: true });
}
process.exit(exitCode);
