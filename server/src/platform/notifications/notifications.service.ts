import { z } from "zod";
import type { Notification, NotificationList } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { encodeCursor } from "../../db/list-query.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../auth/caller.js";
import { badRequest, notFound } from "../http/app-error.js";
import { iso, isoOrNull } from "../http/iso.js";
import * as repository from "./notifications.repository.js";

export type { NewNotification } from "./notifications.repository.js";

/**
 * Writes notifications in the caller's transaction, so they exist exactly when the change that
 * caused them commits. Repeats of a dedupe key are dropped (a retried job, a re-saved mention).
 */
export function recordNotifications(tx: Transaction, entries: repository.NewNotification[]): Promise<number> {
  const createdAt = new Date();
  return repository.insertNotifications(
    tx,
    entries.map((entry) => ({ ...entry, id: newId(), createdAt })),
  );
}

function toNotification({ notification, actorName }: repository.InboxRow): Notification {
  const { data } = notification;
  return {
    id: notification.id,
    kind: notification.kind,
    createdAt: iso(notification.createdAt),
    readAt: isoOrNull(notification.readAt),
    isRead: notification.readAt !== null,
    actor: notification.actorId ? { id: notification.actorId, name: actorName ?? data.actorName ?? "" } : null,
    activity: data.activity ? { ...data.activity, type: data.activity.type as NonNullable<Notification["activity"]>["type"] } : null,
    record: data.record ?? null,
    excerpt: data.excerpt ?? null,
  };
}

const Position = z.tuple([z.union([z.literal(0), z.literal(1)]), z.iso.datetime(), z.uuid()]);

function decodePosition(cursor: string | undefined): repository.InboxPosition | undefined {
  if (!cursor) return undefined;
  try {
    const [unreadRank, createdAt, id] = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { unreadRank, createdAt, id };
  } catch {
    throw badRequest("cursor is not valid for this list; start again without it", [{ path: "cursor", message: "is not valid for this list" }]);
  }
}

/** Each person's own inbox in the current workspace: list (unread first), mark one or all read. */
export function createNotificationsService({ db }: { db: Database }) {
  return {
    list: (caller: Caller, query: { limit: number; cursor?: string; unread: boolean }): Promise<NotificationList> => {
      const after = decodePosition(query.cursor);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await repository.listInbox(tx, caller.workspaceId, caller.userId, { limit: query.limit, isUnreadOnly: query.unread, after });
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          data: page.map(toNotification),
          nextCursor: rows.length > query.limit && last ? encodeCursor([Number(last.unreadRank), iso(last.notification.createdAt), last.notification.id]) : null,
          unreadCount: await repository.countUnread(tx, caller.workspaceId, caller.userId),
        };
      });
    },

    markRead: (caller: Caller, id: string): Promise<Notification> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        // Someone else's notification answers 404 like a missing one.
        if (!(await repository.findNotification(tx, caller.workspaceId, caller.userId, id))) throw notFound("Notification");
        await repository.markRead(tx, caller.workspaceId, caller.userId, id, new Date());
        return toNotification((await repository.findNotification(tx, caller.workspaceId, caller.userId, id))!);
      }),

    markAllRead: (caller: Caller): Promise<{ count: number }> =>
      inWorkspace(db, caller.workspaceId, async (tx) => ({ count: await repository.markRead(tx, caller.workspaceId, caller.userId, null, new Date()) })),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
