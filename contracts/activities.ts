import { z } from "zod";
import { Filters, Id, Timestamp, UserSummary, listOf } from "./common.js";
import { AuditEntry } from "./workspace.js";
import { LifecycleStage } from "./contacts.js";
import { InvoiceStatus } from "./invoices.js";
import { OrderStatus } from "./orders.js";

/** The interactions a team logs against customers. */
export const ActivityType = z.enum(["note", "call", "email", "meeting", "task", "visit"]);
export type ActivityType = z.infer<typeof ActivityType>;

export const ActivityDirection = z.enum(["inbound", "outbound"]);
export type ActivityDirection = z.infer<typeof ActivityDirection>;
export const CallOutcome = z.enum(["connected", "left_voicemail", "no_answer", "busy", "wrong_number"]);
export type CallOutcome = z.infer<typeof CallOutcome>;
export const TaskPriority = z.enum(["low", "normal", "high"]);
export type TaskPriority = z.infer<typeof TaskPriority>;

/** Where a field visit was logged, from the browser's geolocation. */
export const Geolocation = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracyMeters: z.number().min(0).max(10_000_000).nullable().optional(),
});
export type Geolocation = z.infer<typeof Geolocation>;

const DateTime = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time, e.g. 2026-05-01T09:30:00Z" });
const LinkIds = z.array(Id).max(50, "may link at most 50 records");

/**
 * A mention in Markdown is a link to `mention:<user id>`: `[@Ada Lovelace](mention:0190…)`.
 * Renderers that know nothing of mentions still show the name.
 */
export const mentionPattern = /\[@([^\]\n]{1,200})\]\(mention:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)/gi;

export function mentionedUserIds(markdown: string | null | undefined): string[] {
  if (!markdown) return [];
  return [...new Set([...markdown.matchAll(mentionPattern)].map((match) => match[2].toLowerCase()))];
}

export function mentionMarkup(name: string, userId: string): string {
  return `[@${name.replace(/[[\]\n]/g, "")}](mention:${userId})`;
}

const activityFields = {
  subject: z.string().trim().max(300).nullable().optional(),
  /** Markdown; mentions of workspace members notify them. */
  body: z.string().max(50_000).nullable().optional(),
  /** When the interaction happened (a meeting's start); defaults to now for everything but tasks. */
  occurredAt: DateTime.nullable().optional(),
  ownerId: Id.nullable().optional(),
  contactIds: LinkIds.optional(),
  companyIds: LinkIds.optional(),
  dealIds: LinkIds.optional(),
  // Tasks
  dueAt: DateTime.nullable().optional(),
  doneAt: DateTime.nullable().optional(),
  reminderAt: DateTime.nullable().optional(),
  priority: TaskPriority.nullable().optional(),
  // Calls and e-mails
  direction: ActivityDirection.nullable().optional(),
  durationSeconds: z.number().int("must be a whole number of seconds").min(0).max(86_400).nullable().optional(),
  outcome: CallOutcome.nullable().optional(),
  // Meetings and visits
  endAt: DateTime.nullable().optional(),
  location: z.string().trim().max(300).nullable().optional(),
  attendeeIds: z.array(Id).max(100).optional(),
  geolocation: Geolocation.nullable().optional(),
};
type ActivityFieldName = keyof typeof activityFields;

/** Fields that belong to some types only; setting one on another type is a mistake worth naming. */
export const typeSpecificFields: Partial<Record<ActivityFieldName, readonly ActivityType[]>> = {
  occurredAt: ["note", "call", "email", "meeting", "visit"],
  dueAt: ["task"],
  doneAt: ["task"],
  reminderAt: ["task"],
  priority: ["task"],
  direction: ["call", "email"],
  durationSeconds: ["call"],
  outcome: ["call"],
  endAt: ["meeting"],
  location: ["meeting", "visit"],
  attendeeIds: ["meeting"],
  geolocation: ["visit"],
};

export interface ActivityIssue {
  path: string;
  message: string;
}

/**
 * The rules that depend on the type, for a create (all values) or an update (the changes over
 * the stored values): what applies, what is required, and that a meeting ends after it starts.
 */
export function activityIssues(type: ActivityType, values: Partial<Record<ActivityFieldName, unknown>>, changed: Partial<Record<ActivityFieldName, unknown>> = values): ActivityIssue[] {
  const issues: ActivityIssue[] = [];
  for (const [field, types] of Object.entries(typeSpecificFields) as [ActivityFieldName, readonly ActivityType[]][]) {
    const value = changed[field];
    const isSet = value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
    if (isSet && !types.includes(type)) issues.push({ path: field, message: `applies only to ${types.join(", ")} activities` });
  }
  const isBlank = (value: unknown) => typeof value !== "string" || value.trim() === "";
  if (type === "note" && isBlank(values.body)) issues.push({ path: "body", message: "is required for a note" });
  if (type !== "note" && isBlank(values.subject)) issues.push({ path: "subject", message: `is required for a ${type}` });
  if (type === "meeting" && typeof values.occurredAt === "string" && typeof values.endAt === "string" && Date.parse(values.endAt) < Date.parse(values.occurredAt)) {
    issues.push({ path: "endAt", message: "must not be before the meeting starts (occurredAt)" });
  }
  return issues;
}

export const CreateActivityInput = z
  .strictObject({ type: ActivityType, ...activityFields })
  .superRefine((input, context) => {
    for (const issue of activityIssues(input.type, input)) context.addIssue({ code: "custom", path: [issue.path], message: issue.message });
  })
  .meta({ id: "CreateActivityInput" });
export type CreateActivityInput = z.input<typeof CreateActivityInput>;

/** The type of an activity does not change; every other field may (links are replaced whole). */
export const UpdateActivityInput = z.strictObject(activityFields).meta({ id: "UpdateActivityInput" });
export type UpdateActivityInput = z.input<typeof UpdateActivityInput>;

const RecordSummary = z.object({ id: Id, name: z.string() });

export const Activity = z
  .object({
    id: Id,
    type: ActivityType,
    subject: z.string().nullable(),
    body: z.string().nullable(),
    /** Its place on a timeline: the due date for a task (or when it was created), otherwise occurredAt. */
    at: Timestamp,
    occurredAt: Timestamp.nullable(),
    ownerId: Id.nullable(),
    owner: UserSummary.nullable(),
    contactIds: z.array(Id),
    companyIds: z.array(Id),
    contacts: z.array(RecordSummary),
    companies: z.array(RecordSummary),
    dealIds: z.array(Id),
    deals: z.array(RecordSummary),
    dueAt: Timestamp.nullable(),
    doneAt: Timestamp.nullable(),
    isDone: z.boolean(),
    reminderAt: Timestamp.nullable(),
    priority: TaskPriority.nullable(),
    direction: ActivityDirection.nullable(),
    durationSeconds: z.number().int().nullable(),
    outcome: CallOutcome.nullable(),
    endAt: Timestamp.nullable(),
    location: z.string().nullable(),
    attendeeIds: z.array(Id),
    geolocation: z.object({ latitude: z.number(), longitude: z.number(), accuracyMeters: z.number().nullable() }).nullable(),
    mentionedUserIds: z.array(Id),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: Id.nullable(),
  })
  .meta({ id: "Activity" });
export type Activity = z.infer<typeof Activity>;

export const ActivityList = listOf(Activity).meta({ id: "ActivityList" });
export type ActivityList = z.infer<typeof ActivityList>;

/** The list conventions without q= and trash (activities have neither). */
export const ActivityListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
  sort: z.string().max(200).optional(),
  filter: Filters.optional(),
});
export type ActivityListQuery = z.input<typeof ActivityListQuery>;

export const activitySortFields = ["at", "occurredAt", "dueAt", "doneAt", "createdAt", "updatedAt"] as const;
export const activityFilterFields = [
  "type",
  "ownerId",
  "contactId",
  "companyId",
  "dealId",
  "done",
  "priority",
  "at",
  "occurredAt",
  "dueAt",
  "doneAt",
  "reminderAt",
  "createdAt",
  "updatedAt",
] as const;

/** What a timeline shows: the activity types, field changes, lifecycle-stage changes, a deal's stage moves, orders and invoices. */
export const TimelineKind = z.enum([...ActivityType.options, "change", "lifecycle_stage", "stage_change", "order", "invoice"]);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  filter: Filters.optional().meta({ description: "filter[kind][in]=call,task (or [eq]) keeps only those kinds" }),
});
export type TimelineQuery = z.input<typeof TimelineQuery>;

const ChangedRecord = z.object({ type: z.enum(["contact", "company", "deal"]), id: Id, name: z.string() });

export const TimelineItem = z
  .discriminatedUnion("kind", [
    z.object({ kind: ActivityType, at: Timestamp, id: Id, activity: Activity }),
    z.object({ kind: z.literal("change"), at: Timestamp, id: Id, record: ChangedRecord, change: AuditEntry }),
    z.object({
      kind: z.literal("lifecycle_stage"),
      at: Timestamp,
      id: Id,
      record: ChangedRecord,
      change: AuditEntry,
      stage: z.object({ from: LifecycleStage.nullable(), to: LifecycleStage.nullable() }),
    }),
    /** A deal entering a stage (its stage history); an override names the open steps it skipped and why. */
    z.object({
      kind: z.literal("stage_change"),
      at: Timestamp,
      id: Id,
      record: ChangedRecord,
      stage: z.object({ fromId: Id.nullable(), fromName: z.string().nullable(), toId: Id, toName: z.string() }),
      movedBy: UserSummary.nullable(),
      override: z.object({ reason: z.string(), stepIds: z.array(Id) }).nullable(),
    }),
    /** An order of the contact, company (or its contacts) or deal, at its order date. */
    z.object({ kind: z.literal("order"), at: Timestamp, id: Id, order: z.object({ id: Id, number: z.number().int(), status: OrderStatus, currency: z.string(), total: z.number().int() }) }),
    /** An invoice, at its issue date. */
    z.object({
      kind: z.literal("invoice"),
      at: Timestamp,
      id: Id,
      invoice: z.object({ id: Id, number: z.number().int(), status: InvoiceStatus, currency: z.string(), total: z.number().int(), amountDue: z.number().int(), dueDate: z.string() }),
    }),
  ])
  .meta({ id: "TimelineItem" });
export type TimelineItem = z.infer<typeof TimelineItem>;

export const Timeline = listOf(TimelineItem).meta({ id: "Timeline" });
export type Timeline = z.infer<typeof Timeline>;
