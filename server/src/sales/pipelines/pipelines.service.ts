import type { z } from "zod";
import type { CreatePipelineInput, Pipeline, PipelineList, StageInput, UpdatePipelineInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, invalidField, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import * as repository from "./pipelines.repository.js";

type NewPipeline = z.output<typeof CreatePipelineInput>;
type PipelineChanges = z.output<typeof UpdatePipelineInput>;
type StageSpec = z.output<typeof StageInput>;

/** What a new workspace sells through until an admin shapes its own process. */
const defaultStages: StageSpec[] = [
  { name: "Lead", probability: 10, kind: "open", steps: [] },
  { name: "Qualified", probability: 25, kind: "open", steps: [] },
  { name: "Proposal", probability: 50, kind: "open", steps: [] },
  { name: "Negotiation", probability: 75, kind: "open", steps: [] },
  { name: "Won", probability: 100, kind: "won", steps: [] },
  { name: "Lost", probability: 0, kind: "lost", steps: [] },
];

/** Pipelines with their live stages and steps, in the order of the rows given. */
async function present(tx: Transaction, workspaceId: string, rows: repository.PipelineRecord[]): Promise<Pipeline[]> {
  const stages = await repository.listStages(tx, workspaceId, rows.map((row) => row.id));
  const steps = await repository.listSteps(tx, workspaceId, stages.map((stage) => stage.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    isDefault: row.isDefault,
    stages: stages
      .filter((stage) => stage.pipelineId === row.id)
      .map((stage) => ({
        id: stage.id,
        name: stage.name,
        position: stage.position,
        probability: stage.probability,
        kind: stage.kind,
        steps: steps
          .filter((step) => step.stageId === stage.id)
          .map((step) => ({ id: step.id, title: step.title, dueInDays: step.dueInDays, isRequired: step.isRequired, assigneeId: step.assigneeId })),
      })),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  }));
}

async function checkAssignees(tx: Transaction, workspaceId: string, stages: StageSpec[]) {
  for (const [stageIndex, stage] of stages.entries()) {
    for (const [stepIndex, step] of stage.steps.entries()) {
      if (step.assigneeId) await assertMemberExists(tx, workspaceId, step.assigneeId, `body.stages.${stageIndex}.steps.${stepIndex}.assigneeId`);
    }
  }
}

function stepValues(step: StageSpec["steps"][number], position: number) {
  return { title: step.title, dueInDays: step.dueInDays, isRequired: step.isRequired, assigneeId: step.assigneeId ?? null, position };
}

/** Writes a new pipeline's stages and steps, ids made here. */
async function insertStages(tx: Transaction, caller: Caller, pipelineId: string, stages: StageSpec[], now: Date) {
  const base = { workspaceId: caller.workspaceId, createdAt: now, updatedAt: now, createdBy: caller.userId };
  const stageRows = stages.map((stage, position) => ({ ...base, id: newId(), pipelineId, name: stage.name, probability: stage.probability, kind: stage.kind, position }));
  await repository.insertStages(tx, stageRows);
  await repository.insertSteps(
    tx,
    stages.flatMap((stage, index) => stage.steps.map((step, position) => ({ ...base, id: newId(), stageId: stageRows[index].id, ...stepValues(step, position) }))),
  );
}

async function insertPipeline(tx: Transaction, caller: Caller, input: { name: string; isDefault: boolean; stages: StageSpec[] }) {
  const now = new Date();
  const id = newId();
  await repository.insertPipeline(tx, {
    workspaceId: caller.workspaceId,
    id,
    name: input.name,
    isDefault: input.isDefault,
    position: await repository.nextPipelinePosition(tx, caller.workspaceId),
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  });
  await insertStages(tx, caller, id, input.stages, now);
  return (await repository.findPipeline(tx, caller.workspaceId, id))!;
}

/**
 * The workspace's default pipeline, created ("Sales") the first time anyone needs one. Used by
 * the pipeline list and by a deal created without a pipeline.
 */
export async function ensureDefaultPipeline(tx: Transaction, caller: Caller): Promise<repository.PipelineRecord> {
  const existing = await repository.findDefaultPipeline(tx, caller.workspaceId);
  if (existing) return existing;
  await repository.lockPipelines(tx, caller.workspaceId);
  const again = await repository.findDefaultPipeline(tx, caller.workspaceId);
  if (again) return again;
  const [first] = await repository.listPipelines(tx, caller.workspaceId);
  if (first) {
    await repository.updatePipeline(tx, caller.workspaceId, first.id, { isDefault: true, updatedAt: new Date() });
    return { ...first, isDefault: true };
  }
  const created = await insertPipeline(tx, caller, { name: "Sales", isDefault: true, stages: defaultStages });
  await recordAudit(tx, caller, { entityType: "pipeline", entityId: created.id, action: "create", before: null, after: { ...created, stages: defaultStages } });
  return created;
}

/**
 * Replaces a pipeline's stages with the list sent: a stage or step sent with its id keeps it
 * (deals and tasks stay attached), one without is new, one left out is archived. A stage left
 * out must hold no live deals.
 */
async function replaceStages(tx: Transaction, caller: Caller, pipelineId: string, stages: StageSpec[]) {
  const now = new Date();
  const current = await repository.listStages(tx, caller.workspaceId, [pipelineId]);
  const currentSteps = await repository.listSteps(tx, caller.workspaceId, current.map((stage) => stage.id));
  const kept = new Set<string>();
  for (const [index, stage] of stages.entries()) {
    if (!stage.id) continue;
    if (!current.some((candidate) => candidate.id === stage.id)) throw invalidField(`body.stages.${index}.id`, "is not a stage of this pipeline");
    if (kept.has(stage.id)) throw invalidField(`body.stages.${index}.id`, "names the same stage twice");
    kept.add(stage.id);
    const keptSteps = new Set<string>();
    for (const [stepIndex, step] of stage.steps.entries()) {
      if (!step.id) continue;
      const path = `body.stages.${index}.steps.${stepIndex}.id`;
      if (!currentSteps.some((candidate) => candidate.id === step.id && candidate.stageId === stage.id)) throw invalidField(path, "is not a step of this stage");
      if (keptSteps.has(step.id)) throw invalidField(path, "names the same step twice");
      keptSteps.add(step.id);
    }
  }
  const removed = current.filter((stage) => !kept.has(stage.id));
  const holding = await repository.countLiveDeals(tx, caller.workspaceId, removed.map((stage) => stage.id));
  const blocking = removed.filter((stage) => holding.has(stage.id));
  if (blocking.length) {
    const names = blocking.map((stage) => `"${stage.name}" (${holding.get(stage.id)} deals)`).join(", ");
    throw conflict(`A stage that still holds deals cannot be removed; move its deals first: ${names}.`, blocking.map((stage) => ({ path: "body.stages", message: `${stage.name} still holds ${holding.get(stage.id)} deals` })));
  }
  for (const stage of removed) await repository.updateStage(tx, caller.workspaceId, stage.id, { archivedAt: now, updatedAt: now });

  const base = { workspaceId: caller.workspaceId, createdAt: now, updatedAt: now, createdBy: caller.userId };
  for (const [position, stage] of stages.entries()) {
    const values = { name: stage.name, probability: stage.probability, kind: stage.kind, position, updatedAt: now };
    const stageId = stage.id ?? newId();
    if (stage.id) await repository.updateStage(tx, caller.workspaceId, stage.id, values);
    else await repository.insertStages(tx, [{ ...base, ...values, id: stageId, pipelineId }]);
    const sentStepIds = new Set(stage.steps.flatMap((step) => (step.id ? [step.id] : [])));
    await repository.archiveSteps(tx, caller.workspaceId, currentSteps.filter((step) => step.stageId === stageId && !sentStepIds.has(step.id)).map((step) => step.id), now);
    for (const [stepPosition, step] of stage.steps.entries()) {
      if (step.id) await repository.updateStep(tx, caller.workspaceId, step.id, { ...stepValues(step, stepPosition), updatedAt: now });
      else await repository.insertSteps(tx, [{ ...base, id: newId(), stageId, ...stepValues(step, stepPosition) }]);
    }
  }
  await repository.syncDealsWithStageKinds(tx, caller.workspaceId, pipelineId, now);
}

/** Sales processes: only admins configure them (sales:configure on writes); everyone reads them. */
export function createPipelinesService({ db }: { db: Database }) {
  async function load(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findPipeline(tx, caller.workspaceId, id);
    if (!row) throw notFound("Pipeline");
    return row;
  }

  async function presentOne(tx: Transaction, caller: Caller, id: string) {
    const [pipeline] = await present(tx, caller.workspaceId, [await load(tx, caller, id)]);
    return pipeline;
  }

  return {
    list: (caller: Caller): Promise<PipelineList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await ensureDefaultPipeline(tx, caller);
        return { data: await present(tx, caller.workspaceId, await repository.listPipelines(tx, caller.workspaceId)) };
      }),

    get: (caller: Caller, id: string): Promise<Pipeline> => inWorkspace(db, caller.workspaceId, (tx) => presentOne(tx, caller, id)),

    create: (caller: Caller, input: NewPipeline): Promise<Pipeline> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await checkAssignees(tx, caller.workspaceId, input.stages);
        await repository.lockPipelines(tx, caller.workspaceId);
        const isFirst = (await repository.listPipelines(tx, caller.workspaceId)).length === 0;
        const created = await insertPipeline(tx, caller, { name: input.name, isDefault: isFirst || input.isDefault === true, stages: input.stages });
        if (created.isDefault) await repository.clearOtherDefaults(tx, caller.workspaceId, created.id);
        const pipeline = await presentOne(tx, caller, created.id);
        await recordAudit(tx, caller, { entityType: "pipeline", entityId: created.id, action: "create", before: null, after: pipeline });
        return pipeline;
      }),

    update: (caller: Caller, id: string, changes: PipelineChanges): Promise<Pipeline> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await presentOne(tx, caller, id);
        if (changes.isDefault === false && before.isDefault) throw invalidField("body.isDefault", "cannot be unset; make another pipeline the default instead");
        if (changes.stages) {
          await checkAssignees(tx, caller.workspaceId, changes.stages);
          await replaceStages(tx, caller, id, changes.stages);
        }
        if (changes.isDefault) {
          await repository.lockPipelines(tx, caller.workspaceId);
          await repository.clearOtherDefaults(tx, caller.workspaceId, id);
        }
        await repository.updatePipeline(tx, caller.workspaceId, id, { name: changes.name, isDefault: changes.isDefault, updatedAt: new Date() });
        const after = await presentOne(tx, caller, id);
        await recordAudit(tx, caller, { entityType: "pipeline", entityId: id, action: "update", before, after });
        return after;
      }),
  };
}

export type PipelinesService = ReturnType<typeof createPipelinesService>;
