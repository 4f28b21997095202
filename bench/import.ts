/**
 * Import benchmark: a generated contacts CSV of N rows through the real path (multipart upload
 * to POST /api/v1/imports, the background job, GET /api/v1/imports/{id} until done), on
 * PostgreSQL or PGlite. Prints rows/s for the job, the same for a bare COPY of as many rows into the
 * same table in the same run (and the ratio), and the process's peak RSS.
 *
 *   npm run bench:import -- --db=postgres --n=100000
 *   npm run bench:import -- --db=pglite --n=100000
 *   npm run bench:import -- --db=postgres --n=100000 --chunk=10000   # rows per committed chunk
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { buildApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { openDatabase, type DatabaseHandle } from "../server/src/db/client.js";
import { runMigrations } from "../server/src/db/migrate.js";
import { startJobQueue } from "../server/src/platform/jobs/index.js";
import { recreateDatabase } from "./database.js";

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=")) as [string, string][]);
const kind = (args.db ?? "postgres") as "postgres" | "pglite";
const rows = Number(args.n ?? 100_000);
/** Rows per committed chunk; the server's default (PILLAR_IMPORT_CHUNK_ROWS) unless given. */
const chunkRows: Record<string, string> = args.chunk ? { PILLAR_IMPORT_CHUNK_ROWS: args.chunk } : {};

const firstNames = ["Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Margaret", "Ken", "Frances", "John", "Radia", "Tim", "Zoë", "Jürgen", "Åsa"];
const lastNames = ["Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Hamilton", "Thompson", "Allen", "McCarthy", "Perlman", "Berners-Lee"];
const stages = ["subscriber", "lead", "qualified", "customer"];

/** Row n of the generated data: names, a unique e-mail, a phone on half the rows, a job title, a stage. */
const person = (n: number, domain = "example.com") => ({
  firstName: firstNames[n % firstNames.length],
  lastName: `${lastNames[n % lastNames.length]} ${n}`,
  email: `person${n}@${domain}`,
  phone: n % 2 === 0 ? `+44 20 7946 ${String(n % 10_000).padStart(4, "0")}` : "",
  stage: stages[n % stages.length],
});

/** A CSV like a CRM export: names, a unique e-mail, a phone on half the rows, a job title, a stage, tags. */
function writeCsv(file: string, count: number) {
  const out = fs.openSync(file, "w");
  let buffer = "First Name,Last Name,Email,Phone,Job Title,Lifecycle Stage,Tags\n";
  for (let n = 0; n < count; n++) {
    const { firstName, lastName, email, phone, stage } = person(n);
    buffer += `${firstName},${lastName},${email},${phone},Engineer,${stage},"bench, imported"\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(out, buffer);
      buffer = "";
    }
  }
  fs.writeSync(out, buffer);
  fs.closeSync(out);
}

const copyColumns = "workspace_id, id, created_at, updated_at, created_by, owner_id, first_name, last_name, emails, phones, job_title, lifecycle_stage, tags";
const copyText = (value: string) => value.replace(/\\/g, "\\\\");

/** The same rows as the CSV (other e-mails, so the import's duplicate check finds none) as COPY text, in pieces. */
function* copyRows(count: number, workspaceId: string, userId: string, pieceRows: number): Generator<string> {
  const now = new Date().toISOString();
  let piece: string[] = [];
  for (let n = 0; n < count; n++) {
    const { firstName, lastName, email, phone, stage } = person(n, "copy.example.com");
    const phones = phone ? JSON.stringify([{ number: phone.replace(/ /g, ""), primary: true }]) : "[]";
    piece.push([workspaceId, randomUUID(), now, now, userId, userId, firstName, lastName, JSON.stringify([{ address: email, primary: true }]), phones, "Engineer", stage, "{bench,imported}"].map(copyText).join("\t"));
    if (piece.length === pieceRows) {
      yield piece.join("\n") + "\n";
      piece = [];
    }
  }
  if (piece.length) yield piece.join("\n") + "\n";
}

/**
 * The physical limit the import is compared with: a bare COPY of the same number of rows into the
 * same contacts table, with all its indexes, as the login role, in one transaction (PGlite: COPY
 * from a blob, 100,000 rows at a time, as STACK-NOTES measured). Rows/s.
 */
async function bareCopy(database: DatabaseHandle, count: number): Promise<number> {
  const started = performance.now();
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      const { rows: [owner] } = await client.query<{ workspace_id: string; user_id: string }>("select workspace_id, user_id from memberships limit 1");
      await client.query("begin");
      await pipeline(Readable.from(copyRows(count, owner.workspace_id, owner.user_id, 5000)), client.query(copyFrom(`COPY contacts (${copyColumns}) FROM STDIN`)));
      await client.query("commit");
    } finally {
      client.release();
    }
  } else {
    const pglite = database.pglite!;
    const { rows: [owner] } = await pglite.query<{ workspace_id: string; user_id: string }>("select workspace_id, user_id from memberships limit 1");
    await pglite.transaction(async (tx) => {
      for (const piece of copyRows(count, owner.workspace_id, owner.user_id, 100_000)) await tx.query(`COPY contacts (${copyColumns}) FROM '/dev/blob'`, [], { blob: new Blob([piece]) });
    });
  }
  return count / ((performance.now() - started) / 1000);
}

async function openBenchDatabase(): Promise<DatabaseHandle> {
  if (kind === "pglite") return openDatabase({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "pillar-import-bench-")) });
  return openDatabase({ url: await recreateDatabase("pillar_import_bench") });
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
  const config = loadConfig({ PILLAR_SIGNUP: "open", PILLAR_LOG_LEVEL: "warn", PILLAR_DATA_DIR: dataDir, ...chunkRows });
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
    // The baseline runs first, so the import meets a table that already holds N rows.
    const copyRowsPerSecond = await bareCopy(database, rows);
    console.log(`bare COPY of the same ${rows.toLocaleString("en")} rows into contacts: ${Math.round(copyRowsPerSecond).toLocaleString("en")} rows/s`);
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
    const importRowsPerSecond = rows / jobSeconds;
    console.log(`upload ${uploadSeconds.toFixed(1)} s; job ${jobSeconds.toFixed(1)} s → ${Math.round(importRowsPerSecond).toLocaleString("en")} rows/s`);
    console.log(`import / bare COPY: ${Math.round((100 * importRowsPerSecond) / copyRowsPerSecond)} %`);
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
