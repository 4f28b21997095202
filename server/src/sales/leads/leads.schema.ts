import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

/** A condition on a new lead's fields, e.g. `{field: "source", op: "eq", value: "web"}`. */
export interface LeadRuleCondition {
  field: string;
  op: "eq" | "ne" | "in" | "contains";
  value: string | string[];
}

/**
 * Who gets a new lead: the first active rule (by position) whose conditions all match assigns it,
 * to one member or round robin within a team (`lastAssigneeId` remembers whose turn it was).
 */
export const leadAssignmentRules = pgTable(
  "lead_assignment_rules",
  {
    ...businessColumns,
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    conditions: jsonb("conditions").notNull().default(sql`'[]'::jsonb`).$type<LeadRuleCondition[]>(),
    strategy: text("strategy", { enum: ["member", "round_robin"] }).notNull(),
    assigneeId: uuid("assignee_id"),
    teamId: uuid("team_id"),
    lastAssigneeId: uuid("last_assignee_id"),
    isActive: boolean("is_active").notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), index("lead_assignment_rules_position_idx").on(table.workspaceId, table.position)],
);
