import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

export const apiKeys = pgTable(
  "api_keys",
  {
    ...businessColumns,
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "admin", "manager", "member", "read_only"] }).notNull(),
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), index("api_keys_created_idx").on(table.workspaceId, table.createdAt)],
);
