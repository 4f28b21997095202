import type { Activity, CreateActivityInput, UpdateActivityInput } from "../../../../contracts/index.js";
import type { z } from "zod";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import type { ActivityRecord, ActivityRow, LinkedRecords, NewActivityRecord } from "./activities.repository.js";

export type NewActivity = z.output<typeof CreateActivityInput>;
export type ActivityChanges = z.output<typeof UpdateActivityInput>;

const toDate = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(value));

/** The API's fields as columns; absent fields stay absent so an update leaves them alone. */
export function toColumns(input: ActivityChanges): Partial<NewActivityRecord> {
  const columns: Partial<NewActivityRecord> = {
    subject: input.subject === undefined ? undefined : input.subject || null,
    body: input.body === undefined ? undefined : input.body || null,
    ownerId: input.ownerId,
    occurredAt: toDate(input.occurredAt),
    dueAt: toDate(input.dueAt),
    doneAt: toDate(input.doneAt),
    reminderAt: toDate(input.reminderAt),
    priority: input.priority,
    direction: input.direction,
    durationSeconds: input.durationSeconds,
    outcome: input.outcome,
    endAt: toDate(input.endAt),
    location: input.location === undefined ? undefined : input.location || null,
    attendeeIds: input.attendeeIds,
  };
  if (input.geolocation !== undefined) {
    columns.latitude = input.geolocation?.latitude ?? null;
    columns.longitude = input.geolocation?.longitude ?? null;
    columns.geoAccuracyMeters = input.geolocation?.accuracyMeters ?? null;
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

/** The stored activity in the API's input shape, to check an update's rules over the whole result. */
export function storedAsInput(record: ActivityRecord): Record<string, unknown> {
  return {
    subject: record.subject,
    body: record.body,
    occurredAt: isoOrNull(record.occurredAt),
    endAt: isoOrNull(record.endAt),
  };
}

export function toActivity(row: ActivityRow, links: LinkedRecords): Activity {
  const { activity } = row;
  return {
    id: activity.id,
    type: activity.type,
    subject: activity.subject,
    body: activity.body,
    at: iso(activity.at),
    occurredAt: isoOrNull(activity.occurredAt),
    ownerId: activity.ownerId,
    owner: activity.ownerId && row.ownerName !== null ? { id: activity.ownerId, name: row.ownerName, email: row.ownerEmail ?? "" } : null,
    contactIds: links.contacts.map((contact) => contact.id),
    companyIds: links.companies.map((company) => company.id),
    contacts: links.contacts,
    companies: links.companies,
    dealIds: links.deals.map((deal) => deal.id),
    deals: links.deals,
    dueAt: isoOrNull(activity.dueAt),
    doneAt: isoOrNull(activity.doneAt),
    isDone: activity.doneAt !== null,
    reminderAt: isoOrNull(activity.reminderAt),
    priority: activity.priority,
    direction: activity.direction,
    durationSeconds: activity.durationSeconds,
    outcome: activity.outcome,
    endAt: isoOrNull(activity.endAt),
    location: activity.location,
    attendeeIds: activity.attendeeIds,
    geolocation:
      activity.latitude !== null && activity.longitude !== null
        ? { latitude: activity.latitude, longitude: activity.longitude, accuracyMeters: activity.geoAccuracyMeters }
        : null,
    mentionedUserIds: activity.mentionedUserIds,
    createdAt: iso(activity.createdAt),
    updatedAt: iso(activity.updatedAt),
    createdBy: activity.createdBy,
  };
}

/** The audited view of an activity: its stored fields and links, without the derived position. */
export function snapshot(record: ActivityRecord, links: LinkedRecords): Record<string, unknown> {
  const { at: _at, ...fields } = record;
  return { ...fields, contactIds: links.contacts.map((contact) => contact.id), companyIds: links.companies.map((company) => company.id), dealIds: links.deals.map((deal) => deal.id) };
}

/** A short plain-text preview of Markdown for a notification: mentions as @names, no markup. */
export function excerptOf(markdown: string | null, length = 160): string | null {
  if (!markdown) return null;
  const text = markdown
    .replace(/\[(@[^\]]*)\]\(mention:[^)]*\)/g, "$1")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`>#~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
