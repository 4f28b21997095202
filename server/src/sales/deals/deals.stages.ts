import { createActivityIn } from "../../customers/index.js";
import { newId } from "../../db/ids.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { AppError } from "../../platform/http/app-error.js";
import * as pipelines from "../pipelines/pipelines.repository.js";
import * as stays from "./deal-stages.repository.js";
import type { DealRecord } from "./deals.repository.js";
import * as repository from "./deals.repository.js";
import { isForwardMove } from "./deals.policy.js";

const dayMs = 86_400_000;

export interface StageOverride {
  reason: string;
}

/**
 * Gives the deal a task for each step of the stage it entered (owned by the step's assignee or
 * the deal's owner, linked to the deal and its company), once per step: coming back to a stage
 * reuses its earlier tasks.
 */
async function openStepTasks(tx: Transaction, caller: Caller, deal: DealRecord, stageId: string, at: Date) {
  const steps = await pipelines.listSteps(tx, caller.workspaceId, [stageId]);
  const existing = await stays.existingStepTasks(tx, caller.workspaceId, deal.id, steps.map((step) => step.id));
  for (const step of steps) {
    if (existing.has(step.id)) continue;
    const { row } = await createActivityIn(tx, caller, {
      type: "task",
      subject: step.title,
      dueAt: new Date(at.getTime() + step.dueInDays * dayMs).toISOString(),
      ownerId: step.assigneeId ?? deal.ownerId,
      dealIds: [deal.id],
      companyIds: deal.companyId ? [deal.companyId] : [],
    });
    await stays.insertStepTask(tx, { workspaceId: caller.workspaceId, dealId: deal.id, stepId: step.id, activityId: row.activity.id });
  }
}

/** A deal's stay in a stage begins: the stage history row, then the stage's step tasks. */
export async function enterStage(
  tx: Transaction,
  caller: Caller,
  deal: DealRecord,
  stay: { fromStageId: string | null; at: Date; override?: { reason: string; stepIds: string[] } },
) {
  await stays.closeOpenStay(tx, caller.workspaceId, deal.id, stay.at);
  await stays.insertStay(tx, {
    workspaceId: caller.workspaceId,
    id: newId(),
    dealId: deal.id,
    stageId: deal.stageId,
    fromStageId: stay.fromStageId,
    enteredAt: stay.at,
    movedBy: caller.userId,
    overrideReason: stay.override?.reason ?? null,
    overriddenStepIds: stay.override ? stay.override.stepIds : null,
  });
  await openStepTasks(tx, caller, deal, deal.stageId, stay.at);
}

/**
 * Moves a deal to another stage. A forward move out of a stage with open required steps is
 * refused (409 naming them) unless overridden; the override keeps which steps it skipped.
 * Returns the steps an override skipped.
 */
export async function moveDeal(tx: Transaction, caller: Caller, deal: DealRecord, target: pipelines.StageRecord, override?: StageOverride) {
  const current = (await pipelines.findStage(tx, caller.workspaceId, deal.stageId))!;
  const blocking = isForwardMove(current, target) ? await stays.openRequiredSteps(tx, caller.workspaceId, deal.id, current.id) : [];
  if (blocking.length && !override) {
    const titles = blocking.map((step) => `"${step.title}"`).join(", ");
    throw new AppError(
      409,
      "Conflict",
      `The deal cannot move on from "${current.name}" while its required steps are open: ${titles}. Complete those tasks, or ask a manager to override.`,
      blocking.map((step) => ({ path: "steps", message: step.title })),
      { ids: blocking.map((step) => step.id), steps: blocking },
    );
  }
  const at = new Date();
  const moved: DealRecord = {
    ...deal,
    pipelineId: target.pipelineId,
    stageId: target.id,
    stageKind: target.kind,
    stageEnteredAt: at,
    closedAt: target.kind === "open" ? null : at,
    updatedAt: at,
  };
  await repository.updateDeal(tx, caller.workspaceId, deal.id, {
    pipelineId: moved.pipelineId,
    stageId: moved.stageId,
    stageKind: moved.stageKind,
    stageEnteredAt: at,
    closedAt: moved.closedAt,
    updatedAt: at,
  });
  const stepIds = blocking.map((step) => step.id);
  await enterStage(tx, caller, moved, { fromStageId: current.id, at, override: override ? { reason: override.reason, stepIds } : undefined });
  return stepIds;
}
