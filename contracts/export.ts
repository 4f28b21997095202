import { z } from "zod";
import { ListQuery } from "./common.js";

/**
 * Exporting a list: the same query as the list (filters, q, sort, trash) without paging, plus
 * the format and the columns. The server pages through the whole result itself and streams it.
 */
export const ExportFormat = z.enum(["csv", "xlsx", "vcf"]);
export type ExportFormat = z.infer<typeof ExportFormat>;

const exportQueryFields = {
  ...ListQuery.omit({ limit: true, cursor: true }).shape,
  /** Comma-separated column names (see contactExportColumns / companyExportColumns, and custom.<key>); all visible columns when absent. */
  columns: z.string().trim().max(2000).optional(),
};

// No component id: @fastify/swagger expands a querystring schema into parameters only when it is inline.
export const ContactExportQuery = z.strictObject({ ...exportQueryFields, format: ExportFormat.default("csv") });
export type ContactExportQuery = z.input<typeof ContactExportQuery>;

export const CompanyExportQuery = z
  .strictObject({ ...exportQueryFields, format: z.enum(["csv", "xlsx"], { message: "must be csv or xlsx; vCard is for contacts" }).default("csv") });
export type CompanyExportQuery = z.input<typeof CompanyExportQuery>;

/** Built-in columns in their default order; custom fields follow as custom.<key>. */
export const contactExportColumns = [
  "id",
  "firstName",
  "lastName",
  "email",
  "emails",
  "phone",
  "phones",
  "jobTitle",
  "company",
  "owner",
  "lifecycleStage",
  "source",
  "tags",
  "birthday",
  "address",
  "notes",
  "emailConsent",
  "doNotContact",
  "createdAt",
  "updatedAt",
] as const;

export const companyExportColumns = [
  "id",
  "name",
  "domain",
  "industry",
  "employeeCount",
  "annualRevenue",
  "address",
  "owner",
  "tags",
  "contactCount",
  "createdAt",
  "updatedAt",
] as const;
