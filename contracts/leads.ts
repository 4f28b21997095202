import { z } from "zod";
import { CurrencyCode, Id, Timestamp } from "./common.js";
import { Contact } from "./contacts.js";
import { Deal } from "./deals.js";

/** What a rule may look at on a new lead: built-in fields, the address's country, or a custom field. */
export const LeadRuleField = z
  .string()
  .regex(/^(source|country|tags|lifecycleStage|custom\.[a-zA-Z][a-zA-Z0-9_]*)$/, "must be source, country, tags, lifecycleStage or custom.<key>");

export const LeadRuleCondition = z.strictObject({
  field: LeadRuleField,
  op: z.enum(["eq", "ne", "in", "contains"]),
  /** A list for `in`, one value otherwise; text comparisons ignore case. */
  value: z.union([z.string().trim().min(1, "is required").max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(100)]),
});
export type LeadRuleCondition = z.infer<typeof LeadRuleCondition>;

export const LeadAssignmentStrategy = z.enum(["member", "round_robin"]);

const ruleFields = {
  name: z.string().trim().min(1, "is required").max(120),
  /** Rules are tried in ascending position; a new rule goes last when absent. */
  position: z.number().int().min(0).max(10_000).optional(),
  /** All must match; none matches every lead. */
  conditions: z.array(LeadRuleCondition).max(20).default([]),
  strategy: LeadAssignmentStrategy,
  /** The member who gets the leads (strategy member). */
  assigneeId: Id.nullable().optional(),
  /** The team whose members take turns (strategy round_robin). */
  teamId: Id.nullable().optional(),
  isActive: z.boolean().optional(),
};

export const CreateLeadAssignmentRuleInput = z.strictObject(ruleFields).meta({ id: "CreateLeadAssignmentRuleInput" });
export type CreateLeadAssignmentRuleInput = z.input<typeof CreateLeadAssignmentRuleInput>;

export const UpdateLeadAssignmentRuleInput = z
  .strictObject({ ...ruleFields, name: ruleFields.name.optional(), conditions: z.array(LeadRuleCondition).max(20).optional(), strategy: LeadAssignmentStrategy.optional() })
  .meta({ id: "UpdateLeadAssignmentRuleInput" });
export type UpdateLeadAssignmentRuleInput = z.input<typeof UpdateLeadAssignmentRuleInput>;

export const LeadAssignmentRule = z
  .object({
    id: Id,
    name: z.string(),
    position: z.number().int(),
    conditions: z.array(LeadRuleCondition),
    strategy: LeadAssignmentStrategy,
    assigneeId: Id.nullable(),
    teamId: Id.nullable(),
    /** Round robin: who got the last lead, so the next goes to the member after them. */
    lastAssigneeId: Id.nullable(),
    isActive: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "LeadAssignmentRule" });
export type LeadAssignmentRule = z.infer<typeof LeadAssignmentRule>;

export const LeadAssignmentRuleList = z.object({ data: z.array(LeadAssignmentRule) }).meta({ id: "LeadAssignmentRuleList" });
export type LeadAssignmentRuleList = z.infer<typeof LeadAssignmentRuleList>;

/** Turns a lead into an opportunity with a deal; the company is the contact's, the given one, or a new one named companyName. */
export const ConvertLeadInput = z
  .strictObject({
    dealName: z.string().trim().min(1, "is required").max(300),
    pipelineId: Id,
    amount: z.number().int("must be an integer in minor units (cents)").min(0).max(Number.MAX_SAFE_INTEGER),
    currency: CurrencyCode,
    closeDate: z.iso.date({ message: "must be a date such as 2026-12-31" }).nullable().optional(),
    companyId: Id.optional(),
    companyName: z.string().trim().min(1, "is required").max(300).optional(),
  })
  .meta({ id: "ConvertLeadInput" });
export type ConvertLeadInput = z.input<typeof ConvertLeadInput>;

export const ConvertedLead = z.object({ contact: Contact, deal: Deal }).meta({ id: "ConvertedLead" });
export type ConvertedLead = z.infer<typeof ConvertedLead>;
