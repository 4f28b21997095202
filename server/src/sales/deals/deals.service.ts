import type { Deal, DealList, OverrideStageInput, StageHistory } from "../../../../contracts/index.js";
import type { z } from "zod";
import { assertCanAssignOwner, createRecordTrash, customValuesForCreate, customValuesForUpdate, loadCustomFieldRules } from "../../customers/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField } from "../../platform/http/app-error.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import * as pipelines from "../pipelines/pipelines.repository.js";
import { ensureDefaultPipeline } from "../pipelines/pipelines.service.js";
import * as stays from "./deal-stages.repository.js";
import { peopleOf, snapshot, toDeal, type DealChanges, type NewDeal } from "./deals.mapping.js";
import { assertCanChangeDeal } from "./deals.policy.js";
import * as repository from "./deals.repository.js";
import { enterStage, moveDeal } from "./deals.stages.js";

async function withPeople(tx: Transaction, workspaceId: string, row: repository.DealRow) {
  const people = (await repository.loadDealContacts(tx, workspaceId, [row.deal.id])).get(row.deal.id)!;
  return { row, people };
}

async function reload(tx: Transaction, workspaceId: string, id: string) {
  return withPeople(tx, workspaceId, (await repository.findDeal(tx, workspaceId, id))!);
}

/** The deal with its people, as the API shows it. */
async function present(tx: Transaction, workspaceId: string, row: repository.DealRow): Promise<Deal> {
  const { people } = await withPeople(tx, workspaceId, row);
  return toDeal(row, people);
}

/** A live stage of the pipeline (of any when no pipeline is given), or 400 naming body.stageId. */
async function stageIn(tx: Transaction, workspaceId: string, pipelineId: string | undefined, stageId: string) {
  const stage = await pipelines.findStage(tx, workspaceId, stageId);
  if (!stage || stage.archivedAt) throw invalidField("body.stageId", "is not a stage of this workspace's pipelines");
  if (pipelineId && stage.pipelineId !== pipelineId) throw invalidField("body.stageId", "is a stage of another pipeline; send that pipeline's id as pipelineId too, or pick a stage of this one");
  return stage;
}

/** Where a new deal starts: the pipeline sent (or the stage's, or the default one) and the stage sent (or its first). */
async function startingStage(tx: Transaction, caller: Caller, input: Pick<NewDeal, "pipelineId" | "stageId">) {
  if (input.pipelineId && !(await pipelines.findPipeline(tx, caller.workspaceId, input.pipelineId))) throw invalidField("body.pipelineId", "is not a pipeline of this workspace");
  if (input.stageId) return stageIn(tx, caller.workspaceId, input.pipelineId, input.stageId);
  const pipelineId = input.pipelineId ?? (await ensureDefaultPipeline(tx, caller)).id;
  const [first] = await pipelines.listStages(tx, caller.workspaceId, [pipelineId]);
  return first;
}

async function checkReferences(tx: Transaction, caller: Caller, input: Pick<DealChanges, "ownerId" | "companyId">, people: { contactId: string; path: string }[] | undefined) {
  if (input.ownerId) await assertMemberExists(tx, caller.workspaceId, input.ownerId, "body.ownerId");
  await repository.assertLiveCustomers(
    tx,
    caller.workspaceId,
    input.companyId ? { id: input.companyId, path: "body.companyId" } : null,
    (people ?? []).map((person) => ({ id: person.contactId, path: person.path })),
  );
}

/**
 * Opens a deal inside the caller's transaction: its first stage stay, its step tasks and its
 * audit entry commit with whatever else the caller writes (lead conversion uses this).
 */
export async function openDeal(tx: Transaction, caller: Caller, input: NewDeal): Promise<Deal> {
  assertCanAssignOwner(caller, input.ownerId);
  const people = peopleOf(input) ?? [];
  await checkReferences(tx, caller, input, people);
  const stage = await startingStage(tx, caller, input);
  const now = new Date();
  const id = newId();
  await repository.insertDeal(tx, {
    workspaceId: caller.workspaceId,
    id,
    name: input.name,
    amount: input.amount,
    currency: input.currency,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    stageKind: stage.kind,
    stageEnteredAt: now,
    closedAt: stage.kind === "open" ? null : now,
    closeDate: input.closeDate ?? null,
    ownerId: input.ownerId === undefined ? caller.userId : input.ownerId,
    companyId: input.companyId ?? null,
    forecastCategory: input.forecastCategory ?? "pipeline",
    lostReason: input.lostReason || null,
    nextStep: input.nextStep || null,
    source: input.source || null,
    custom: await customValuesForCreate(tx, caller.workspaceId, "deal", input.custom),
    externalId: input.externalId ?? null,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  });
  await repository.replaceDealContacts(tx, caller.workspaceId, id, people);
  const created = await reload(tx, caller.workspaceId, id);
  await enterStage(tx, caller, created.row.deal, { fromStageId: null, at: now });
  await recordAudit(tx, caller, { entityType: "deal", entityId: id, action: "create", before: null, after: snapshot(created.row.deal, created.people) });
  return toDeal(created.row, created.people);
}

/** The fields a PATCH sets besides the stage, as columns; absent fields stay as they are. */
function changedColumns(changes: DealChanges): Partial<repository.NewDealRecord> {
  const columns: Partial<repository.NewDealRecord> = {
    name: changes.name,
    amount: changes.amount,
    currency: changes.currency,
    closeDate: changes.closeDate,
    ownerId: changes.ownerId,
    companyId: changes.companyId,
    forecastCategory: changes.forecastCategory,
    lostReason: changes.lostReason === undefined ? undefined : changes.lostReason || null,
    nextStep: changes.nextStep === undefined ? undefined : changes.nextStep || null,
    source: changes.source === undefined ? undefined : changes.source || null,
    externalId: changes.externalId,
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

/**
 * Deals: the pipeline's opportunities. Members change their own or unowned deals; managers and up
 * anyone's. Moving a deal forward waits for the required steps of its stage; managers may override.
 */
export function createDealsService({ db }: { db: Database }) {
  const trash = createRecordTrash({
    db,
    entityType: "deal",
    label: "Deal",
    plural: "deals",
    find: repository.findDeal,
    storedOf: (row) => row.deal,
    setDeletedAt: (tx, workspaceId, id, deletedAt) => repository.updateDeal(tx, workspaceId, id, { deletedAt, updatedAt: new Date() }),
    destroy: repository.deleteDeal,
    snapshot: (deal) => deal,
  });

  return {
    list: (caller: Caller, query: repository.DealListQuery): Promise<DealList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listDeals(tx, caller.workspaceId, query, await loadCustomFieldRules(tx, caller.workspaceId, "deal"));
        const people = await repository.loadDealContacts(tx, caller.workspaceId, rows.map((row) => row.deal.id));
        return { data: rows.map((row) => toDeal(row, people.get(row.deal.id)!)), nextCursor };
      }),

    get: (caller: Caller, id: string): Promise<Deal> => inWorkspace(db, caller.workspaceId, async (tx) => present(tx, caller.workspaceId, await trash.load(tx, caller, id))),

    create: (caller: Caller, input: NewDeal): Promise<Deal> => inWorkspace(db, caller.workspaceId, (tx) => openDeal(tx, caller, input)),

    update: (caller: Caller, id: string, changes: DealChanges): Promise<Deal> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await withPeople(tx, caller.workspaceId, await trash.load(tx, caller, id));
        const stored = before.row.deal;
        assertCanChangeDeal(caller, stored);
        if (changes.ownerId !== undefined && changes.ownerId !== stored.ownerId) assertCanAssignOwner(caller, changes.ownerId);
        const people = peopleOf(changes);
        await checkReferences(tx, caller, changes, people);
        const pipelineId = changes.pipelineId ?? stored.pipelineId;
        if (changes.pipelineId && changes.pipelineId !== stored.pipelineId && !(await pipelines.findPipeline(tx, caller.workspaceId, changes.pipelineId))) {
          throw invalidField("body.pipelineId", "is not a pipeline of this workspace");
        }
        const targetStageId = changes.stageId ?? (pipelineId === stored.pipelineId ? stored.stageId : (await pipelines.listStages(tx, caller.workspaceId, [pipelineId]))[0]?.id);
        const target = targetStageId === stored.stageId ? undefined : await stageIn(tx, caller.workspaceId, pipelineId, targetStageId);
        const custom = changes.custom === undefined ? undefined : await customValuesForUpdate(tx, caller.workspaceId, "deal", changes.custom, stored.custom);
        await repository.updateDeal(tx, caller.workspaceId, id, { ...changedColumns(changes), custom, updatedAt: new Date() });
        if (people) await repository.replaceDealContacts(tx, caller.workspaceId, id, people);
        if (target) await moveDeal(tx, caller, (await repository.findDeal(tx, caller.workspaceId, id))!.deal, target);
        const after = await reload(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType: "deal", entityId: id, action: "update", before: snapshot(stored, before.people), after: snapshot(after.row.deal, after.people) });
        return toDeal(after.row, after.people);
      }),

    /** A manager moves the deal past open required steps; the reason stays in its stage history and audit log. */
    overrideStage: (caller: Caller, id: string, input: z.output<typeof OverrideStageInput>): Promise<Deal> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await withPeople(tx, caller.workspaceId, await trash.load(tx, caller, id));
        const stored = before.row.deal;
        assertCanChangeDeal(caller, stored);
        const target = await stageIn(tx, caller.workspaceId, stored.pipelineId, input.stageId);
        if (target.id === stored.stageId) throw invalidField("body.stageId", "is already the deal's stage");
        const stepIds = await moveDeal(tx, caller, stored, target, { reason: input.reason });
        const after = await reload(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, {
          entityType: "deal",
          entityId: id,
          action: "update",
          before: snapshot(stored, before.people),
          after: { ...snapshot(after.row.deal, after.people), stageOverride: { reason: input.reason, stepIds } },
        });
        return toDeal(after.row, after.people);
      }),

    stageHistory: (caller: Caller, id: string): Promise<StageHistory> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await trash.load(tx, caller, id);
        const rows = await stays.listStays(tx, caller.workspaceId, id);
        return {
          data: rows.map(({ stay, stageName, moverName, moverEmail }) => ({
            id: stay.id,
            stageId: stay.stageId,
            stageName,
            fromStageId: stay.fromStageId,
            enteredAt: iso(stay.enteredAt),
            leftAt: isoOrNull(stay.leftAt),
            movedBy: stay.movedBy && moverName !== null ? { id: stay.movedBy, name: moverName, email: moverEmail ?? "" } : null,
            override: stay.overrideReason !== null ? { reason: stay.overrideReason, stepIds: stay.overriddenStepIds ?? [] } : null,
          })),
        };
      }),

    remove: trash.moveToTrash,
    restore: (caller: Caller, id: string) =>
      trash.restore(caller, id).then((row) => inWorkspace(db, caller.workspaceId, (tx) => present(tx, caller.workspaceId, row))),
    purge: trash.purge,
  };
}

export type DealsService = ReturnType<typeof createDealsService>;
