import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { DatabaseHandle } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";

/** What pg-boss needs from a connection (its `db` option): run one SQL text with positional values. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * pg-boss on the embedded database. A call without values may hold several statements (its
 * schema install, `BEGIN; …; COMMIT`), which only `exec` runs; its last result is the answer.
 * PGlite queues every top-level call behind an open transaction, so the queue never writes into
 * a request's transaction by accident.
 */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results[results.length - 1]?.rows ?? [] };
      }
      const result = await pglite.query(text, values);
      return { rows: result.rows };
    },
  };
}

/**
 * Runs pg-boss's SQL on the connection of an open application transaction, so a job sent there
 * commits or rolls back with the rows it belongs to. Drizzle keeps the driver's transaction
 * connection (a PGlite transaction or a node-postgres pool client, both with `query(text, values)`)
 * on the transaction's session.
 */
export function transactionExecutor(tx: Transaction): SqlExecutor {
  const client = (tx as unknown as { session?: { client?: { query?: unknown } } }).session?.client;
  if (!client || typeof client.query !== "function") throw new Error("the transaction exposes no driver connection to send a job on");
  const connection = client as { query(text: string, values?: unknown[]): Promise<{ rows: any[] }> };
  return {
    async executeSql(text, values) {
      const result = await connection.query(text, values ?? []);
      return { rows: result.rows };
    },
  };
}

/** Where the queue keeps its tables: pg-boss's own pool on PostgreSQL, the one PGlite instance embedded. */
export function queueConnection(database: DatabaseHandle): { connectionString: string } | { db: SqlExecutor } {
  if (database.kind === "pglite") {
    if (!database.pglite) throw new Error("the embedded database handle has no PGlite instance");
    return { db: pgliteExecutor(database.pglite) };
  }
  const connectionString = database.url ?? (database.pool as (pg.Pool & { options: { connectionString?: string } }) | undefined)?.options.connectionString;
  if (!connectionString) throw new Error("the PostgreSQL database handle has no connection string for the job queue");
  return { connectionString };
}
