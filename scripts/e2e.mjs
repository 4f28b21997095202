// `npm run test:e2e`: builds the web app, starts a real server on a fresh embedded database,
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

const { build } = await import("vite");
await build({ configFile: path.join(root, "web/vite.config.ts"), logLevel: "warn" });

const server = spawn(process.execPath, ["scripts/start.mjs"], {
  cwd: root,
  env: { ...process.env, PORT: String(port), PILLAR_DATA_DIR: dataDir, PILLAR_LOG_LEVEL: "warn" },
  stdio: ["ignore", "inherit", "inherit"],
});

async function waitForHealth() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("server did not become healthy within 60 s");
}

let exitCode = 1;
try {
  await waitForHealth();
  const runner = spawn(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "e2e/vitest.config.ts", ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: `http://127.0.0.1:${port}` },
    stdio: "inherit",
  });
  exitCode = await new Promise((resolve) => runner.on("exit", (code) => resolve(code ?? 1)));
} finally {
  server.kill("SIGINT");
  await new Promise((resolve) => server.on("exit", resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
