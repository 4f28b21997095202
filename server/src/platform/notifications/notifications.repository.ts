import { and, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { NotificationKind } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../auth/auth.schema.js";
import { notifications, type NotificationData } from "./notifications.schema.js";

export type NewNotification = {
  workspaceId: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  data: NotificationData;
  dedupeKey: string;
};

/** Adds notifications; one whose dedupe key already exists is skipped. Returns how many were new. */
export async function insertNotifications(tx: Transaction, rows: (NewNotification & { id: string; createdAt: Date })[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx.insert(notifications).values(rows).onConflictDoNothing().returning({ id: notifications.id });
  return inserted.length;
}

/** Unread first, then newest first; the position is [isUnread (1/0), createdAt, id]. */
const unreadRank = sql<number>`(case when ${notifications.readAt} is null then 1 else 0 end)`;

export interface InboxPosition {
  unreadRank: number;
  createdAt: string;
  id: string;
}

export async function listInbox(tx: Transaction, workspaceId: string, recipientId: string, query: { limit: number; isUnreadOnly: boolean; after?: InboxPosition }) {
  const conditions: (SQL | undefined)[] = [eq(notifications.workspaceId, workspaceId), eq(notifications.recipientId, recipientId)];
  if (query.isUnreadOnly) conditions.push(isNull(notifications.readAt));
  if (query.after) {
    conditions.push(sql`(${unreadRank}, ${notifications.createdAt}, ${notifications.id}) < (${query.after.unreadRank}::int, ${query.after.createdAt}::timestamptz, ${query.after.id}::uuid)`);
  }
  return tx
    .select({ notification: notifications, unreadRank, actorName: users.name })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(...conditions))
    .orderBy(desc(unreadRank), desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
}

export type InboxRow = Awaited<ReturnType<typeof listInbox>>[number];

export async function countUnread(tx: Transaction, workspaceId: string, recipientId: string): Promise<number> {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
  return Number(row?.count ?? 0);
}

export async function findNotification(tx: Transaction, workspaceId: string, recipientId: string, id: string) {
  const [row] = await tx
    .select({ notification: notifications, unreadRank, actorName: users.name })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.workspaceId, workspaceId), eq(notifications.recipientId, recipientId), eq(notifications.id, id)));
  return row;
}

export async function markRead(tx: Transaction, workspaceId: string, recipientId: string, id: string | null, readAt: Date): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt })
    .where(
      and(
        eq(notifications.workspaceId, workspaceId),
        eq(notifications.recipientId, recipientId),
        isNull(notifications.readAt),
        id === null ? undefined : eq(notifications.id, id),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
