import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.js";
import { queryRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { openDatabase, type DatabaseHandle } from "../../db/client.js";

/**
 * Kills the server (SIGKILL, no goodbye) in the middle of an import and starts it again on the
 * same database: the import resumes after its last committed chunk and ends with every row
 * imported once, none half-written, none twice.
 */
const rows = 12_000;
const root = path.resolve(import.meta.dirname, "../../../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-restart-"));
let serverDatabase: DatabaseHandle | undefined;
let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function startServer(port: number, databaseUrl: string | undefined) {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "server/src/main.ts"], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      PILLAR_DATA_DIR: dataDir,
      PILLAR_SIGNUP: "open",
      PILLAR_LOG_LEVEL: "silent",
      PILLAR_IMPORT_CHUNK_ROWS: "500",
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  server = child;
  await eventually(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode})`);
      return (await fetch(`http://127.0.0.1:${port}/healthz`).then((response) => response.ok).catch(() => false)) || undefined;
    },
    { timeoutMs: 60_000 },
  );
  return child;
}

async function kill(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) serverDatabase = await openTestDatabase();
});

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) await kill(server);
  await serverDatabase?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("an import interrupted by a crash", () => {
  it("resumes after a restart and imports every row exactly once", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const databaseUrl = serverDatabase?.url;
    let child = await startServer(port, databaseUrl);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const signup = await fetch(`${base}/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "crash@example.com", password: "correct-horse-battery", name: "Crash Test", workspaceName: "Crash" }),
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers.getSetCookie().find((value) => value.startsWith("pillar_session="))!.split(";")[0];

    const lines = ["First Name,Last Name,Email"];
    for (let n = 0; n < rows; n++) lines.push(`Person,${n},person-${n}@example.com`);
    const form = new FormData();
    form.append("object", "contact");
    form.append("file", new Blob([lines.join("\n")], { type: "text/csv" }), "people.csv");
    const started = await fetch(`${base}/imports`, { method: "POST", headers: { cookie }, body: form });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    const status = async () => (await (await fetch(`${base}/imports/${id}`, { headers: { cookie } })).json()) as { status: string; processed: number; created: number; total: number };

    const before = await eventually(async () => {
      const current = await status();
      return current.processed > 0 ? current : undefined;
    }, { intervalMs: 20, timeoutMs: 60_000 });
    await kill(child);
    expect(before.processed).toBeLessThan(rows);

    child = await startServer(port, databaseUrl);
    const after = await eventually(async () => {
      const current = await status();
      return current.status === "done" || current.status === "failed" ? current : undefined;
    }, { timeoutMs: 120_000 });
    expect(after).toMatchObject({ status: "done", total: rows, processed: rows, created: rows });
    await kill(child);

    const database = serverDatabase ?? (await openDatabase({ dataDir }));
    try {
      const [counts] = await queryRows<{ contacts: number; emails: number }>(
        database,
        sql`select count(*)::int as contacts, count(distinct emails->0->>'address')::int as emails from contacts where import_id = ${id}::uuid`,
      );
      expect(counts).toEqual({ contacts: rows, emails: rows });
    } finally {
      if (!serverDatabase) await database.close();
    }
  });
});
