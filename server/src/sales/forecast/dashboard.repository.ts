import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { activities } from "../../customers/activities/activities.schema.js";
import { users } from "../../platform/auth/auth.schema.js";
import { deals } from "../deals/deals.schema.js";
import { pipelineStages, pipelines } from "../pipelines/pipelines.schema.js";

const toNumber = (value: unknown) => Number(value ?? 0);

/** Open deals now, per open stage of every live pipeline and per currency (a stage without deals has one row with no currency). */
export async function pipelineByStage(tx: Transaction, workspaceId: string) {
  const rows = await tx
    .select({
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      pipelinePosition: pipelines.position,
      stageId: pipelineStages.id,
      stageName: pipelineStages.name,
      kind: pipelineStages.kind,
      position: pipelineStages.position,
      currency: deals.currency,
      count: sql<number>`count(${deals.id})::int`,
      amount: sql<string>`coalesce(sum(${deals.amount}), 0)::text`,
    })
    .from(pipelineStages)
    .innerJoin(pipelines, and(eq(pipelines.workspaceId, pipelineStages.workspaceId), eq(pipelines.id, pipelineStages.pipelineId)))
    .leftJoin(deals, and(eq(deals.workspaceId, pipelineStages.workspaceId), eq(deals.stageId, pipelineStages.id), isNull(deals.deletedAt)))
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.kind, "open"), isNull(pipelineStages.archivedAt), isNull(pipelines.deletedAt)))
    .groupBy(pipelines.id, pipelines.name, pipelines.position, pipelineStages.id, pipelineStages.name, pipelineStages.kind, pipelineStages.position, deals.currency)
    .orderBy(asc(pipelines.position), asc(pipelines.name), asc(pipelineStages.position));
  return rows.map((row) => ({ ...row, count: toNumber(row.count), amount: toNumber(row.amount) }));
}

/** Deals won or lost in [start, end), per kind and currency, with the summed days from creation to close. */
export async function closedDeals(tx: Transaction, workspaceId: string, start: string, end: string) {
  const rows = await tx
    .select({
      kind: deals.stageKind,
      currency: deals.currency,
      count: sql<number>`count(*)::int`,
      amount: sql<string>`coalesce(sum(${deals.amount}), 0)::text`,
      cycleDays: sql<string>`coalesce(sum(extract(epoch from ${deals.closedAt} - ${deals.createdAt}) / 86400), 0)::text`,
    })
    .from(deals)
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        isNull(deals.deletedAt),
        sql`${deals.stageKind} in ('won', 'lost')`,
        sql`${deals.closedAt} >= ${start}::date`,
        sql`${deals.closedAt} < ${end}::date`,
      ),
    )
    .groupBy(deals.stageKind, deals.currency);
  return rows.map((row) => ({ kind: row.kind, currency: row.currency, count: toNumber(row.count), amount: toNumber(row.amount), cycleDays: toNumber(row.cycleDays) }));
}

/** Tasks done and other activities that took place in [start, end), per person (owner, else author). */
export async function activitiesPerMember(tx: Transaction, workspaceId: string, start: string, end: string, now: Date) {
  const person = sql`coalesce(${activities.ownerId}, ${activities.createdBy})`;
  const doneAt = sql`(case when ${activities.type} = 'task' then ${activities.doneAt} else coalesce(${activities.occurredAt}, ${activities.createdAt}) end)`;
  const rows = await tx
    .select({ userId: sql<string>`${person}`, name: users.name, count: sql<number>`count(*)::int` })
    .from(activities)
    .innerJoin(users, sql`${users.id} = ${person}`)
    .where(and(eq(activities.workspaceId, workspaceId), sql`${doneAt} >= ${start}::date`, sql`${doneAt} < ${end}::date`, sql`${doneAt} <= ${now.toISOString()}::timestamptz`))
    .groupBy(person, users.name)
    .orderBy(desc(sql`count(*)`), asc(users.name));
  return rows.map((row) => ({ ...row, count: toNumber(row.count) }));
}

/** Open deals past their close date or quiet since `staleBefore`, the largest first (by their own amount). */
export function dealsAtRisk(tx: Transaction, workspaceId: string, today: string, staleBefore: Date, limit: number) {
  const isPastCloseDate = sql<boolean>`coalesce(${deals.closeDate} < ${today}::date, false)`;
  const isStale = sql<boolean>`coalesce(${deals.lastActivityAt}, ${deals.createdAt}) < ${staleBefore.toISOString()}::timestamptz`;
  return tx
    .select({
      id: deals.id,
      name: deals.name,
      amount: deals.amount,
      currency: deals.currency,
      closeDate: deals.closeDate,
      lastActivityAt: deals.lastActivityAt,
      ownerId: deals.ownerId,
      ownerName: users.name,
      isPastCloseDate,
      isStale,
    })
    .from(deals)
    .leftJoin(users, eq(users.id, deals.ownerId))
    .where(and(eq(deals.workspaceId, workspaceId), isNull(deals.deletedAt), eq(deals.stageKind, "open"), sql`(${isPastCloseDate} or ${isStale})`))
    .orderBy(desc(deals.amount), asc(deals.id))
    .limit(limit);
}
