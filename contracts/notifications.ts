import { z } from "zod";
import { Id, Timestamp } from "./common.js";
import { ActivityType } from "./activities.js";

/**
 * In-app notifications: someone mentioned you, a task's reminder came due; from sales: a lead
 * was assigned to you, a target is behind its pace, a deal went quiet or is past its close date, an invoice fell overdue.
 */
export const NotificationKind = z.enum(["mention", "reminder", "lead_assigned", "target_behind", "deal_stale", "deal_overdue", "invoice_overdue"]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind,
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
    isRead: z.boolean(),
    actor: z.object({ id: Id, name: z.string() }).nullable(),
    activity: z.object({ id: Id, type: ActivityType, subject: z.string().nullable(), dueAt: Timestamp.nullable() }).nullable(),
    /** The contact or company the activity is about, to open from the notification. */
    record: z.object({ type: z.enum(["contact", "company", "deal", "invoice"]), id: Id, name: z.string() }).nullable(),
    excerpt: z.string().nullable(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z
  .object({ data: z.array(Notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .meta({ id: "NotificationList" });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
  unread: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "true lists only unread notifications" }),
});
export type NotificationQuery = z.input<typeof NotificationQuery>;

export const MarkedRead = z.object({ count: z.number().int() }).meta({ id: "MarkedRead" });
