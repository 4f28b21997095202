import { sql, type SQL } from "drizzle-orm";
import { toE164, type CustomFieldRule } from "../../../../contracts/index.js";
import { invalidFieldFor, operatorsByType, parseBoolean, parseValue, scalarCondition, type ListField } from "../../db/list-query.js";
import { invalidField } from "../../platform/http/app-error.js";
import { areValueFunctionsLeakproof, indexedValueSql, isIndexedFieldType } from "./custom-field-indexes.expressions.js";

interface RecordTable {
  /** custom_value_matches (migration 0006) serves contacts and companies; deals use plain containment. */
  name: "contacts" | "companies" | "deals";
  id: SQL;
  custom: SQL;
}

/**
 * The list fields `custom.<key>` for one request: the same filter operators and sorts as
 * built-in fields, over the record's `custom` jsonb. On contacts and companies, number, money,
 * date and single_select fields sort, page and filter on their typed value function, the
 * expression of the field's own indexes (custom-field-indexes.job.ts). Other fields answer eq
 * and in through custom_value_matches, which uses the GIN index that row-level security keeps
 * the plain query from using, and compare the extracted value for the other operators
 * (docs/decisions/0004-custom-fields-in-jsonb.md).
 */
export function customListFields(rules: CustomFieldRule[], table: RecordTable): Record<string, ListField> {
  return Object.fromEntries(rules.map((rule) => [`custom.${rule.key}`, listFieldOf(rule, table)]));
}

function listFieldOf(rule: CustomFieldRule, table: RecordTable): ListField {
  const name = `custom.${rule.key}`;
  const text = sql`(${table.custom} ->> ${rule.key}::text)`;
  const matching = (documents: unknown[]) => {
    const criteria = documents.map((value) => sql`${JSON.stringify({ [rule.key]: value })}::jsonb`);
    if (table.name === "deals") return sql`(${sql.join(criteria.map((criterion) => sql`${table.custom} @> ${criterion}`), sql` or `)})`;
    return sql`${table.id} in (select custom_value_matches(${table.name}, array[${sql.join(criteria, sql`, `)}]))`;
  };

  if (rule.type === "multi_select") {
    return { column: sql`(${table.custom} -> ${rule.key}::text)`, type: "text", isNullable: true, isSortable: false, filter: multiSelectFilter(name, table, rule, matching) };
  }
  const field: ListField = (() => {
    switch (rule.type) {
      case "number":
        return { column: sql`(${text})::numeric`, type: "number", isNullable: true, isSortable: true };
      case "money":
        return { column: sql`((${table.custom} -> ${rule.key}::text ->> 'amount')::numeric)`, type: "number", isNullable: true, isSortable: true };
      case "date":
        return { column: sql`(${text})::date`, type: "date", isNullable: true, isSortable: true };
      case "boolean":
        return { column: text, type: "enum", isNullable: true, isSortable: true, enumValues: ["true", "false"] };
      case "single_select":
        return { column: text, type: "enum", isNullable: true, isSortable: true, enumValues: rule.options.map((option) => option.value) };
      case "member":
        return { column: sql`(${text})::uuid`, type: "uuid", isNullable: true, isSortable: false };
      default:
        return { column: text, type: "text", isNullable: true, isSortable: rule.type !== "long_text" };
    }
  })();
  if (table.name !== "deals" && isIndexedFieldType(rule.type)) {
    const indexed: ListField = { ...field, column: sql.raw(indexedValueSql(rule.type, rule.key, `"${table.name}"."custom"`)) };
    // Without leakproof value functions a filter on them cannot use the index; it filters as before.
    return { ...indexed, filter: areValueFunctionsLeakproof() ? (operator, raw) => indexedFilter(name, indexed, operator, raw) : filterOf(rule, name, field, matching) };
  }
  return { ...field, filter: filterOf(rule, name, field, matching) };
}

/** Every operator on the typed value, so each condition is one the field's indexes answer. */
function indexedFilter(name: string, field: ListField, operator: string, raw: string): SQL {
  const path = `filter.${name}.${operator}`;
  const operators = operatorsByType[field.type];
  if (!operators.includes(operator)) throw invalidFieldFor(path, operators);
  return scalarCondition(path, field, operator, raw);
}

function filterOf(rule: CustomFieldRule, name: string, field: ListField, matching: (documents: unknown[]) => SQL) {
  return (operator: string, raw: string): SQL => {
    const path = `filter.${name}.${operator}`;
    const operators = operatorsByType[field.type];
    if (!operators.includes(operator)) throw invalidFieldFor(path, operators);
    if (operator === "eq") return matching([documentValue(rule, path, field, raw)]);
    if (operator === "in") {
      const parts = raw.split(",").map((part) => part.trim());
      if (parts.length > 100) throw invalidField(path, "must list 1 to 100 comma-separated values");
      return matching(parts.map((part) => documentValue(rule, path, field, part)));
    }
    return scalarCondition(path, field, operator, raw);
  };
}

/** The value as stored in `custom`, so containment matches it exactly (typed, normalised). */
function documentValue(rule: CustomFieldRule, path: string, field: ListField, raw: string): unknown {
  const value = parseValue(path, field, raw);
  switch (rule.type) {
    case "boolean":
      return value === "true";
    case "money":
      return { amount: value };
    case "email":
      return raw.trim().toLowerCase();
    case "phone":
      return toE164(raw) ?? raw.trim();
    default:
      return value;
  }
}

function multiSelectFilter(name: string, table: RecordTable, rule: CustomFieldRule, matching: (documents: unknown[]) => SQL) {
  return (operator: string, raw: string): SQL => {
    const path = `filter.${name}.${operator}`;
    const values = raw.split(",").map((part) => part.trim());
    switch (operator) {
      case "eq":
      case "contains":
        return matching([[raw]]);
      case "ne":
        return sql`not (${table.custom} @> ${JSON.stringify({ [rule.key]: [raw] })}::jsonb)`;
      case "in":
        if (values.length > 100) throw invalidField(path, "must list 1 to 100 comma-separated values");
        return matching(values.map((value) => [value]));
      case "isEmpty": {
        const count = sql`coalesce(jsonb_array_length(${table.custom} -> ${rule.key}::text), 0)`;
        return parseBoolean(path, raw) ? sql`${count} = 0` : sql`${count} > 0`;
      }
      default:
        throw invalidFieldFor(path, ["eq", "ne", "in", "contains", "isEmpty"]);
    }
  };
}

/** Sort values of a record's custom fields under their list names, for keyset cursors. */
export function customSortValues(custom: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(custom)) {
    if (typeof value === "boolean") values[`custom.${key}`] = String(value);
    else if (value && typeof value === "object" && "amount" in value) values[`custom.${key}`] = (value as { amount: unknown }).amount;
    else if (!Array.isArray(value)) values[`custom.${key}`] = value;
  }
  return values;
}
