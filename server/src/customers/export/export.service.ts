import { Readable } from "node:stream";
import { z } from "zod";
import { CompanyExportQuery, ContactExportQuery, type Company, type Contact, type CustomFieldObject, type FieldPermissionObject } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { invalidField } from "../../platform/http/app-error.js";
import type { CompaniesService } from "../companies/companies.service.js";
import type { ContactsService } from "../contacts/contacts.service.js";
import { loadCustomFieldRules } from "../custom-fields/index.js";
import { omitFields, type FieldPermissionsService } from "../privacy/field-permissions.service.js";
import { companyColumnValues, contactColumnValues, resolveColumns, type ExportColumn } from "./export.columns.js";
import { csvRow } from "./export.csv.js";
import { contactVCard } from "./export.vcard.js";
import { xlsxStream } from "./export.xlsx.js";

/** Rows fetched per round trip; the file is written as they arrive, never held whole. */
export const exportPageSize = 1000;

export interface ExportFile {
  contentType: string;
  filename: string;
  body: Readable;
}

type Page<T> = { data: T[]; nextCursor: string | null };
type ListQueryOf = { sort?: string; q?: string; filter?: Record<string, Record<string, string>>; trash: boolean };

const fieldOfQueryName: Record<string, string> = { phone: "phones" };

/** Filtering or sorting on a hidden field would reveal it through the matches; the list refuses it, so export does too. */
function assertQueryReadsNoHidden(query: ListQueryOf, hidden: ReadonlySet<string>) {
  for (const name of Object.keys(query.filter ?? {})) {
    if (hidden.has(fieldOfQueryName[name] ?? name)) throw invalidField(`filter.${name}`, "is a field your role may not read");
  }
  for (const key of (query.sort ?? "").split(",")) {
    const name = key.trim().replace(/^-/, "");
    if (name && hidden.has(name)) throw invalidField("sort", `${name} is a field your role may not read`);
  }
}

/** Every page of a list after the first, fetched only when the writer is ready for more. */
async function* allRecords<T>(first: Page<T>, next: (cursor: string) => Promise<Page<T>>): AsyncGenerator<T> {
  let page = first;
  for (;;) {
    yield* page.data;
    if (!page.nextCursor) return;
    page = await next(page.nextCursor);
  }
}

async function* tabular<T>(records: AsyncGenerator<T>, columns: ExportColumn<T>[]): AsyncGenerator<string> {
  // A byte-order mark, so spreadsheet programs read the file as UTF-8.
  yield `\uFEFF${csvRow(columns.map((column) => column.name))}`;
  for await (const record of records) yield csvRow(columns.map((column) => column.value(record)));
}

async function* rowsOf<T>(records: AsyncGenerator<T>, columns: ExportColumn<T>[]): AsyncGenerator<string[]> {
  for await (const record of records) yield columns.map((column) => column.value(record));
}

async function* vcards(records: AsyncGenerator<Contact>, hidden: ReadonlySet<string>): AsyncGenerator<string> {
  for await (const contact of records) yield contactVCard(omitFields(contact, hidden));
}

function stamp() {
  return new Date().toISOString().slice(0, 10);
}

export function createExportService(deps: { db: Database; contacts: ContactsService; companies: CompaniesService; fieldPermissions: FieldPermissionsService }) {
  const { db, fieldPermissions } = deps;

  async function prepare(caller: Caller, object: FieldPermissionObject, customObject: CustomFieldObject, query: ListQueryOf) {
    const hidden = await fieldPermissions.hiddenForCaller(caller, object);
    assertQueryReadsNoHidden(query, hidden);
    const rules = await inWorkspace(db, caller.workspaceId, (tx) => loadCustomFieldRules(tx, caller.workspaceId, customObject));
    return { hidden, rules };
  }

  function file<T>(name: string, format: "csv" | "xlsx", records: AsyncGenerator<T>, columns: ExportColumn<T>[]): ExportFile {
    if (format === "xlsx") {
      return {
        contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename: `${name}-${stamp()}.xlsx`,
        body: xlsxStream(name, columns.map((column) => column.name), rowsOf(records, columns)),
      };
    }
    return { contentType: "text/csv; charset=utf-8", filename: `${name}-${stamp()}.csv`, body: Readable.from(tabular(records, columns)) };
  }

  return {
    /** Validates everything and reads the first page before answering, so a bad query is a 400, not a broken download. */
    async contacts(caller: Caller, input: z.output<typeof ContactExportQuery>): Promise<ExportFile> {
      const { format, columns: requested, ...list } = input;
      const { hidden, rules } = await prepare(caller, "contacts", "contact", list);
      const columns = format === "vcf" ? [] : resolveColumns(requested, contactColumnValues, rules, hidden);
      const page = (cursor?: string) => deps.contacts.list(caller, { ...list, limit: exportPageSize, cursor });
      const records = allRecords(await page(), page);
      if (format === "vcf") return { contentType: "text/vcard; charset=utf-8", filename: `contacts-${stamp()}.vcf`, body: Readable.from(vcards(records, hidden)) };
      return file("contacts", format, records, columns);
    },

    async companies(caller: Caller, input: z.output<typeof CompanyExportQuery>): Promise<ExportFile> {
      const { format, columns: requested, ...list } = input;
      const { hidden, rules } = await prepare(caller, "companies", "company", list);
      const columns = resolveColumns(requested, companyColumnValues, rules, hidden) as ExportColumn<Company>[];
      const page = (cursor?: string) => deps.companies.list(caller, { ...list, limit: exportPageSize, cursor });
      return file("companies", format, allRecords(await page(), page), columns);
    },
  };
}

export type ExportService = ReturnType<typeof createExportService>;
