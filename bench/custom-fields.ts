import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { indexedValueSql } from "../server/src/customers/custom-fields/custom-field-indexes.expressions.js";
import { pgBaseline } from "./baseline.js";
import { recreateDatabase } from "./database.js";
import { measure, type Measurement, type Phase } from "./load.js";
import { machine } from "./report.js";
import type { Context, Query, Scenario } from "./scenarios.js";
import { pgExecutor, seed, type Executor, type Value } from "./seed.js";
import { api, createWorkspace, measureThroughServer, startServer } from "./server.js";

/**
 * npm run bench:custom-fields -- [--contacts=1000000] [--quick]
 * Filters and sorts on custom fields (number, date, single_select) over 1,000,000 contacts in one
 * workspace on PostgreSQL, in its own database: through the server, through the bare driver with
 * the SQL the server runs now (per-field indexes, docs/decisions/0004), and with the SQL it ran
 * before them (extracted jsonb values, custom_value_matches for equality).
 */
const { values: args } = parseArgs({ options: { contacts: { type: "string" }, quick: { type: "boolean", default: false } } });
const totalContacts = Number(args.contacts ?? (args.quick ? 100_000 : 1_000_000));
const databaseName = "pillar_bench_custom";
const phase: Phase = args.quick
  ? { warmup: 5, sequential: 40, concurrency: 4, maxRequests: 300, maxSeconds: 2, maxSequentialSeconds: 10 }
  : { warmup: 10, sequential: 200, concurrency: 4, maxRequests: 2000, maxSeconds: 4, maxSequentialSeconds: 30 };
/** The old queries take up to seconds each at 1M: the minimum 20 sequential samples and a short concurrent phase. */
const slowPhase: Phase = { warmup: 2, sequential: 20, concurrency: 2, maxRequests: 10, maxSeconds: 1, maxSequentialSeconds: 1 };
const log = (line: string) => console.log(`[bench:custom-fields] ${line}`);

const tiers = ["gold", "silver", "bronze"];
/** Deterministic values: one contact in 2,000 is platinum (the rare value); a third are gold. */
function customOf(index: number) {
  const since = new Date(Date.UTC(2015, 0, 1) + (index % 3650) * 86_400_000).toISOString().slice(0, 10);
  return { score: (index * 7919) % 100_000, since, tier: index % 2000 === 0 ? "platinum" : tiers[index % 3] };
}

/** seed.ts's COPY, with a `custom` column added to each contact row on its way in. */
function withCustomValues(executor: Executor): Executor {
  return {
    ...executor,
    async copy(table, columns, rows) {
      if (table !== "contacts") return executor.copy!(table, columns, rows);
      let index = 0;
      const withCustom = (function* () {
        for (const row of rows) yield [...row, JSON.stringify(customOf(index++))] as Value[];
      })();
      return executor.copy!(table, [...columns, "custom"], withCustom);
    },
  };
}

const databaseUrl = await recreateDatabase(databaseName);
const setup = await startServer({ DATABASE_URL: databaseUrl });
const workspace = await createWorkspace(setup.port);
const cookie = `pillar_session=${workspace.sessionToken}`;
try {
  const options = [...tiers, "platinum"].map((value) => ({ value, label: value }));
  await api(setup.port, cookie, "POST", "/api/v1/custom-fields", { object: "contact", key: "score", label: "Score", type: "number" });
  await api(setup.port, cookie, "POST", "/api/v1/custom-fields", { object: "contact", key: "since", label: "Customer since", type: "date" });
  await api(setup.port, cookie, "POST", "/api/v1/custom-fields", { object: "contact", key: "tier", label: "Tier", type: "single_select", options });
  // The index jobs run on the empty table; seed() drops and rebuilds every secondary index of contacts, theirs included.
  await new Promise((resolve) => setTimeout(resolve, 3000));
} finally {
  await setup.stop();
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
const client = await pool.connect();
const seedStarted = performance.now();
await seed(withCustomValues(pgExecutor(client)), { workspaceId: workspace.workspaceId, ownerIds: workspace.ownerIds, contacts: totalContacts, companies: Math.max(100, totalContacts / 100) }, log);
await client.query("vacuum analyze contacts");
client.release();
const seedSeconds = Math.round((performance.now() - seedStarted) / 100) / 10;
const indexCount = (await pool.query("select count(*)::int as count from pg_indexes where indexname ~ '^custom_field_[0-9a-f]{32}_'")).rows[0].count;
log(`seeded in ${seedSeconds} s; ${indexCount} custom field indexes`);

const score = indexedValueSql("number", "score", "contacts.custom");
const since = indexedValueSql("date", "since", "contacts.custom");
const tier = indexedValueSql("single_select", "tier", "contacts.custom");
const list = (where: string, order = "contacts.updated_at desc nulls last, contacts.id desc") =>
  `select contacts.*, companies.name, users.name, users.email from contacts
   left join companies on companies.workspace_id = contacts.workspace_id and companies.id = contacts.company_id
   left join users on users.id = contacts.owner_id
   where contacts.workspace_id = $1 and contacts.deleted_at is null and ${where} order by ${order} limit 51`;

// The next page after the first 50 by score: the cursor the API hands out, and its values for the SQL.
const reader = await pool.connect();
await reader.query(`begin; select set_config('app.workspace_id', '${workspace.workspaceId}', true), set_config('role', 'crm_app', true)`);
const firstPage = await reader.query<{ id: string; score: number }>(`select id, ${score} as score from contacts where workspace_id = $1 and deleted_at is null order by ${score} asc nulls last, id asc limit 50`, [workspace.workspaceId]);
await reader.query("rollback");
reader.release();
const last = firstPage.rows[49]!;

interface Case {
  key: string;
  label: string;
  path: string;
  now: string;
  before: string;
}
const cases: Case[] = [
  { key: "number_range", label: "filter number range (0.2 %)", path: "filter[custom.score][gte]=500&filter[custom.score][lt]=700", now: list(`${score} >= 500 and ${score} < 700`), before: list("((contacts.custom ->> 'score')::numeric) >= 500 and ((contacts.custom ->> 'score')::numeric) < 700") },
  { key: "date_range", label: "filter date range (one month, 0.8 %)", path: "filter[custom.since][gte]=2016-03-01&filter[custom.since][lt]=2016-04-01", now: list(`${since} >= '2016-03-01' and ${since} < '2016-04-01'`), before: list("((contacts.custom ->> 'since')::date) >= '2016-03-01' and ((contacts.custom ->> 'since')::date) < '2016-04-01'") },
  { key: "select_common", label: "select equality, common value (a third)", path: "filter[custom.tier][eq]=gold", now: list(`${tier} = 'gold'`), before: list(`contacts.id in (select custom_value_matches('contacts', array['{"tier":"gold"}'::jsonb]))`) },
  { key: "select_rare", label: "select equality, rare value (0.05 %)", path: "filter[custom.tier][eq]=platinum", now: list(`${tier} = 'platinum'`), before: list(`contacts.id in (select custom_value_matches('contacts', array['{"tier":"platinum"}'::jsonb]))`) },
  { key: "sort_number", label: "sort by number, first page of 50", path: "sort=custom.score", now: list("true", `${score} asc nulls last, contacts.id asc`), before: list("true", "((contacts.custom ->> 'score')::numeric) asc nulls last, contacts.id asc") },
  {
    key: "sort_number_next",
    label: "sort by number, next page by cursor",
    path: `sort=custom.score&cursor=${Buffer.from(JSON.stringify([last.score, last.id])).toString("base64url")}`,
    now: list(`((${score} > ${last.score} or ${score} is null) or (${score} = ${last.score} and contacts.id > '${last.id}'))`, `${score} asc nulls last, contacts.id asc`),
    before: list(`((((contacts.custom ->> 'score')::numeric) > ${last.score} or ((contacts.custom ->> 'score')::numeric) is null) or (((contacts.custom ->> 'score')::numeric) = ${last.score} and contacts.id > '${last.id}'))`, "((contacts.custom ->> 'score')::numeric) asc nulls last, contacts.id asc"),
  },
];

const context: Context = { ...workspace, samples: { ids: [], emails: [] } };
const sqlScenario = (item: Case, text: string): Scenario => ({ key: item.key, label: item.label, request: () => ({ method: "GET", path: "" }), sql: (query: Query) => query(text, [workspace.workspaceId]) });
const dbVersion = `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}`;
const now = new Map<string, Measurement>();
const before = new Map<string, Measurement>();
for (const item of cases) {
  now.set(item.key, await measure(pgBaseline(pool, context, sqlScenario(item, item.now)), phase));
  before.set(item.key, await measure(pgBaseline(pool, context, sqlScenario(item, item.before)), slowPhase));
  log(`${item.key}: SQL now p95 ${now.get(item.key)!.oneClient.p95} ms, before p95 ${before.get(item.key)!.oneClient.p95} ms`);
}
await pool.end();

const { results: served, peakMb } = await measureThroughServer(
  { DATABASE_URL: databaseUrl },
  cookie,
  phase,
  cases.map((item) => ({ key: item.key, request: { method: "GET" as const, path: `/api/v1/contacts?limit=50&${item.path}` } })),
);

const rows = cases.map((item) => ({
  scenario: item.label,
  beforeSqlP50: before.get(item.key)!.oneClient.p50,
  beforeSqlP95: before.get(item.key)!.oneClient.p95,
  sqlP50: now.get(item.key)!.oneClient.p50,
  sqlP95: now.get(item.key)!.oneClient.p95,
  apiP50: served.get(item.key)!.oneClient.p50,
  apiP95: served.get(item.key)!.oneClient.p95,
  apiRps4: served.get(item.key)!.concurrent.rps,
}));
console.table(rows);
const summary = { dbVersion, contacts: totalContacts, seedSeconds, indexCount, machine: machine(), date: new Date().toISOString(), serverRssPeakMb: peakMb, rows };
const markdown = [
  `**${dbVersion}**, ${totalContacts.toLocaleString("en")} contacts in one workspace with number, date and single_select custom fields — ${summary.machine.cpus} cores, Node ${summary.machine.node}, ${summary.date.slice(0, 10)}. Server RSS peak ${peakMb} MB. Pages of 50.`,
  "",
  "| scenario | before: SQL p50 / p95 ms | now: SQL p50 / p95 ms | API p50 / p95 ms (1 client) | API req/s (4 clients) |",
  "|---|---|---|---|---|",
  ...rows.map((row) => `| ${row.scenario} | ${row.beforeSqlP50} / ${row.beforeSqlP95} | ${row.sqlP50} / ${row.sqlP95} | ${row.apiP50} / ${row.apiP95} | ${row.apiRps4} |`),
].join("\n");
const directory = path.join(import.meta.dirname, "results");
fs.mkdirSync(directory, { recursive: true });
fs.writeFileSync(path.join(directory, "custom-fields-postgres.json"), JSON.stringify(summary, null, 2) + "\n");
fs.writeFileSync(path.join(directory, "custom-fields-postgres.md"), markdown + "\n");
log(`results written to ${directory}/custom-fields-postgres.{json,md}`);
