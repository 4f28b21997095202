import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { activities } from "../../customers/activities/activities.schema.js";
import { users } from "../../platform/auth/auth.schema.js";
import { memberships, teams } from "../../platform/workspaces/workspaces.schema.js";
import { deals } from "../deals/deals.schema.js";
import { salesTargets } from "./targets.schema.js";

export type TargetRecord = typeof salesTargets.$inferSelect;

const targetColumns = { target: salesTargets, ownerName: users.name, teamName: teams.name };

function selectTargets(tx: Transaction) {
  return tx
    .select(targetColumns)
    .from(salesTargets)
    .leftJoin(users, eq(users.id, salesTargets.ownerId))
    .leftJoin(teams, and(eq(teams.workspaceId, salesTargets.workspaceId), eq(teams.id, salesTargets.teamId)));
}

export type TargetRow = Awaited<ReturnType<typeof findTarget>> & {};

export async function findTarget(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await selectTargets(tx).where(and(eq(salesTargets.workspaceId, workspaceId), eq(salesTargets.id, id)));
  return row;
}

export function listTargets(tx: Transaction, workspaceId: string, filter: { period?: string; ownerId?: string; teamId?: string; periodStart?: string; periodEnd?: string }) {
  const conditions: (SQL | undefined)[] = [eq(salesTargets.workspaceId, workspaceId)];
  if (filter.period) conditions.push(eq(salesTargets.period, filter.period));
  if (filter.ownerId) conditions.push(eq(salesTargets.ownerId, filter.ownerId));
  if (filter.teamId) conditions.push(eq(salesTargets.teamId, filter.teamId));
  return selectTargets(tx)
    .where(and(...conditions))
    .orderBy(asc(salesTargets.periodStart), asc(salesTargets.period), asc(salesTargets.metric), asc(salesTargets.createdAt));
}

/** Targets whose period contains `day` (ISO date): the ones plan alerts look at. */
export function listTargetsRunningOn(tx: Transaction, workspaceId: string, day: string) {
  return selectTargets(tx).where(and(eq(salesTargets.workspaceId, workspaceId), sql`${salesTargets.periodStart} <= ${day}::date`, sql`${salesTargets.periodEnd} > ${day}::date`));
}

export async function insertTarget(tx: Transaction, values: typeof salesTargets.$inferInsert) {
  await tx.insert(salesTargets).values(values);
}

export async function updateTarget(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof salesTargets.$inferInsert>) {
  await tx.update(salesTargets).set(values).where(and(eq(salesTargets.workspaceId, workspaceId), eq(salesTargets.id, id)));
}

export async function deleteTarget(tx: Transaction, workspaceId: string, id: string) {
  await tx.delete(salesTargets).where(and(eq(salesTargets.workspaceId, workspaceId), eq(salesTargets.id, id)));
}

export async function teamExists(tx: Transaction, workspaceId: string, teamId: string): Promise<boolean> {
  const [row] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  return row !== undefined;
}

export async function teamMemberIds(tx: Transaction, workspaceId: string, teamId: string): Promise<string[]> {
  const rows = await tx.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.teamId, teamId)));
  return rows.map((row) => row.userId);
}

const inPeriod = (column: SQL, start: string, end: string) => sql`${column} >= ${start}::date and ${column} < ${end}::date`;
const ownedBy = (column: SQL, ownerIds: string[]) => sql`${column} in (${sql.join(ownerIds.map((id) => sql`${id}::uuid`), sql`, `)})`;

/** Won deals of these owners closed in [start, end): their count and amount per currency. */
export async function wonDealsByCurrency(tx: Transaction, workspaceId: string, ownerIds: string[], start: string, end: string) {
  if (ownerIds.length === 0) return [];
  const rows = await tx
    .select({ currency: deals.currency, count: sql<number>`count(*)::int`, amount: sql<string>`sum(${deals.amount})::text` })
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        sql`${deals.deletedAt} is null`,
        eq(deals.stageKind, "won"),
        inPeriod(sql`${deals.closedAt}`, start, end),
        ownedBy(sql`${deals.ownerId}`, ownerIds),
      ),
    )
    .groupBy(deals.currency);
  return rows.map((row) => ({ currency: row.currency, count: Number(row.count), amount: Number(row.amount) }));
}

/** Tasks these people finished in [start, end), plus their other activities (calls, meetings, …) that took place then. */
export async function activitiesDone(tx: Transaction, workspaceId: string, ownerIds: string[], start: string, end: string, now: Date): Promise<number> {
  if (ownerIds.length === 0) return 0;
  const doneAt = sql`(case when ${activities.type} = 'task' then ${activities.doneAt} else coalesce(${activities.occurredAt}, ${activities.createdAt}) end)`;
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(activities)
    .where(
      and(
        eq(activities.workspaceId, workspaceId),
        ownedBy(sql`coalesce(${activities.ownerId}, ${activities.createdBy})`, ownerIds),
        inPeriod(doneAt, start, end),
        sql`${doneAt} <= ${now.toISOString()}::timestamptz`,
      ),
    );
  return Number(row?.count ?? 0);
}
