import { companyExportColumns, contactExportColumns, type Address, type Company, type Contact, type CustomFieldRule } from "../../../../contracts/index.js";
import { invalidField } from "../../platform/http/app-error.js";

/** One exported column: its header and how a record's value is written as text. */
export interface ExportColumn<T> {
  name: string;
  value: (record: T) => string;
}

const text = (value: unknown): string => (value === null || value === undefined ? "" : String(value));
const joined = (values: string[]) => values.join("; ");

export function addressText(address: Address | null | undefined): string {
  if (!address) return "";
  return [address.street, address.city, [address.region, address.postalCode].filter(Boolean).join(" "), address.country].filter(Boolean).join(", ");
}

function customText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return joined(value.map(text));
  if (typeof value === "object") {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === "number" && typeof money.currency === "string") return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
    return JSON.stringify(value);
  }
  return String(value);
}

const contactValues: Record<(typeof contactExportColumns)[number], (contact: Contact) => string> = {
  id: (contact) => contact.id,
  firstName: (contact) => contact.firstName,
  lastName: (contact) => text(contact.lastName),
  email: (contact) => text((contact.emails.find((email) => email.primary) ?? contact.emails[0])?.address),
  emails: (contact) => joined(contact.emails.map((email) => email.address)),
  phone: (contact) => text((contact.phones?.find((phone) => phone.primary) ?? contact.phones?.[0])?.number),
  phones: (contact) => joined((contact.phones ?? []).map((phone) => phone.number)),
  jobTitle: (contact) => text(contact.jobTitle),
  company: (contact) => text(contact.company?.name),
  owner: (contact) => text(contact.owner?.name),
  lifecycleStage: (contact) => contact.lifecycleStage,
  source: (contact) => text(contact.source),
  tags: (contact) => joined(contact.tags),
  birthday: (contact) => text(contact.birthday),
  address: (contact) => addressText(contact.address),
  notes: (contact) => text(contact.notes),
  emailConsent: (contact) => contact.emailConsent,
  doNotContact: (contact) => String(contact.doNotContact),
  createdAt: (contact) => contact.createdAt,
  updatedAt: (contact) => contact.updatedAt,
};

const companyValues: Record<(typeof companyExportColumns)[number], (company: Company) => string> = {
  id: (company) => company.id,
  name: (company) => company.name,
  domain: (company) => text(company.domain),
  industry: (company) => text(company.industry),
  employeeCount: (company) => text(company.employeeCount),
  annualRevenue: (company) => (company.annualRevenue ? customText(company.annualRevenue) : ""),
  address: (company) => addressText(company.address),
  owner: (company) => text(company.owner?.name),
  tags: (company) => joined(company.tags),
  contactCount: (company) => String(company.contactCount),
  createdAt: (company) => company.createdAt,
  updatedAt: (company) => company.updatedAt,
};

/** The record field a column reveals, as field permissions name it. */
const fieldOfColumn: Record<string, string> = { phone: "phones", phones: "phones" };

/**
 * The columns to write: the requested ones in their order (or every built-in then every custom
 * field), without those the caller's role may not read, as the list omits them from its
 * answers; filtering or sorting on one answers 400 (export.service).
 */
export function resolveColumns<T extends { custom: Record<string, unknown> }>(
  requested: string | undefined,
  builtIn: Record<string, (record: T) => string>,
  rules: CustomFieldRule[],
  hidden: ReadonlySet<string>,
): ExportColumn<T>[] {
  const isHidden = (name: string) => hidden.has(fieldOfColumn[name] ?? name);
  const all = new Map<string, ExportColumn<T>>();
  for (const [name, value] of Object.entries(builtIn)) all.set(name, { name, value });
  for (const rule of rules) all.set(`custom.${rule.key}`, { name: `custom.${rule.key}`, value: (record) => customText(record.custom[rule.key]) });
  if (!requested) return [...all.values()].filter((column) => !isHidden(column.name));
  const names = requested.split(",").map((name) => name.trim()).filter(Boolean);
  if (names.length === 0) throw invalidField("columns", "must name at least one column");
  const columns = names.map((name) => {
    const column = all.get(name);
    if (!column) throw invalidField("columns", `"${name}" is not an exportable column; use ${[...all.keys()].join(", ")}`);
    return column;
  });
  // A saved view shared with a role that may not read one of its columns still exports, without it.
  return columns.filter((column) => !isHidden(column.name));
}

export const contactColumnValues = contactValues as Record<string, (contact: Contact) => string>;
export const companyColumnValues = companyValues as Record<string, (company: Company) => string>;
