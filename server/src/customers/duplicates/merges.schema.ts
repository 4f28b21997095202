import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

/**
 * One row per merge: who merged what into which survivor, and the state before it (the
 * survivor's fields, the merged records' fields, which relations moved from where) so that
 * POST /merges/{id}/undo can put everything back.
 */
export const merges = pgTable(
  "merges",
  {
    ...businessColumns,
    object: text("object", { enum: ["contact", "company"] }).notNull(),
    survivorId: uuid("survivor_id").notNull(),
    mergedIds: uuid("merged_ids").array().notNull(),
    before: jsonb("before").notNull().$type<Record<string, unknown>>(),
    undoneAt: timestamp("undone_at", { withTimezone: true, mode: "date" }),
    undoneBy: uuid("undone_by"),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), index("merges_survivor_idx").on(table.workspaceId, table.survivorId)],
);
