import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { auditLog } from "../../platform/audit/audit.schema.js";
import type { ContactDataSource } from "../privacy/index.js";
import { erasedMarker, identifierPattern, scrubJson, scrubText } from "../privacy/scrub-text.js";
import { toActivity } from "./activities.mapping.js";
import { findActivities, findActivity, loadLinks } from "./activities.repository.js";
import { activities, activityLinks } from "./activities.schema.js";

async function activityIdsOf(tx: Transaction, workspaceId: string, contactId: string): Promise<string[]> {
  const rows = await tx
    .select({ activityId: activityLinks.activityId })
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, workspaceId), eq(activityLinks.contactId, contactId)));
  return rows.map((row) => row.activityId);
}

/** Ids among these activities that also concern another contact. */
async function sharedWithOthers(tx: Transaction, workspaceId: string, activityIds: string[], contactId: string): Promise<Set<string>> {
  if (activityIds.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ activityId: activityLinks.activityId })
    .from(activityLinks)
    .where(
      and(
        eq(activityLinks.workspaceId, workspaceId),
        inArray(activityLinks.activityId, activityIds),
        sql`${activityLinks.contactId} is not null and ${activityLinks.contactId} <> ${contactId}`,
      ),
    );
  return new Set(rows.map((row) => row.activityId));
}

/**
 * Activities in data-subject requests. Export: every activity linked to the contact. Erase: an
 * activity about this person alone keeps its place (kind, time, links: counts and timelines stay
 * right) but loses its words, place and position; one shared with other contacts stays for them
 * with this person's identifiers scrubbed from its text. Their audit history is treated alike.
 */
export function activitiesDataSource(): ContactDataSource {
  return {
    name: "activities",

    async exportFor(tx, workspaceId, contactId) {
      const ids = await activityIdsOf(tx, workspaceId, contactId);
      if (ids.length === 0) return [];
      const [rows, links] = await Promise.all([findActivities(tx, workspaceId, ids), loadLinks(tx, workspaceId, ids)]);
      return rows.map((row) => toActivity(row, links.get(row.activity.id) ?? { contacts: [], companies: [], deals: [] }));
    },

    async erase(tx, caller, personal) {
      const { workspaceId } = caller;
      const ids = await activityIdsOf(tx, workspaceId, personal.contactId);
      if (ids.length === 0) return;
      const shared = await sharedWithOthers(tx, workspaceId, ids, personal.contactId);
      const pattern = identifierPattern(personal.identifiers);
      const own = ids.filter((id) => !shared.has(id));
      if (own.length > 0) {
        await tx
          .update(activities)
          .set({ subject: erasedMarker, body: null, location: null, latitude: null, longitude: null, geoAccuracyMeters: null, updatedAt: new Date() })
          .where(and(eq(activities.workspaceId, workspaceId), inArray(activities.id, own)));
        await tx
          .update(auditLog)
          .set({ changes: {} })
          .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, "activity"), inArray(auditLog.entityId, own)));
      }
      for (const id of shared) {
        const row = await findActivity(tx, workspaceId, id);
        if (!row) continue;
        const { subject, body, location } = row.activity;
        await tx
          .update(activities)
          .set({
            subject: subject === null ? null : scrubText(subject, pattern),
            body: body === null ? null : scrubText(body, pattern),
            location: location === null ? null : scrubText(location, pattern),
          })
          .where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
        const entries = await tx
          .select({ id: auditLog.id, changes: auditLog.changes })
          .from(auditLog)
          .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, "activity"), eq(auditLog.entityId, id)));
        for (const entry of entries) {
          await tx
            .update(auditLog)
            .set({ changes: scrubJson(entry.changes, pattern) as typeof entry.changes })
            .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.id, entry.id)));
        }
      }
    },
  };
}

/** Lets attachments check that an activity they are added to exists in the workspace. */
export const activityLookup = {
  async isLiveActivity(tx: Transaction, workspaceId: string, id: string): Promise<boolean> {
    return Boolean(await findActivity(tx, workspaceId, id));
  },
};
