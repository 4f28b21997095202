import { and, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ActivityType, can, TimelineKind, type LifecycleStage, type Timeline, type TimelineItem } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { encodeCursor } from "../../db/list-query.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import { auditEventsFor, type AuditEvent, type AuditStream } from "../../platform/audit/audit.timeline.js";
import type { Caller } from "../../platform/auth/caller.js";
import { badRequest, invalidField, notFound } from "../../platform/http/app-error.js";
import { contacts } from "../contacts/contacts.schema.js";
import { toActivity } from "./activities.mapping.js";
import { salesDocumentEntries } from "./activities.timeline-documents.js";
import * as repository from "./activities.repository.js";
import { activities, activityLinks } from "./activities.schema.js";

export interface TimelineRequest {
  limit: number;
  cursor?: string;
  filter?: Record<string, Record<string, string>>;
}

const Position = z.tuple([z.iso.datetime(), z.uuid()]);

function decodePosition(cursor: string | undefined) {
  if (!cursor) return undefined;
  try {
    const [at, id] = Position.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { at, id };
  } catch {
    throw badRequest("cursor is not valid for this timeline; start again without it", [{ path: "cursor", message: "is not valid for this list" }]);
  }
}

/** filter[kind][in]=call,task or filter[kind][eq]=note; no filter shows every kind. */
function requestedKinds(filter: TimelineRequest["filter"]): Set<TimelineKind> {
  const kinds = new Set<TimelineKind>(TimelineKind.options);
  for (const [field, operations] of Object.entries(filter ?? {})) {
    if (field !== "kind") throw invalidField(`filter.${field}`, "is not a filterable field; use kind");
    for (const [operator, value] of Object.entries(operations)) {
      const path = `filter.kind.${operator}`;
      if (operator !== "eq" && operator !== "in") throw invalidField(path, "is not a supported operator here; use one of eq, in");
      const wanted = value.split(",").map((kind) => kind.trim());
      for (const kind of wanted) if (!TimelineKind.safeParse(kind).success) throw invalidField(path, `must be one of ${TimelineKind.options.join(", ")}`);
      for (const kind of [...kinds]) if (!wanted.includes(kind)) kinds.delete(kind);
    }
  }
  return kinds;
}

const recordLabels = { contact: "Contact", company: "Company", deal: "Deal" } as const;
type TimelineRecordType = keyof typeof recordLabels;

/**
 * One timeline per contact, company and deal, newest first: activities (by their `at`), field
 * changes and lifecycle-stage changes from the audit log, and a deal's stage moves from its stage
 * history, orders and invoices. A company's includes the activities, stage changes, orders and
 * invoices of its contacts. Every source is read past the cursor and merged, so a page is exact
 * however they interleave.
 */
export function createTimelineService({ db }: { db: Database }) {
  return {
    read: (caller: Caller, record: { type: TimelineRecordType; id: string }, query: TimelineRequest): Promise<Timeline> => {
      const kinds = requestedKinds(query.filter);
      const position = decodePosition(query.cursor);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        if (!(await repository.findLiveRecord(tx, caller.workspaceId, record.type, record.id))) throw notFound(recordLabels[record.type]);

        const companyContacts = sql`select ${contacts.id} from ${contacts} where ${contacts.workspaceId} = ${caller.workspaceId} and ${contacts.companyId} = ${record.id}::uuid and ${contacts.deletedAt} is null`;
        const linked: SQL = {
          contact: sql`${activityLinks.contactId} = ${record.id}::uuid`,
          company: sql`(${activityLinks.companyId} = ${record.id}::uuid or ${activityLinks.contactId} in (${companyContacts}))`,
          deal: sql`${activityLinks.dealId} = ${record.id}::uuid`,
        }[record.type];

        const activityKinds = ActivityType.options.filter((kind) => kinds.has(kind));
        const activityRows = activityKinds.length
          ? await tx
              .select({ id: activities.id })
              .from(activities)
              .where(
                and(
                  eq(activities.workspaceId, caller.workspaceId),
                  sql`exists (select 1 from ${activityLinks} where ${activityLinks.workspaceId} = ${activities.workspaceId} and ${activityLinks.activityId} = ${activities.id} and ${linked})`,
                  activityKinds.length < ActivityType.options.length ? sql`${activities.type} in (${sql.join(activityKinds.map((kind) => sql`${kind}`), sql`, `)})` : undefined,
                  position ? sql`(${activities.at}, ${activities.id}) < (${position.at}::timestamptz, ${position.id}::uuid)` : undefined,
                ),
              )
              .orderBy(sql`${activities.at} desc`, sql`${activities.id} desc`)
              .limit(query.limit + 1)
          : [];
        const activityPage = await repository.findActivities(tx, caller.workspaceId, activityRows.map((row) => row.id));

        const streams: AuditStream[] = [];
        if (can(caller.role, "audit:read")) {
          const own = (["change", "lifecycle_stage"] as const).filter((kind) => kinds.has(kind) && (record.type === "contact" || kind === "change"));
          // A deal's stage moves have their own entries (stage history); its audit entry would repeat them.
          const shownElsewhere = record.type === "deal" ? ["stageId", "stageKind", "stageEnteredAt", "closedAt", "stageOverride"] : undefined;
          streams.push({ entityType: record.type, entityIds: record.id, kinds: [...own], shownElsewhere });
          if (record.type === "company" && kinds.has("lifecycle_stage")) streams.push({ entityType: "contact", entityIds: companyContacts, kinds: ["lifecycle_stage"] });
        }
        const events = await auditEventsFor(tx, caller.workspaceId, streams, { limit: query.limit + 1, before: position });
        const moves = record.type === "deal" && kinds.has("stage_change") ? await repository.dealStageMoves(tx, caller.workspaceId, record.id, { limit: query.limit + 1, before: position }) : [];
        const documents = await salesDocumentEntries(tx, caller.workspaceId, record, companyContacts, { isOrders: kinds.has("order"), isInvoices: kinds.has("invoice") }, { limit: query.limit + 1, before: position });

        type StageMove = (typeof moves)[number];
        type Entry = { at: Date; id: string; activity?: repository.ActivityRow; event?: AuditEvent; move?: StageMove; item?: TimelineItem };
        const merged: Entry[] = [
          ...activityPage.map((row) => ({ at: row.activity.at, id: row.activity.id, activity: row })),
          ...events.map((event) => ({ at: event.at, id: event.entry.id, event })),
          ...moves.map((move) => ({ at: move.stay.enteredAt, id: move.stay.id, move })),
          ...documents,
        ].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
        const page = merged.slice(0, query.limit);
        const last = page[page.length - 1];

        const links = await repository.loadLinks(tx, caller.workspaceId, page.flatMap((entry) => (entry.activity ? [entry.activity.activity.id] : [])));
        const eventEntities = page.flatMap((entry) => (entry.event ? [entry.event.entry] : []));
        const names = await repository.recordNames(
          tx,
          caller.workspaceId,
          eventEntities.filter((entry) => entry.entityType === "contact").map((entry) => entry.entityId),
          eventEntities.filter((entry) => entry.entityType === "company").map((entry) => entry.entityId),
          record.type === "deal" ? [record.id] : [],
        );

        const data: TimelineItem[] = page.map((entry): TimelineItem => {
          if (entry.item) return entry.item;
          if (entry.activity) {
            const activity = toActivity(entry.activity, links.get(entry.activity.activity.id)!);
            return { kind: activity.type, at: activity.at, id: activity.id, activity };
          }
          if (entry.move) {
            const { stay, fromName, toName, moverName, moverEmail } = entry.move;
            return {
              kind: "stage_change",
              at: stay.enteredAt.toISOString(),
              id: stay.id,
              record: { type: "deal", id: record.id, name: names.get(record.id) ?? "" },
              stage: { fromId: stay.fromStageId, fromName, toId: stay.stageId, toName },
              movedBy: stay.movedBy && moverName !== null ? { id: stay.movedBy, name: moverName, email: moverEmail ?? "" } : null,
              override: stay.overrideReason !== null ? { reason: stay.overrideReason, stepIds: stay.overriddenStepIds ?? [] } : null,
            };
          }
          const { kind, entry: change } = entry.event!;
          const changedRecord = { type: change.entityType as TimelineRecordType, id: change.entityId, name: names.get(change.entityId) ?? "" };
          if (kind === "lifecycle_stage") {
            const stage = change.changes.lifecycleStage as { before: LifecycleStage | null; after: LifecycleStage | null };
            return { kind, at: change.createdAt, id: change.id, record: changedRecord, change, stage: { from: stage.before, to: stage.after } };
          }
          return { kind, at: change.createdAt, id: change.id, record: changedRecord, change };
        });
        return { data, nextCursor: merged.length > query.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null };
      });
    },
  };
}

export type TimelineService = ReturnType<typeof createTimelineService>;

