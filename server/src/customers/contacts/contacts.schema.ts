import { sql } from "drizzle-orm";
import { boolean, date, foreignKey, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Address } from "../../../../contracts/index.js";
import { businessColumns, deletedAt } from "../../db/columns.js";
import { companies } from "../companies/companies.schema.js";

export const contacts = pgTable(
  "contacts",
  {
    ...businessColumns,
    firstName: text("first_name").notNull(),
    lastName: text("last_name"),
    emails: jsonb("emails").notNull().default(sql`'[]'::jsonb`).$type<Array<{ address: string; primary: boolean }>>(),
    phones: jsonb("phones").notNull().default(sql`'[]'::jsonb`).$type<Array<{ number: string; label?: string; primary: boolean }>>(),
    jobTitle: text("job_title"),
    companyId: uuid("company_id"),
    ownerId: uuid("owner_id"),
    lifecycleStage: text("lifecycle_stage", {
      enum: ["subscriber", "lead", "qualified", "opportunity", "customer", "advocate", "at_risk", "churned"],
    })
      .notNull()
      .default("lead"),
    source: text("source"),
    /** Where a lead is in qualification (sales/leads); null for contacts never worked as leads. */
    leadStatus: text("lead_status", { enum: ["new", "working", "nurturing", "unqualified", "qualified"] }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    birthday: date("birthday", { mode: "string" }),
    address: jsonb("address").$type<Address>(),
    notes: text("notes"),
    /** Marketing e-mail consent; every change is kept in consent_history (customers/privacy). */
    emailConsent: text("email_consent", { enum: ["opted_in", "opted_out", "unknown"] }).notNull().default("unknown"),
    doNotContact: boolean("do_not_contact").notNull().default(false),
    /** Custom field values by key (customers/custom-fields); typed by the workspace's definitions. */
    custom: jsonb("custom").notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
    /** The record's id in another system (ERP, shop): unique in the workspace, the key of batch upserts and imports. */
    externalId: text("external_id"),
    /** The import that created this contact (customers/imports), so undoing the import can remove it. */
    importId: uuid("import_id"),
    deletedAt: deletedAt(),
    /** One lower-cased text of names, e-mails and phones, for the trigram search index. */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(first_name || ' ' || coalesce(last_name, '') || ' ' || jsonb_path_query_array(emails, '$[*].address')::text || ' ' || jsonb_path_query_array(phones, '$[*].number')::text)`,
    ),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.companyId], foreignColumns: [companies.workspaceId, companies.id], name: "contacts_company_fk" }),
    index("contacts_updated_idx").on(table.workspaceId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    index("contacts_last_name_idx").on(table.workspaceId, table.lastName, table.id).where(sql`deleted_at is null`),
    index("contacts_stage_owner_idx").on(table.workspaceId, table.lifecycleStage, table.ownerId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    index("contacts_lead_status_idx").on(table.workspaceId, table.leadStatus, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null and lead_status is not null`),
    index("contacts_owner_idx").on(table.workspaceId, table.ownerId, table.updatedAt.desc()).where(sql`deleted_at is null`),
    index("contacts_company_idx").on(table.workspaceId, table.companyId),
    uniqueIndex("contacts_external_id_idx").on(table.workspaceId, table.externalId).where(sql`external_id is not null`),
    index("contacts_trash_idx").on(table.workspaceId, table.deletedAt).where(sql`deleted_at is not null`),
    index("contacts_emails_idx").using("gin", sql`${table.emails} jsonb_path_ops`),
    // Duplicate warnings on create look up contacts by phone (customers/duplicates).
    index("contacts_phones_idx").using("gin", sql`${table.phones} jsonb_path_ops`),
    index("contacts_tags_idx").using("gin", table.tags),
    index("contacts_custom_idx").using("gin", sql`${table.custom} jsonb_path_ops`),
    // Name-prefix search (q=) reads these inside contact_search_candidates, where LIKE 'abc%' can use them.
    index("contacts_first_name_prefix_idx").on(table.workspaceId, sql`lower(${table.firstName}) text_pattern_ops`),
    index("contacts_last_name_prefix_idx").on(table.workspaceId, sql`lower(${table.lastName}) text_pattern_ops`),
    index("contacts_search_trgm_idx").using("gin", sql`${table.searchText} gin_trgm_ops`),
  ],
);
