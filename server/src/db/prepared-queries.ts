import * as drizzleOrm from "drizzle-orm";
import { sql, type Query, type SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { PgDialect, type PgSelect, type SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { Database } from "./client.js";
import type { Transaction } from "./workspace-transaction.js";

// drizzle exports this at run time for its own drivers, without a public type.
const { orderSelectedFields } = drizzleOrm as unknown as { orderSelectedFields: (fields: unknown) => SelectedFieldsOrdered };

/** Builds queries without a connection: only their SQL text is taken from it. */
const queryBuilder = drizzle.mock() as unknown as Database;
const dialect = new PgDialect();

interface BuiltSelect {
  query: Query;
  fields: SelectedFieldsOrdered;
  joinsNotNullableMap: unknown;
}

function buildSelect(select: PgSelect): BuiltSelect {
  return {
    query: select.toSQL(),
    fields: orderSelectedFields(select._.selectedFields),
    joinsNotNullableMap: (select as unknown as { joinsNotNullableMap: unknown }).joinsNotNullableMap,
  };
}

/** Runs built SQL in the transaction; rows are mapped exactly as drizzle maps the same select run directly. */
async function run<Row>(tx: Transaction, built: BuiltSelect, query: Query, name: string | undefined, values: Record<string, unknown> = {}): Promise<Row[]> {
  const prepared = tx._.session.prepareQuery(query, built.fields, name, true);
  Object.assign(prepared, { joinsNotNullableMap: built.joinsNotNullableMap });
  return (await prepared.execute(values)) as Row[];
}

/**
 * A select whose SQL is built once and then run in the caller's transaction as a named prepared
 * statement, its `sql.placeholder`s filled per call. The hottest reads (a contact by id) then skip
 * drizzle's query building, and PostgreSQL parses and plans them once per connection instead of
 * on every request. Only for queries whose text never varies, so each connection keeps a fixed,
 * small set of statements.
 */
export function preparedSelect<Row>(name: string, build: (db: Database) => PgSelect) {
  let built: BuiltSelect | undefined;
  return (tx: Transaction, values: Record<string, unknown>): Promise<Row[]> => {
    built ??= buildSelect(build(queryBuilder));
    return run(tx, built, built.query, name, values);
  };
}

/**
 * A write (an insert without returning) built once and run as a named prepared statement, its
 * `sql.placeholder`s filled per call through each column's own encoding: for the statements every
 * write repeats, such as the audit entry.
 */
export function preparedWrite(name: string, build: (db: Database) => { toSQL(): Query }) {
  let query: Query | undefined;
  return async (tx: Transaction, values: Record<string, unknown>): Promise<void> => {
    query ??= build(queryBuilder).toSQL();
    await tx._.session.prepareQuery(query, undefined, name, false).execute(values);
  };
}

/**
 * A select whose columns and joins are turned into SQL once; each call adds its own conditions,
 * order and limit. drizzle spends ~140 µs writing out a select of thirty columns, about a tenth
 * of the server's CPU for a page of contacts, while the varying tail takes a few µs.
 */
export function selectWithFixedColumns<Row>(build: (db: Database) => PgSelect) {
  let built: BuiltSelect | undefined;
  return (tx: Transaction, page: { where: SQL | undefined; orderBy: SQL[]; limit: number }): Promise<Row[]> => {
    built ??= buildSelect(build(queryBuilder));
    if (built.query.params.length > 0) throw new Error("selectWithFixedColumns: the columns and joins must not take parameters");
    const where = page.where ? sql` where ${page.where}` : sql``;
    const query = dialect.sqlToQuery(sql`${sql.raw(built.query.sql)}${where} order by ${sql.join(page.orderBy, sql`, `)} limit ${page.limit}`);
    return run(tx, built, query, undefined);
  };
}
