import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { CustomFieldObject, CustomFieldType, SelectOption } from "../../../../contracts/index.js";
import { businessColumns } from "../../db/columns.js";

/** A workspace's custom field definitions; the values live in each record's `custom` jsonb column. */
export const customFields = pgTable(
  "custom_fields",
  {
    ...businessColumns,
    object: text("object").notNull().$type<CustomFieldObject>(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    type: text("type").notNull().$type<CustomFieldType>(),
    isRequired: boolean("is_required").notNull().default(false),
    defaultValue: jsonb("default_value").$type<unknown>(),
    options: jsonb("options").notNull().default(sql`'[]'::jsonb`).$type<SelectOption[]>(),
    helpText: text("help_text"),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    // Archived fields keep their key: their values are still on the records.
    uniqueIndex("custom_fields_key_idx").on(table.workspaceId, table.object, table.key),
    index("custom_fields_position_idx").on(table.workspaceId, table.object, table.position),
  ],
);
