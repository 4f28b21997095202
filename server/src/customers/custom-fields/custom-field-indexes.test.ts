import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "../../../../contracts/index.js";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { eventually } from "../../../../test/eventually.js";
import { createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { indexedValueSql } from "./custom-field-indexes.expressions.js";
import { fieldIndexNames } from "./custom-field-indexes.repository.js";
import { syncFieldIndexes } from "./custom-field-indexes.job.js";

const context = useTestApp();
let owner: Actor;
const fieldIds: Record<string, string> = {};

async function indexesOf(fieldId: string) {
  const names = fieldIndexNames(fieldId);
  const result = (await context.database.db.execute(
    sql`select c.relname as name, pg_get_indexdef(c.oid) as definition from pg_class c where c.relname in (${names.ascending}, ${names.descending}) order by 1`,
  )) as unknown as { rows: { name: string; definition: string }[] };
  return result.rows;
}

const built = (fieldId: string) => eventually(async () => ((await indexesOf(fieldId)).length === 2 ? indexesOf(fieldId) : undefined));

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  const fields = [
    { key: "score", label: "Score", type: "number" },
    { key: "budget", label: "Budget", type: "money" },
    { key: "renewal", label: "Renewal", type: "date" },
    { key: "tier", label: "Tier", type: "single_select", options: [{ value: "gold", label: "Gold" }, { value: "silver", label: "Silver" }] },
    { key: "nickname", label: "Nickname", type: "text" },
  ];
  for (const field of fields) {
    const response = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", ...field });
    fieldIds[field.key] = response.body.id;
  }
  const people: [string, Record<string, unknown>][] = [
    ["Ada", { score: 10, budget: { amount: 5000, currency: "GBP" }, renewal: "2027-01-15", tier: "gold" }],
    ["Bob", { score: 2.5, budget: { amount: 100, currency: "GBP" }, renewal: "2026-06-30", tier: "silver" }],
    ["Cyd", { score: 10, tier: "gold" }],
    ["Dee", {}],
    ["Eve", { score: -3, renewal: "2026-02-28", tier: "silver" }],
  ];
  for (const [firstName, custom] of people) await createContact(owner, { firstName, custom });
  for (const key of ["score", "budget", "renewal", "tier"]) await built(fieldIds[key]);
});

async function names(query: string): Promise<string[]> {
  const response = await owner.request("GET", `/api/v1/contacts?limit=200&${query}`);
  expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body.data.map((contact: Contact) => contact.firstName);
}

/** Every page of `sort`, two rows at a time, following the cursors. */
async function walk(sort: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const response: { status: number; body: { data: Contact[]; nextCursor: string | null } } = await owner.request(
      "GET",
      `/api/v1/contacts?limit=2&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(response.status).toBe(200);
    seen.push(...response.body.data.map((contact) => contact.firstName));
    cursor = response.body.nextCursor;
  } while (cursor);
  return seen;
}

/** The plan the database picks as crm_app in the workspace, with scans that need no index priced out. */
async function planOf(where: string, order = "updated_at desc, id desc") {
  return inWorkspace(context.database.db, owner.workspaceId, async (tx) => {
    await tx.execute(sql`select set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)`);
    const result = (await tx.execute(
      sql.raw(`explain select id from contacts where workspace_id = '${owner.workspaceId}' and deleted_at is null and ${where} order by ${order} limit 51`),
    )) as unknown as { rows: Record<string, string>[] };
    return result.rows.map((row) => Object.values(row)[0]).join("\n");
  });
}

describe("per-field indexes of custom fields", () => {
  it("builds two partial indexes per indexed field over its workspace's live records, none for a text field", async () => {
    const indexes = await indexesOf(fieldIds.score);
    expect(indexes.map((index) => index.name)).toEqual([fieldIndexNames(fieldIds.score).ascending, fieldIndexNames(fieldIds.score).descending]);
    for (const index of indexes) {
      expect(index.definition).toContain("custom_number_value(custom, '{score}'::text[])");
      expect(index.definition).toContain(`workspace_id = '${owner.workspaceId}'::uuid`);
      expect(index.definition).toContain("deleted_at IS NULL");
    }
    expect(await indexesOf(fieldIds.nickname)).toEqual([]);
  });

  it("answers filters, sorts and cursors as before", async () => {
    expect(await names("sort=firstName&filter[custom.score][gt]=2.5")).toEqual(["Ada", "Cyd"]);
    expect(await names("sort=firstName&filter[custom.score][lte]=2.5")).toEqual(["Bob", "Eve"]);
    expect(await names("sort=firstName&filter[custom.score][eq]=10")).toEqual(["Ada", "Cyd"]);
    expect(await names("sort=firstName&filter[custom.score][in]=-3,2.5")).toEqual(["Bob", "Eve"]);
    expect(await names("sort=firstName&filter[custom.score][isEmpty]=true")).toEqual(["Dee"]);
    expect(await names("sort=firstName&filter[custom.budget][gte]=100&filter[custom.budget][lt]=5000")).toEqual(["Bob"]);
    expect(await names("sort=firstName&filter[custom.renewal][gt]=2026-03-01")).toEqual(["Ada", "Bob"]);
    expect(await names("sort=firstName&filter[custom.renewal][lt]=2026-03-01")).toEqual(["Eve"]);
    expect(await names("sort=firstName&filter[custom.tier][eq]=silver")).toEqual(["Bob", "Eve"]);
    expect(await names("sort=firstName&filter[custom.tier][ne]=silver")).toEqual(["Ada", "Cyd", "Dee"]);

    const ascending = await names("sort=custom.score,firstName");
    expect(ascending).toEqual(["Eve", "Bob", "Ada", "Cyd", "Dee"]);
    const byScore = await walk("custom.score");
    expect(byScore.slice(0, 2)).toEqual(["Eve", "Bob"]);
    expect(byScore.slice(2, 4).sort()).toEqual(["Ada", "Cyd"]);
    expect(byScore[4]).toBe("Dee");
    const descending = await walk("-custom.score");
    expect(descending.slice(0, 2).sort()).toEqual(["Ada", "Cyd"]);
    expect(descending.slice(2)).toEqual(["Bob", "Eve", "Dee"]);
    const byRenewal = await walk("-custom.renewal");
    expect(byRenewal.slice(0, 3)).toEqual(["Ada", "Bob", "Eve"]);
    expect(byRenewal.slice(3).sort()).toEqual(["Cyd", "Dee"]);
    expect((await walk("custom.tier")).slice(0, 2).sort()).toEqual(["Ada", "Cyd"]);
    expect((await walk("-custom.budget")).slice(0, 2)).toEqual(["Ada", "Bob"]);
  });

  it("lets the planner use them as crm_app under row-level security, for ranges, equality and sorts", async () => {
    const score = indexedValueSql("number", "score", "custom");
    const { ascending, descending } = fieldIndexNames(fieldIds.score);
    const range = await planOf(`${score} > 2 and ${score} < 11`);
    expect(range).toMatch(new RegExp(`Index Scan (Backward )?using (${ascending}|${descending})`));
    expect(range).toMatch(/Index Cond: \(\(custom_number_value\(custom, '\{score\}'::text\[\]\) > '2'::double precision\)/);
    expect(await planOf("true", `${score} desc nulls last, id desc`)).toContain(`Index Scan using ${descending}`);
    expect(await planOf("true", `${score} asc nulls last, id asc`)).toContain(`Index Scan using ${ascending}`);
    const tier = indexedValueSql("single_select", "tier", "custom");
    expect(await planOf(`${tier} = 'gold'`)).toMatch(/Index Cond: \(custom_option_value\(custom, 'tier'::text\) = 'gold'::text\)/);
    const renewal = indexedValueSql("date", "renewal", "custom");
    expect(await planOf(`${renewal} >= '2026-01-01'`)).toMatch(/Index Cond: \(custom_date_value\(custom, 'renewal'::text\) >= '2026-01-01'::date\)/);
  });

  it("keeps other workspaces out: their records are not in the index, their fields are not this workspace's", async () => {
    const other = await signUpOwner(context.app);
    const otherField = await other.request("POST", "/api/v1/custom-fields", { object: "contact", key: "score", label: "Score", type: "number" });
    await createContact(other, { firstName: "Zed", custom: { score: 5 } });
    await built(otherField.body.id);
    expect(await names("sort=firstName&filter[custom.score][gt]=0")).toEqual(["Ada", "Bob", "Cyd"]);
    const theirs = await other.request("GET", "/api/v1/contacts?filter[custom.score][gt]=0");
    expect(theirs.body.data.map((contact: Contact) => contact.firstName)).toEqual(["Zed"]);
    const [index] = await indexesOf(otherField.body.id);
    expect(index.definition).toContain(`workspace_id = '${other.workspaceId}'::uuid`);
    expect(index.definition).not.toContain(owner.workspaceId);
  });

  it("refuses hostile keys and values before they reach SQL", async () => {
    const hostileKey = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: "x') or 1=1; drop table contacts; --", label: "x", type: "number" });
    expect(hostileKey.status).toBe(400);
    expect(() => indexedValueSql("number", "x'}'::text[]); drop table contacts; --", "custom")).toThrow();
    expect(() => fieldIndexNames("1; drop table contacts")).toThrow();
    for (const query of ["filter[custom.score][gt]=1);drop table contacts;--", "filter[custom.renewal][lt]=2026-01-01'--", "filter[custom.tier][eq]=gold' or '1'='1"]) {
      expect((await owner.request("GET", `/api/v1/contacts?${query}`)).status).toBe(400);
    }
    expect(await names("sort=firstName")).toHaveLength(5);
  });

  it("builds for company fields and drops a field's indexes and statistics when it is deleted", async () => {
    const field = await owner.request("POST", "/api/v1/custom-fields", { object: "company", key: "seats", label: "Seats", type: "number" });
    await createCompany(owner, { name: "Acme", custom: { seats: 40 } });
    const [index] = await built(field.body.id);
    expect(index.definition).toContain("ON public.companies");
    expect((await owner.request("GET", "/api/v1/companies?filter[custom.seats][gt]=10")).body.data.map((company: { name: string }) => company.name)).toEqual(["Acme"]);

    expect((await owner.request("DELETE", `/api/v1/custom-fields/${field.body.id}`)).status).toBe(204);
    await eventually(async () => ((await indexesOf(field.body.id)).length === 0 ? true : undefined));
    const statistics = (await context.database.db.execute(sql`select 1 from pg_statistic_ext where stxname = ${fieldIndexNames(field.body.id).statistics}`)) as unknown as { rows: unknown[] };
    expect(statistics.rows).toEqual([]);
  });

  it("rebuilds an index that went missing, and drops one whose field is gone", async () => {
    const { ascending } = fieldIndexNames(fieldIds.score);
    await context.database.db.execute(sql.raw(`drop index ${ascending}`));
    await syncFieldIndexes(context.database, { workspaceId: owner.workspaceId, fieldId: fieldIds.score });
    expect(await indexesOf(fieldIds.score)).toHaveLength(2);
    await syncFieldIndexes(context.database, { workspaceId: null, fieldId: fieldIds.renewal });
    expect(await indexesOf(fieldIds.renewal)).toEqual([]);
    await syncFieldIndexes(context.database, { workspaceId: owner.workspaceId, fieldId: fieldIds.renewal });
    expect(await indexesOf(fieldIds.renewal)).toHaveLength(2);
  });
});
