import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { activities } from "../../customers/activities/activities.schema.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { pipelineStages, stageSteps } from "../pipelines/pipelines.schema.js";
import { dealStageHistory, dealSteps } from "./deals.schema.js";

export type StageHistoryRecord = typeof dealStageHistory.$inferInsert;

/** Ends the deal's current stay in a stage. */
export async function closeOpenStay(tx: Transaction, workspaceId: string, dealId: string, at: Date) {
  await tx
    .update(dealStageHistory)
    .set({ leftAt: at })
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId), isNull(dealStageHistory.leftAt)));
}

export async function insertStay(tx: Transaction, values: StageHistoryRecord) {
  await tx.insert(dealStageHistory).values(values);
}

/** A deal's stays, oldest first, with stage names and who moved it. */
export function listStays(tx: Transaction, workspaceId: string, dealId: string) {
  return tx
    .select({ stay: dealStageHistory, stageName: pipelineStages.name, moverName: users.name, moverEmail: users.email })
    .from(dealStageHistory)
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, dealStageHistory.workspaceId), eq(pipelineStages.id, dealStageHistory.stageId)))
    .leftJoin(users, eq(users.id, dealStageHistory.movedBy))
    .where(and(eq(dealStageHistory.workspaceId, workspaceId), eq(dealStageHistory.dealId, dealId)))
    .orderBy(asc(dealStageHistory.enteredAt), asc(dealStageHistory.id));
}

/** Which of these step templates already gave the deal a task (re-entering a stage does not repeat them). */
export async function existingStepTasks(tx: Transaction, workspaceId: string, dealId: string, stepIds: string[]) {
  if (stepIds.length === 0) return new Set<string>();
  const rows = await tx
    .select({ stepId: dealSteps.stepId })
    .from(dealSteps)
    .where(and(eq(dealSteps.workspaceId, workspaceId), eq(dealSteps.dealId, dealId), inArray(dealSteps.stepId, stepIds)));
  return new Set(rows.map((row) => row.stepId));
}

export async function insertStepTask(tx: Transaction, values: typeof dealSteps.$inferInsert) {
  await tx.insert(dealSteps).values(values);
}

/** The required steps of a stage whose task for this deal is still open: what blocks moving forward. */
export function openRequiredSteps(tx: Transaction, workspaceId: string, dealId: string, stageId: string) {
  return tx
    .select({ id: stageSteps.id, title: stageSteps.title, activityId: dealSteps.activityId })
    .from(dealSteps)
    .innerJoin(stageSteps, and(eq(stageSteps.workspaceId, dealSteps.workspaceId), eq(stageSteps.id, dealSteps.stepId)))
    .innerJoin(activities, and(eq(activities.workspaceId, dealSteps.workspaceId), eq(activities.id, dealSteps.activityId)))
    .where(
      and(
        eq(dealSteps.workspaceId, workspaceId),
        eq(dealSteps.dealId, dealId),
        eq(stageSteps.stageId, stageId),
        eq(stageSteps.isRequired, true),
        isNull(stageSteps.archivedAt),
        isNull(activities.doneAt),
      ),
    )
    .orderBy(asc(stageSteps.position));
}
