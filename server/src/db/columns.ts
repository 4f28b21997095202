import { sql } from "drizzle-orm";
import { timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns every business row carries (ARCHITECTURE.md "Data"). Ids are UUIDv7 made in the app. */
export const businessColumns = {
  workspaceId: uuid("workspace_id").notNull(),
  id: uuid("id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  createdBy: uuid("created_by"),
};

export const deletedAt = () => timestamp("deleted_at", { withTimezone: true, mode: "date" });
