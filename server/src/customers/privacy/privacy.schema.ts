import { sql } from "drizzle-orm";
import { foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";
import { contacts } from "../contacts/contacts.schema.js";

const consentValues = ["opted_in", "opted_out", "unknown"] as const;

/**
 * Every change of a contact's marketing e-mail consent, with where it came from: the proof a
 * marketer needs that someone opted in. Written in the same transaction as the change.
 */
export const consentHistory = pgTable(
  "consent_history",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    contactId: uuid("contact_id").notNull(),
    emailConsent: text("email_consent", { enum: consentValues }).notNull(),
    previousEmailConsent: text("previous_email_consent", { enum: consentValues }),
    source: text("source"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
    createdBy: uuid("created_by"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    // Purging a contact for ever takes its consent history with it.
    foreignKey({ columns: [table.workspaceId, table.contactId], foreignColumns: [contacts.workspaceId, contacts.id], name: "consent_history_contact_fk" }).onDelete("cascade"),
    index("consent_history_contact_idx").on(table.workspaceId, table.contactId, table.createdAt),
  ],
);

/** Per workspace: which roles may not read a sensitive field of contacts or companies. */
export const fieldPermissions = pgTable(
  "field_permissions",
  {
    ...businessColumns,
    object: text("object", { enum: ["contacts", "companies"] }).notNull(),
    field: text("field").notNull(),
    hiddenFromRoles: text("hidden_from_roles").array().notNull().default(sql`'{}'::text[]`),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), uniqueIndex("field_permissions_field_idx").on(table.workspaceId, table.object, table.field)],
);
