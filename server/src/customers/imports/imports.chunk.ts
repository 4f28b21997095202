import { can, type ImportCellError, type ImportMatchOn, type ImportObject, type OnDuplicate, type Role } from "../../../../contracts/index.js";
import { newId } from "../../db/ids.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { recordAuditEntries, recordCreations } from "../../platform/audit/audit.service.js";
import { contactsByEmail } from "../batch/index.js";
import * as bulk from "./imports.bulk.js";
import type { CompanyColumns, ContactColumns, ImportContext } from "./imports.bulk.js";
import * as columns from "./imports.columns.js";
import type { ChunkCounts, RejectedRow } from "./imports.repository.js";
import { convertRow, missingErrors, type ImportRecord, type RowPlan } from "./imports.rows.js";

export interface ChunkRow {
  rowNumber: number;
  values?: string[];
  brokenLine?: string;
}

export interface ImportSettings {
  object: ImportObject;
  onDuplicate: OnDuplicate;
  matchOn: ImportMatchOn;
  role: Role;
  apiKeyId: string | null;
  plan: RowPlan;
  customDefaults: Record<string, unknown>;
}

/** Company lookups a contact import has made: `d:<domain>` / `n:<lower-cased name>` → id. */
export type CompanyCache = Map<string, string>;

interface Existing {
  id: string;
  ownerId: string | null;
  deletedAt: Date | null;
  externalId: string | null;
  columns: ContactColumns | CompanyColumns;
}

interface Write {
  rowNumber: number;
  isNew: boolean;
  ownerId: string | null;
  before?: Record<string, unknown>;
  columns: ContactColumns | CompanyColumns;
  /** For contacts: the rows' company reference, resolved after all rows are planned. */
  companyRefs: { name?: string; domain?: string }[];
}

export const describeErrors = (errors: ImportCellError[]) => errors.map((error) => (error.field ? `${error.field}: ${error.message}` : error.message)).join("; ");

const keyOf = (matchOn: ImportMatchOn, record: ImportRecord) => {
  const value = matchOn === "email" ? record.email : matchOn === "externalId" ? record.externalId : record.domain;
  return typeof value === "string" ? value : undefined;
};

/** A chunk's rows read and checked, before the database is asked anything. */
export interface PreparedChunk {
  size: number;
  good: { rowNumber: number; values: string[]; record: ImportRecord; key?: string }[];
  rejected: RejectedRow[];
}

/**
 * The part of a chunk that needs no database: cells to values, rows with a broken quote or a bad
 * cell set aside with their reason. Pure, so the job runs it while the previous chunk commits.
 */
export function prepareChunk(settings: ImportSettings, rows: ChunkRow[]): PreparedChunk {
  const rejected: RejectedRow[] = [];
  const good: PreparedChunk["good"] = [];
  for (const row of rows) {
    if (row.brokenLine !== undefined) {
      rejected.push({ rowNumber: row.rowNumber, values: [row.brokenLine], reason: "broken quoting: a quoted field is not closed properly" });
      continue;
    }
    const { record, errors } = convertRow(settings.plan, row.values!, { isNew: false });
    if (errors.length) rejected.push({ rowNumber: row.rowNumber, values: row.values!, reason: describeErrors(errors) });
    else good.push({ rowNumber: row.rowNumber, values: row.values!, record, key: keyOf(settings.matchOn, record) });
  }
  return { size: rows.length, good, rejected };
}

/**
 * One prepared chunk, written in the caller's transaction: its rows are matched against existing
 * records (and each other), linked to companies, and written set-based with their audit entries;
 * rows refused on the way join the rejected ones.
 */
export async function processChunk(
  tx: Transaction,
  context: ImportContext,
  settings: ImportSettings,
  prepared: PreparedChunk,
  companyCache: CompanyCache,
): Promise<{ counts: ChunkCounts; rejected: RejectedRow[]; cacheAdditions: [string, string][] }> {
  const { object, onDuplicate, matchOn, plan } = settings;
  const counts: ChunkCounts = { processed: prepared.size, created: 0, updated: 0, skipped: 0, failed: 0, companiesCreated: 0 };
  const rejected: RejectedRow[] = [...prepared.rejected];
  const reject = (row: { rowNumber: number; values: string[] }, reason: string) => rejected.push({ rowNumber: row.rowNumber, values: row.values, reason });
  const { good } = prepared;

  const found = await findExisting(tx, context.workspaceId, object, matchOn, [...new Set(good.flatMap((row) => (row.key ? [row.key] : [])))]);
  const externalIds = [...new Set(good.flatMap((row) => (typeof row.record.externalId === "string" ? [row.record.externalId] : [])))];
  const externalIdHolders = new Map((await findExisting(tx, context.workspaceId, object, "externalId", externalIds)).entries());

  const writes = new Map<string, Write>();
  const targetOfKey = new Map<string, string>();
  const externalIdTarget = new Map<string, string>();
  const mayChangeAny = can(settings.role, "records:write_any");
  const label = object;

  for (const row of good) {
    const matches = row.key ? (found.get(row.key) ?? []) : [];
    const earlier = row.key ? targetOfKey.get(row.key) : undefined;
    let target: string | undefined;
    if (matches.length > 1 && onDuplicate !== "create") {
      reject(row, `${matchOn}: matches ${matches.length} ${label === "contact" ? "contacts" : "companies"}; merge them first or import with onDuplicate create`);
      continue;
    }
    const existing = onDuplicate === "create" ? undefined : matches[0];
    if (existing?.deletedAt) {
      reject(row, `${matchOn}: belongs to a ${label} in the trash; restore it first`);
      continue;
    }
    if ((existing || earlier) && onDuplicate === "skip") {
      counts.skipped += 1;
      continue;
    }
    if (existing || earlier) {
      target = existing?.id ?? earlier!;
      if (existing && !writes.has(target)) {
        if (!mayChangeAny && existing.ownerId !== null && existing.ownerId !== context.userId) {
          reject(row, `${matchOn}: matches a ${label} someone else owns; your role (${settings.role}) can change only records you own`);
          continue;
        }
      }
    } else {
      const missing = missingErrors(plan, row.record);
      if (missing.length) {
        reject(row, describeErrors(missing));
        continue;
      }
    }
    // An externalId names one record: refuse one that another record (or an earlier row for another record) holds.
    const externalId = typeof row.record.externalId === "string" ? row.record.externalId : undefined;
    if (externalId) {
      const holder = externalIdHolders.get(externalId)?.[0];
      const claimedBy = externalIdTarget.get(externalId);
      if ((holder && holder.id !== target) || (claimedBy && claimedBy !== target)) {
        reject(row, `externalId: is already used by another ${label}`);
        continue;
      }
    }
    if (target === undefined) {
      target = newId();
      const fresh = object === "contact" ? columns.newContactColumns(target, row.record, null, settings.customDefaults) : columns.newCompanyColumns(target, row.record, settings.customDefaults);
      writes.set(target, { rowNumber: row.rowNumber, isNew: true, ownerId: context.userId, columns: fresh, companyRefs: [] });
      counts.created += 1;
    } else {
      let write = writes.get(target);
      if (!write) {
        write = { rowNumber: row.rowNumber, isNew: false, ownerId: existing!.ownerId, before: snapshotOf(object, existing!.columns, existing!.ownerId), columns: existing!.columns, companyRefs: [] };
        writes.set(target, write);
      }
      write.columns = object === "contact" ? columns.mergeIntoContact(write.columns as ContactColumns, row.record, undefined) : columns.mergeIntoCompany(write.columns as CompanyColumns, row.record);
      counts.updated += 1;
    }
    if (row.key) targetOfKey.set(row.key, target);
    if (externalId) externalIdTarget.set(externalId, target);
    if (object === "contact" && (row.record.companyName !== undefined || row.record.companyDomain !== undefined)) {
      writes.get(target)!.companyRefs.push({ name: row.record.companyName as string | undefined, domain: row.record.companyDomain as string | undefined });
    }
  }
  counts.failed = rejected.length;

  const now = new Date();
  const caller = { workspaceId: context.workspaceId, userId: context.userId, apiKeyId: settings.apiKeyId };
  // A created record's audit entry names the import (the file holds its values); an updated one keeps its field-level diff.
  const madeByImport = { importId: { before: null, after: context.importId } };
  let cacheAdditions: [string, string][] = [];
  const all = [...writes.values()];
  const created = all.filter((write) => write.isNew);
  const updated = all.filter((write) => !write.isNew);
  if (object === "contact") {
    const linked = await linkCompanies(tx, context, all, companyCache, now);
    cacheAdditions = linked.cacheAdditions;
    counts.companiesCreated = linked.created.length;
    await recordCreations(tx, caller, "company", linked.created.map((company) => company.id), madeByImport);
    await bulk.insertContacts(tx, context, created.map((write) => write.columns as ContactColumns), now);
    await bulk.updateContacts(tx, context, updated.map((write) => write.columns as ContactColumns), now);
  } else {
    await bulk.insertCompanies(tx, context, created.map((write) => write.columns as CompanyColumns), now);
    await bulk.updateCompanies(tx, context, updated.map((write) => write.columns as CompanyColumns), now);
  }
  await recordCreations(tx, caller, object, created.map((write) => write.columns.id), madeByImport);
  await recordAuditEntries(
    tx,
    caller,
    updated.map((write) => ({ entityType: object, entityId: write.columns.id, action: "update" as const, before: write.before ?? null, after: snapshotOf(object, write.columns, write.ownerId) })),
  );
  return { counts, rejected, cacheAdditions };
}

function snapshotOf(object: ImportObject, values: ContactColumns | CompanyColumns, ownerId: string | null) {
  return object === "contact" ? columns.contactSnapshot(values as ContactColumns, ownerId) : columns.companySnapshot(values as CompanyColumns, ownerId);
}

/** Existing records by match key; for e-mail, every live contact holding the address. */
async function findExisting(tx: Transaction, workspaceId: string, object: ImportObject, matchOn: ImportMatchOn, keys: string[]): Promise<Map<string, Existing[]>> {
  const found = new Map<string, Existing[]>();
  if (keys.length === 0) return found;
  const add = (key: string, existing: Existing) => found.set(key, [...(found.get(key) ?? []), existing]);
  if (object === "contact") {
    if (matchOn === "email") {
      const hits = await contactsByEmail(tx, keys);
      const stored = new Map((await bulk.contactsByIds(tx, workspaceId, [...new Set(hits.map((hit) => hit.id))])).map((row) => [row.id, row]));
      for (const hit of hits) add(hit.address, fromContact(stored.get(hit.id)!));
    } else if (matchOn === "externalId") {
      for (const row of await bulk.contactsByExternalIds(tx, workspaceId, keys)) add(row.externalId!, fromContact(row));
    }
    return found;
  }
  const rows = matchOn === "externalId" ? await bulk.companiesByExternalIds(tx, workspaceId, keys) : matchOn === "domain" ? await bulk.companiesByDomains(tx, workspaceId, keys) : [];
  for (const row of rows) add((matchOn === "externalId" ? row.externalId : row.domain)!, { id: row.id, ownerId: row.ownerId, deletedAt: row.deletedAt, externalId: row.externalId, columns: columns.storedCompanyColumns(row) });
  return found;
}

const fromContact = (row: bulk.StoredContact): Existing => ({ id: row.id, ownerId: row.ownerId, deletedAt: row.deletedAt, externalId: row.externalId, columns: columns.storedContactColumns(row) });

/**
 * companyName / companyDomain → a company: an existing live one by domain first, then by name
 * (case-insensitive); otherwise a new company made by the import (undo removes it with the contacts).
 */
async function linkCompanies(tx: Transaction, context: ImportContext, writes: Write[], cache: CompanyCache, now: Date) {
  const refs = writes.flatMap((write) => write.companyRefs.map((ref) => ({ write, ref })));
  const resolved = new Map<string, string>(cache);
  const wantedDomains = [...new Set(refs.flatMap(({ ref }) => (ref.domain && !resolved.has(`d:${ref.domain}`) ? [ref.domain] : [])))];
  for (const company of await bulk.companiesByDomains(tx, context.workspaceId, wantedDomains)) if (!resolved.has(`d:${company.domain}`)) resolved.set(`d:${company.domain}`, company.id);
  const wantedNames = [...new Set(refs.flatMap(({ ref }) => (ref.name && !(ref.domain && resolved.has(`d:${ref.domain}`)) && !resolved.has(`n:${ref.name.toLowerCase()}`) ? [ref.name.toLowerCase()] : [])))];
  for (const company of await bulk.companiesByNames(tx, context.workspaceId, wantedNames)) if (!resolved.has(`n:${company.name.toLowerCase()}`)) resolved.set(`n:${company.name.toLowerCase()}`, company.id);

  const created: CompanyColumns[] = [];
  const additions: [string, string][] = [];
  for (const { write, ref } of refs) {
    const domainKey = ref.domain ? `d:${ref.domain}` : undefined;
    const nameKey = ref.name ? `n:${ref.name.toLowerCase()}` : undefined;
    let id = (domainKey && resolved.get(domainKey)) || (nameKey && resolved.get(nameKey)) || undefined;
    if (!id) {
      id = newId();
      created.push(columns.linkedCompanyColumns(id, ref.name ?? ref.domain!, ref.domain ?? null));
    }
    for (const key of [domainKey, nameKey]) {
      if (key && !resolved.has(key)) {
        resolved.set(key, id);
        additions.push([key, id]);
      }
    }
    write.columns = { ...(write.columns as ContactColumns), company_id: id };
  }
  for (const [key, id] of resolved) if (!cache.has(key) && !additions.some(([added]) => added === key)) additions.push([key, id]);
  await bulk.insertCompanies(tx, context, created, now);
  return { created, cacheAdditions: additions };
}
