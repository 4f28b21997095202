import { boolean, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

export const savedViews = pgTable(
  "saved_views",
  {
    ...businessColumns,
    object: text("object", { enum: ["contacts", "companies", "deals"] }).notNull(),
    name: text("name").notNull(),
    ownerId: uuid("owner_id").notNull(),
    isShared: boolean("is_shared").notNull().default(false),
    config: jsonb("config").notNull().$type<{ columns: string[]; sort?: string; filter?: Record<string, Record<string, string>>; q?: string }>(),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), index("saved_views_owner_idx").on(table.workspaceId, table.object, table.ownerId)],
);
