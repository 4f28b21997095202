import type { z } from "zod";
import type { CreateLeadAssignmentRuleInput, LeadAssignmentRule, LeadRuleCondition, UpdateLeadAssignmentRuleInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import * as repository from "./leads.repository.js";

type NewRule = z.output<typeof CreateLeadAssignmentRuleInput>;
type RuleChanges = z.output<typeof UpdateLeadAssignmentRuleInput>;

function toRule(rule: repository.RuleRecord): LeadAssignmentRule {
  return {
    id: rule.id,
    name: rule.name,
    position: rule.position,
    conditions: rule.conditions as LeadRuleCondition[],
    strategy: rule.strategy,
    assigneeId: rule.assigneeId,
    teamId: rule.teamId,
    lastAssigneeId: rule.lastAssigneeId,
    isActive: rule.isActive,
    createdAt: iso(rule.createdAt),
    updatedAt: iso(rule.updatedAt),
  };
}

/** A member rule names its member, a round-robin rule its team; both must exist in the workspace. */
async function assertAssignable(tx: Transaction, workspaceId: string, rule: { strategy: string; assigneeId?: string | null; teamId?: string | null }) {
  if (rule.strategy === "member") {
    if (!rule.assigneeId) throw invalidField("body.assigneeId", "is required when strategy is member");
    await assertMemberExists(tx, workspaceId, rule.assigneeId, "body.assigneeId");
  } else {
    if (!rule.teamId) throw invalidField("body.teamId", "is required when strategy is round_robin");
    if (!(await repository.teamExists(tx, workspaceId, rule.teamId))) throw invalidField("body.teamId", "is not a team of this workspace");
  }
}

/** Lead assignment rules (Settings → Lead assignment): ordered, each with conditions and who gets the lead. */
export function createLeadRulesService({ db }: { db: Database }) {
  async function load(tx: Transaction, caller: Caller, id: string) {
    const rule = await repository.findRule(tx, caller.workspaceId, id);
    if (!rule) throw notFound("Lead assignment rule");
    return rule;
  }

  return {
    list: (caller: Caller) => inWorkspace(db, caller.workspaceId, async (tx) => ({ data: (await repository.listRules(tx, caller.workspaceId)).map(toRule) })),

    create: (caller: Caller, input: NewRule) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertAssignable(tx, caller.workspaceId, input);
        const now = new Date();
        const id = newId();
        await repository.insertRule(tx, {
          workspaceId: caller.workspaceId,
          id,
          name: input.name,
          position: input.position ?? (await repository.nextPosition(tx, caller.workspaceId)),
          conditions: input.conditions,
          strategy: input.strategy,
          // Only the field its strategy reads is kept, so a rule never names a stale member or team.
          assigneeId: input.strategy === "member" ? input.assigneeId : null,
          teamId: input.strategy === "round_robin" ? input.teamId : null,
          isActive: input.isActive ?? true,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        });
        const rule = (await repository.findRule(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "lead_assignment_rule", entityId: id, action: "create", before: null, after: rule });
        return toRule(rule);
      }),

    update: (caller: Caller, id: string, changes: RuleChanges) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        const merged = { ...before, ...changes };
        await assertAssignable(tx, caller.workspaceId, merged);
        await repository.updateRule(tx, caller.workspaceId, id, {
          ...changes,
          assigneeId: merged.strategy === "member" ? merged.assigneeId : null,
          teamId: merged.strategy === "round_robin" ? merged.teamId : null,
          updatedAt: new Date(),
        });
        const after = (await repository.findRule(tx, caller.workspaceId, id))!;
        await recordAudit(tx, caller, { entityType: "lead_assignment_rule", entityId: id, action: "update", before, after });
        return toRule(after);
      }),

    remove: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        await repository.deleteRule(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType: "lead_assignment_rule", entityId: id, action: "delete", before, after: null });
      }),
  };
}

export type LeadRulesService = ReturnType<typeof createLeadRulesService>;
