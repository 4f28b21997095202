import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { dealFilterFields, dealSortFields, ForecastCategory, StageKind, type CustomFieldRule } from "../../../../contracts/index.js";
import { companies } from "../../customers/companies/companies.schema.js";
import { contacts } from "../../customers/contacts/contacts.schema.js";
import { customListFields, customSortValues } from "../../customers/index.js";
import { afterCursor, buildFilters, cursorFor, escapeLike, invalidFieldFor, orderBy, parseSort, type ListField, type SortKey } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { conflict, invalidField } from "../../platform/http/app-error.js";
import { pipelineStages } from "../pipelines/pipelines.schema.js";
import { dealContacts, deals } from "./deals.schema.js";

export type DealRecord = typeof deals.$inferSelect;
export type NewDealRecord = typeof deals.$inferInsert;

const column = (name: keyof DealRecord) => sql`${deals[name]}`;
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** filter[contactId][eq|in]: deals that person is on. */
function contactFilter(operator: string, value: string): SQL {
  const path = `filter.contactId.${operator}`;
  if (operator !== "eq" && operator !== "in") throw invalidFieldFor(path, ["eq", "in"]);
  const ids = operator === "eq" ? [value.trim()] : value.split(",").map((id) => id.trim());
  if (ids.length === 0 || ids.length > 100) throw invalidField(path, "must list 1 to 100 comma-separated values");
  if (!ids.every(isUuid)) throw invalidField(path, "must be a UUID");
  return sql`exists (select 1 from ${dealContacts} where ${dealContacts.workspaceId} = ${deals.workspaceId} and ${dealContacts.dealId} = ${deals.id} and ${dealContacts.contactId} in (${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}))`;
}

const listFields: Record<(typeof dealFilterFields)[number], ListField> = {
  name: { column: column("name"), type: "text", isNullable: false, isSortable: true },
  amount: { column: column("amount"), type: "number", isNullable: false, isSortable: true },
  currency: { column: column("currency"), type: "text", isNullable: false, isSortable: false },
  pipelineId: { column: column("pipelineId"), type: "uuid", isNullable: false, isSortable: false },
  stageId: { column: column("stageId"), type: "uuid", isNullable: false, isSortable: false },
  stageKind: { column: column("stageKind"), type: "enum", isNullable: false, isSortable: false, enumValues: StageKind.options },
  closeDate: { column: column("closeDate"), type: "date", isNullable: true, isSortable: true },
  ownerId: { column: column("ownerId"), type: "uuid", isNullable: true, isSortable: false },
  companyId: { column: column("companyId"), type: "uuid", isNullable: true, isSortable: false },
  contactId: { column: column("id"), type: "uuid", isNullable: false, isSortable: false, filter: contactFilter },
  forecastCategory: { column: column("forecastCategory"), type: "enum", isNullable: false, isSortable: false, enumValues: ForecastCategory.options },
  source: { column: column("source"), type: "text", isNullable: true, isSortable: false },
  externalId: { column: column("externalId"), type: "text", isNullable: true, isSortable: false },
  stageEnteredAt: { column: column("stageEnteredAt"), type: "timestamp", isNullable: false, isSortable: true },
  lastActivityAt: { column: column("lastActivityAt"), type: "timestamp", isNullable: true, isSortable: true },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
const sortable = new Set<string>(dealSortFields);
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

function baseSelect(tx: Transaction) {
  return tx
    .select({
      deal: deals,
      stageName: pipelineStages.name,
      stageProbability: pipelineStages.probability,
      ownerName: users.name,
      ownerEmail: users.email,
      companyName: companies.name,
    })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, deals.workspaceId), eq(pipelineStages.id, deals.stageId)))
    .leftJoin(users, eq(users.id, deals.ownerId))
    .leftJoin(companies, and(eq(companies.workspaceId, deals.workspaceId), eq(companies.id, deals.companyId)));
}

export type DealRow = NonNullable<Awaited<ReturnType<typeof findDeal>>>;

export async function findDeal(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await baseSelect(tx).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
  return row;
}

export interface DealListQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  q?: string;
  filter?: Record<string, Record<string, string>>;
  trash: boolean;
}

/** customFields: the workspace's deal fields, listed as `custom.<key>` next to the built-in ones. */
export async function listDeals(tx: Transaction, workspaceId: string, query: DealListQuery, customFields: CustomFieldRule[]) {
  const fields = { ...listFields, ...customListFields(customFields, { name: "deals", id: sql`${deals.id}`, custom: sql`${deals.custom}` }) };
  const conditions: (SQL | undefined)[] = [eq(deals.workspaceId, workspaceId), query.trash ? isNotNull(deals.deletedAt) : isNull(deals.deletedAt)];
  conditions.push(...buildFilters(query.filter, fields));
  if (query.q) conditions.push(sql`lower(${deals.name}) like ${`%${escapeLike(query.q.toLowerCase())}%`}`);
  const keys: SortKey[] = parseSort(query.sort, fields, "-updatedAt");
  const idColumn = sql`${deals.id}`;
  conditions.push(afterCursor(query.cursor, keys, idColumn));
  const rows = await baseSelect(tx)
    .where(and(...conditions))
    .orderBy(...orderBy(keys, idColumn))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const values = last ? { ...last.deal, ...customSortValues(last.deal.custom) } : undefined;
  return { rows: page, nextCursor: rows.length > query.limit && last && values ? cursorFor(values, keys, last.deal.id) : null };
}

/** A second deal with an externalId already in use is the caller's mistake (409). */
function externalIdConflict(error: unknown): never {
  for (let cause = error as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 3; cause = cause.cause as typeof cause, depth++) {
    if (cause.code === "23505" && cause.constraint === "deals_external_id_idx") {
      throw conflict("Another deal already has this externalId.", [{ path: "body.externalId", message: "is already used by another deal" }]);
    }
  }
  throw error;
}

export async function insertDeal(tx: Transaction, values: NewDealRecord) {
  await tx.insert(deals).values(values).catch(externalIdConflict);
}

export async function updateDeal(tx: Transaction, workspaceId: string, id: string, values: Partial<NewDealRecord>) {
  await tx
    .update(deals)
    .set(values)
    .where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)))
    .catch(externalIdConflict);
}

export async function deleteDeal(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(deals).where(and(eq(deals.workspaceId, workspaceId), eq(deals.id, id)));
}

export interface DealPerson {
  contactId: string;
  role: string | null;
}

/** The people on some deals with their name, primary e-mail and role, by name. */
export async function loadDealContacts(tx: Transaction, workspaceId: string, dealIds: string[]) {
  const byDeal = new Map<string, { id: string; name: string; email: string | null; role: string | null }[]>(dealIds.map((id) => [id, []]));
  if (dealIds.length === 0) return byDeal;
  const rows = await tx
    .select({
      dealId: dealContacts.dealId,
      id: contacts.id,
      name: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
      email: sql<string | null>`coalesce((select e->>'address' from jsonb_array_elements(${contacts.emails}) e where (e->>'primary')::boolean limit 1), ${contacts.emails}->0->>'address')`,
      role: dealContacts.role,
    })
    .from(dealContacts)
    .innerJoin(contacts, and(eq(contacts.workspaceId, dealContacts.workspaceId), eq(contacts.id, dealContacts.contactId)))
    .where(and(eq(dealContacts.workspaceId, workspaceId), inArray(dealContacts.dealId, dealIds)))
    .orderBy(contacts.firstName, contacts.lastName, contacts.id);
  for (const row of rows) byDeal.get(row.dealId)!.push({ id: row.id, name: row.name, email: row.email, role: row.role });
  return byDeal;
}

export async function replaceDealContacts(tx: Transaction, workspaceId: string, dealId: string, people: DealPerson[]) {
  await tx.delete(dealContacts).where(and(eq(dealContacts.workspaceId, workspaceId), eq(dealContacts.dealId, dealId)));
  if (people.length) await tx.insert(dealContacts).values(people.map((person) => ({ workspaceId, dealId, contactId: person.contactId, role: person.role })));
}

/** A deal may point only at live contacts and companies of its workspace; the bad one is named by its path. */
export async function assertLiveCustomers(tx: Transaction, workspaceId: string, companyId: { id: string; path: string } | null, people: { id: string; path: string }[]) {
  if (companyId) {
    const [row] = await tx.select({ deletedAt: companies.deletedAt }).from(companies).where(and(eq(companies.workspaceId, workspaceId), eq(companies.id, companyId.id)));
    if (!row) throw invalidField(companyId.path, "is not a company of this workspace");
    if (row.deletedAt) throw invalidField(companyId.path, "is a company in the trash; restore it first");
  }
  if (people.length === 0) return;
  const found = await tx
    .select({ id: contacts.id, deletedAt: contacts.deletedAt })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, people.map((person) => person.id))));
  const state = new Map(found.map((row) => [row.id, row.deletedAt]));
  for (const person of people) {
    if (!state.has(person.id)) throw invalidField(person.path, "is not a contact of this workspace");
    if (state.get(person.id)) throw invalidField(person.path, "is a contact in the trash; restore it first");
  }
}
