import { integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

/** A workspace's sales settings: the currency forecasts and targets speak, and alert thresholds. */
export const salesSettings = pgTable("sales_settings", {
  workspaceId: uuid("workspace_id").primaryKey(),
  defaultCurrency: text("default_currency").notNull().default("USD"),
  /** A deal with no linked activity for this many days raises a "stale deal" alert. */
  staleDealDays: integer("stale_deal_days").notNull().default(14),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
});

/** How many units of the workspace's default currency one unit of `currency` is worth, set by an admin. */
export const exchangeRates = pgTable(
  "exchange_rates",
  {
    workspaceId: uuid("workspace_id").notNull(),
    currency: text("currency").notNull(),
    rate: numeric("rate", { precision: 20, scale: 10 }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.currency] })],
);
