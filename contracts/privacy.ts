import { z } from "zod";
import { AuditEntry } from "./workspace.js";
import { Id, Role, Timestamp } from "./common.js";

/** Marketing e-mail consent of a contact; "unknown" until the contact says either way. */
export const EmailConsent = z.enum(["opted_in", "opted_out", "unknown"]);
export type EmailConsent = z.infer<typeof EmailConsent>;

/** Where a consent change came from (a form, a call, an import…); kept with the history row. */
export const ConsentSource = z.string().trim().min(1, "is required").max(200);

export const ConsentChange = z
  .object({
    id: Id,
    contactId: Id,
    emailConsent: EmailConsent,
    previousEmailConsent: EmailConsent.nullable(),
    source: z.string().nullable(),
    changedAt: Timestamp,
    changedBy: Id.nullable(),
  })
  .meta({ id: "ConsentChange" });
export type ConsentChange = z.infer<typeof ConsentChange>;

export const ConsentHistory = z.object({ data: z.array(ConsentChange) }).meta({ id: "ConsentHistory" });
export type ConsentHistory = z.infer<typeof ConsentHistory>;

/**
 * Fields an admin may hide from roles, per object. Only fields that are personal or
 * commercially sensitive are listed; names and e-mails identify a record and stay visible.
 */
export const hideableFields = {
  contacts: ["birthday", "phones", "address", "notes"],
  companies: ["annualRevenue", "employeeCount", "address"],
} as const;
export const FieldPermissionObject = z.enum(["contacts", "companies"]);
export type FieldPermissionObject = z.infer<typeof FieldPermissionObject>;

/** Owners always see everything, so they cannot lock themselves (or the last admin) out. */
export const HideableRole = Role.exclude(["owner"]);

export const FieldPermission = z
  .strictObject({
    object: FieldPermissionObject,
    field: z.string().min(1).max(60),
    hiddenFromRoles: z.array(HideableRole).max(4),
  })
  .superRefine((value, context) => {
    const fields: readonly string[] = hideableFields[value.object];
    if (!fields.includes(value.field)) {
      context.addIssue({ code: "custom", path: ["field"], message: `must be one of ${fields.join(", ")} for ${value.object}` });
    }
    if (new Set(value.hiddenFromRoles).size !== value.hiddenFromRoles.length) {
      context.addIssue({ code: "custom", path: ["hiddenFromRoles"], message: "contains the same role twice" });
    }
  })
  .meta({ id: "FieldPermission" });
export type FieldPermission = z.infer<typeof FieldPermission>;

export const FieldPermissionList = z
  .object({ data: z.array(z.object({ object: FieldPermissionObject, field: z.string(), hiddenFromRoles: z.array(Role) })) })
  .meta({ id: "FieldPermissionList" });
export type FieldPermissionList = z.infer<typeof FieldPermissionList>;

/**
 * Everything Pillar holds about one contact, for a data subject access request. Sections
 * come from the modules that hold a contact's data (activities, attachments…) by name.
 */
export const ContactDataExport = z
  .object({
    exportedAt: Timestamp,
    contact: z.record(z.string(), z.unknown()),
    consentHistory: z.array(ConsentChange),
    audit: z.array(AuditEntry),
    related: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "ContactDataExport" });
export type ContactDataExport = z.infer<typeof ContactDataExport>;

export const ErasureResult = z.object({ contactId: Id, erasedAt: Timestamp }).meta({ id: "ErasureResult" });
export type ErasureResult = z.infer<typeof ErasureResult>;
