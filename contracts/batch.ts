import { z } from "zod";
import { Id } from "./common.js";

export const BatchMode = z.enum(["create", "update", "upsert"]);
export type BatchMode = z.infer<typeof BatchMode>;

/** The most records one batch request may carry. */
export const batchLimit = 1000;

const records = (description: string) =>
  z
    .array(z.record(z.string(), z.unknown()))
    .min(1, "needs at least one record")
    .max(batchLimit, `may hold at most ${batchLimit} records`)
    .meta({ description });

const modeDescription =
  "create: every record is new. update: every record must match an existing one (by `id` unless matchOn says otherwise) and only the fields given change. upsert: a record that matches is updated, one that does not is created. All or nothing: if any record is invalid the answer is 422 naming `records[i].field` and nothing is written.";

export const BatchContactsInput = z
  .strictObject({
    mode: BatchMode.meta({ description: modeDescription }),
    matchOn: z
      .enum(["id", "email", "externalId"])
      .optional()
      .meta({ description: "How update and upsert find the existing contact: its id, its primary e-mail (any of the contact's addresses matches), or externalId. Default: id for update; upsert needs email or externalId." }),
    records: records("Each record is a CreateContactInput (create, and upsert when nothing matches) or an UpdateContactInput (update, upsert on a match); with matchOn id, `id` names the contact."),
  })
  .meta({ id: "BatchContactsInput" });
export type BatchContactsInput = z.input<typeof BatchContactsInput>;

export const BatchCompaniesInput = z
  .strictObject({
    mode: BatchMode.meta({ description: modeDescription }),
    matchOn: z
      .enum(["id", "domain", "externalId"])
      .optional()
      .meta({ description: "How update and upsert find the existing company: its id, its domain, or externalId. Default: id for update; upsert needs domain or externalId." }),
    records: records("Each record is a CreateCompanyInput (create, and upsert when nothing matches) or an UpdateCompanyInput (update, upsert on a match); with matchOn id, `id` names the company."),
  })
  .meta({ id: "BatchCompaniesInput" });
export type BatchCompaniesInput = z.input<typeof BatchCompaniesInput>;

export const BatchMatchKey = z.enum(["id", "email", "externalId", "domain"]);
export type BatchMatchKey = z.infer<typeof BatchMatchKey>;

export const BatchResult = z
  .object({
    results: z.array(z.object({ index: z.number().int(), id: Id, status: z.enum(["created", "updated"]) })),
  })
  .meta({ id: "BatchResult" });
export type BatchResult = z.infer<typeof BatchResult>;
