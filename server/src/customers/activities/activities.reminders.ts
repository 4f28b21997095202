import type { Database } from "../../db/client.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { defineJob, type JobQueue } from "../../platform/jobs/index.js";
import { recordNotifications } from "../../platform/notifications/index.js";
import { notificationSubject } from "./activities.notifications.js";
import * as repository from "./activities.repository.js";

export interface ReminderJobData {
  workspaceId: string;
  activityId: string;
  /** The reminder time this job was sent for; a job for a since-changed time does nothing. */
  reminderAt: string;
}

export const reminderJob = defineJob<ReminderJobData>("activity-reminder");

/**
 * Queues the reminder of a task in the transaction that sets it, to run at its time. Nothing is
 * cancelled when the task changes: the job checks the task when it runs.
 */
export function scheduleReminder(jobs: JobQueue, tx: Transaction, workspaceId: string, activityId: string, reminderAt: Date) {
  return jobs.send(reminderJob, { workspaceId, activityId, reminderAt: reminderAt.toISOString() }, { startAfter: reminderAt, transaction: tx, retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true });
}

/** Turns a due reminder into an in-app notification for the task's assignee (or its author). */
export async function deliverReminder(db: Database, data: ReminderJobData): Promise<void> {
  await inWorkspace(db, data.workspaceId, async (tx) => {
    const row = await repository.findActivity(tx, data.workspaceId, data.activityId);
    const task = row?.activity;
    if (!task || task.type !== "task" || task.doneAt !== null || task.reminderAt?.toISOString() !== data.reminderAt) return;
    const recipientId = task.ownerId ?? task.createdBy;
    if (!recipientId) return;
    const links = (await repository.loadLinks(tx, data.workspaceId, [task.id])).get(task.id)!;
    await recordNotifications(tx, [
      {
        workspaceId: data.workspaceId,
        recipientId,
        kind: "reminder",
        actorId: null,
        data: notificationSubject(task, links),
        dedupeKey: `reminder:${task.id}:${data.reminderAt}`,
      },
    ]);
  });
}

export function registerReminderWorker(jobs: JobQueue, db: Database) {
  return jobs.work(reminderJob, (data) => deliverReminder(db, data));
}
