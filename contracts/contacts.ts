import { z } from "zod";
import { Address, ExternalId, Id, Tags, Timestamp, UserSummary, listOf } from "./common.js";
import { toE164 } from "./phone.js";
import { CustomValues } from "./custom-fields.js";
import { RecordWarning } from "./duplicates.js";
import { ConsentSource, EmailConsent } from "./privacy.js";

export const LifecycleStage = z.enum([
  "subscriber",
  "lead",
  "qualified",
  "opportunity",
  "customer",
  "advocate",
  "at_risk",
  "churned",
]);
export type LifecycleStage = z.infer<typeof LifecycleStage>;

/** Where a lead is in qualification (sales/leads); null for contacts never worked as leads. */
export const LeadStatus = z.enum(["new", "working", "nurturing", "unqualified", "qualified"]);
export type LeadStatus = z.infer<typeof LeadStatus>;

/** The lifecycle stages in which a contact is a lead: the Leads view lists these. */
export const leadStages = ["subscriber", "lead", "qualified"] as const satisfies readonly LifecycleStage[];

export const ContactEmail = z.strictObject({
  address: z.string().trim().toLowerCase().pipe(z.email({ message: "must be a valid e-mail address" })),
  primary: z.boolean().default(false),
});

export const ContactPhone = z.strictObject({
  number: z
    .string()
    .trim()
    .min(1, "is required")
    .max(40)
    .transform((value, context) => {
      const normalised = toE164(value);
      if (!normalised) {
        context.addIssue({
          code: "custom",
          message: "must be a valid phone number with its country code, e.g. +44 20 7946 0958",
        });
        return z.NEVER;
      }
      return normalised;
    }),
  label: z.string().trim().max(40).optional(),
  primary: z.boolean().default(false),
});

/** Several e-mails or phones, at most one primary; the first becomes primary when none is marked. */
function withOnePrimary<T extends z.ZodType<{ primary: boolean }>>(item: T, key: "address" | "number") {
  return z
    .array(item)
    .max(20)
    .superRefine((entries, context) => {
      const primaries = entries.filter((entry) => entry.primary).length;
      if (primaries > 1) context.addIssue({ code: "custom", message: "only one entry can be primary" });
      const values = entries.map((entry) => (entry as Record<string, unknown>)[key]);
      if (new Set(values).size !== values.length) context.addIssue({ code: "custom", message: "contains the same entry twice" });
    })
    .transform((entries) =>
      entries.length > 0 && !entries.some((entry) => entry.primary)
        ? entries.map((entry, index) => ({ ...entry, primary: index === 0 }))
        : entries,
    );
}

const BirthDate = z.iso.date({ message: "must be a date as YYYY-MM-DD" });

const contactFields = {
  firstName: z.string().trim().min(1, "is required").max(200),
  lastName: z.string().trim().max(200).nullable().optional(),
  emails: withOnePrimary(ContactEmail, "address").optional(),
  phones: withOnePrimary(ContactPhone, "number").optional(),
  jobTitle: z.string().trim().max(200).nullable().optional(),
  companyId: Id.nullable().optional(),
  ownerId: Id.nullable().optional(),
  lifecycleStage: LifecycleStage.optional(),
  /** Absent on create in stage lead: "new". */
  leadStatus: LeadStatus.nullable().optional(),
  source: z.string().trim().max(100).nullable().optional(),
  tags: Tags.optional(),
  birthday: BirthDate.nullable().optional(),
  address: Address.nullable().optional(),
  notes: z.string().max(20_000).nullable().optional(),
  custom: CustomValues.optional(),
  emailConsent: EmailConsent.optional(),
  /** Not stored on the contact: it goes into the consent history with the emailConsent change. */
  consentSource: ConsentSource.optional(),
  doNotContact: z.boolean().optional(),
  externalId: ExternalId.nullable().optional(),
};

export const CreateContactInput = z.strictObject(contactFields).meta({ id: "CreateContactInput" });
export type CreateContactInput = z.input<typeof CreateContactInput>;

export const UpdateContactInput = z
  .strictObject({ ...contactFields, firstName: contactFields.firstName.optional() })
  .meta({ id: "UpdateContactInput" });
export type UpdateContactInput = z.input<typeof UpdateContactInput>;

export const Contact = z
  .object({
    id: Id,
    firstName: z.string(),
    lastName: z.string().nullable(),
    emails: z.array(z.object({ address: z.string(), primary: z.boolean() })),
    // phones, birthday, address and notes are absent when the workspace hides them from the caller's role.
    phones: z.array(z.object({ number: z.string(), label: z.string().optional(), primary: z.boolean() })).optional(),
    jobTitle: z.string().nullable(),
    companyId: Id.nullable(),
    company: z.object({ id: Id, name: z.string() }).nullable(),
    ownerId: Id.nullable(),
    owner: UserSummary.nullable(),
    lifecycleStage: LifecycleStage,
    leadStatus: LeadStatus.nullable(),
    source: z.string().nullable(),
    tags: z.array(z.string()),
    birthday: z.string().nullable().optional(),
    address: Address.nullable().optional(),
    notes: z.string().nullable().optional(),
    custom: CustomValues,
    emailConsent: EmailConsent,
    doNotContact: z.boolean(),
    externalId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: Id.nullable(),
    deletedAt: Timestamp.nullable(),
    /** Only on a create: the new contact looks like these existing ones (customers/duplicates). */
    warnings: z.array(RecordWarning).optional(),
    /** Only on a merge's answer: the merge, to undo it with POST /merges/{id}/undo. */
    mergeId: Id.optional(),
  })
  .meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

export const ContactList = listOf(Contact).meta({ id: "ContactList" });
export type ContactList = z.infer<typeof ContactList>;

/** Fields a list may sort and filter on; the API answers 400 for any other. */
export const contactSortFields = ["firstName", "lastName", "createdAt", "updatedAt", "lifecycleStage", "leadStatus", "jobTitle", "source", "birthday"] as const;
export const contactFilterFields = [
  "firstName",
  "lastName",
  "email",
  "phone",
  "jobTitle",
  "companyId",
  "ownerId",
  "lifecycleStage",
  "leadStatus",
  "source",
  "tags",
  "birthday",
  "externalId",
  "createdAt",
  "updatedAt",
] as const;
