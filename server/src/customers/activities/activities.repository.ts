import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { activityFilterFields, activitySortFields, ActivityType, TaskPriority } from "../../../../contracts/index.js";
import { afterCursor, buildFilters, cursorFor, invalidFieldFor, orderBy, parseBoolean, parseSort, type ListField, type SortKey } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { invalidField } from "../../platform/http/app-error.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";
import { deals, dealStageHistory } from "../../sales/deals/deals.schema.js";
import { pipelineStages } from "../../sales/pipelines/pipelines.schema.js";
import { activities, activityLinks } from "./activities.schema.js";

export type ActivityRecord = typeof activities.$inferSelect;
export type NewActivityRecord = typeof activities.$inferInsert;

const column = (name: keyof ActivityRecord) => sql`${activities[name]}`;
const isUuid = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** filter[contactId|companyId|dealId][eq|in]: activities linked directly to that record. */
function linkFilter(target: "contactId" | "companyId" | "dealId") {
  const linkColumn = { contactId: activityLinks.contactId, companyId: activityLinks.companyId, dealId: activityLinks.dealId }[target];
  return (operator: string, value: string): SQL => {
    const path = `filter.${target}.${operator}`;
    if (operator !== "eq" && operator !== "in") throw invalidFieldFor(path, ["eq", "in"]);
    const ids = operator === "eq" ? [value.trim()] : value.split(",").map((id) => id.trim());
    if (ids.length === 0 || ids.length > 100) throw invalidField(path, "must list 1 to 100 comma-separated values");
    if (!ids.every(isUuid)) throw invalidField(path, "must be a UUID");
    return sql`exists (select 1 from ${activityLinks} where ${activityLinks.workspaceId} = ${activities.workspaceId} and ${activityLinks.activityId} = ${activities.id} and ${linkColumn} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}))`;
  };
}

/** filter[done][eq]=true|false: a task is done when it has a doneAt. */
function doneFilter(operator: string, value: string): SQL {
  const path = `filter.done.${operator}`;
  if (operator !== "eq") throw invalidFieldFor(path, ["eq"]);
  return parseBoolean(path, value) ? sql`${activities.doneAt} is not null` : sql`${activities.doneAt} is null`;
}

const listFields: Record<(typeof activityFilterFields)[number], ListField> = {
  type: { column: column("type"), type: "enum", isNullable: false, isSortable: false, enumValues: ActivityType.options },
  ownerId: { column: column("ownerId"), type: "uuid", isNullable: true, isSortable: false },
  contactId: { column: column("id"), type: "uuid", isNullable: false, isSortable: false, filter: linkFilter("contactId") },
  companyId: { column: column("id"), type: "uuid", isNullable: false, isSortable: false, filter: linkFilter("companyId") },
  dealId: { column: column("id"), type: "uuid", isNullable: false, isSortable: false, filter: linkFilter("dealId") },
  done: { column: column("doneAt"), type: "timestamp", isNullable: true, isSortable: false, filter: doneFilter },
  priority: { column: column("priority"), type: "enum", isNullable: true, isSortable: false, enumValues: TaskPriority.options },
  at: { column: column("at"), type: "timestamp", isNullable: false, isSortable: true },
  occurredAt: { column: column("occurredAt"), type: "timestamp", isNullable: true, isSortable: true },
  dueAt: { column: column("dueAt"), type: "timestamp", isNullable: true, isSortable: true },
  doneAt: { column: column("doneAt"), type: "timestamp", isNullable: true, isSortable: true },
  reminderAt: { column: column("reminderAt"), type: "timestamp", isNullable: true, isSortable: false },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
const sortable = new Set<string>(activitySortFields);
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

function baseSelect(tx: Transaction) {
  return tx.select({ activity: activities, ownerName: users.name, ownerEmail: users.email }).from(activities).leftJoin(users, eq(users.id, activities.ownerId));
}

export type ActivityRow = Awaited<ReturnType<typeof findActivities>>[number];

export function findActivities(tx: Transaction, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return baseSelect(tx).where(and(eq(activities.workspaceId, workspaceId), inArray(activities.id, ids)));
}

export async function findActivity(tx: Transaction, workspaceId: string, id: string): Promise<ActivityRow | undefined> {
  const [row] = await findActivities(tx, workspaceId, [id]);
  return row;
}

export interface ActivityListQuery {
  limit: number;
  cursor?: string;
  sort?: string;
  filter?: Record<string, Record<string, string>>;
}

export async function listActivities(tx: Transaction, workspaceId: string, query: ActivityListQuery) {
  const keys: SortKey[] = parseSort(query.sort, listFields, "-at");
  const idColumn = sql`${activities.id}`;
  const rows = await baseSelect(tx)
    .where(and(eq(activities.workspaceId, workspaceId), ...buildFilters(query.filter, listFields), afterCursor(query.cursor, keys, idColumn)))
    .orderBy(...orderBy(keys, idColumn))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > query.limit && last ? cursorFor(last.activity, keys, last.activity.id) : null };
}

export async function insertActivity(tx: Transaction, values: NewActivityRecord) {
  await tx.insert(activities).values(values);
}

export async function updateActivity(tx: Transaction, workspaceId: string, id: string, values: Partial<NewActivityRecord>) {
  await tx.update(activities).set(values).where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
}

export async function deleteActivity(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(activities).where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
}

export interface ActivityLinkSet {
  contactIds: string[];
  companyIds: string[];
  dealIds: string[];
}

/** Sets exactly these links, in the order given, for one activity. */
export async function replaceLinks(tx: Transaction, workspaceId: string, activityId: string, links: ActivityLinkSet, newId: () => string) {
  await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, workspaceId), eq(activityLinks.activityId, activityId)));
  const rows = [
    ...links.contactIds.map((contactId) => ({ workspaceId, id: newId(), activityId, contactId, companyId: null, dealId: null })),
    ...links.companyIds.map((companyId) => ({ workspaceId, id: newId(), activityId, contactId: null, companyId, dealId: null })),
    ...links.dealIds.map((dealId) => ({ workspaceId, id: newId(), activityId, contactId: null, companyId: null, dealId })),
  ];
  if (rows.length) await tx.insert(activityLinks).values(rows);
}

export interface LinkedRecords {
  contacts: { id: string; name: string }[];
  companies: { id: string; name: string }[];
  deals: { id: string; name: string }[];
}

/** The records each activity is linked to, with their names, in the order they were linked. */
export async function loadLinks(tx: Transaction, workspaceId: string, activityIds: string[]): Promise<Map<string, LinkedRecords>> {
  const byActivity = new Map<string, LinkedRecords>(activityIds.map((id) => [id, { contacts: [], companies: [], deals: [] }]));
  if (activityIds.length === 0) return byActivity;
  const rows = await tx
    .select({
      activityId: activityLinks.activityId,
      contactId: activityLinks.contactId,
      companyId: activityLinks.companyId,
      contactName: sql<string | null>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))`,
      companyName: companies.name,
      dealId: activityLinks.dealId,
      dealName: deals.name,
    })
    .from(activityLinks)
    .leftJoin(contacts, and(eq(contacts.workspaceId, activityLinks.workspaceId), eq(contacts.id, activityLinks.contactId)))
    .leftJoin(companies, and(eq(companies.workspaceId, activityLinks.workspaceId), eq(companies.id, activityLinks.companyId)))
    .leftJoin(deals, and(eq(deals.workspaceId, activityLinks.workspaceId), eq(deals.id, activityLinks.dealId)))
    .where(and(eq(activityLinks.workspaceId, workspaceId), inArray(activityLinks.activityId, activityIds)))
    .orderBy(activityLinks.id);
  for (const row of rows) {
    const links = byActivity.get(row.activityId)!;
    if (row.contactId) links.contacts.push({ id: row.contactId, name: row.contactName ?? "" });
    if (row.companyId) links.companies.push({ id: row.companyId, name: row.companyName ?? "" });
    if (row.dealId) links.deals.push({ id: row.dealId, name: row.dealName ?? "" });
  }
  return byActivity;
}

/**
 * Links may point only at live contacts and companies of the workspace; the first bad id is
 * named by its place in the body (`body.contactIds.0`).
 */
export async function assertLinkTargets(tx: Transaction, workspaceId: string, links: Partial<ActivityLinkSet>) {
  for (const [key, table, label] of [
    ["contactIds", contacts, "contact"],
    ["companyIds", companies, "company"],
    ["dealIds", deals, "deal"],
  ] as const) {
    const ids = links[key] ?? [];
    if (ids.length === 0) continue;
    const found = await tx
      .select({ id: table.id, deletedAt: table.deletedAt })
      .from(table)
      .where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
    const state = new Map(found.map((row) => [row.id, row.deletedAt]));
    for (const [index, id] of ids.entries()) {
      if (!state.has(id)) throw invalidField(`body.${key}.${index}`, `is not a ${label} of this workspace`);
      if (state.get(id)) throw invalidField(`body.${key}.${index}`, `is a ${label} in the trash; restore it first`);
      if (ids.indexOf(id) !== index) throw invalidField(`body.${key}.${index}`, `links the same ${label} twice`);
    }
  }
}

/** Work on a deal shows as its last activity, which the stale-deal alert reads. */
export async function touchLinkedDeals(tx: Transaction, workspaceId: string, activityId: string, at: Date) {
  await tx
    .update(deals)
    .set({ lastActivityAt: sql`greatest(${deals.lastActivityAt}, ${at.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        sql`${deals.id} in (select ${activityLinks.dealId} from ${activityLinks} where ${activityLinks.workspaceId} = ${workspaceId} and ${activityLinks.activityId} = ${activityId} and ${activityLinks.dealId} is not null)`,
      ),
    );
}

/** A live contact, company or deal, for its timeline (a record in the trash has none to show). */
export async function findLiveRecord(tx: Transaction, workspaceId: string, type: "contact" | "company" | "deal", id: string) {
  const table = { contact: contacts, company: companies, deal: deals }[type];
  const [row] = await tx.select({ id: table.id }).from(table).where(and(eq(table.workspaceId, workspaceId), eq(table.id, id), isNull(table.deletedAt)));
  return row;
}

/** A deal's stage moves, newest first, strictly before a position ([at, id]) when given: its timeline's stage changes. */
export function dealStageMoves(tx: Transaction, workspaceId: string, dealId: string, page: { limit: number; before?: { at: string; id: string } }) {
  const fromStage = alias(pipelineStages, "from_stage");
  const toStage = alias(pipelineStages, "to_stage");
  return tx
    .select({ stay: dealStageHistory, fromName: fromStage.name, toName: toStage.name, moverName: users.name, moverEmail: users.email })
    .from(dealStageHistory)
    .innerJoin(toStage, and(eq(toStage.workspaceId, dealStageHistory.workspaceId), eq(toStage.id, dealStageHistory.stageId)))
    .leftJoin(fromStage, and(eq(fromStage.workspaceId, dealStageHistory.workspaceId), eq(fromStage.id, dealStageHistory.fromStageId)))
    .leftJoin(users, eq(users.id, dealStageHistory.movedBy))
    .where(
      and(
        eq(dealStageHistory.workspaceId, workspaceId),
        eq(dealStageHistory.dealId, dealId),
        page.before ? sql`(${dealStageHistory.enteredAt}, ${dealStageHistory.id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`${dealStageHistory.enteredAt} desc`, sql`${dealStageHistory.id} desc`)
    .limit(page.limit);
}

/** Names of contacts, companies and deals by id, for timeline entries about them. */
export async function recordNames(tx: Transaction, workspaceId: string, contactIds: string[], companyIds: string[], dealIds: string[] = []) {
  const names = new Map<string, string>();
  if (contactIds.length) {
    const rows = await tx
      .select({ id: contacts.id, name: sql<string>`trim(${contacts.firstName} || ' ' || coalesce(${contacts.lastName}, ''))` })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, contactIds)));
    for (const row of rows) names.set(row.id, row.name);
  }
  if (companyIds.length) {
    const rows = await tx.select({ id: companies.id, name: companies.name }).from(companies).where(and(eq(companies.workspaceId, workspaceId), inArray(companies.id, companyIds)));
    for (const row of rows) names.set(row.id, row.name);
  }
  if (dealIds.length) {
    const rows = await tx.select({ id: deals.id, name: deals.name }).from(deals).where(and(eq(deals.workspaceId, workspaceId), inArray(deals.id, dealIds)));
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}
