import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** The record a file is attached to: exactly one of a contact, a company or an activity. */
export const AttachmentTarget = z.object({ contactId: Id.optional(), companyId: Id.optional(), activityId: Id.optional() });
export type AttachmentTarget = z.infer<typeof AttachmentTarget>;

export const AttachmentListQuery = z
  .strictObject({ contactId: Id.optional(), companyId: Id.optional(), activityId: Id.optional() })
  .refine((query) => [query.contactId, query.companyId, query.activityId].filter(Boolean).length === 1, {
    message: "give exactly one of contactId, companyId or activityId",
    path: ["contactId"],
  });

export const AttachmentContentQuery = z.strictObject({
  download: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value === "true")
    .meta({ description: "true always answers as a download, even for previewable images and PDFs" }),
});

export const Attachment = z
  .object({
    id: Id,
    name: z.string(),
    size: z.number().int(),
    contentType: z.string(),
    /** Images and PDFs whose content was recognised; the web shows these inline. */
    isPreviewable: z.boolean(),
    contactId: Id.nullable(),
    companyId: Id.nullable(),
    activityId: Id.nullable(),
    createdAt: Timestamp,
    createdBy: Id.nullable(),
  })
  .meta({ id: "Attachment" });
export type Attachment = z.infer<typeof Attachment>;

export const AttachmentList = z.object({ data: z.array(Attachment) }).meta({ id: "AttachmentList" });
export type AttachmentList = z.infer<typeof AttachmentList>;

/** Content types shown inline (preview); every other file is always sent as a download. */
export const previewableContentTypes = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"] as const;
