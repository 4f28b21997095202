import { sql } from "drizzle-orm";
import { bigint, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns, deletedAt } from "../../db/columns.js";
import { companies } from "../../customers/companies/companies.schema.js";
import { contacts } from "../../customers/contacts/contacts.schema.js";
import { pipelineStages, pipelines, stageSteps } from "../pipelines/pipelines.schema.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const deals = pgTable(
  "deals",
  {
    ...businessColumns,
    name: text("name").notNull(),
    /** Integer minor units of `currency` (ISO 4217 exponent). */
    amount: bigint("amount", { mode: "number" }).notNull().default(0),
    currency: text("currency").notNull(),
    pipelineId: uuid("pipeline_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    /** Denormalised from the stage so board, forecast and win rate filter without a join. */
    stageKind: text("stage_kind", { enum: ["open", "won", "lost"] }).notNull().default("open"),
    stageEnteredAt: moment("stage_entered_at").notNull().default(sql`now()`),
    closeDate: date("close_date", { mode: "string" }),
    /** When the deal reached a won or lost stage; null while open. */
    closedAt: moment("closed_at"),
    ownerId: uuid("owner_id"),
    companyId: uuid("company_id"),
    forecastCategory: text("forecast_category", { enum: ["pipeline", "best_case", "commit", "omitted"] }).notNull().default("pipeline"),
    lostReason: text("lost_reason"),
    nextStep: text("next_step"),
    source: text("source"),
    /** Last activity linked to the deal, for the "no activity for N days" alert. */
    lastActivityAt: moment("last_activity_at"),
    custom: jsonb("custom").notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
    externalId: text("external_id"),
    deletedAt: deletedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.pipelineId], foreignColumns: [pipelines.workspaceId, pipelines.id], name: "deals_pipeline_fk" }),
    foreignKey({ columns: [table.workspaceId, table.stageId], foreignColumns: [pipelineStages.workspaceId, pipelineStages.id], name: "deals_stage_fk" }),
    foreignKey({ columns: [table.workspaceId, table.companyId], foreignColumns: [companies.workspaceId, companies.id], name: "deals_company_fk" }).onDelete("set null"),
    // The board: open deals of one pipeline by stage.
    index("deals_board_idx").on(table.workspaceId, table.pipelineId, table.stageId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    index("deals_updated_idx").on(table.workspaceId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    // Forecast: deals closing in a period, with every column it sums, so a quarter over 1M deals is an index-only scan.
    index("deals_forecast_idx")
      .on(table.workspaceId, table.closeDate, table.stageKind, table.forecastCategory, table.ownerId, table.currency, table.amount, table.stageId)
      .where(sql`deleted_at is null`),
    // Win rate, sales cycle and won revenue: deals closed in a period.
    index("deals_closed_at_idx").on(table.workspaceId, table.closedAt).where(sql`deleted_at is null and closed_at is not null`),
    index("deals_owner_idx").on(table.workspaceId, table.ownerId, table.updatedAt.desc()).where(sql`deleted_at is null`),
    index("deals_company_idx").on(table.workspaceId, table.companyId),
    uniqueIndex("deals_external_id_idx").on(table.workspaceId, table.externalId).where(sql`external_id is not null`),
    index("deals_trash_idx").on(table.workspaceId, table.deletedAt).where(sql`deleted_at is not null`),
    index("deals_custom_idx").using("gin", sql`${table.custom} jsonb_path_ops`),
  ],
);

/** The people on a deal and their role in it (decision maker, champion, …). */
export const dealContacts = pgTable(
  "deal_contacts",
  {
    workspaceId: uuid("workspace_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    role: text("role"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.dealId, table.contactId] }),
    foreignKey({ columns: [table.workspaceId, table.dealId], foreignColumns: [deals.workspaceId, deals.id], name: "deal_contacts_deal_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.contactId], foreignColumns: [contacts.workspaceId, contacts.id], name: "deal_contacts_contact_fk" }).onDelete("cascade"),
    index("deal_contacts_contact_idx").on(table.workspaceId, table.contactId),
  ],
);

/** One row per stay of a deal in a stage: sales-cycle length and conversion rates read this. */
export const dealStageHistory = pgTable(
  "deal_stage_history",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    dealId: uuid("deal_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    fromStageId: uuid("from_stage_id"),
    enteredAt: moment("entered_at").notNull(),
    leftAt: moment("left_at"),
    movedBy: uuid("moved_by"),
    /** Set when a manager moved the deal past open required steps: why, and which steps. */
    overrideReason: text("override_reason"),
    overriddenStepIds: uuid("overridden_step_ids").array(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.dealId], foreignColumns: [deals.workspaceId, deals.id], name: "deal_stage_history_deal_fk" }).onDelete("cascade"),
    index("deal_stage_history_deal_idx").on(table.workspaceId, table.dealId, table.enteredAt),
    index("deal_stage_history_stage_idx").on(table.workspaceId, table.stageId, table.enteredAt),
  ],
);

/** Which step template a deal's task came from, so required steps can block a stage move. */
export const dealSteps = pgTable(
  "deal_steps",
  {
    workspaceId: uuid("workspace_id").notNull(),
    dealId: uuid("deal_id").notNull(),
    stepId: uuid("step_id").notNull(),
    activityId: uuid("activity_id").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.dealId, table.stepId] }),
    foreignKey({ columns: [table.workspaceId, table.dealId], foreignColumns: [deals.workspaceId, deals.id], name: "deal_steps_deal_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.stepId], foreignColumns: [stageSteps.workspaceId, stageSteps.id], name: "deal_steps_step_fk" }).onDelete("cascade"),
    index("deal_steps_activity_idx").on(table.workspaceId, table.activityId),
  ],
);
