import * as drizzleOrm from "drizzle-orm";
import type { Query } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { PgSelect, SelectedFieldsOrdered } from "drizzle-orm/pg-core";
import type { Database } from "./client.js";
import type { Transaction } from "./workspace-transaction.js";

// drizzle exports this at run time for its own drivers, without a public type.
const { orderSelectedFields } = drizzleOrm as unknown as { orderSelectedFields: (fields: unknown) => SelectedFieldsOrdered };

/** Builds queries without a connection: only their SQL text is taken from it. */
const queryBuilder = drizzle.mock() as unknown as Database;

interface BuiltSelect {
  query: Query;
  fields: SelectedFieldsOrdered;
  joinsNotNullableMap: unknown;
}

/**
 * A select whose SQL is built once and then run in the caller's transaction as a named prepared
 * statement, its `sql.placeholder`s filled per call. The hottest reads (a contact by id) then skip
 * drizzle's query building, and PostgreSQL parses and plans them once per connection instead of
 * on every request. Only for queries whose text never varies, so each connection keeps a fixed,
 * small set of statements. Rows come back mapped exactly as the same select run directly.
 */
export function preparedSelect<Row>(name: string, build: (db: Database) => PgSelect) {
  let built: BuiltSelect | undefined;
  const buildOnce = (): BuiltSelect => {
    const select = build(queryBuilder);
    return {
      query: select.toSQL(),
      fields: orderSelectedFields(select._.selectedFields),
      joinsNotNullableMap: (select as unknown as { joinsNotNullableMap: unknown }).joinsNotNullableMap,
    };
  };
  return async (tx: Transaction, values: Record<string, unknown>): Promise<Row[]> => {
    built ??= buildOnce();
    const prepared = tx._.session.prepareQuery(built.query, built.fields, name, true);
    Object.assign(prepared, { joinsNotNullableMap: built.joinsNotNullableMap });
    return (await prepared.execute(values)) as Row[];
  };
}
