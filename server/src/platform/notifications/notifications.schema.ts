import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { NotificationKind } from "../../../../contracts/index.js";

/** What a notification points at, kept with it so the inbox needs no joins into other domains. */
export interface NotificationData {
  activity?: { id: string; type: string; subject: string | null; dueAt: string | null };
  record?: { type: "contact" | "company" | "deal" | "invoice"; id: string; name: string };
  actorName?: string;
  excerpt?: string;
}

export const notifications = pgTable(
  "notifications",
  {
    workspaceId: uuid("workspace_id").notNull(),
    id: uuid("id").notNull(),
    recipientId: uuid("recipient_id").notNull(),
    kind: text("kind", { enum: NotificationKind.options as [NotificationKind, ...NotificationKind[]] }).notNull(),
    actorId: uuid("actor_id"),
    data: jsonb("data").notNull().$type<NotificationData>(),
    /** One notification per event: a retried job or a re-saved mention adds nothing. */
    dedupeKey: text("dedupe_key").notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex("notifications_dedupe_idx").on(table.workspaceId, table.dedupeKey),
    index("notifications_inbox_idx").on(table.workspaceId, table.recipientId, table.createdAt.desc(), table.id.desc()),
    index("notifications_unread_idx").on(table.workspaceId, table.recipientId).where(sql`read_at is null`),
  ],
);
