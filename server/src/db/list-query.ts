import { and, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { badRequest, invalidField } from "../platform/http/app-error.js";

/**
 * Turns the API's list conventions (sort, filter[field][op], cursor) into SQL over a
 * declared set of fields. Unknown fields and operators answer 400 naming them.
 * Timestamps compared through a cursor must be written by the app (millisecond precision),
 * which every insert and update does.
 */
export type FieldType = "text" | "number" | "date" | "timestamp" | "uuid" | "enum";

export interface ListField {
  column: SQL;
  type: FieldType;
  isNullable: boolean;
  isSortable: boolean;
  enumValues?: readonly string[];
  /** Overrides the scalar filter for list-like fields (tags, e-mails, phones). */
  filter?: (operator: string, value: string) => SQL;
}

export interface SortKey {
  name: string;
  column: SQL;
  isDescending: boolean;
  isNullable: boolean;
  type: FieldType | "rank";
}

const textOperators = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "isEmpty"];
const orderedOperators = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "isEmpty"];
export const operatorsByType: Record<FieldType, string[]> = {
  text: textOperators,
  number: orderedOperators,
  date: orderedOperators,
  timestamp: orderedOperators,
  uuid: ["eq", "ne", "in", "isEmpty"],
  enum: ["eq", "ne", "in", "isEmpty"],
};

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function invalidFieldFor(path: string, operators: string[]) {
  return invalidField(path, `is not a supported operator here; use one of ${operators.join(", ")}`);
}

export function parseBoolean(path: string, value: string): boolean {
  if (value === "true") return true;
  if (value === "false") return false;
  throw invalidField(path, "must be true or false");
}

export function parseValue(path: string, field: ListField, raw: string): unknown {
  switch (field.type) {
    case "number": {
      const value = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(value)) throw invalidField(path, "must be a number");
      return value;
    }
    case "date":
      if (!z.iso.date().safeParse(raw).success) throw invalidField(path, "must be a date as YYYY-MM-DD");
      return raw;
    case "timestamp": {
      const date = new Date(raw);
      if (Number.isNaN(date.getTime())) throw invalidField(path, "must be an ISO 8601 date-time");
      return date.toISOString();
    }
    case "uuid":
      if (!z.uuid().safeParse(raw).success) throw invalidField(path, "must be a UUID");
      return raw;
    case "enum":
      if (!field.enumValues?.includes(raw)) throw invalidField(path, `must be one of ${field.enumValues?.join(", ")}`);
      return raw;
    case "text":
      return raw;
  }
}

export function buildFilters(filters: Record<string, Record<string, string>> | undefined, fields: Record<string, ListField>): SQL[] {
  const conditions: SQL[] = [];
  for (const [name, operations] of Object.entries(filters ?? {})) {
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field) throw invalidField(`filter.${name}`, `is not a filterable field; use one of ${Object.keys(fields).join(", ")}`);
    for (const [operator, raw] of Object.entries(operations)) {
      const path = `filter.${name}.${operator}`;
      if (field.filter) {
        conditions.push(field.filter(operator, raw));
        continue;
      }
      if (!operatorsByType[field.type].includes(operator)) throw invalidFieldFor(path, operatorsByType[field.type]);
      conditions.push(scalarCondition(path, field, operator, raw));
    }
  }
  return conditions;
}

/** The condition for one operator on a plain column; exported for fields that override only some operators. */
export function scalarCondition(path: string, field: ListField, operator: string, raw: string): SQL {
  const column = field.column;
  if (operator === "isEmpty") {
    const isEmpty = parseBoolean(path, raw);
    const empty = field.type === "text" ? sql`(${column} is null or ${column} = '')` : sql`${column} is null`;
    return isEmpty ? empty : sql`not ${empty}`;
  }
  if (operator === "contains") return sql`${column} ilike ${`%${escapeLike(raw)}%`}`;
  if (operator === "in") {
    const values = raw.split(",").map((part) => parseValue(path, field, part.trim()));
    if (values.length === 0 || values.length > 100) throw invalidField(path, "must list 1 to 100 comma-separated values");
    return sql`${column} in (${sql.join(values.map((value) => sql`${value}`), sql`, `)})`;
  }
  const value = parseValue(path, field, raw);
  const comparison = { eq: sql`=`, ne: sql`is distinct from`, lt: sql`<`, lte: sql`<=`, gt: sql`>`, gte: sql`>=` }[operator];
  return sql`${column} ${comparison} ${value}`;
}

export function parseSort(sort: string | undefined, fields: Record<string, ListField>, fallback: string): SortKey[] {
  const keys = (sort?.trim() ? sort : fallback).split(",").map((part) => part.trim());
  const seen = new Set<string>();
  return keys.map((part) => {
    const isDescending = part.startsWith("-");
    const name = isDescending ? part.slice(1) : part;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!field?.isSortable) {
      const sortable = Object.entries(fields).filter(([, candidate]) => candidate.isSortable).map(([key]) => key);
      throw invalidField("sort", `"${name}" is not a sortable field; use one of ${sortable.join(", ")}`);
    }
    if (seen.has(name)) throw invalidField("sort", `"${name}" is named twice`);
    seen.add(name);
    return { name, column: field.column, isDescending, isNullable: field.isNullable, type: field.type };
  });
}

/** Keyset order: the chosen keys, then the id as a tiebreak in the direction of the last key. */
export function orderBy(keys: SortKey[], idColumn: SQL): SQL[] {
  const last = keys[keys.length - 1];
  return [
    ...keys.map((key) => (key.isDescending ? sql`${key.column} desc nulls last` : sql`${key.column} asc nulls last`)),
    last?.isDescending ? sql`${idColumn} desc` : sql`${idColumn} asc`,
  ];
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

function decodeCursor(cursor: string, count: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === count) return values;
  } catch {
    // fall through to the caller's error
  }
  throw badRequest("cursor is not valid for this list; start again without it", [{ path: "cursor", message: "is not valid for this list" }]);
}

/** The rows strictly after the cursor's position, for any mix of directions and nullable keys. */
export function afterCursor(cursor: string | undefined, keys: SortKey[], idColumn: SQL): SQL | undefined {
  if (!cursor) return undefined;
  const values = decodeCursor(cursor, keys.length + 1);
  const id = values[keys.length];
  if (typeof id !== "string" || !z.uuid().safeParse(id).success) decodeCursor("", -1);
  for (const [index, key] of keys.entries()) {
    const value = values[index];
    const isValid = value === null ? key.isNullable : typeof value === (key.type === "number" || key.type === "rank" ? "number" : "string");
    if (!isValid) decodeCursor("", -1);
  }
  const last = keys[keys.length - 1];
  const all = [...keys, { name: "id", column: idColumn, isDescending: last?.isDescending ?? false, isNullable: false, type: "uuid" as const }];
  const allValues = [...values.slice(0, keys.length), id];

  // Fast path the indexes can use: one direction, no nulls → a row comparison.
  const isUniform = all.every((key) => key.isDescending === all[0].isDescending) && allValues.every((value) => value !== null);
  if (isUniform && all.every((key) => !key.isNullable)) {
    const columns = sql.join(all.map((key) => key.column), sql`, `);
    const params = sql.join(allValues.map((value, index) => typedValue(value, all[index])), sql`, `);
    return all[0].isDescending ? sql`(${columns}) < (${params})` : sql`(${columns}) > (${params})`;
  }

  const branches: SQL[] = [];
  for (let index = 0; index < all.length; index++) {
    const equalities = all.slice(0, index).map((key, position) => equalTo(key, allValues[position]));
    const after = strictlyAfter(all[index], allValues[index]);
    if (after) branches.push(and(...equalities, after)!);
  }
  return branches.length ? sql`(${sql.join(branches, sql` or `)})` : sql`false`;
}

function typedValue(value: unknown, key: SortKey): SQL {
  if (key.type === "timestamp") return sql`${value}::timestamptz`;
  if (key.type === "date") return sql`${value}::date`;
  if (key.type === "uuid") return sql`${value}::uuid`;
  if (key.type === "rank") return sql`${value}::real`;
  return sql`${value}`;
}

function equalTo(key: SortKey, value: unknown): SQL {
  return value === null ? sql`${key.column} is null` : sql`${key.column} = ${typedValue(value, key)}`;
}

/** Nulls sort last in both directions. */
function strictlyAfter(key: SortKey, value: unknown): SQL | undefined {
  if (value === null) return undefined;
  const comparison = key.isDescending ? sql`${key.column} < ${typedValue(value, key)}` : sql`${key.column} > ${typedValue(value, key)}`;
  return key.isNullable ? sql`(${comparison} or ${key.column} is null)` : comparison;
}

/** The cursor for the row after which the next page starts. */
export function cursorFor(row: Record<string, unknown>, keys: SortKey[], id: string): string {
  return encodeCursor([...keys.map((key) => toCursorValue(row[key.name])), id]);
}

function toCursorValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return Number(value);
  return value ?? null;
}

/** A list request as the routes pass it on: page size, cursor, sort and filters. */
export interface ListRequest {
  limit: number;
  cursor?: string;
  sort?: string;
  filter?: Record<string, Record<string, string>>;
}

/**
 * One keyset page of a simple list: the request's filters, sort (or `fallbackSort`) and cursor
 * applied to `conditions`, one row more than the page fetched to know whether another follows.
 */
export async function keysetPage<Row extends { id: string }>(
  request: ListRequest,
  list: { fields: Record<string, ListField>; fallbackSort: string; idColumn: SQL; conditions: (SQL | undefined)[] },
  select: (where: SQL | undefined, order: SQL[], limit: number) => Promise<Row[]>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const keys = parseSort(request.sort, list.fields, list.fallbackSort);
  const where = and(...list.conditions, ...buildFilters(request.filter, list.fields), afterCursor(request.cursor, keys, list.idColumn));
  const rows = await select(where, orderBy(keys, list.idColumn), request.limit + 1);
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > request.limit && last ? cursorFor(last, keys, last.id) : null };
}
