import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { v7 } from "uuid";
import type { DuplicateGroup, DuplicateReason } from "../contracts/index.js";
import { combine, maxGroupSize } from "../server/src/customers/duplicates/duplicates.detection.js";
import { pgBaseline } from "./baseline.js";
import { postgresServerUrl, recreateDatabase } from "./database.js";
import { httpClient, percentiles, type Latency } from "./load.js";
import { machine } from "./report.js";
import type { Context, Query } from "./scenarios.js";
import { contactColumns, pgExecutor, seed, type Value } from "./seed.js";
import { createWorkspace, startServer, withRssSampling, type Workspace } from "./server.js";

/**
 * npm run bench:duplicates -- [--n=1000000] [--reuse] [--rounds=2] [--creates=200]
 * Duplicate detection over N contacts on PostgreSQL, with duplicates planted in the data: the
 * full scan through the server (GET /api/v1/duplicates?object=contact) against the same SQL
 * through the bare driver, what it found against what was planted, and the check a create runs.
 */
const { values: args } = parseArgs({
  options: { n: { type: "string" }, reuse: { type: "boolean", default: false }, rounds: { type: "string" }, creates: { type: "string" } },
});
const totalContacts = Number(args.n ?? 1_000_000);
const companies = Math.min(2000, Math.max(100, Math.round(totalContacts / 50)));
const rounds = Number(args.rounds ?? 2);
const creates = Number(args.creates ?? 200);
const databaseName = "pillar_bench_duplicates";
const statePath = path.join(os.tmpdir(), "pillar-bench-duplicates.state.json");
const log = (line: string) => console.log(`[bench:duplicates] ${line}`);

type PlantedKind = Extract<DuplicateReason, "same_email" | "same_phone" | "similar_name_same_company">;
const plantedKinds: PlantedKind[] = ["same_email", "same_phone", "similar_name_same_company"];

/** Two records planted as the same customer, and how they differ (for the recall by variant). */
interface PlantedPair {
  ids: [string, string];
  kind: PlantedKind;
  variant: string;
}

/** An original with a planted duplicate: what a create posts to duplicate it once more. */
interface CheckSample {
  kind: PlantedKind;
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  companyId?: string;
}

interface State {
  contacts: number;
  workspace: Workspace;
  planted: PlantedPair[];
  checks: CheckSample[];
  seedSeconds: number;
}

const at = Object.fromEntries(contactColumns.map((name, index) => [name, index])) as Record<(typeof contactColumns)[number], number>;

/** Three misspellings people make; pg_trgm scores them differently on short names. */
const typos: [string, (name: string) => string][] = [
  ["dropped letter", (name) => name.slice(0, 3) + name.slice(4)],
  ["doubled letter", (name) => name.slice(0, 3) + name[3] + name.slice(3)],
  ["swapped letters", (name) => name.slice(0, 2) + name[3] + name[2] + name.slice(4)],
];

/** E.164 numbers libphonenumber accepts (the seed's +1555 numbers are not valid), one per serial. */
const validPhone = (serial: number) =>
  `+1${["212", "312", "415", "617", "206"][serial % 5]}${200 + (Math.floor(serial / 5) % 800)}${String(Math.floor(serial / 4000) % 10_000).padStart(4, "0")}`;

const caseVariants = [
  (address: string) => address.replace(/(^|\.)([a-z])/g, (_, dot: string, letter: string) => dot + letter.toUpperCase()),
  (address: string) => address.toUpperCase(),
];

/**
 * Wraps the seed's contact rows and plants duplicates of live rows, deterministically by row:
 * every 50th row (from 7) gets a copy whose e-mail differs in case (every 1,000th two copies),
 * every 50th (from 19) a copy with its phone, every 50th (from 31) at a company a copy with a
 * misspelt name there. Copies count towards N. Planted pairs and create-check samples are collected.
 */
function plantDuplicates(planted: PlantedPair[], checks: CheckSample[]) {
  const sampleEvery = Math.max(1, Math.floor(totalContacts / 50 / 100));
  let phoneSerial = 0;
  return function* (rows: Generator<Value[]>): Generator<Value[]> {
    let written = 0;
    let index = -1;
    for (const row of rows) {
      index++;
      if (written >= totalContacts) return;
      const copies = row[at.deleted_at] === null ? plant(row, index) : [];
      yield row;
      written++;
      for (const copy of copies) {
        if (written >= totalContacts) return;
        yield copy;
        written++;
      }
    }
  };

  function plant(row: Value[], index: number): Value[][] {
    const isSampled = Math.floor(index / 50) % sampleEvery === 0;
    const id = row[at.id] as string;
    const first = row[at.first_name] as string;
    const last = row[at.last_name] as string | null;
    const email = (JSON.parse(row[at.emails] as string) as { address: string }[])[0].address;
    const copyOf = (changes: Partial<Record<(typeof contactColumns)[number], Value>>) => {
      const copy = [...row];
      const updated = row[at.updated_at] as string;
      Object.assign(copy, { [at.id]: v7({ msecs: Date.parse(updated) }), [at.created_at]: updated, [at.phones]: "[]", [at.company_id]: null });
      for (const [column, value] of Object.entries(changes)) copy[at[column as keyof typeof at]] = value;
      return copy;
    };
    const sample = { id, firstName: first, lastName: last ?? "", email };

    if (index % 50 === 7) {
      const copies = caseVariants.slice(0, index % 1000 === 7 ? 2 : 1).map((variant) => copyOf({ emails: JSON.stringify([{ address: variant(email), primary: true }]) }));
      const ids = [id, ...copies.map((copy) => copy[at.id] as string)];
      for (let a = 0; a < ids.length; a++) for (let b = a + 1; b < ids.length; b++) planted.push({ ids: [ids[a], ids[b]], kind: "same_email", variant: copies.length > 1 ? "three records" : "case differs" });
      if (isSampled) checks.push({ kind: "same_email", ...sample });
      return copies;
    }
    if (index % 50 === 19) {
      const phone = validPhone(phoneSerial++);
      row[at.phones] = JSON.stringify([{ number: phone, label: "mobile", primary: true }]);
      const copy = copyOf({ emails: JSON.stringify([{ address: `${first}.${index}@personal.test`.toLowerCase(), primary: true }]), phones: row[at.phones] });
      planted.push({ ids: [id, copy[at.id] as string], kind: "same_phone", variant: "other e-mail" });
      if (isSampled) checks.push({ kind: "same_phone", ...sample, phone });
      return [copy];
    }
    if (index % 50 === 31 && row[at.company_id] !== null && last !== null) {
      const [variant, misspell] = typos[Math.floor(index / 50) % typos.length];
      const isLastLong = last.length >= 5;
      const copy = copyOf({
        first_name: isLastLong || first.length < 5 ? first : misspell(first),
        last_name: isLastLong || first.length < 5 ? misspell(last) : last,
        emails: JSON.stringify([{ address: `dup${index}@name-variant.test`, primary: true }]),
        company_id: row[at.company_id],
      });
      planted.push({ ids: [id, copy[at.id] as string], kind: "similar_name_same_company", variant });
      if (isSampled) checks.push({ kind: "similar_name_same_company", ...sample, companyId: row[at.company_id] as string });
      return [copy];
    }
    return [];
  }
}

/** Fresh database (migrated by the server's start) → workspace through the API → server stopped → COPY with planted duplicates. */
async function prepare(): Promise<State> {
  if (args.reuse && fs.existsSync(statePath)) {
    const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as State;
    if (state.contacts === totalContacts) {
      log(`reusing the seeded database (${totalContacts.toLocaleString("en")} contacts)`);
      return state;
    }
  }
  const databaseUrl = await recreateDatabase(databaseName);
  const server = await startServer({ DATABASE_URL: databaseUrl });
  const workspace = await createWorkspace(server.port).finally(() => server.stop());
  log(`workspace ${workspace.workspaceId} created through the API; loading ${totalContacts.toLocaleString("en")} contacts`);

  const planted: PlantedPair[] = [];
  const checks: CheckSample[] = [];
  const started = performance.now();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  const plan = { workspaceId: workspace.workspaceId, ownerIds: workspace.ownerIds, contacts: totalContacts, companies };
  await seed(pgExecutor(client), plan, log, { contacts: plantDuplicates(planted, checks) }).finally(() => client.release());
  await pool.end();
  const state = { contacts: totalContacts, workspace, planted, checks, seedSeconds: Math.round((performance.now() - started) / 100) / 10 };
  fs.writeFileSync(statePath, JSON.stringify(state));
  return state;
}

interface GroupRow {
  ids: string[];
  reason: DuplicateReason;
  score: number;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** Groups and pairs (a group of k records holds k(k−1)/2) per reason. */
function countByReason(groups: DuplicateGroup[]) {
  const counts: Record<string, { groups: number; pairs: number }> = {};
  for (const group of groups) {
    for (const reason of group.reasons) {
      const count = (counts[reason] ??= { groups: 0, pairs: 0 });
      count.groups++;
      count.pairs += (group.ids.length * (group.ids.length - 1)) / 2;
    }
  }
  return counts;
}

/** Planted pairs found: a group with the planted reason holds both records. */
function recall(groups: DuplicateGroup[], planted: PlantedPair[]) {
  const byReasonAndId = new Map<string, DuplicateGroup[]>();
  for (const group of groups) {
    for (const reason of group.reasons) {
      for (const id of group.ids) {
        const key = `${reason} ${id}`;
        byReasonAndId.set(key, [...(byReasonAndId.get(key) ?? []), group]);
      }
    }
  }
  const tally: Record<string, { planted: number; found: number; recall: number }> = {};
  const add = (key: string, isFound: boolean) => {
    const entry = (tally[key] ??= { planted: 0, found: 0, recall: 0 });
    entry.planted++;
    if (isFound) entry.found++;
    entry.recall = Math.round((entry.found / entry.planted) * 1000) / 10;
  };
  for (const pair of planted) {
    const isFound = (byReasonAndId.get(`${pair.kind} ${pair.ids[0]}`) ?? []).some((group) => group.ids.includes(pair.ids[1]));
    add(pair.kind, isFound);
    add(`${pair.kind}: ${pair.variant}`, isFound);
    add("all", isFound);
  }
  // Each kind, its variants under it, then all.
  return Object.fromEntries(Object.entries(tally).sort(([a], [b]) => (a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b))));
}

const state = await prepare();
const databaseUrl = `${postgresServerUrl}/${databaseName}`;
const context: Context = { ...state.workspace, samples: { ids: [], emails: [] } };
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
const dbVersion = `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}`;
const liveContacts = Number((await pool.query("select count(*) from contacts where deleted_at is null")).rows[0].count);

// The baseline: the server's session look-up, then the same function in a workspace transaction, through pg.
let baselineRows: GroupRow[] = [];
const baselineScan = pgBaseline(pool, context, {
  key: "scan",
  label: "full duplicate scan",
  request: () => ({ method: "GET", path: "/api/v1/duplicates?object=contact&limit=1000" }),
  async sql(query: Query) {
    baselineRows = ((await query("select ids, reason, score from duplicate_contact_groups($1)", [maxGroupSize])) as pg.QueryResult<GroupRow>).rows;
  },
});

const server = await startServer({ DATABASE_URL: databaseUrl });
const http = httpClient(server.port, `pillar_session=${state.workspace.sessionToken}`, 1);
const scans: { baseline: number[]; api: number[] } = { baseline: [], api: [] };
let apiGroups: DuplicateGroup[] = [];
const createdIds: string[] = [];
let createLatency: Latency;
const warned: Record<string, { posted: number; warned: number }> = {};
const { peakMb } = await withRssSampling(server, async () => {
  // Alternating, so load from other work on the machine hits both sides alike.
  for (let round = 1; round <= rounds; round++) {
    const baselineStart = performance.now();
    await baselineScan(0);
    scans.baseline.push(seconds(baselineStart));
    log(`round ${round}: baseline ${scans.baseline.at(-1)} s (${baselineRows.length.toLocaleString("en")} rows from the function)`);
    const apiStart = performance.now();
    const response = await http.send({ method: "GET", path: "/api/v1/duplicates?object=contact&limit=1000" });
    scans.api.push(seconds(apiStart));
    if (response.status !== 200) throw new Error(`scan: HTTP ${response.status} ${response.body.slice(0, 300)}`);
    apiGroups = (JSON.parse(response.body) as { data: DuplicateGroup[] }).data;
    log(`round ${round}: API ${scans.api.at(-1)} s (${apiGroups.length} groups answered, the surest first)`);
  }

  // The create-time check: a contact that duplicates an existing one by e-mail, phone or a misspelt name at its company.
  const byKind = plantedKinds.map((kind) => state.checks.filter((check) => check.kind === kind));
  const body = (i: number) => {
    const samples = byKind[i % byKind.length];
    const sample = samples[Math.floor(i / byKind.length) % samples.length];
    if (sample.kind === "same_email") return { sample, input: { firstName: sample.firstName, lastName: sample.lastName, emails: [{ address: sample.email, primary: true }] } };
    if (sample.kind === "same_phone") return { sample, input: { firstName: "Pat", lastName: sample.lastName, emails: [], phones: [{ number: sample.phone, primary: true }] } };
    return { sample, input: { firstName: sample.firstName, lastName: typos[0][1](sample.lastName), emails: [], companyId: sample.companyId } };
  };
  const timings: number[] = [];
  const warmup = 20;
  for (let i = 0; i < warmup + creates; i++) {
    const { sample, input } = body(i);
    const start = performance.now();
    const response = await http.send({ method: "POST", path: "/api/v1/contacts", body: input });
    const elapsed = performance.now() - start;
    if (response.status !== 201) throw new Error(`create: HTTP ${response.status} ${response.body.slice(0, 300)}`);
    const created = JSON.parse(response.body) as { id: string; warnings?: { ids: string[] }[] };
    createdIds.push(created.id);
    if (i < warmup) continue;
    timings.push(elapsed);
    const entry = (warned[sample.kind] ??= { posted: 0, warned: 0 });
    entry.posted++;
    if (created.warnings?.some((warning) => warning.ids.includes(sample.id))) entry.warned++;
  }
  createLatency = percentiles(timings);
  log(`create with the duplicate check: p50 ${createLatency.p50} ms, p95 ${createLatency.p95} ms over ${creates} requests`);
}).finally(async () => {
  http.close();
  await server.stop();
});

// The contacts the create check made go, so a --reuse run scans the same data.
await pool.query("delete from audit_log where entity_id = any($1::uuid[])", [createdIds]);
await pool.query("delete from contacts where id = any($1::uuid[])", [createdIds]);
await pool.end();

// Everything the product's detection finds: the function's rows through the server's own combine().
const found = combine(baselineRows);
const foundKeys = new Set(found.map((group) => group.ids.join(",")));
const best = (values: number[]) => Math.min(...values);
const result = {
  dbVersion,
  contacts: totalContacts,
  liveContacts,
  companies,
  machine: machine(),
  date: new Date().toISOString(),
  seedSeconds: state.seedSeconds,
  scanSeconds: { baseline: scans.baseline, api: scans.api, bestBaseline: best(scans.baseline), bestApi: best(scans.api) },
  apiOverBaseline: Math.round((best(scans.api) / best(scans.baseline)) * 100) / 100,
  isUnder60s: best(scans.api) < 60,
  serverRssPeakMb: peakMb,
  groups: found.length,
  foundByReason: countByReason(found),
  plantedPairs: state.planted.length,
  recall: recall(found, state.planted),
  apiAnswer: { groups: apiGroups.length, inFullResult: apiGroups.filter((group) => foundKeys.has(group.ids.join(","))).length },
  createCheck: { requests: creates, latencyMs: createLatency!, warnedAboutTheOriginal: warned },
};

console.log(`\n${dbVersion}, ${totalContacts.toLocaleString("en")} contacts (${liveContacts.toLocaleString("en")} live)`);
console.log(`full scan: API ${result.scanSeconds.bestApi} s, baseline ${result.scanSeconds.bestBaseline} s, API / baseline ${result.apiOverBaseline}×`);
console.table(result.foundByReason);
console.table(result.recall);
console.table(result.createCheck.warnedAboutTheOriginal);
console.log(`create p50 ${createLatency!.p50} ms, p95 ${createLatency!.p95} ms; server RSS peak ${peakMb} MB`);

const fixed = (value: number) => (Number.isInteger(value) ? value.toLocaleString("en") : value.toFixed(1));
const markdown = [
  `**${dbVersion}**, ${totalContacts.toLocaleString("en")} contacts (${liveContacts.toLocaleString("en")} live) at ${companies.toLocaleString("en")} companies — ${result.machine.cpus} cores, Node ${result.machine.node}, ${result.date.slice(0, 10)}. Server RSS peak ${peakMb} MB.`,
  "",
  "| full scan | seconds (each round) | best |",
  "|---|---|---|",
  `| API \`GET /api/v1/duplicates?object=contact\` | ${scans.api.join(", ")} | ${result.scanSeconds.bestApi} |`,
  `| baseline (same SQL through pg) | ${scans.baseline.join(", ")} | ${result.scanSeconds.bestBaseline} |`,
  `| API / baseline | | ${result.apiOverBaseline}× |`,
  `| target: under 60 s | | ${result.isUnder60s ? "met" : "**not met**"} |`,
  "",
  "| reason | groups found | pairs found |",
  "|---|---|---|",
  ...Object.entries(result.foundByReason).map(([reason, count]) => `| ${reason} | ${fixed(count.groups)} | ${fixed(count.pairs)} |`),
  "",
  "| planted | pairs | found | recall |",
  "|---|---|---|---|",
  ...Object.entries(result.recall).map(([kind, entry]) => `| ${kind} | ${fixed(entry.planted)} | ${fixed(entry.found)} | ${entry.recall} % |`),
  "",
  `Create-time check (POST /api/v1/contacts duplicating an existing contact, ${creates} requests, one client): p50 ${createLatency!.p50} ms, p95 ${createLatency!.p95} ms, p99 ${createLatency!.p99} ms. ` +
    `Warned about the original: ${Object.entries(warned)
      .map(([kind, entry]) => `${kind} ${entry.warned}/${entry.posted}`)
      .join(", ")}.`,
].join("\n");
const directory = path.join(import.meta.dirname, "results");
fs.mkdirSync(directory, { recursive: true });
fs.writeFileSync(path.join(directory, "duplicates-postgres.json"), JSON.stringify(result, null, 2) + "\n");
fs.writeFileSync(path.join(directory, "duplicates-postgres.md"), markdown + "\n");
log(`results written to ${directory}/duplicates-postgres.{json,md}`);
