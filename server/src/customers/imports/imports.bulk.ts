import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { companies } from "../companies/companies.schema.js";
import { contacts } from "../contacts/contacts.schema.js";

/**
 * Set-based writes for imports: a whole chunk in one statement through jsonb_to_recordset (one
 * parameter, the same on PGlite and PostgreSQL), not the query builder's row-by-row values.
 */

export interface ImportContext {
  workspaceId: string;
  importId: string;
  userId: string;
}

export type StoredContact = typeof contacts.$inferSelect;
export type StoredCompany = typeof companies.$inferSelect;

/** A contact as the import writes it, in column names. */
export interface ContactColumns {
  id: string;
  first_name: string;
  last_name: string | null;
  emails: { address: string; primary: boolean }[];
  phones: { number: string; label?: string; primary: boolean }[];
  job_title: string | null;
  company_id: string | null;
  lifecycle_stage: string;
  source: string | null;
  tags: string[];
  birthday: string | null;
  address: Record<string, string> | null;
  notes: string | null;
  custom: Record<string, unknown>;
  external_id: string | null;
}

export interface CompanyColumns {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employee_count: number | null;
  annual_revenue_amount: number | null;
  annual_revenue_currency: string | null;
  address: Record<string, string> | null;
  tags: string[];
  custom: Record<string, unknown>;
  external_id: string | null;
}

const contactRecordType = sql.raw(
  `r(id uuid, first_name text, last_name text, emails jsonb, phones jsonb, job_title text, company_id uuid, lifecycle_stage text, source text, tags text[], birthday date, address jsonb, notes text, custom jsonb, external_id text)`,
);
const companyRecordType = sql.raw(
  `r(id uuid, name text, domain text, industry text, employee_count integer, annual_revenue_amount bigint, annual_revenue_currency text, address jsonb, tags text[], custom jsonb, external_id text)`,
);

export async function insertContacts(tx: Transaction, context: ImportContext, rows: ContactColumns[], now: Date) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into contacts (workspace_id, id, created_at, updated_at, created_by, owner_id, import_id, first_name, last_name, emails, phones, job_title,
                          company_id, lifecycle_stage, source, tags, birthday, address, notes, custom, external_id)
    select ${context.workspaceId}::uuid, r.id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${context.userId}::uuid, ${context.userId}::uuid,
           ${context.importId}::uuid, r.first_name, r.last_name, r.emails, r.phones, r.job_title, r.company_id, r.lifecycle_stage, r.source, r.tags,
           r.birthday, r.address, r.notes, r.custom, r.external_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${contactRecordType}`);
}

export async function updateContacts(tx: Transaction, context: ImportContext, rows: ContactColumns[], now: Date) {
  if (rows.length === 0) return;
  await keepBeforeImages(tx, context, "contacts", rows.map((row) => row.id));
  await tx.execute(sql`
    update contacts c set first_name = r.first_name, last_name = r.last_name, emails = r.emails, phones = r.phones, job_title = r.job_title,
           company_id = r.company_id, lifecycle_stage = r.lifecycle_stage, source = r.source, tags = r.tags, birthday = r.birthday,
           address = r.address, notes = r.notes, custom = r.custom, external_id = r.external_id, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${contactRecordType}
    where c.workspace_id = ${context.workspaceId}::uuid and c.id = r.id`);
}

export async function insertCompanies(tx: Transaction, context: ImportContext, rows: CompanyColumns[], now: Date) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into companies (workspace_id, id, created_at, updated_at, created_by, owner_id, import_id, name, domain, industry, employee_count,
                           annual_revenue_amount, annual_revenue_currency, address, tags, custom, external_id)
    select ${context.workspaceId}::uuid, r.id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz, ${context.userId}::uuid, ${context.userId}::uuid,
           ${context.importId}::uuid, r.name, r.domain, r.industry, r.employee_count, r.annual_revenue_amount, r.annual_revenue_currency,
           r.address, r.tags, r.custom, r.external_id
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${companyRecordType}`);
}

export async function updateCompanies(tx: Transaction, context: ImportContext, rows: CompanyColumns[], now: Date) {
  if (rows.length === 0) return;
  await keepBeforeImages(tx, context, "companies", rows.map((row) => row.id));
  await tx.execute(sql`
    update companies c set name = r.name, domain = r.domain, industry = r.industry, employee_count = r.employee_count,
           annual_revenue_amount = r.annual_revenue_amount, annual_revenue_currency = r.annual_revenue_currency, address = r.address,
           tags = r.tags, custom = r.custom, external_id = r.external_id, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as ${companyRecordType}
    where c.workspace_id = ${context.workspaceId}::uuid and c.id = r.id`);
}

/** The row as it was before this import first changed it (a later chunk changing it again keeps the first image). */
async function keepBeforeImages(tx: Transaction, context: ImportContext, table: "contacts" | "companies", ids: string[]) {
  await tx.execute(sql`
    insert into import_updates (workspace_id, import_id, record_id, before)
    select c.workspace_id, ${context.importId}::uuid, c.id, to_jsonb(c) - 'search_text'
    from ${sql.identifier(table)} c
    where c.workspace_id = ${context.workspaceId}::uuid and c.id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))
    on conflict do nothing`);
}

export async function contactsByIds(tx: Transaction, workspaceId: string, ids: string[]): Promise<StoredContact[]> {
  if (ids.length === 0) return [];
  return tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.id, ids)));
}

export async function contactsByExternalIds(tx: Transaction, workspaceId: string, externalIds: string[]): Promise<StoredContact[]> {
  if (externalIds.length === 0) return [];
  return tx.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), inArray(contacts.externalId, externalIds)));
}

export async function companiesByExternalIds(tx: Transaction, workspaceId: string, externalIds: string[]): Promise<StoredCompany[]> {
  if (externalIds.length === 0) return [];
  return tx.select().from(companies).where(and(eq(companies.workspaceId, workspaceId), inArray(companies.externalId, externalIds)));
}

/** Live companies with these domains. */
export async function companiesByDomains(tx: Transaction, workspaceId: string, domains: string[]): Promise<StoredCompany[]> {
  if (domains.length === 0) return [];
  return tx
    .select()
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), inArray(companies.domain, domains), isNull(companies.deletedAt)));
}

/** Live companies whose lower-cased name is one of these. */
export async function companiesByNames(tx: Transaction, workspaceId: string, lowerNames: string[]): Promise<{ id: string; name: string; domain: string | null }[]> {
  if (lowerNames.length === 0) return [];
  return tx
    .select({ id: companies.id, name: companies.name, domain: companies.domain })
    .from(companies)
    .where(and(eq(companies.workspaceId, workspaceId), inArray(sql`lower(${companies.name})`, lowerNames), isNull(companies.deletedAt)));
}
