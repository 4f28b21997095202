import type { LeadRuleCondition } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import type { LeadAssigner, NewLead } from "../../customers/index.js";
import { recordNotifications } from "../../platform/notifications/index.js";
import * as repository from "./leads.repository.js";

const lower = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value)).trim().toLowerCase();

/** A lead's values for a rule's field, lower-cased; empty when it has none. */
function valuesOf(lead: NewLead, field: string): string[] {
  const raw =
    field === "source" ? lead.source
    : field === "country" ? lead.address?.country
    : field === "tags" ? lead.tags
    : field === "lifecycleStage" ? lead.lifecycleStage
    : lead.custom[field.slice("custom.".length)];
  if (raw === undefined || raw === null || raw === "") return [];
  return (Array.isArray(raw) ? raw : [raw]).map(lower);
}

/** Text compares without case; a field holding a list (tags) matches when any of its entries does. */
export function conditionMatches(lead: NewLead, condition: LeadRuleCondition): boolean {
  const values = valuesOf(lead, condition.field);
  const wanted = (Array.isArray(condition.value) ? condition.value : [condition.value]).map(lower);
  switch (condition.op) {
    case "eq":
    case "in":
      return values.some((value) => wanted.includes(value));
    case "ne":
      return !values.some((value) => wanted.includes(value));
    case "contains":
      return values.some((value) => wanted.some((part) => value.includes(part)));
  }
}

/** Round robin: the member after the last one to get a lead (the first when that one left the team). */
function nextInTurn(rotation: string[], lastAssigneeId: string | null): string {
  const last = lastAssigneeId ? rotation.indexOf(lastAssigneeId) : -1;
  return rotation[(last + 1) % rotation.length]!;
}

const leadName = (lead: NewLead) => [lead.firstName, lead.lastName].filter(Boolean).join(" ");

/**
 * The workspace's assignment rules applied to new leads: the first active rule whose conditions
 * all match decides the owner. A round-robin rule is locked while it hands out turns, so
 * concurrent creates never give two leads the same turn. Each assignee is notified.
 */
export const leadAssignment: LeadAssigner = {
  async assign(tx: Transaction, caller: Caller, leads: NewLead[]) {
    const owners = new Map<string, string>();
    const rules = await repository.listActiveRules(tx, caller.workspaceId);
    if (rules.length === 0) return owners;
    const rotations = new Map<string, string[]>();
    for (const lead of leads) {
      const rule = rules.find((candidate) => candidate.conditions.every((condition) => conditionMatches(lead, condition as LeadRuleCondition)));
      if (!rule) continue;
      if (rule.strategy === "member") {
        if (rule.assigneeId) owners.set(lead.id, rule.assigneeId);
        continue;
      }
      if (!rule.teamId) continue;
      if (!rotations.has(rule.teamId)) rotations.set(rule.teamId, await repository.teamRotation(tx, caller.workspaceId, rule.teamId));
      const rotation = rotations.get(rule.teamId)!;
      if (rotation.length === 0) continue;
      const locked = (await repository.lockRule(tx, caller.workspaceId, rule.id))!;
      const assignee = nextInTurn(rotation, locked.lastAssigneeId);
      await repository.updateRule(tx, caller.workspaceId, rule.id, { lastAssigneeId: assignee });
      owners.set(lead.id, assignee);
    }
    await recordNotifications(
      tx,
      leads.flatMap((lead) => {
        const ownerId = owners.get(lead.id);
        if (!ownerId || ownerId === caller.userId) return [];
        return [
          {
            workspaceId: caller.workspaceId,
            recipientId: ownerId,
            kind: "lead_assigned" as const,
            actorId: caller.userId,
            data: { record: { type: "contact" as const, id: lead.id, name: leadName(lead) } },
            dedupeKey: `lead_assigned:${lead.id}`,
          },
        ];
      }),
    );
    return owners;
  },
};
