import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../server/src/db/client.js";
import { pgBaseline, pgliteBaseline, type Operation } from "./baseline.js";
import { httpClient, measure, type Measurement, type Phase } from "./load.js";
import { evaluateTargets, machine, printTable, writeResults, type RunResult, type ScenarioResult } from "./report.js";
import { scenarios, type Context } from "./scenarios.js";
import { pgExecutor, pgliteExecutor, seed, type Samples } from "./seed.js";
import { createWorkspace, startServer, withRssSampling, type Workspace } from "./server.js";

/**
 * npm run bench -- [--db=postgres|pglite] [--n=1000000] [--quick] [--reuse]
 * Seeds N contacts, then measures each scenario through the bare driver (baseline) and
 * through the real server over HTTP, and writes bench/results/<db>.json and .md.
 */
const { values: args } = parseArgs({
  options: { db: { type: "string" }, n: { type: "string" }, quick: { type: "boolean", default: false }, reuse: { type: "boolean", default: false } },
});
const serverUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const benchDbUrl = `${serverUrl}/pillar_bench`;
const log = (line: string) => console.log(`[bench] ${line}`);

async function isPostgresReachable() {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const db = (args.db ?? ((await isPostgresReachable()) ? "postgres" : "pglite")) as "postgres" | "pglite";
if (db !== "postgres" && db !== "pglite") throw new Error(`--db must be postgres or pglite, not ${db}`);
const contacts = args.n ? Number(args.n) : args.quick ? 20_000 : db === "postgres" ? 1_000_000 : 100_000;
const companies = Math.min(2000, Math.max(100, Math.round(contacts / 50)));
const phase: Phase = args.quick
  ? { warmup: 20, sequential: 100, concurrency: 8, maxRequests: 2000, maxSeconds: 2, maxSequentialSeconds: 20 }
  : { warmup: 50, sequential: 300, concurrency: 8, maxRequests: 20_000, maxSeconds: 5, maxSequentialSeconds: 60 };
const pgliteDir = path.join(os.tmpdir(), "pillar-bench-pglite");
const statePath = path.join(os.tmpdir(), `pillar-bench-${db}.state.json`);
const serverEnv: Record<string, string> = db === "postgres" ? { DATABASE_URL: benchDbUrl } : { PILLAR_DATA_DIR: pgliteDir };

interface State {
  contacts: number;
  workspace: Workspace;
  samples: Samples;
  seedSeconds: number;
}

/** Fresh database → workspace through the API → server stopped → bulk load with the raw driver. */
async function prepare(): Promise<State> {
  if (args.reuse && fs.existsSync(statePath)) {
    const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as State;
    if (state.contacts === contacts) {
      log(`reusing the seeded ${db} database (${contacts.toLocaleString("en")} contacts)`);
      return state;
    }
  }
  if (db === "postgres") {
    const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
    await admin.connect();
    await admin.query("drop database if exists pillar_bench with (force)");
    await admin.query("create database pillar_bench");
    await admin.end();
  } else {
    fs.rmSync(pgliteDir, { recursive: true, force: true });
  }
  const server = await startServer(serverEnv);
  const workspace = await createWorkspace(server.port).finally(() => server.stop());
  log(`workspace ${workspace.workspaceId} with ${workspace.ownerIds.length} members created through the API`);

  const started = performance.now();
  const plan = { workspaceId: workspace.workspaceId, ownerIds: workspace.ownerIds, contacts, companies };
  let samples: Samples;
  if (db === "postgres") {
    const pool = new pg.Pool({ connectionString: benchDbUrl, max: 1 });
    const client = await pool.connect();
    samples = await seed(pgExecutor(client), plan, log).finally(() => client.release());
    await pool.end();
  } else {
    const handle = await openDatabase({ dataDir: pgliteDir });
    samples = await seed(pgliteExecutor(handle.pglite!), plan, log).finally(() => handle.close());
  }
  const state = { contacts, workspace, samples, seedSeconds: Math.round((performance.now() - started) / 100) / 10 };
  fs.writeFileSync(statePath, JSON.stringify(state));
  return state;
}

async function runAll(label: string, operations: [string, Operation][]): Promise<Map<string, Measurement>> {
  const results = new Map<string, Measurement>();
  for (const [key, operation] of operations) {
    const measurement = await measure(operation, phase);
    log(`${label} ${key}: p50 ${measurement.oneClient.p50} ms, p99 ${measurement.oneClient.p99} ms, ${measurement.concurrent.rps} req/s at 8`);
    results.set(key, measurement);
  }
  return results;
}

const state = await prepare();
const context: Context = { ...state.workspace, samples: state.samples };
const list = scenarios(context);

// Baseline first: on PGlite the server process owns the data directory, so the two cannot overlap.
let dbVersion: string;
let baseline: Map<string, Measurement>;
if (db === "postgres") {
  const pool = new pg.Pool({ connectionString: benchDbUrl, max: 10 });
  dbVersion = `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}`;
  baseline = await runAll("baseline", list.map((scenario) => [scenario.key, pgBaseline(pool, context, scenario)]));
  await pool.end();
} else {
  const handle = await openDatabase({ dataDir: pgliteDir });
  const pglite = handle.pglite!;
  dbVersion = `PGlite, PostgreSQL ${(await pglite.query<{ server_version: string }>("show server_version")).rows[0].server_version}`;
  baseline = await runAll("baseline", list.map((scenario) => [scenario.key, pgliteBaseline(pglite, context, scenario)]));
  await handle.close();
}

const server = await startServer(serverEnv);
const idleRss = server.rssMb();
const http = httpClient(server.port, `pillar_session=${context.sessionToken}`, phase.concurrency);
const { result: api, peakMb } = await withRssSampling(server, () =>
  runAll(
    "api",
    list.map((scenario) => [
      scenario.key,
      async (i: number) => {
        const response = await http.send(scenario.request(i));
        if (response.status !== 200 && response.status !== 201) throw new Error(`${scenario.key}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
      },
    ]),
  ),
).finally(async () => {
  http.close();
  await server.stop();
});

const results: ScenarioResult[] = list.map((scenario) => ({ key: scenario.key, label: scenario.label, baseline: baseline.get(scenario.key)!, api: api.get(scenario.key)! }));
const result: RunResult = {
  db,
  dbVersion,
  contacts,
  companies,
  machine: machine(),
  date: new Date().toISOString(),
  seed: { seconds: state.seedSeconds },
  serverRssMb: { idle: idleRss, peak: peakMb },
  scenarios: results,
  targets: evaluateTargets(results, peakMb),
};
printTable(result);
log(`results written to ${writeResults(result)}`);
