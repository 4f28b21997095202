import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { pgBaseline } from "./baseline.js";
import { postgresServerUrl, recreateDatabase } from "./database.js";
import { measure, type Measurement, type Phase } from "./load.js";
import { machine } from "./report.js";
import type { Context, Query, Scenario } from "./scenarios.js";
import { api, createWorkspace, measureThroughServer, startServer } from "./server.js";

/**
 * npm run bench:sales -- [--deals=1000000] [--board=10000] [--quick] [--reuse]
 * The sales pillar's two heavy reads on PostgreSQL: a pipeline's kanban board with 10,000 open
 * deals, and a quarter's forecast over 1,000,000 deals. Each is measured through the bare driver
 * (the same session look-up, transaction and SQL work, written by hand) and through the server.
 */
const { values: args } = parseArgs({ options: { deals: { type: "string" }, board: { type: "string" }, quick: { type: "boolean", default: false }, reuse: { type: "boolean", default: false } } });
const totalDeals = Number(args.deals ?? (args.quick ? 100_000 : 1_000_000));
const boardDeals = Number(args.board ?? 10_000);
const databaseUrl = `${postgresServerUrl}/pillar_bench_sales`;
const phase: Phase = args.quick
  ? { warmup: 10, sequential: 60, concurrency: 8, maxRequests: 500, maxSeconds: 3, maxSequentialSeconds: 20 }
  : { warmup: 20, sequential: 200, concurrency: 8, maxRequests: 5000, maxSeconds: 5, maxSequentialSeconds: 60 };
const log = (line: string) => console.log(`[bench:sales] ${line}`);

const stagesOf = (kinds: string[]) => kinds.map((kind, index) => ({ name: `Stage ${index + 1}`, probability: kind === "won" ? 100 : kind === "lost" ? 0 : (index + 1) * 15, kind, steps: [] }));

/** A fresh database; the workspace, pipelines, rates and targets through the API; the deals by bulk SQL. */
async function prepare() {
  await recreateDatabase("pillar_bench_sales");

  const server = await startServer({ DATABASE_URL: databaseUrl });
  try {
    const workspace = await createWorkspace(server.port);
    const cookie = `pillar_session=${workspace.sessionToken}`;
    const kinds = ["open", "open", "open", "open", "won", "lost"];
    const board = await api(server.port, cookie, "POST", "/api/v1/pipelines", { name: "New business", stages: stagesOf(kinds) });
    const other = await api(server.port, cookie, "POST", "/api/v1/pipelines", { name: "Renewals", stages: stagesOf(kinds) });
    await api(server.port, cookie, "PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.08" }, { currency: "JPY", rate: "0.0066" }] });
    for (const ownerId of workspace.ownerIds) {
      await api(server.port, cookie, "POST", "/api/v1/targets", { ownerId, period: "2026-Q4", metric: "revenue_won", amount: 50_000_000 });
    }
    return { workspace, cookie, boardPipeline: board, otherPipeline: other };
  } finally {
    await server.stop();
  }
}

/** Deals by generate_series: the board pipeline gets `boardDeals` open ones, the rest go to the other pipeline. */
async function seedDeals(workspaceId: string, ownerIds: string[], boardPipeline: any, otherPipeline: any) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const insert = (pipeline: any, count: number, openOnly: boolean) =>
    client.query(
      `insert into deals (workspace_id, id, name, amount, currency, pipeline_id, stage_id, stage_kind, stage_entered_at, close_date, closed_at, owner_id, forecast_category, created_at, updated_at)
       select $1, gen_random_uuid(), 'Deal ' || n, (n::bigint * 7919 % 5000000) + 1000,
              (array['USD','USD','USD','USD','EUR','EUR','JPY'])[1 + n % 7],
              $2, stage.id, stage.kind, now() - (n % 90) * interval '1 day',
              date '2024-01-01' + (n * 31 % 1461), case when stage.kind <> 'open' then date '2024-01-01' + (n * 31 % 1461) end,
              ($3::uuid[])[1 + n % cardinality($3::uuid[])],
              (array['pipeline','best_case','commit','omitted'])[1 + n % 4],
              now() - (n % 400) * interval '1 day', now() - (n % 400) * interval '1 hour'
       from generate_series(1, $4::int) as n
       cross join lateral (select ($5::jsonb -> (n % jsonb_array_length($5::jsonb)))) as pick(stage_json)
       cross join lateral (select (pick.stage_json ->> 'id')::uuid as id, pick.stage_json ->> 'kind' as kind) as stage`,
      [workspaceId, pipeline.id, ownerIds, count, JSON.stringify(pipeline.stages.filter((stage: any) => !openOnly || stage.kind === "open").map((stage: any) => ({ id: stage.id, kind: stage.kind })))],
    );
  await insert(boardPipeline, boardDeals, true);
  await insert(otherPipeline, totalDeals - boardDeals, false);
  // VACUUM sets the visibility map, so the forecast can read its index alone, as it would on a settled table.
  await client.query("vacuum analyze deals");
  await client.end();
  return Math.round((performance.now() - started) / 100) / 10;
}

/** What the server does for each request, by hand: the board's totals and top deals per stage; the forecast's sums. */
function scenarios(boardPipelineId: string): Scenario[] {
  return [
    {
      key: "board",
      label: `kanban board (${boardDeals.toLocaleString("en")} open deals)`,
      request: () => ({ method: "GET", path: `/api/v1/pipelines/${boardPipelineId}/board?limit=50` }),
      async sql(query: Query) {
        await query("select id, name, kind, probability, position from pipeline_stages where workspace_id = current_setting('app.workspace_id')::uuid and pipeline_id = $1 and archived_at is null order by position", [boardPipelineId]);
        await query("select currency, rate from exchange_rates where workspace_id = current_setting('app.workspace_id')::uuid", []);
        await query(
          "select stage_id, currency, count(*)::int, sum(amount)::bigint from deals where workspace_id = current_setting('app.workspace_id')::uuid and pipeline_id = $1 and deleted_at is null group by stage_id, currency",
          [boardPipelineId],
        );
        await query(
          `select d.id, d.name, d.amount, d.currency, d.close_date, d.owner_id, u.name, c.name, d.stage_entered_at
           from pipeline_stages s
           cross join lateral (select * from deals where workspace_id = s.workspace_id and pipeline_id = s.pipeline_id and stage_id = s.id and deleted_at is null order by updated_at desc, id desc limit 50) d
           left join users u on u.id = d.owner_id
           left join companies c on c.workspace_id = d.workspace_id and c.id = d.company_id
           where s.workspace_id = current_setting('app.workspace_id')::uuid and s.pipeline_id = $1`,
          [boardPipelineId],
        );
      },
    },
    {
      key: "forecast",
      label: `forecast 2026-Q4 by owner (${totalDeals.toLocaleString("en")} deals)`,
      request: () => ({ method: "GET", path: "/api/v1/forecast?period=2026-Q4&groupBy=owner" }),
      async sql(query: Query) {
        await query("select currency, rate from exchange_rates where workspace_id = current_setting('app.workspace_id')::uuid", []);
        await query(
          `select d.owner_id, d.currency,
                  sum(d.amount) filter (where d.stage_kind = 'won')::bigint,
                  sum(d.amount * s.probability / 100.0) filter (where d.stage_kind = 'open')::bigint,
                  sum(d.amount) filter (where d.stage_kind = 'open' and d.forecast_category = 'commit')::bigint,
                  sum(d.amount) filter (where d.stage_kind = 'open' and d.forecast_category = 'best_case')::bigint
           from deals d join pipeline_stages s on s.workspace_id = d.workspace_id and s.id = d.stage_id
           where d.workspace_id = current_setting('app.workspace_id')::uuid and d.close_date >= '2026-10-01' and d.close_date < '2027-01-01' and d.deleted_at is null and d.stage_kind <> 'lost'
           group by d.owner_id, d.currency`,
          [],
        );
        await query("select owner_id, team_id, amount from sales_targets where workspace_id = current_setting('app.workspace_id')::uuid and metric = 'revenue_won' and period_start <= '2026-10-01' and period_end >= '2027-01-01'", []);
      },
    },
  ];
}

const statePath = path.join(os.tmpdir(), "pillar-bench-sales.state.json");
type Prepared = Awaited<ReturnType<typeof prepare>> & { seedSeconds: number; deals: number };
async function prepareAndSeed(): Promise<Prepared> {
  if (args.reuse && fs.existsSync(statePath)) {
    const state = JSON.parse(fs.readFileSync(statePath, "utf8")) as Prepared;
    if (state.deals === totalDeals) {
      log(`reusing the seeded database (${totalDeals.toLocaleString("en")} deals)`);
      return state;
    }
  }
  const fresh = await prepare();
  log(`workspace and pipelines created through the API; seeding ${totalDeals.toLocaleString("en")} deals`);
  const seedSeconds = await seedDeals(fresh.workspace.workspaceId, fresh.workspace.ownerIds, fresh.boardPipeline, fresh.otherPipeline);
  log(`seeded in ${seedSeconds} s`);
  const state = { ...fresh, seedSeconds, deals: totalDeals };
  fs.writeFileSync(statePath, JSON.stringify(state));
  return state;
}
const prepared = await prepareAndSeed();
const { seedSeconds } = prepared;

const context: Context = { ...prepared.workspace, samples: {} as Context["samples"] };
const list = scenarios(prepared.boardPipeline.id);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
const dbVersion = `PostgreSQL ${(await pool.query("show server_version")).rows[0].server_version}`;
const baseline = new Map<string, Measurement>();
for (const scenario of list) baseline.set(scenario.key, await measure(pgBaseline(pool, context, scenario), phase));
await pool.end();

const { results: measured, peakMb } = await measureThroughServer(
  { DATABASE_URL: databaseUrl },
  prepared.cookie,
  phase,
  list.map((scenario) => ({ key: scenario.key, request: scenario.request(0) })),
);

const limits: Record<string, number> = { board: 100, forecast: 300 };
const rows = list.map((scenario) => {
  const base = baseline.get(scenario.key)!;
  const served = measured.get(scenario.key)!;
  return {
    scenario: scenario.label,
    baselineP95: base.oneClient.p95,
    apiP50: served.oneClient.p50,
    apiP95: served.oneClient.p95,
    apiP99: served.oneClient.p99,
    baselineRps8: base.concurrent.rps,
    apiRps8: served.concurrent.rps,
    ratio: Math.round((served.concurrent.rps / base.concurrent.rps) * 100),
    target: `p95 ≤ ${limits[scenario.key]} ms`,
    isMet: served.oneClient.p95 <= limits[scenario.key]!,
  };
});
console.table(rows);
const summary = {
  dbVersion,
  deals: totalDeals,
  boardDeals,
  seedSeconds,
  machine: machine(),
  date: new Date().toISOString(),
  serverRssPeakMb: peakMb,
  rows,
};
const markdown = [
  `**${dbVersion}**, ${totalDeals.toLocaleString("en")} deals (${boardDeals.toLocaleString("en")} open in the board's pipeline) — ${summary.machine.cpus} cores, Node ${summary.machine.node}, ${summary.date.slice(0, 10)}. Server RSS peak ${peakMb} MB.`,
  "",
  "| scenario | baseline p95 ms | API p50 / p95 / p99 ms (1 client) | baseline req/s (8) | API req/s (8) | API / baseline | target | met |",
  "|---|---|---|---|---|---|---|---|",
  ...rows.map((row) => `| ${row.scenario} | ${row.baselineP95} | ${row.apiP50} / ${row.apiP95} / ${row.apiP99} | ${row.baselineRps8} | ${row.apiRps8} | ${row.ratio} % | ${row.target} | ${row.isMet ? "yes" : "**no**"} |`),
].join("\n");
const directory = path.join(import.meta.dirname, "results");
fs.mkdirSync(directory, { recursive: true });
fs.writeFileSync(path.join(directory, "sales-postgres.json"), JSON.stringify(summary, null, 2) + "\n");
fs.writeFileSync(path.join(directory, "sales-postgres.md"), markdown + "\n");
log(`results written to ${directory}/sales-postgres.{json,md}`);
