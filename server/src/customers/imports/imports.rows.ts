import { customValueSchema, Domain, LifecycleStage, toE164, type CustomFieldRule, type ImportCellError, type ImportMapping, type ImportObject } from "../../../../contracts/index.js";

/** A row turned into API values: only the cells that hold something are present. */
export interface ImportRecord {
  [field: string]: unknown;
  custom?: Record<string, unknown>;
  address?: Record<string, string>;
}

type Converter = (text: string) => { value: unknown } | { error: string };

const ok = (value: unknown) => ({ value });
const fail = (error: string) => ({ error });

const text = (max: number): Converter => (value) => (value.length > max ? fail(`is longer than ${max} characters`) : ok(value));
// Simple and strict enough for a CSV: one @, no spaces, a dot in the domain.
const emailPattern = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\]+$/;
const stages = new Set<string>(LifecycleStage.options);

const splitList = (value: string) =>
  value
    .split(/[,;|]/)
    .map((entry) => entry.trim())
    .filter(Boolean);

/** "1,234.50", "1.234,50", "1 234", "12,5" → a number ("1,200" is twelve hundred); undefined when it is not one. */
function parseNumber(value: string): number | undefined {
  let cleaned = value.replace(/[\s'\u00a0]/g, "");
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/,/g, "");
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/\./g, "").replace(",", ".");
  else if (/^-?\d+,\d+$/.test(cleaned)) cleaned = cleaned.replace(",", ".");
  else cleaned = cleaned.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

const booleans: Record<string, boolean> = { true: true, false: false, yes: true, no: false, y: true, n: false, "1": true, "0": false, x: true };

const converters: Partial<Record<string, Converter>> = {
  firstName: text(200),
  lastName: text(200),
  fullName: text(400),
  email: (value) => {
    const address = value.toLowerCase();
    return address.length <= 254 && emailPattern.test(address) ? ok(address) : fail("must be a valid e-mail address");
  },
  phone: (value) => {
    const number = value.length <= 40 ? toE164(value) : null;
    return number ? ok(number) : fail("must be a valid phone number with its country code, e.g. +44 20 7946 0958");
  },
  jobTitle: text(200),
  lifecycleStage: (value) => {
    const stage = value.toLowerCase().replace(/[\s-]+/g, "_");
    return stages.has(stage) ? ok(stage) : fail(`must be one of ${LifecycleStage.options.join(", ")}`);
  },
  source: text(100),
  tags: (value) => {
    const tags = [...new Set(splitList(value))];
    if (tags.length > 50) return fail("may hold at most 50 tags");
    return tags.some((tag) => tag.length > 60) ? fail("a tag may be at most 60 characters") : ok(tags);
  },
  birthday: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? ok(value) : fail("must be a date as YYYY-MM-DD")),
  notes: text(20_000),
  externalId: text(200),
  companyName: text(300),
  companyDomain: (value) => {
    const parsed = Domain.safeParse(value);
    return parsed.success ? ok(parsed.data) : fail("must be a domain such as example.com");
  },
  name: text(300),
  domain: (value) => {
    const parsed = Domain.safeParse(value);
    return parsed.success ? ok(parsed.data) : fail("must be a domain such as example.com");
  },
  industry: text(120),
  employeeCount: (value) => {
    const count = parseNumber(value);
    return count !== undefined && Number.isInteger(count) && count >= 0 && count <= 10_000_000 ? ok(count) : fail("must be a whole number of employees");
  },
  // In major units ("1234.56"): stored in minor units (cents), like the API's annualRevenue.amount.
  annualRevenue: (value) => {
    const amount = parseNumber(value);
    return amount !== undefined && amount >= 0 ? ok(Math.round(amount * 100)) : fail("must be an amount such as 1234.56");
  },
  annualRevenueCurrency: (value) => (/^[A-Za-z]{3}$/.test(value) ? ok(value.toUpperCase()) : fail("must be an ISO 4217 code such as USD")),
  "address.street": text(300),
  "address.city": text(120),
  "address.region": text(120),
  "address.postalCode": text(30),
  "address.country": text(120),
};

/** CSV text → the typed value a custom field takes, then checked by the field's own schema. */
function customConverter(rule: CustomFieldRule): Converter {
  const schema = customValueSchema({ ...rule, required: false });
  const optionByText = new Map<string, string>();
  for (const option of rule.options) {
    optionByText.set(option.value.toLowerCase(), option.value);
    optionByText.set(option.label.toLowerCase(), option.value);
  }
  const coerce = (value: string): unknown => {
    switch (rule.type) {
      case "number":
        return parseNumber(value) ?? value;
      case "boolean":
        return booleans[value.toLowerCase()] ?? value;
      case "single_select":
        return optionByText.get(value.toLowerCase()) ?? value;
      case "multi_select":
        return splitList(value).map((entry) => optionByText.get(entry.toLowerCase()) ?? entry);
      case "money": {
        const match = /^([A-Za-z]{3})?\s*([-\d.,\s']+?)\s*([A-Za-z]{3})?$/.exec(value);
        const amount = match ? parseNumber(match[2]) : undefined;
        const currency = (match?.[1] ?? match?.[3])?.toUpperCase();
        return amount === undefined || !currency ? value : { amount: Math.round(amount * 100), currency };
      }
      default:
        return value;
    }
  };
  return (value) => {
    const parsed = schema.safeParse(coerce(value));
    if (parsed.success) return ok(parsed.data);
    return fail(rule.type === "money" ? "must be an amount with its currency, e.g. 1234.56 EUR" : (parsed.error.issues[0]?.message ?? "is not valid"));
  };
}

export interface RowPlan {
  object: ImportObject;
  columns: { index: number; header: string; field: string; convert: Converter }[];
  /** Required custom fields without a default: a new record must have them. */
  requiredCustom: string[];
  columnCount: number;
}

/** How each mapped column becomes a field; built once per import. */
export function buildRowPlan(object: ImportObject, headers: string[], mapping: ImportMapping, customFields: CustomFieldRule[]): RowPlan {
  const rules = new Map(customFields.filter((rule) => !rule.archived).map((rule) => [rule.key, rule]));
  const columns: RowPlan["columns"] = [];
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (!field) return;
    const rule = field.startsWith("custom.") ? rules.get(field.slice("custom.".length)) : undefined;
    const convert = rule ? customConverter(rule) : converters[field];
    if (convert) columns.push({ index, header, field, convert });
  });
  const requiredCustom = [...rules.values()].filter((rule) => rule.required && (rule.default === undefined || rule.default === null)).map((rule) => rule.key);
  return { object, columns, requiredCustom, columnCount: headers.length };
}

/** "Ada Lovelace" → Ada / Lovelace; "Lovelace, Ada" → Ada / Lovelace. */
function splitFullName(fullName: string): { firstName: string; lastName?: string } {
  const comma = fullName.indexOf(",");
  if (comma > 0) return { firstName: fullName.slice(comma + 1).trim() || fullName.slice(0, comma).trim(), lastName: fullName.slice(0, comma).trim() || undefined };
  const space = fullName.lastIndexOf(" ");
  return space > 0 ? { firstName: fullName.slice(0, space).trim(), lastName: fullName.slice(space + 1).trim() } : { firstName: fullName };
}

/**
 * One CSV row → the record to write and the errors of its cells. An empty cell is no value:
 * it neither clears a field on update nor counts as given.
 */
export function convertRow(plan: RowPlan, values: string[], { isNew }: { isNew: boolean } = { isNew: true }): { record: ImportRecord; errors: ImportCellError[] } {
  const record: ImportRecord = {};
  const errors: ImportCellError[] = [];
  if (values.length > plan.columnCount) {
    errors.push({ column: plan.columnCount, field: "", message: `has ${values.length} columns; the header has ${plan.columnCount}` });
    return { record, errors };
  }
  for (const column of plan.columns) {
    const cell = (values[column.index] ?? "").trim();
    if (cell === "") continue;
    const result = column.convert(cell);
    if ("error" in result) {
      errors.push({ column: column.index, field: column.field, message: result.error });
      continue;
    }
    if (column.field.startsWith("custom.")) (record.custom ??= {})[column.field.slice(7)] = result.value;
    else if (column.field.startsWith("address.")) (record.address ??= {})[column.field.slice(8)] = result.value as string;
    else record[column.field] = result.value;
  }
  if (typeof record.fullName === "string") {
    const { firstName, lastName } = splitFullName(record.fullName);
    record.firstName ??= firstName;
    if (lastName !== undefined) record.lastName ??= lastName;
    delete record.fullName;
  }
  if (isNew) errors.push(...missingErrors(plan, record));
  if (plan.object === "company" && record.annualRevenue !== undefined && record.annualRevenueCurrency === undefined) {
    const column = plan.columns.find((entry) => entry.field === "annualRevenue")!;
    errors.push({ column: column.index, field: "annualRevenue", message: "needs annualRevenueCurrency (a column with the ISO 4217 code)" });
  }
  return { record, errors };
}

/** What a new record must have; an update may leave it out. */
export function missingErrors(plan: RowPlan, record: ImportRecord): ImportCellError[] {
  const errors: ImportCellError[] = [];
  const required = plan.object === "contact" ? "firstName" : "name";
  if (record[required] === undefined) {
    const column = plan.columns.find((entry) => entry.field === required || entry.field === "fullName");
    errors.push({ column: column?.index ?? -1, field: required, message: "is required" });
  }
  for (const key of plan.requiredCustom) {
    if (record.custom?.[key] === undefined) {
      const column = plan.columns.find((entry) => entry.field === `custom.${key}`);
      errors.push({ column: column?.index ?? -1, field: `custom.${key}`, message: "is required" });
    }
  }
  return errors;
}
