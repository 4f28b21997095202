import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { deals } from "../deals/deals.schema.js";
import { pipelineStages, pipelines, stageSteps } from "./pipelines.schema.js";

export type PipelineRecord = typeof pipelines.$inferSelect;
export type StageRecord = typeof pipelineStages.$inferSelect;
export type StepRecord = typeof stageSteps.$inferSelect;

export function listPipelines(tx: Transaction, workspaceId: string) {
  return tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), isNull(pipelines.deletedAt)))
    .orderBy(asc(pipelines.position), asc(pipelines.createdAt), asc(pipelines.id));
}

export async function findPipeline(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id), isNull(pipelines.deletedAt)));
  return row;
}

export async function findDefaultPipeline(tx: Transaction, workspaceId: string) {
  const [row] = await tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.isDefault, true), isNull(pipelines.deletedAt)))
    .orderBy(asc(pipelines.createdAt))
    .limit(1);
  return row;
}

/**
 * Serialises whoever creates or re-points the workspace's default pipeline, so two first
 * requests at once cannot both create one.
 */
export async function lockPipelines(tx: Transaction, workspaceId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pipelines'), hashtext(${workspaceId}))`);
}

/** The live stages of some pipelines, in order. */
export function listStages(tx: Transaction, workspaceId: string, pipelineIds: string[]) {
  if (pipelineIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), inArray(pipelineStages.pipelineId, pipelineIds), isNull(pipelineStages.archivedAt)))
    .orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position));
}

/** The live steps of some stages, in order. */
export function listSteps(tx: Transaction, workspaceId: string, stageIds: string[]) {
  if (stageIds.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(stageSteps)
    .where(and(eq(stageSteps.workspaceId, workspaceId), inArray(stageSteps.stageId, stageIds), isNull(stageSteps.archivedAt)))
    .orderBy(asc(stageSteps.stageId), asc(stageSteps.position));
}

/** A stage by id, archived ones too (a deal's history names them). */
export async function findStage(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx
    .select()
    .from(pipelineStages)
    .where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id)));
  return row;
}

export async function insertPipeline(tx: Transaction, values: typeof pipelines.$inferInsert) {
  await tx.insert(pipelines).values(values);
}

export async function updatePipeline(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof pipelines.$inferInsert>) {
  await tx.update(pipelines).set(values).where(and(eq(pipelines.workspaceId, workspaceId), eq(pipelines.id, id)));
}

/** Exactly one default: making one the default takes it from the others. */
export async function clearOtherDefaults(tx: Transaction, workspaceId: string, keptId: string) {
  await tx
    .update(pipelines)
    .set({ isDefault: false, updatedAt: new Date() })
    .where(and(eq(pipelines.workspaceId, workspaceId), ne(pipelines.id, keptId), eq(pipelines.isDefault, true)));
}

export async function nextPipelinePosition(tx: Transaction, workspaceId: string) {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${pipelines.position}) + 1, 0)::int` })
    .from(pipelines)
    .where(eq(pipelines.workspaceId, workspaceId));
  return Number(row.next);
}

export async function insertStages(tx: Transaction, values: (typeof pipelineStages.$inferInsert)[]) {
  if (values.length) await tx.insert(pipelineStages).values(values);
}

export async function updateStage(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof pipelineStages.$inferInsert>) {
  await tx.update(pipelineStages).set(values).where(and(eq(pipelineStages.workspaceId, workspaceId), eq(pipelineStages.id, id)));
}

export async function insertSteps(tx: Transaction, values: (typeof stageSteps.$inferInsert)[]) {
  if (values.length) await tx.insert(stageSteps).values(values);
}

export async function updateStep(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof stageSteps.$inferInsert>) {
  await tx.update(stageSteps).set(values).where(and(eq(stageSteps.workspaceId, workspaceId), eq(stageSteps.id, id)));
}

export async function archiveSteps(tx: Transaction, workspaceId: string, ids: string[], at: Date) {
  if (ids.length) await tx.update(stageSteps).set({ archivedAt: at, updatedAt: at }).where(and(eq(stageSteps.workspaceId, workspaceId), inArray(stageSteps.id, ids)));
}

/** Live (not trashed) deals per stage, for the stages that hold any. */
export async function countLiveDeals(tx: Transaction, workspaceId: string, stageIds: string[]) {
  if (stageIds.length === 0) return new Map<string, number>();
  const rows = await tx
    .select({ stageId: deals.stageId, count: sql<number>`count(*)::int` })
    .from(deals)
    .where(and(eq(deals.workspaceId, workspaceId), inArray(deals.stageId, stageIds), isNull(deals.deletedAt)))
    .groupBy(deals.stageId);
  return new Map(rows.map((row) => [row.stageId, Number(row.count)]));
}

/** Deals follow a stage whose kind changed: their denormalised kind and when they closed. */
export async function syncDealsWithStageKinds(tx: Transaction, workspaceId: string, pipelineId: string, at: Date) {
  await tx.execute(sql`
    update ${deals} d set
      stage_kind = s.kind,
      closed_at = case when s.kind = 'open' then null else coalesce(d.closed_at, ${at.toISOString()}::timestamptz) end
    from ${pipelineStages} s
    where d.workspace_id = ${workspaceId} and d.pipeline_id = ${pipelineId}
      and s.workspace_id = d.workspace_id and s.id = d.stage_id and s.kind <> d.stage_kind`);
}
