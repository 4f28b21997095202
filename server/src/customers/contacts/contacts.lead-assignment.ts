import type { Address, LifecycleStage } from "../../../../contracts/index.js";
import { leadStages } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";

/** A contact about to be created, as lead assignment rules see it. */
export interface NewLead {
  id: string;
  firstName: string;
  lastName?: string | null;
  source?: string | null;
  lifecycleStage: LifecycleStage;
  tags: string[];
  address?: Address | null;
  custom: Record<string, unknown>;
}

/**
 * Chooses owners for new leads that arrive without one (the sales pillar's assignment rules);
 * answers contact id → owner for the leads a rule matched, inside the creating transaction.
 */
export interface LeadAssigner {
  assign(tx: Transaction, caller: Caller, leads: NewLead[]): Promise<Map<string, string>>;
}

export const isLeadStage = (stage: LifecycleStage) => (leadStages as readonly string[]).includes(stage);

/** A contact created as a lead starts its qualification as "new" unless told otherwise. */
export function initialLeadStatus<T extends { lifecycleStage?: LifecycleStage; leadStatus?: string | null }>(values: T): T {
  if (values.leadStatus !== undefined || (values.lifecycleStage ?? "lead") !== "lead") return values;
  return { ...values, leadStatus: "new" };
}

/** The owners the assigner picks for those of `leads` that are in a lead stage and came without an owner. */
export async function ownersForNewLeads(assigner: LeadAssigner | undefined, tx: Transaction, caller: Caller, leads: NewLead[]): Promise<Map<string, string>> {
  const candidates = leads.filter((lead) => isLeadStage(lead.lifecycleStage));
  if (!assigner || candidates.length === 0) return new Map();
  return assigner.assign(tx, caller, candidates);
}
