import { z } from "zod";
import { Id, Timestamp } from "./common.js";

export const ImportObject = z.enum(["contact", "company"]);
export type ImportObject = z.infer<typeof ImportObject>;

export const ImportStatus = z.enum(["queued", "running", "done", "failed", "undone"]);
export type ImportStatus = z.infer<typeof ImportStatus>;

/** What to do with a row whose key (e-mail, domain or externalId) matches an existing record. */
export const OnDuplicate = z.enum(["skip", "update", "create"]);
export type OnDuplicate = z.infer<typeof OnDuplicate>;

export const ImportMatchOn = z.enum(["email", "externalId", "domain"]);
export type ImportMatchOn = z.infer<typeof ImportMatchOn>;

/**
 * The fields a CSV column can fill, by object. `email` and `phone` are the primary e-mail and
 * phone; `companyName` / `companyDomain` link a contact to a company (an existing one by domain,
 * then by name, or a new one); `tags` splits on `,` `;` or `|`; `custom.<key>` fills a custom field.
 */
export const importFields = {
  contact: [
    "firstName",
    "lastName",
    "fullName",
    "email",
    "phone",
    "jobTitle",
    "lifecycleStage",
    "source",
    "tags",
    "birthday",
    "notes",
    "externalId",
    "companyName",
    "companyDomain",
    "address.street",
    "address.city",
    "address.region",
    "address.postalCode",
    "address.country",
  ],
  company: [
    "name",
    "domain",
    "industry",
    "employeeCount",
    "annualRevenue",
    "annualRevenueCurrency",
    "tags",
    "externalId",
    "address.street",
    "address.city",
    "address.region",
    "address.postalCode",
    "address.country",
  ],
} as const satisfies Record<ImportObject, readonly string[]>;

/** CSV column (its header text) → field path; an empty string leaves the column out. */
export const ImportMapping = z
  .record(z.string(), z.string().max(60))
  .meta({ id: "ImportMapping", description: "CSV header → field path (firstName, email, phone, companyName, custom.KEY, …); \"\" ignores the column. Merged over the automatic mapping." });
export type ImportMapping = z.infer<typeof ImportMapping>;

/** The text fields of the multipart form next to `file`. */
export const ImportFormFields = z.strictObject({
  object: ImportObject,
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((text, context) => {
      if (text === undefined || text.trim() === "") return undefined;
      try {
        const parsed = ImportMapping.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      context.addIssue({ code: "custom", message: "must be a JSON object of CSV column → field path" });
      return z.NEVER;
    }),
  onDuplicate: OnDuplicate.default("skip"),
  matchOn: ImportMatchOn.optional(),
});
export type ImportFormFields = z.output<typeof ImportFormFields>;

export const ImportCreated = z.object({ id: Id }).meta({ id: "ImportCreated" });
export type ImportCreated = z.infer<typeof ImportCreated>;

export const Import = z
  .object({
    id: Id,
    object: ImportObject,
    status: ImportStatus,
    fileName: z.string(),
    encoding: z.string(),
    delimiter: z.string(),
    mapping: ImportMapping,
    onDuplicate: OnDuplicate,
    matchOn: ImportMatchOn,
    /** Data rows in the file; null until the import has counted them. */
    total: z.number().int().nullable(),
    processed: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    /** Companies made for contacts whose companyName/companyDomain matched none. */
    companiesCreated: z.number().int(),
    error: z.string().nullable(),
    createdBy: Id.nullable(),
    createdAt: Timestamp,
    finishedAt: Timestamp.nullable(),
  })
  .meta({ id: "Import" });
export type Import = z.infer<typeof Import>;

export const ImportList = z.object({ data: z.array(Import) }).meta({ id: "ImportList" });
export type ImportList = z.infer<typeof ImportList>;

export const ImportCellError = z.object({ column: z.number().int(), field: z.string(), message: z.string() });
export type ImportCellError = z.infer<typeof ImportCellError>;

/** The kind of file, told from its content: CSV, an XLSX workbook (its first sheet), or vCard (contacts only). */
export const ImportFileFormat = z.enum(["csv", "xlsx", "vcard"]);
export type ImportFileFormat = z.infer<typeof ImportFileFormat>;

export const ImportPreview = z
  .object({
    format: ImportFileFormat,
    /** The CSV's (or vCard's) text encoding; "utf-8" for XLSX. */
    encoding: z.string(),
    /** The CSV's delimiter; "" for XLSX and vCard. */
    delimiter: z.string(),
    headers: z.array(z.string()),
    /** The automatic mapping merged with the one sent: header → field path ("" = not imported). */
    mapping: ImportMapping,
    /** Every field path a column can map to, custom fields included. */
    fields: z.array(z.object({ path: z.string(), label: z.string() })),
    rows: z.array(z.object({ rowNumber: z.number().int(), values: z.array(z.string()), errors: z.array(ImportCellError) })),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof ImportPreview>;

/** How many rows the preview shows. */
export const importPreviewRows = 20;
