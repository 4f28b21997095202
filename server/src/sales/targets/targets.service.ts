import type { z } from "zod";
import type { CreateTargetInput, Target, TargetQuery, UpdateTargetInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField, notFound } from "../../platform/http/app-error.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { loadSalesSettings } from "../settings/index.js";
import { parsePeriod } from "./periods.js";
import { measureTarget } from "./targets.attainment.js";
import * as repository from "./targets.repository.js";

type NewTarget = z.output<typeof CreateTargetInput>;
type TargetChanges = z.output<typeof UpdateTargetInput>;

/** A target belongs to exactly one member or one team of the workspace. */
async function assertHolder(tx: Transaction, workspaceId: string, input: NewTarget) {
  if (input.ownerId && input.teamId) throw invalidField("body.teamId", "cannot be set together with ownerId: a target belongs to one member or one team");
  if (!input.ownerId && !input.teamId) throw invalidField("body.ownerId", "is required (or teamId): a target belongs to one member or one team");
  if (input.ownerId) await assertMemberExists(tx, workspaceId, input.ownerId, "body.ownerId");
  if (input.teamId && !(await repository.teamExists(tx, workspaceId, input.teamId))) throw invalidField("body.teamId", "is not a team of this workspace");
}

/** Sales targets ("sales plans") of members and teams per month, quarter or year, answered with their progress. */
export function createTargetsService({ db, now = () => new Date() }: { db: Database; now?: () => Date }) {
  async function answer(tx: Transaction, workspaceId: string, id: string): Promise<Target> {
    const row = (await repository.findTarget(tx, workspaceId, id))!;
    return measureTarget(tx, workspaceId, row, await loadSalesSettings(tx, workspaceId), now());
  }

  async function load(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findTarget(tx, caller.workspaceId, id);
    if (!row) throw notFound("Target");
    return row.target;
  }

  return {
    list: (caller: Caller, query: z.output<typeof TargetQuery>) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const settings = await loadSalesSettings(tx, caller.workspaceId);
        const rows = await repository.listTargets(tx, caller.workspaceId, query);
        const at = now();
        const data: Target[] = [];
        for (const row of rows) data.push(await measureTarget(tx, caller.workspaceId, row, settings, at));
        return { data };
      }),

    get: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await load(tx, caller, id);
        return answer(tx, caller.workspaceId, id);
      }),

    create: (caller: Caller, input: NewTarget) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertHolder(tx, caller.workspaceId, input);
        const period = parsePeriod(input.period);
        const id = newId();
        const at = new Date();
        await repository.insertTarget(tx, {
          workspaceId: caller.workspaceId,
          id,
          ownerId: input.ownerId ?? null,
          teamId: input.teamId ?? null,
          period: period.label,
          periodStart: period.start,
          periodEnd: period.end,
          metric: input.metric,
          amount: input.amount,
          createdAt: at,
          updatedAt: at,
          createdBy: caller.userId,
        });
        const created = await load(tx, caller, id);
        await recordAudit(tx, caller, { entityType: "sales_target", entityId: id, action: "create", before: null, after: created });
        return answer(tx, caller.workspaceId, id);
      }),

    update: (caller: Caller, id: string, changes: TargetChanges) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        const period = changes.period ? parsePeriod(changes.period) : undefined;
        await repository.updateTarget(tx, caller.workspaceId, id, {
          ...changes,
          ...(period ? { period: period.label, periodStart: period.start, periodEnd: period.end } : {}),
          updatedAt: new Date(),
        });
        await recordAudit(tx, caller, { entityType: "sales_target", entityId: id, action: "update", before, after: await load(tx, caller, id) });
        return answer(tx, caller.workspaceId, id);
      }),

    remove: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        await repository.deleteTarget(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType: "sales_target", entityId: id, action: "delete", before, after: null });
      }),
  };
}

export type TargetsService = ReturnType<typeof createTargetsService>;
