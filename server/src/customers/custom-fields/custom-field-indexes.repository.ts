import { sql } from "drizzle-orm";
import type { CustomFieldObject } from "../../../../contracts/index.js";
import type { DatabaseHandle } from "../../db/client.js";
import { indexedFieldTypes, indexedValueSql, type IndexedFieldType } from "./custom-field-indexes.expressions.js";

/** What an index is built from; the key and type of a field never change, so neither does its index. */
export interface IndexedField {
  workspaceId: string;
  id: string;
  object: Extract<CustomFieldObject, "contact" | "company">;
  key: string;
  type: IndexedFieldType;
}

const tables = { contact: "contacts", company: "companies" } as const;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkedUuid(value: string): string {
  if (!uuidPattern.test(value)) throw new Error(`${JSON.stringify(value)} is not a uuid`);
  return value;
}

/** Names from the field id alone (no user text in identifiers): one index per sort direction and the statistics. */
export function fieldIndexNames(fieldId: string) {
  const base = `custom_field_${checkedUuid(fieldId).replaceAll("-", "")}`;
  return { ascending: `${base}_asc`, descending: `${base}_desc`, statistics: `${base}_values` };
}

async function rows<Row>(database: DatabaseHandle, query: ReturnType<typeof sql>): Promise<Row[]> {
  return ((await database.db.execute(query)) as unknown as { rows: Row[] }).rows;
}

/**
 * Builds the field's two partial indexes — ascending and descending with nulls last, as lists sort
 * — over its workspace's live records, and expression statistics so the planner knows how
 * selective a value is (without them it guesses, and prefers scanning the updated_at index).
 * CONCURRENTLY keeps the table writable on PostgreSQL; PGlite has one session, so a plain build.
 * A build that failed half-way leaves an invalid index, which is dropped and built again.
 */
export async function createFieldIndexes(database: DatabaseHandle, field: IndexedField) {
  const names = fieldIndexNames(field.id);
  const table = tables[field.object];
  const value = indexedValueSql(field.type, field.key, "custom");
  const where = `where workspace_id = '${checkedUuid(field.workspaceId)}' and deleted_at is null`;
  const concurrently = database.kind === "postgres" ? "concurrently" : "";
  const invalid = await rows<{ name: string }>(
    database,
    sql`select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid where not i.indisvalid and c.relname in (${names.ascending}, ${names.descending})`,
  );
  for (const { name } of invalid) await database.db.execute(sql.raw(`drop index ${concurrently} if exists ${name}`));
  await database.db.execute(sql.raw(`create statistics if not exists ${names.statistics} on (${value}) from ${table}`));
  await database.db.execute(sql.raw(`create index ${concurrently} if not exists ${names.ascending} on ${table} (${value}, id) ${where}`));
  await database.db.execute(sql.raw(`create index ${concurrently} if not exists ${names.descending} on ${table} (${value} desc nulls last, id desc) ${where}`));
  await database.db.execute(sql.raw(`analyze ${table}`));
}

export async function dropFieldIndexes(database: DatabaseHandle, fieldId: string) {
  const names = fieldIndexNames(fieldId);
  const concurrently = database.kind === "postgres" ? "concurrently" : "";
  await database.db.execute(sql.raw(`drop index ${concurrently} if exists ${names.ascending}`));
  await database.db.execute(sql.raw(`drop index ${concurrently} if exists ${names.descending}`));
  await database.db.execute(sql.raw(`drop statistics if exists ${names.statistics}`));
}

/** Fields whose indexes are missing or invalid, and (with a null workspace) ids of indexes whose field is gone. */
export async function fieldIndexDrift(database: DatabaseHandle): Promise<{ workspaceId: string | null; fieldId: string }[]> {
  const drift = await rows<{ workspace_id: string | null; field_id: string }>(
    database,
    sql`select workspace_id, field_id from custom_field_index_drift(${`{${indexedFieldTypes.join(",")}}`}::text[])`,
  );
  return drift.map((row) => ({ workspaceId: row.workspace_id, fieldId: row.field_id }));
}

export async function areValueFunctionsLeakproof(database: DatabaseHandle): Promise<boolean> {
  const [row] = await rows<{ is_leakproof: boolean | null }>(
    database,
    sql`select bool_and(proleakproof) as is_leakproof from pg_proc where proname in ('custom_number_value', 'custom_date_value', 'custom_option_value')`,
  );
  return row?.is_leakproof === true;
}
