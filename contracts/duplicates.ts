import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** Why two or more records look like the same customer. */
export const DuplicateReason = z.enum(["same_email", "same_phone", "same_domain", "same_name", "similar_name_same_company"]);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

export const DuplicateObject = z.enum(["contact", "company"]);
export type DuplicateObject = z.infer<typeof DuplicateObject>;

export const DuplicatesQuery = z.strictObject({
  object: DuplicateObject,
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type DuplicatesQuery = z.input<typeof DuplicatesQuery>;

export const DuplicateGroup = z.object({
  ids: z.array(Id),
  /** 0–1: how sure the match is; several reasons together raise it. */
  confidence: z.number().min(0).max(1),
  reasons: z.array(DuplicateReason),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const DuplicateList = z.object({ data: z.array(DuplicateGroup) }).meta({ id: "DuplicateList" });
export type DuplicateList = z.infer<typeof DuplicateList>;

/** Sent with a created contact or company that looks like records already there. */
export const RecordWarning = z.object({ kind: z.literal("possible_duplicate"), ids: z.array(Id) });
export type RecordWarning = z.infer<typeof RecordWarning>;

export const MergeInput = z
  .strictObject({
    survivorId: Id,
    mergeIds: z.array(Id).min(1, "must name at least one record").max(10),
    /** Per field, the record whose value survives; fields not named keep the survivor's value. */
    fields: z.record(z.string().min(1).max(80), Id).default({}),
  })
  .superRefine((input, context) => {
    if (input.mergeIds.includes(input.survivorId)) context.addIssue({ code: "custom", path: ["mergeIds"], message: "must not contain the survivor" });
    if (new Set(input.mergeIds).size !== input.mergeIds.length) context.addIssue({ code: "custom", path: ["mergeIds"], message: "contains the same record twice" });
    const sources = new Set([input.survivorId, ...input.mergeIds]);
    for (const [field, source] of Object.entries(input.fields)) {
      if (!sources.has(source)) context.addIssue({ code: "custom", path: ["fields", field], message: "must be the survivor or one of mergeIds" });
    }
  })
  .meta({ id: "MergeInput" });
export type MergeInput = z.input<typeof MergeInput>;

export const MergeUndoResult = z
  .object({ id: Id, object: DuplicateObject, survivorId: Id, mergedIds: z.array(Id), undoneAt: Timestamp })
  .meta({ id: "MergeUndoResult" });
export type MergeUndoResult = z.infer<typeof MergeUndoResult>;
