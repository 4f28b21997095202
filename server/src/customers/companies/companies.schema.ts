import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Address } from "../../../../contracts/index.js";
import { businessColumns, deletedAt } from "../../db/columns.js";

export const companies = pgTable(
  "companies",
  {
    ...businessColumns,
    name: text("name").notNull(),
    domain: text("domain"),
    industry: text("industry"),
    employeeCount: integer("employee_count"),
    annualRevenueAmount: bigint("annual_revenue_amount", { mode: "number" }),
    annualRevenueCurrency: text("annual_revenue_currency"),
    address: jsonb("address").$type<Address>(),
    ownerId: uuid("owner_id"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Custom field values by key (customers/custom-fields); typed by the workspace's definitions. */
    custom: jsonb("custom").notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
    /** The record's id in another system (ERP, shop): unique in the workspace, the key of batch upserts and imports. */
    externalId: text("external_id"),
    /** The import that created this company (customers/imports), so undoing the import can remove it. */
    importId: uuid("import_id"),
    deletedAt: deletedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index("companies_updated_idx").on(table.workspaceId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    index("companies_name_idx").on(table.workspaceId, table.name, table.id).where(sql`deleted_at is null`),
    index("companies_domain_idx").on(table.workspaceId, table.domain),
    uniqueIndex("companies_external_id_idx").on(table.workspaceId, table.externalId).where(sql`external_id is not null`),
    index("companies_trash_idx").on(table.workspaceId, table.deletedAt).where(sql`deleted_at is not null`),
    index("companies_name_trgm_idx").using("gin", sql`lower(${table.name}) gin_trgm_ops`),
    index("companies_custom_idx").using("gin", sql`${table.custom} jsonb_path_ops`),
  ],
);
