import { bigint, check, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { businessColumns } from "../../db/columns.js";

/** A sales target of one member or one team for a month, quarter or year ("sales plan"). */
export const salesTargets = pgTable(
  "sales_targets",
  {
    ...businessColumns,
    ownerId: uuid("owner_id"),
    teamId: uuid("team_id"),
    /** As written by the user: "2026", "2026-Q4" or "2026-11". */
    period: text("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    /** Exclusive. */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    metric: text("metric", { enum: ["revenue_won", "deals_won", "activities_done"] }).notNull(),
    /** Minor units of the workspace currency for revenue, a count otherwise. */
    amount: bigint("amount", { mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    check("sales_targets_one_holder", sql`num_nonnulls(${table.ownerId}, ${table.teamId}) = 1`),
    index("sales_targets_period_idx").on(table.workspaceId, table.periodStart, table.periodEnd),
  ],
);
