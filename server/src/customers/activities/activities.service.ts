import { activityIssues, type Activity, type ActivityList } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { AppError, notFound } from "../../platform/http/app-error.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import { assertMemberExists } from "../../platform/workspaces/index.js";
import { assertCanAssignOwner, assertCanModify } from "../shared/records.policy.js";
import { snapshot, storedAsInput, toActivity, toColumns, type ActivityChanges, type NewActivity } from "./activities.mapping.js";
import { checkMentions, notifyMentions } from "./activities.notifications.js";
import { scheduleReminder } from "./activities.reminders.js";
import * as repository from "./activities.repository.js";

function failValidation(issues: { path: string; message: string }[]): never {
  const errors = issues.map((issue) => ({ path: `body.${issue.path}`, message: issue.message }));
  throw new AppError(400, "Validation failed", errors.map((entry) => `${entry.path}: ${entry.message}`).join("; "), errors);
}

/** Reads activities with their links, in the order of the rows given. */
async function present(tx: Transaction, workspaceId: string, rows: repository.ActivityRow[]): Promise<Activity[]> {
  const links = await repository.loadLinks(tx, workspaceId, rows.map((row) => row.activity.id));
  return rows.map((row) => toActivity(row, links.get(row.activity.id)!));
}

async function checkReferences(tx: Transaction, caller: Caller, input: ActivityChanges) {
  if (input.ownerId) await assertMemberExists(tx, caller.workspaceId, input.ownerId, "body.ownerId");
  for (const [index, id] of (input.attendeeIds ?? []).entries()) await assertMemberExists(tx, caller.workspaceId, id, `body.attendeeIds.${index}`);
  await repository.assertLinkTargets(tx, caller.workspaceId, input);
}

async function reload(tx: Transaction, caller: Caller, id: string) {
  const row = (await repository.findActivity(tx, caller.workspaceId, id))!;
  const links = (await repository.loadLinks(tx, caller.workspaceId, [id])).get(id)!;
  return { row, links };
}

/**
 * Creates an activity inside the caller's transaction, audited, mentions notified: the API's
 * create, and the tasks other modules open for a record (a deal's stage steps). Whoever calls
 * it has already decided who may own the activity.
 */
export async function createActivityIn(tx: Transaction, caller: Caller, input: NewActivity) {
  await checkReferences(tx, caller, input);
  const mentioned = await checkMentions(tx, caller.workspaceId, input.body);
  const now = new Date();
  const id = newId();
  await repository.insertActivity(tx, {
    ...toColumns(input),
    type: input.type,
    ownerId: input.ownerId === undefined ? caller.userId : input.ownerId,
    // Everything but a task happened at some moment; unless told, that is now.
    occurredAt: input.type === "task" ? null : input.occurredAt ? new Date(input.occurredAt) : now,
    mentionedUserIds: mentioned,
    workspaceId: caller.workspaceId,
    id,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  });
  await repository.replaceLinks(tx, caller.workspaceId, id, { contactIds: input.contactIds ?? [], companyIds: input.companyIds ?? [], dealIds: input.dealIds ?? [] }, newId);
  const { row, links } = await reload(tx, caller, id);
  await recordAudit(tx, caller, { entityType: "activity", entityId: id, action: "create", before: null, after: snapshot(row.activity, links) });
  await notifyMentions(tx, caller, row.activity, links);
  return { row, links };
}

/**
 * Notes, calls, e-mails, meetings, tasks and visits, linked to contacts, companies and deals. Members
 * change their own activities (or unowned ones); managers and up change anyone's. A task's
 * owner is its assignee.
 */
export function createActivitiesService({ db, jobs }: { db: Database; jobs: JobQueue }) {
  async function load(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findActivity(tx, caller.workspaceId, id);
    if (!row) throw notFound("Activity");
    return row;
  }

  /** A reminder is queued when a task gets a new reminder time, or is reopened with one. */
  async function queueReminderIfDue(tx: Transaction, caller: Caller, before: repository.ActivityRecord | null, after: repository.ActivityRecord) {
    if (after.type !== "task" || !after.reminderAt || after.doneAt) return;
    const isNewTime = before?.reminderAt?.getTime() !== after.reminderAt.getTime();
    const isReopened = before?.doneAt !== null && before?.doneAt !== undefined;
    if (isNewTime || isReopened) await scheduleReminder(jobs, tx, caller.workspaceId, after.id, after.reminderAt);
  }

  return {
    list: (caller: Caller, query: repository.ActivityListQuery): Promise<ActivityList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listActivities(tx, caller.workspaceId, query);
        return { data: await present(tx, caller.workspaceId, rows), nextCursor };
      }),

    get: (caller: Caller, id: string): Promise<Activity> =>
      inWorkspace(db, caller.workspaceId, async (tx) => (await present(tx, caller.workspaceId, [await load(tx, caller, id)]))[0]),

    create(caller: Caller, input: NewActivity): Promise<Activity> {
      assertCanAssignOwner(caller, input.ownerId);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const { row, links } = await createActivityIn(tx, caller, input);
        await repository.touchLinkedDeals(tx, caller.workspaceId, row.activity.id, row.activity.createdAt);
        await queueReminderIfDue(tx, caller, null, row.activity);
        return toActivity(row, links);
      });
    },

    update(caller: Caller, id: string, changes: ActivityChanges): Promise<Activity> {
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        assertCanModify(caller, before.activity, "activities");
        if (changes.ownerId !== undefined && changes.ownerId !== before.activity.ownerId) assertCanAssignOwner(caller, changes.ownerId);
        const issues = activityIssues(before.activity.type, { ...storedAsInput(before.activity), ...changes }, changes);
        if (issues.length) failValidation(issues);
        await checkReferences(tx, caller, changes);
        const beforeLinks = (await repository.loadLinks(tx, caller.workspaceId, [id])).get(id)!;
        const mentioned = changes.body === undefined ? undefined : await checkMentions(tx, caller.workspaceId, changes.body);
        await repository.updateActivity(tx, caller.workspaceId, id, { ...toColumns(changes), ...(mentioned ? { mentionedUserIds: mentioned } : {}), updatedAt: new Date() });
        if (changes.contactIds !== undefined || changes.companyIds !== undefined || changes.dealIds !== undefined) {
          await repository.replaceLinks(
            tx,
            caller.workspaceId,
            id,
            {
              contactIds: changes.contactIds ?? beforeLinks.contacts.map((contact) => contact.id),
              companyIds: changes.companyIds ?? beforeLinks.companies.map((company) => company.id),
              dealIds: changes.dealIds ?? beforeLinks.deals.map((deal) => deal.id),
            },
            newId,
          );
        }
        const { row, links } = await reload(tx, caller, id);
        await repository.touchLinkedDeals(tx, caller.workspaceId, id, row.activity.updatedAt);
        await recordAudit(tx, caller, { entityType: "activity", entityId: id, action: "update", before: snapshot(before.activity, beforeLinks), after: snapshot(row.activity, links) });
        await notifyMentions(tx, caller, row.activity, links);
        await queueReminderIfDue(tx, caller, before.activity, row.activity);
        return toActivity(row, links);
      });
    },

    /** Deleted for good; the audit entry keeps who removed it and its last values. */
    remove: (caller: Caller, id: string): Promise<void> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await load(tx, caller, id);
        assertCanModify(caller, before.activity, "activities");
        const links = (await repository.loadLinks(tx, caller.workspaceId, [id])).get(id)!;
        await repository.deleteActivity(tx, caller.workspaceId, id);
        await recordAudit(tx, caller, { entityType: "activity", entityId: id, action: "hard_delete", before: snapshot(before.activity, links), after: null });
      }),
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
