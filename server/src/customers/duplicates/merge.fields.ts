import type { DuplicateObject } from "../../../../contracts/index.js";
import { invalidField } from "../../platform/http/app-error.js";

/**
 * What the survivor of a merge looks like: per field the value of the record `fields` names
 * (the survivor's own when not named); e-mails, phones and tags are the union of all, with the
 * survivor's primary kept primary. Custom values are chosen per key as `custom.<key>`.
 */
type Stored = Record<string, unknown> & { id: string; custom: Record<string, unknown>; tags: string[] };

/** Choosable fields, by API name, and the stored columns each one carries. */
const choosable: Record<DuplicateObject, Record<string, string[]>> = {
  contact: {
    firstName: ["firstName"],
    lastName: ["lastName"],
    jobTitle: ["jobTitle"],
    companyId: ["companyId"],
    ownerId: ["ownerId"],
    lifecycleStage: ["lifecycleStage"],
    source: ["source"],
    birthday: ["birthday"],
    address: ["address"],
    notes: ["notes"],
    doNotContact: ["doNotContact"],
  },
  company: {
    name: ["name"],
    domain: ["domain"],
    industry: ["industry"],
    employeeCount: ["employeeCount"],
    annualRevenue: ["annualRevenueAmount", "annualRevenueCurrency"],
    address: ["address"],
    ownerId: ["ownerId"],
  },
};

/** The stored columns a merge may change, to keep in the merge's before-state for undo. */
export function mergeableColumns(object: DuplicateObject): string[] {
  const lists = object === "contact" ? ["emails", "phones"] : [];
  return [...Object.values(choosable[object]).flat(), ...lists, "tags", "custom"];
}

function unionBy<T extends { primary: boolean }>(lists: T[][], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of lists.flat()) if (!seen.has(key(item))) seen.set(key(item), { ...item, primary: false });
  const merged = [...seen.values()];
  // The survivor's primary stays primary; failing that, the first record's that has one.
  const primary = lists.flat().find((item) => item.primary);
  for (const item of merged) item.primary = primary !== undefined && key(item) === key(primary);
  if (merged.length && !merged.some((item) => item.primary)) merged[0].primary = true;
  return merged;
}

export function mergedValues(
  object: DuplicateObject,
  records: Stored[],
  fields: Record<string, string>,
  hidden: ReadonlySet<string>,
  customKeys: ReadonlySet<string>,
): Record<string, unknown> {
  const [survivor] = records;
  const byId = new Map(records.map((record) => [record.id, record]));
  const changes: Record<string, unknown> = {};
  const custom = { ...survivor.custom };
  for (const [field, sourceId] of Object.entries(fields)) {
    const source = byId.get(sourceId)!;
    if (hidden.has(field)) throw invalidField(`body.fields.${field}`, "is a field your role may not read");
    if (field.startsWith("custom.")) {
      const key = field.slice("custom.".length);
      if (!customKeys.has(key)) throw invalidField(`body.fields.${field}`, "is not a custom field of this workspace");
      if (source.custom[key] === undefined) delete custom[key];
      else custom[key] = source.custom[key];
      continue;
    }
    const columns = Object.hasOwn(choosable[object], field) ? choosable[object][field] : undefined;
    if (!columns) throw invalidField(`body.fields.${field}`, `is not a field to choose; use ${Object.keys(choosable[object]).join(", ")} or custom.<key>`);
    for (const column of columns) changes[column] = source[column];
  }
  changes.custom = custom;
  changes.tags = [...new Set(records.flatMap((record) => record.tags))];
  if (object === "contact") {
    type Email = { address: string; primary: boolean };
    type Phone = { number: string; label?: string; primary: boolean };
    changes.emails = unionBy(records.map((record) => record.emails as Email[]), (email) => email.address.toLowerCase());
    changes.phones = unionBy(records.map((record) => record.phones as Phone[]), (phone) => phone.number);
  }
  return changes;
}
