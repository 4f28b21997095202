import type { CompanyColumns, ContactColumns, StoredCompany, StoredContact } from "./imports.bulk.js";
import type { ImportRecord } from "./imports.rows.js";

/**
 * Import records → table columns. A new record takes the row's values (and the custom fields'
 * defaults); an existing one keeps what the row leaves empty, gains the row's e-mail, phone and
 * tags next to its own, and has its custom values merged key by key.
 */

const str = (value: unknown) => (typeof value === "string" ? value : null);
const mergeAddress = (stored: Record<string, string> | null, given: Record<string, string> | undefined) => (given ? { ...(stored ?? {}), ...given } : stored);
const union = (stored: string[], given: unknown) => (Array.isArray(given) ? [...new Set([...stored, ...(given as string[])])] : stored);

export function newContactColumns(id: string, record: ImportRecord, companyId: string | null, customDefaults: Record<string, unknown>): ContactColumns {
  const email = str(record.email);
  const phone = str(record.phone);
  return {
    id,
    first_name: record.firstName as string,
    last_name: str(record.lastName),
    emails: email ? [{ address: email, primary: true }] : [],
    phones: phone ? [{ number: phone, primary: true }] : [],
    job_title: str(record.jobTitle),
    company_id: companyId,
    lifecycle_stage: str(record.lifecycleStage) ?? "lead",
    source: str(record.source),
    tags: (record.tags as string[] | undefined) ?? [],
    birthday: str(record.birthday),
    address: record.address ?? null,
    notes: str(record.notes),
    custom: { ...customDefaults, ...record.custom },
    external_id: str(record.externalId),
  };
}

export function storedContactColumns(stored: StoredContact): ContactColumns {
  return {
    id: stored.id,
    first_name: stored.firstName,
    last_name: stored.lastName,
    emails: stored.emails,
    phones: stored.phones,
    job_title: stored.jobTitle,
    company_id: stored.companyId,
    lifecycle_stage: stored.lifecycleStage,
    source: stored.source,
    tags: stored.tags,
    birthday: stored.birthday,
    address: (stored.address as Record<string, string> | null) ?? null,
    notes: stored.notes,
    custom: stored.custom,
    external_id: stored.externalId,
  };
}

export function mergeIntoContact(columns: ContactColumns, record: ImportRecord, companyId: string | null | undefined): ContactColumns {
  const email = str(record.email);
  const phone = str(record.phone);
  return {
    ...columns,
    first_name: str(record.firstName) ?? columns.first_name,
    last_name: str(record.lastName) ?? columns.last_name,
    emails: email && !columns.emails.some((entry) => entry.address === email) ? [...columns.emails, { address: email, primary: columns.emails.length === 0 }] : columns.emails,
    phones: phone && !columns.phones.some((entry) => entry.number === phone) ? [...columns.phones, { number: phone, primary: columns.phones.length === 0 }] : columns.phones,
    job_title: str(record.jobTitle) ?? columns.job_title,
    company_id: companyId === undefined ? columns.company_id : companyId,
    lifecycle_stage: str(record.lifecycleStage) ?? columns.lifecycle_stage,
    source: str(record.source) ?? columns.source,
    tags: union(columns.tags, record.tags),
    birthday: str(record.birthday) ?? columns.birthday,
    address: mergeAddress(columns.address, record.address),
    notes: str(record.notes) ?? columns.notes,
    custom: record.custom ? { ...columns.custom, ...record.custom } : columns.custom,
    external_id: str(record.externalId) ?? columns.external_id,
  };
}

/** The audited view, in the API's names, as contacts.service records it. */
export function contactSnapshot(columns: ContactColumns, ownerId: string | null): Record<string, unknown> {
  return {
    firstName: columns.first_name,
    lastName: columns.last_name,
    emails: columns.emails,
    phones: columns.phones,
    jobTitle: columns.job_title,
    companyId: columns.company_id,
    ownerId,
    lifecycleStage: columns.lifecycle_stage,
    source: columns.source,
    tags: columns.tags,
    birthday: columns.birthday,
    address: columns.address,
    notes: columns.notes,
    custom: columns.custom,
    externalId: columns.external_id,
  };
}

export function newCompanyColumns(id: string, record: ImportRecord, customDefaults: Record<string, unknown>): CompanyColumns {
  return {
    id,
    name: record.name as string,
    domain: str(record.domain),
    industry: str(record.industry),
    employee_count: (record.employeeCount as number | undefined) ?? null,
    annual_revenue_amount: (record.annualRevenue as number | undefined) ?? null,
    annual_revenue_currency: record.annualRevenue === undefined ? null : str(record.annualRevenueCurrency),
    address: record.address ?? null,
    tags: (record.tags as string[] | undefined) ?? [],
    custom: { ...customDefaults, ...record.custom },
    external_id: str(record.externalId),
  };
}

/** A company a contact row names by companyName / companyDomain and that does not exist yet. */
export function linkedCompanyColumns(id: string, name: string, domain: string | null): CompanyColumns {
  return { id, name, domain, industry: null, employee_count: null, annual_revenue_amount: null, annual_revenue_currency: null, address: null, tags: [], custom: {}, external_id: null };
}

export function storedCompanyColumns(stored: StoredCompany): CompanyColumns {
  return {
    id: stored.id,
    name: stored.name,
    domain: stored.domain,
    industry: stored.industry,
    employee_count: stored.employeeCount,
    annual_revenue_amount: stored.annualRevenueAmount === null ? null : Number(stored.annualRevenueAmount),
    annual_revenue_currency: stored.annualRevenueCurrency,
    address: (stored.address as Record<string, string> | null) ?? null,
    tags: stored.tags,
    custom: stored.custom,
    external_id: stored.externalId,
  };
}

export function mergeIntoCompany(columns: CompanyColumns, record: ImportRecord): CompanyColumns {
  const hasRevenue = record.annualRevenue !== undefined;
  return {
    ...columns,
    name: str(record.name) ?? columns.name,
    domain: str(record.domain) ?? columns.domain,
    industry: str(record.industry) ?? columns.industry,
    employee_count: (record.employeeCount as number | undefined) ?? columns.employee_count,
    annual_revenue_amount: hasRevenue ? (record.annualRevenue as number) : columns.annual_revenue_amount,
    annual_revenue_currency: hasRevenue ? str(record.annualRevenueCurrency) : columns.annual_revenue_currency,
    address: mergeAddress(columns.address, record.address),
    tags: union(columns.tags, record.tags),
    custom: record.custom ? { ...columns.custom, ...record.custom } : columns.custom,
    external_id: str(record.externalId) ?? columns.external_id,
  };
}

export function companySnapshot(columns: CompanyColumns, ownerId: string | null): Record<string, unknown> {
  return {
    name: columns.name,
    domain: columns.domain,
    industry: columns.industry,
    employeeCount: columns.employee_count,
    annualRevenueAmount: columns.annual_revenue_amount,
    annualRevenueCurrency: columns.annual_revenue_currency,
    address: columns.address,
    ownerId,
    tags: columns.tags,
    custom: columns.custom,
    externalId: columns.external_id,
  };
}
