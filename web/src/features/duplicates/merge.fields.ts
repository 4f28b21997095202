import type { Company, Contact, DuplicateObject } from "@contracts";
import type { MergeRecord } from "./api/duplicates.queries";

/** The fields one chooses between in a merge, as the API names them, and how each shows. */
export interface MergeField {
  name: string;
  label: string;
  show: (record: MergeRecord) => string;
}

const text = (value: unknown) => (value === null || value === undefined || value === "" ? "—" : typeof value === "object" ? JSON.stringify(value) : String(value));

export function mergeFields(object: DuplicateObject, records: MergeRecord[], t: (key: string) => string): MergeField[] {
  const field = <T extends MergeRecord>(name: string, label: string, show: (record: T) => unknown): MergeField => ({ name, label: t(label), show: (record) => text(show(record as T)) });
  const base =
    object === "contact"
      ? [
          field<Contact>("firstName", "contacts.fields.firstName", (contact) => contact.firstName),
          field<Contact>("lastName", "contacts.fields.lastName", (contact) => contact.lastName),
          field<Contact>("jobTitle", "contacts.fields.jobTitle", (contact) => contact.jobTitle),
          field<Contact>("companyId", "contacts.fields.company", (contact) => contact.company?.name),
          field<Contact>("ownerId", "contacts.fields.owner", (contact) => contact.owner?.name),
          field<Contact>("lifecycleStage", "contacts.fields.lifecycleStage", (contact) => contact.lifecycleStage),
          field<Contact>("source", "contacts.fields.source", (contact) => contact.source),
          field<Contact>("birthday", "contacts.fields.birthday", (contact) => contact.birthday),
          field<Contact>("notes", "contacts.fields.notes", (contact) => contact.notes),
        ]
      : [
          field<Company>("name", "companies.fields.name", (company) => company.name),
          field<Company>("domain", "companies.fields.domain", (company) => company.domain),
          field<Company>("industry", "companies.fields.industry", (company) => company.industry),
          field<Company>("employeeCount", "companies.fields.employeeCount", (company) => company.employeeCount),
          field<Company>("ownerId", "companies.fields.owner", (company) => company.owner?.name),
        ];
  const customKeys = [...new Set(records.flatMap((record) => Object.keys(record.custom)))].sort();
  return [...base, ...customKeys.map((key) => ({ name: `custom.${key}`, label: key, show: (record: MergeRecord) => text(record.custom[key]) }))];
}

/** The lists that are combined rather than chosen, shown so one sees what the survivor will hold. */
export function combinedValues(object: DuplicateObject, records: MergeRecord[]): string[] {
  const tags = [...new Set(records.flatMap((record) => record.tags))];
  if (object === "company") return tags.length ? [tags.join(", ")] : [];
  const contacts = records as Contact[];
  const emails = [...new Set(contacts.flatMap((contact) => contact.emails.map((email) => email.address)))];
  const phones = [...new Set(contacts.flatMap((contact) => (contact.phones ?? []).map((phone) => phone.number)))];
  return [emails.join(", "), phones.join(", "), tags.join(", ")].filter(Boolean);
}
