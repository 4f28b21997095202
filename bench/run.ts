import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDatabase } from "../server/src/db/client.js";
import { pgBaseline, pgliteBaseline, type Operation } from "./baseline.js";
import { postgresServerUrl, recreateDatabase } from "./database.js";
import { cpuUsedMs, databaseCpuSample, ownCpuMs, processCpuMs, type CpuSample } from "./cpu.js";
import { httpClient, measure, type Measurement, type Phase } from "./load.js";
import { evaluateTargets, machine, printTable, writeResults, type RunResult, type ScenarioResult } from "./report.js";
import { scenarios, type Context } from "./scenarios.js";
import { pgExecutor, pgliteExecutor, seed, type Samples } from "./seed.js";
import { createWorkspace, startServer, withRssSampling, type Workspace } from "./server.js";

/**
 * npm run bench -- [--db=postgres|pglite] [--n=1000000] [--quick] [--reuse] [--only=list,get] [--tsx]
 * Seeds N contacts, then measures each scenario through the bare driver (baseline) and
 * through the real server over HTTP, and writes bench/results/<db>.json and .md.
 * --only measures some scenarios (while iterating); --tsx runs the server through the
 * TypeScript loader instead of the bundle `npm start` runs.
 */
const { values: args } = parseArgs({
  options: {
    db: { type: "string" },
    n: { type: "string" },
    quick: { type: "boolean", default: false },
    reuse: { type: "boolean", default: false },
    only: { type: "string" },
    tsx: { type: "boolean", default: false },
  },
});
const serverUrl = postgresServerUrl;
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
    await recreateDatabase("pillar_bench");
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

/** cpuSample: the CPU used so far by every process the operation runs in (bench/cpu.ts). */
async function measureOne(label: string, key: string, operation: Operation, cpuSample?: () => Promise<CpuSample>): Promise<Measurement> {
  const cpuBefore = await cpuSample?.();
  const measurement = await measure(operation, phase);
  if (cpuSample && cpuBefore) measurement.cpuMsPerRequest = Math.round((cpuUsedMs(cpuBefore, await cpuSample()) / measurement.requests) * 100) / 100;
  const cpu = measurement.cpuMsPerRequest === undefined ? "" : `, ${measurement.cpuMsPerRequest} ms CPU/req`;
  log(`${label} ${key}: p50 ${measurement.oneClient.p50} ms, p99 ${measurement.oneClient.p99} ms, ${measurement.concurrent.rps} req/s at 8${cpu}`);
  return measurement;
}

async function runAll(label: string, operations: [string, Operation][]): Promise<Map<string, Measurement>> {
  const results = new Map<string, Measurement>();
  for (const [key, operation] of operations) results.set(key, await measureOne(label, key, operation));
  return results;
}

const state = await prepare();
const context: Context = { ...state.workspace, samples: state.samples };
const only = args.only?.split(",").map((key) => key.trim());
const list = scenarios(context).filter((scenario) => !only || only.includes(scenario.key));
const serverOptions = { loader: args.tsx ? ("tsx" as const) : ("bundle" as const) };

function apiOperation(http: ReturnType<typeof httpClient>, scenario: (typeof list)[number]): Operation {
  return async (i) => {
    const response = await http.send(scenario.request(i));
    if (response.status !== 200 && response.status !== 201) throw new Error(`${scenario.key}: HTTP ${response.status} ${response.body.slice(0, 300)}`);
  };
}

let dbVersion: string;
let baseline: Map<string, Measurement>;
let api: Map<string, Measurement>;
let idleRss: number;
let peakMb: number;
if (db === "postgres") {
  // Each scenario's baseline right before its API run, so load from other work on the machine
  // hits both sides of a ratio alike.
  const pool = new pg.Pool({ connectionString: benchDbUrl, max: 10 });
  dbVersion = `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}`;
  const admin = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  const server = await startServer(serverEnv, serverOptions);
  const baselineCpuMs = async () => new Map([["bench", ownCpuMs()], ...(await databaseCpuSample(admin, "pillar_bench"))]);
  const apiCpuMs = async () => new Map([["bench", ownCpuMs()], ["server", processCpuMs(server.pid)], ...(await databaseCpuSample(admin, "pillar_bench"))]);
  idleRss = server.rssMb();
  const http = httpClient(server.port, `pillar_session=${context.sessionToken}`, phase.concurrency);
  baseline = new Map();
  api = new Map();
  const sampled = await withRssSampling(server, async () => {
    for (const scenario of list) {
      baseline.set(scenario.key, await measureOne("baseline", scenario.key, pgBaseline(pool, context, scenario), baselineCpuMs));
      api.set(scenario.key, await measureOne("api", scenario.key, apiOperation(http, scenario), apiCpuMs));
    }
  }).finally(async () => {
    http.close();
    await server.stop();
    await pool.end();
    await admin.end();
  });
  peakMb = sampled.peakMb;
} else {
  // Baseline first: on PGlite the server process owns the data directory, so the two cannot overlap.
  const handle = await openDatabase({ dataDir: pgliteDir });
  const pglite = handle.pglite!;
  dbVersion = `PGlite, PostgreSQL ${(await pglite.query<{ server_version: string }>("show server_version")).rows[0].server_version}`;
  baseline = await runAll("baseline", list.map((scenario) => [scenario.key, pgliteBaseline(pglite, context, scenario)]));
  await handle.close();
  const server = await startServer(serverEnv, serverOptions);
  idleRss = server.rssMb();
  const http = httpClient(server.port, `pillar_session=${context.sessionToken}`, phase.concurrency);
  const sampled = await withRssSampling(server, () => runAll("api", list.map((scenario) => [scenario.key, apiOperation(http, scenario)]))).finally(async () => {
    http.close();
    await server.stop();
  });
  api = sampled.result;
  peakMb = sampled.peakMb;
}

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
if (only) log("--only: results not written (they would replace a full run's)");
else log(`results written to ${writeResults(result)}`);
