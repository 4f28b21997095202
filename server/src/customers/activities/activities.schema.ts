import { sql } from "drizzle-orm";
import { check, doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ActivityDirection, ActivityType, CallOutcome, TaskPriority } from "../../../../contracts/index.js";
import { businessColumns } from "../../db/columns.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";
import { deals } from "../../sales/deals/deals.schema.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
/** The contract's enum values, as the non-empty tuple a text enum column wants. */
const values = <T extends string>(options: readonly T[]) => options as [T, ...T[]];

export const activities = pgTable(
  "activities",
  {
    ...businessColumns,
    type: text("type", { enum: values(ActivityType.options) }).notNull(),
    subject: text("subject"),
    body: text("body"),
    ownerId: uuid("owner_id"),
    occurredAt: moment("occurred_at"),
    dueAt: moment("due_at"),
    doneAt: moment("done_at"),
    reminderAt: moment("reminder_at"),
    priority: text("priority", { enum: values(TaskPriority.options) }),
    direction: text("direction", { enum: values(ActivityDirection.options) }),
    durationSeconds: integer("duration_seconds"),
    outcome: text("outcome", { enum: values(CallOutcome.options) }),
    endAt: moment("end_at"),
    location: text("location"),
    latitude: doublePrecision("latitude"),
    longitude: doublePrecision("longitude"),
    geoAccuracyMeters: doublePrecision("geo_accuracy_meters"),
    attendeeIds: uuid("attendee_ids").array().notNull().default(sql`'{}'::uuid[]`),
    mentionedUserIds: uuid("mentioned_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** Its place on a timeline: a task's due date (or its creation), otherwise when it happened. */
    at: timestamp("at", { withTimezone: true, mode: "date" })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(case when type = 'task' then due_at end, occurred_at, created_at)`),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index("activities_at_idx").on(table.workspaceId, table.at.desc(), table.id.desc()),
    // "My tasks": open tasks of one person by due date.
    index("activities_open_tasks_idx").on(table.workspaceId, table.ownerId, table.dueAt).where(sql`type = 'task' and done_at is null`),
    index("activities_owner_idx").on(table.workspaceId, table.ownerId, table.at.desc()),
  ],
);

/**
 * Which records an activity is about: one row per link, one target column set per row. Tickets
 * join as a further nullable column (ticket_id) with its own foreign key and index, and the check
 * widens to count it; purging a record drops its links by cascade.
 */
export const activityLinks = pgTable(
  "activity_links",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    activityId: uuid("activity_id").notNull(),
    contactId: uuid("contact_id"),
    companyId: uuid("company_id"),
    dealId: uuid("deal_id"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.activityId], foreignColumns: [activities.workspaceId, activities.id], name: "activity_links_activity_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.contactId], foreignColumns: [contacts.workspaceId, contacts.id], name: "activity_links_contact_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.companyId], foreignColumns: [companies.workspaceId, companies.id], name: "activity_links_company_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.dealId], foreignColumns: [deals.workspaceId, deals.id], name: "activity_links_deal_fk" }).onDelete("cascade"),
    check("activity_links_one_target", sql`num_nonnulls(${table.contactId}, ${table.companyId}, ${table.dealId}) = 1`),
    uniqueIndex("activity_links_contact_idx").on(table.workspaceId, table.contactId, table.activityId).where(sql`contact_id is not null`),
    uniqueIndex("activity_links_company_idx").on(table.workspaceId, table.companyId, table.activityId).where(sql`company_id is not null`),
    uniqueIndex("activity_links_deal_idx").on(table.workspaceId, table.dealId, table.activityId).where(sql`deal_id is not null`),
    index("activity_links_activity_idx").on(table.workspaceId, table.activityId),
  ],
);
