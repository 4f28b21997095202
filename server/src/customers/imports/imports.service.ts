import fs from "node:fs/promises";
import path from "node:path";
import { can, ImportFormFields, importPreviewRows, roleRank, type Import, type ImportFileFormat, type ImportObject, type ImportPreview } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { AppError, conflict, forbidden, notFound, type FieldError } from "../../platform/http/app-error.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import type { JobQueue } from "../../platform/jobs/index.js";
import { loadCustomFieldRules } from "../custom-fields/index.js";
import { importFilePath, importJob } from "./imports.job.js";
import { importableFields, resolveMapping } from "./imports.mapping.js";
import * as repository from "./imports.repository.js";
import { buildRowPlan, convertRow } from "./imports.rows.js";
import { undoImport } from "./imports.undo.js";
import { readStart, receiveUpload, type ReceivedUpload, type UploadPart } from "./imports.upload.js";

export function toImport(row: repository.ImportRow): Import {
  return {
    id: row.id,
    object: row.object,
    status: row.status,
    fileName: row.fileName,
    encoding: row.encoding,
    delimiter: row.delimiter,
    mapping: row.mapping,
    onDuplicate: row.onDuplicate,
    matchOn: row.matchOn,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    skipped: row.skipped,
    failed: row.failed,
    companiesCreated: row.companiesCreated,
    error: row.error,
    createdBy: row.createdBy,
    createdAt: iso(row.createdAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}

function validationFailed(errors: FieldError[]): AppError {
  return new AppError(400, "Validation failed", errors.map((entry) => `${entry.path}: ${entry.message}`).join("; "), errors);
}

function parseFields(fields: Record<string, string>) {
  const parsed = ImportFormFields.safeParse(fields);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((issue) =>
        issue.code === "unrecognized_keys" ? { path: issue.keys.map((key) => `body.${key}`).join(", "), message: "is not a known field" } : { path: `body.${issue.path.join(".")}`, message: issue.message },
      ),
    );
  }
  const input = parsed.data;
  const matchOn = input.matchOn ?? (input.object === "contact" ? "email" : "domain");
  if (input.object === "contact" && matchOn === "domain") throw validationFailed([{ path: "body.matchOn", message: "contacts match on email or externalId" }]);
  if (input.object === "company" && matchOn === "email") throw validationFailed([{ path: "body.matchOn", message: "companies match on domain or externalId" }]);
  return { ...input, matchOn };
}

/** A vCard holds people: it imports contacts only. */
function checkFormat(format: ImportFileFormat, object: ImportObject) {
  if (format === "vcard" && object !== "contact") throw validationFailed([{ path: "body.object", message: "a vCard file holds contacts: import it as contact" }]);
}

/** The importer or an admin may see, download the errors of, and undo an import. */
const isImporterOrAdmin = (caller: Caller, row: repository.ImportRow) => row.createdBy === caller.userId || roleRank[caller.role] >= roleRank.admin;

/**
 * Imports of contacts and companies (CSV, XLSX, vCard): upload (the file streams to disk), a preview with the
 * suggested mapping and per-cell errors, the background job (imports.job.ts), progress, the
 * rejected rows as CSV, and undo.
 */
export function createImportsService({ db, jobs, directory, fieldPermissions }: { db: Database; jobs: JobQueue; directory: string; fieldPermissions: HiddenFields }) {
  const hiddenFor = (caller: Caller, object: "contact" | "company") => fieldPermissions.hiddenForCaller(caller, object === "contact" ? "contacts" : "companies");

  async function previewOf(caller: Caller, upload: ReceivedUpload): Promise<ImportPreview> {
    const { object, mapping: sent } = parseFields({ object: "contact", ...upload.fields });
    const { format, encoding, delimiter, headers, rows } = await readStart(upload);
    checkFormat(format, object);
    const rules = await inWorkspace(db, caller.workspaceId, (tx) => loadCustomFieldRules(tx, caller.workspaceId, object));
    const hidden = await hiddenFor(caller, object);
    const { mapping, errors } = resolveMapping(headers, object, rules, sent, hidden);
    // A mapping that names unknown columns or fields is still previewed, without those entries.
    const usable = Object.fromEntries(Object.entries(mapping).filter(([header]) => !errors.some((error) => error.path === `mapping.${header}`)));
    const plan = buildRowPlan(object, headers, usable, rules);
    return {
      format,
      encoding,
      delimiter,
      headers,
      mapping,
      fields: importableFields(object, rules, hidden),
      rows: rows.slice(0, importPreviewRows).map((record, index) => {
        if (record.brokenLine !== undefined) return { rowNumber: index + 1, values: [record.brokenLine], errors: [{ column: 0, field: "", message: "broken quoting: a quoted field is not closed properly" }] };
        return { rowNumber: index + 1, values: record.values, errors: convertRow(plan, record.values).errors };
      }),
    };
  }

  async function load(caller: Caller, id: string) {
    const row = await inWorkspace(db, caller.workspaceId, (tx) => repository.findImport(tx, caller.workspaceId, id));
    if (!row || !isImporterOrAdmin(caller, row)) throw notFound("Import");
    return row;
  }

  return {
    async preview(caller: Caller, parts: AsyncIterable<UploadPart>): Promise<ImportPreview> {
      // Kept on disk until answered: an XLSX workbook is read from the file, not from its head.
      const upload = await receiveUpload(parts, { directory });
      try {
        return await previewOf(caller, upload);
      } finally {
        await fs.rm(upload.tempFile, { force: true });
      }
    },

    async create(caller: Caller, parts: AsyncIterable<UploadPart>): Promise<{ id: string }> {
      const upload = await receiveUpload(parts, { directory });
      const { tempFile } = upload;
      try {
        const input = parseFields(upload.fields);
        if (input.onDuplicate === "update" && !can(caller.role, "records:write")) throw forbidden(`Your role (${caller.role}) cannot update records.`);
        const { format, encoding, delimiter, headers } = await readStart(upload);
        checkFormat(format, input.object);
        const id = newId();
        const hidden = await hiddenFor(caller, input.object);
        await inWorkspace(db, caller.workspaceId, async (tx) => {
          const rules = await loadCustomFieldRules(tx, caller.workspaceId, input.object);
          const { mapping, errors } = resolveMapping(headers, input.object, rules, input.mapping, hidden);
          if (errors.length) throw validationFailed(errors);
          const now = new Date();
          await repository.insertImport(tx, {
            workspaceId: caller.workspaceId,
            id,
            createdAt: now,
            updatedAt: now,
            createdBy: caller.userId,
            actorApiKeyId: caller.apiKeyId,
            actorRole: caller.role,
            object: input.object,
            status: "queued",
            fileName: upload.fileName.slice(0, 300),
            fileSize: upload.size,
            encoding,
            delimiter,
            headers,
            mapping,
            onDuplicate: input.onDuplicate,
            matchOn: input.matchOn,
          });
          const file = importFilePath(directory, caller.workspaceId, id);
          await fs.mkdir(path.dirname(file), { recursive: true });
          await fs.rename(tempFile, file);
          await jobs.send(importJob, { workspaceId: caller.workspaceId, importId: id }, { transaction: tx, retryLimit: 0, expireInSeconds: 6 * 3600 });
        });
        return { id };
      } finally {
        await fs.rm(tempFile, { force: true });
      }
    },

    get: async (caller: Caller, id: string) => toImport(await load(caller, id)),

    /** The caller's imports, newest first; admins see everyone's. */
    list: (caller: Caller) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const rows = await repository.listImports(tx, caller.workspaceId, roleRank[caller.role] >= roleRank.admin ? undefined : caller.userId, 50);
        return { data: rows.map(toImport) };
      }),

    /** The rejected rows as CSV: the file's columns and a `reason`, produced a page at a time. */
    async *errorsCsv(caller: Caller, id: string): AsyncGenerator<string> {
      const row = await load(caller, id);
      yield "\ufeff" + csvLine([...row.headers, "reason"]);
      for (let after = 0; ; ) {
        const page = await inWorkspace(db, caller.workspaceId, (tx) => repository.errorsAfter(tx, caller.workspaceId, id, after, 5000));
        if (page.length === 0) return;
        // The reason stays under its header; cells past the header's width (a row with too many) follow it.
        yield page.map((entry) => csvLine([...padTo(entry.values.slice(0, row.headers.length), row.headers.length), entry.reason, ...entry.values.slice(row.headers.length)])).join("");
        after = page[page.length - 1].rowNumber;
      }
    },

    async undo(caller: Caller, id: string): Promise<Import> {
      const row = await load(caller, id);
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const locked = (await repository.lockImport(tx, caller.workspaceId, id))!;
        if (locked.status === "undone") throw conflict("This import is already undone.");
        if (locked.status === "queued" || locked.status === "running") throw conflict("This import is still running; undo it when it has finished.");
        await undoImport(tx, caller, row);
        await repository.updateImport(tx, caller.workspaceId, id, { status: "undone" });
        return toImport((await repository.findImport(tx, caller.workspaceId, id))!);
      });
    },
  };
}

/** Field permissions: the fields a caller may neither read nor write (customers/privacy). */
export interface HiddenFields {
  hiddenForCaller(caller: Caller, object: "contacts" | "companies"): Promise<Set<string>>;
}

const needsQuotes = /[",;\t\r\n]/;
const csvCell = (value: string) => (needsQuotes.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value);
const csvLine = (values: string[]) => `${values.map(csvCell).join(",")}\r\n`;
const padTo = (values: string[], length: number) => (values.length >= length ? values : [...values, ...Array.from({ length: length - values.length }, () => "")]);

export type ImportsService = ReturnType<typeof createImportsService>;
