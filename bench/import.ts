/**
 * Import benchmark: a generated contacts CSV of N rows through the real path (multipart upload
 * to POST /api/v1/imports, the background job, GET /api/v1/imports/{id} until done), on
 * PostgreSQL or PGlite. The server is its own process, run as `npm start` runs it (bench/server.ts),
 * so its RSS is its own. Prints rows/s for the job, the same for a bare COPY of as many rows into the
 * same table in the same run (and the ratio), and the server's RSS (after start, peak during the
 * upload and the job) apart from the bench process's.
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
import { openDatabase, type DatabaseHandle } from "../server/src/db/client.js";
import { recreateDatabase } from "./database.js";
import { createWorkspace, startServer, withRssSampling, type ServerProcess, type Workspace } from "./server.js";

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
async function bareCopy(database: DatabaseHandle, count: number, { workspaceId, userId }: Workspace): Promise<number> {
  const started = performance.now();
  if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query("begin");
      await pipeline(Readable.from(copyRows(count, workspaceId, userId, 5000)), client.query(copyFrom(`COPY contacts (${copyColumns}) FROM STDIN`)));
      await client.query("commit");
    } finally {
      client.release();
    }
  } else {
    await database.pglite!.transaction(async (tx) => {
      for (const piece of copyRows(count, workspaceId, userId, 100_000)) await tx.query(`COPY contacts (${copyColumns}) FROM '/dev/blob'`, [], { blob: new Blob([piece]) });
    });
  }
  return count / ((performance.now() - started) / 1000);
}

const mb = (bytes: number) => Math.round(bytes / 1e6);

/** The server's resident memory split as the kernel counts it (MB): anonymous (heap, buffers) and file-backed (code, mapped files). */
function rssParts(server: ServerProcess): string {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return `anon ${Math.round(kb("RssAnon") / 1024)}, file ${Math.round(kb("RssFile") / 1024)}`;
}

interface ImportStatus {
  status: string;
  processed: number;
  created: number;
  failed: number;
  error: string | null;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-import-bench-"));
  /** The server's PILLAR_DATA_DIR: the uploads go under imports/, and on PGlite the database under pglite/. */
  const dataDir = path.join(root, "data");
  const csv = path.join(root, "contacts.csv");
  writeCsv(csv, rows);
  const size = fs.statSync(csv).size;
  console.log(`${kind}: ${rows.toLocaleString("en")} rows, ${(size / 1e6).toFixed(1)} MB CSV`);

  const databaseUrl = kind === "postgres" ? await recreateDatabase("pillar_import_bench") : undefined;
  const serverEnv: Record<string, string> = { PILLAR_DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...chunkRows };
  try {
    // As the other benches seed: the server runs the migrations at start, the workspace comes from signup.
    const setup = await startServer(serverEnv);
    const workspace = await createWorkspace(setup.port).finally(() => setup.stop());

    // The baseline runs first, with the server stopped (on PGlite it owns the data directory), so
    // the import meets a table that already holds N rows.
    const database = await openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir });
    const copyRowsPerSecond = await bareCopy(database, rows, workspace).finally(() => database.close());
    console.log(`bare COPY of the same ${rows.toLocaleString("en")} rows into contacts: ${Math.round(copyRowsPerSecond).toLocaleString("en")} rows/s`);

    const server = await startServer(serverEnv);
    const serverStartMb = server.rssMb();
    const benchBefore = process.memoryUsage().rss;
    let benchPeak = benchBefore;
    const benchSampler = setInterval(() => (benchPeak = Math.max(benchPeak, process.memoryUsage().rss)), 200);
    const base = `http://127.0.0.1:${server.port}/api/v1`;
    const cookie = `pillar_session=${workspace.sessionToken}`;
    try {
      const { result, peakMb } = await withRssSampling(server, async () => {
        const form = new FormData();
        form.append("object", "contact");
        form.append("file", await fs.openAsBlob(csv, { type: "text/csv" }), "contacts.csv");
        const uploadStart = performance.now();
        const started = await fetch(`${base}/imports`, { method: "POST", headers: { cookie }, body: form });
        if (started.status !== 202) throw new Error(`POST /imports answered ${started.status}: ${await started.text()}`);
        const { id } = (await started.json()) as { id: string };
        const uploadSeconds = (performance.now() - uploadStart) / 1000;
        console.log(`upload ${uploadSeconds.toFixed(1)} s; server RSS ${server.rssMb()} MB (${rssParts(server)})`);

        const jobStart = performance.now();
        let lastReport = jobStart;
        let status: ImportStatus;
        for (;;) {
          status = (await (await fetch(`${base}/imports/${id}`, { headers: { cookie } })).json()) as ImportStatus;
          if (status.status === "done" || status.status === "failed") break;
          if (performance.now() - lastReport > 30_000) {
            lastReport = performance.now();
            const seconds = (lastReport - jobStart) / 1000;
            console.log(`  ${seconds.toFixed(0)} s: ${status.processed.toLocaleString("en")} rows; server RSS ${server.rssMb()} MB (${rssParts(server)}); bench RSS ${mb(process.memoryUsage().rss)} MB`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return { uploadSeconds, jobSeconds: (performance.now() - jobStart) / 1000, status };
      });
      const { jobSeconds, status } = result;
      const importRowsPerSecond = rows / jobSeconds;
      console.log(`job ${jobSeconds.toFixed(1)} s → ${Math.round(importRowsPerSecond).toLocaleString("en")} rows/s`);
      console.log(`import / bare COPY: ${Math.round((100 * importRowsPerSecond) / copyRowsPerSecond)} %`);
      console.log(`status ${status.status}: created ${status.created}, failed ${status.failed}${status.error ? `, ${status.error}` : ""}`);
      console.log(`server RSS: ${serverStartMb} MB after start, peak ${peakMb} MB during upload + job, ${server.rssMb()} MB at the end (${rssParts(server)})`);
      console.log(`bench RSS: ${mb(benchBefore)} MB before the upload, peak ${mb(benchPeak)} MB`);
    } catch (error) {
      console.error(`server output:\n${server.output().slice(-5000)}`);
      throw error;
    } finally {
      clearInterval(benchSampler);
      await server.stop();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
