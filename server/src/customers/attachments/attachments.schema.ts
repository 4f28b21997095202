import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";

/**
 * A file on a contact, a company or an activity. The bytes live in the attachment storage
 * under storage_key (never derived from the uploaded name); this row is what the API lists.
 */
export const attachments = pgTable(
  "attachments",
  {
    ...businessColumns,
    contactId: uuid("contact_id"),
    companyId: uuid("company_id"),
    // No foreign key: activities live in their own module and table.
    activityId: uuid("activity_id"),
    name: text("name").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    check("attachments_one_target", sql`num_nonnulls(${table.contactId}, ${table.companyId}, ${table.activityId}) = 1`),
    foreignKey({ columns: [table.workspaceId, table.contactId], foreignColumns: [contacts.workspaceId, contacts.id], name: "attachments_contact_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.companyId], foreignColumns: [companies.workspaceId, companies.id], name: "attachments_company_fk" }).onDelete("cascade"),
    index("attachments_contact_idx").on(table.workspaceId, table.contactId).where(sql`contact_id is not null`),
    index("attachments_company_idx").on(table.workspaceId, table.companyId).where(sql`company_id is not null`),
    index("attachments_activity_idx").on(table.workspaceId, table.activityId).where(sql`activity_id is not null`),
  ],
);
