import { mentionedUserIds } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField } from "../../platform/http/app-error.js";
import { recordNotifications, type NotificationData } from "../../platform/notifications/index.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { excerptOf } from "./activities.mapping.js";
import type { ActivityRecord, LinkedRecords } from "./activities.repository.js";

/** What a notification about an activity shows and opens: the activity and the record it is about. */
export function notificationSubject(activity: ActivityRecord, links: LinkedRecords): NotificationData {
  const contact = links.contacts[0];
  const company = links.companies[0];
  return {
    activity: { id: activity.id, type: activity.type, subject: activity.subject, dueAt: activity.dueAt ? activity.dueAt.toISOString() : null },
    record: contact ? { type: "contact", ...contact } : company ? { type: "company", ...company } : undefined,
    excerpt: excerptOf(activity.body) ?? undefined,
  };
}

/** Everyone mentioned in a body must be a member of the workspace; returns their ids. */
export async function checkMentions(tx: Transaction, workspaceId: string, body: string | null | undefined): Promise<string[]> {
  const ids = mentionedUserIds(body);
  if (ids.length > 50) throw invalidField("body.body", "mentions more than 50 people");
  for (const id of ids) await assertMemberExists(tx, workspaceId, id, "body.body").catch(() => {
    throw invalidField("body.body", `mentions ${id}, who is not a member of this workspace`);
  });
  return ids;
}

/**
 * Notifies each person mentioned in the activity's body, except its author. The dedupe key is
 * per activity and person, so saving the same note again notifies only people newly mentioned.
 */
export async function notifyMentions(tx: Transaction, caller: Caller, activity: ActivityRecord, links: LinkedRecords) {
  const recipients = activity.mentionedUserIds.filter((id) => id !== caller.userId);
  await recordNotifications(
    tx,
    recipients.map((recipientId) => ({
      workspaceId: caller.workspaceId,
      recipientId,
      kind: "mention" as const,
      actorId: caller.userId,
      data: notificationSubject(activity, links),
      dedupeKey: `mention:${activity.id}:${recipientId}`,
    })),
  );
}
