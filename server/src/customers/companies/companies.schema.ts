import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
    deletedAt: deletedAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    index("companies_updated_idx").on(table.workspaceId, table.updatedAt.desc(), table.id.desc()).where(sql`deleted_at is null`),
    index("companies_name_idx").on(table.workspaceId, table.name, table.id).where(sql`deleted_at is null`),
    index("companies_domain_idx").on(table.workspaceId, table.domain),
    index("companies_trash_idx").on(table.workspaceId, table.deletedAt).where(sql`deleted_at is not null`),
    index("companies_name_trgm_idx").using("gin", sql`lower(${table.name}) gin_trgm_ops`),
  ],
);
