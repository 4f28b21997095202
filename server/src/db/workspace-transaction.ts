import { sql } from "drizzle-orm";
import { NodePgSession, NodePgTransaction } from "drizzle-orm/node-postgres";
import type { PgDialect } from "drizzle-orm/pg-core";
import pg from "pg";
import type { Database } from "./client.js";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs work in one transaction as the crm_app role with the workspace set, so row-level
 * security hides every other workspace even if a query forgets its workspace filter.
 * set_config('role', …, true) is SET LOCAL ROLE; both reset at commit or rollback.
 */
export function inWorkspace<T>(db: Database, workspaceId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const pool = (db as { $client?: unknown }).$client;
  if (pool instanceof pg.Pool && isUuid(workspaceId)) return inWorkspaceOnPool(db, pool, workspaceId, work);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.workspace_id', ${workspaceId}, true), set_config('role', 'crm_app', true)`);
    return work(tx);
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: string) => uuidPattern.test(value);

/** What drizzle's own node-postgres transaction copies from the database's session (its fields are private in the types). */
interface SessionParts {
  dialect: PgDialect;
  schema: ConstructorParameters<typeof NodePgSession>[2];
  options: ConstructorParameters<typeof NodePgSession>[3];
}

/**
 * drizzle's transaction, with BEGIN and the workspace settings sent as one simple-protocol
 * query: one round trip to PostgreSQL fewer on every request. Only a checked uuid is written
 * into the text, so nothing a caller sends reaches it.
 */
async function inWorkspaceOnPool<T>(db: Database, pool: pg.Pool, workspaceId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const { dialect, schema, options } = db._.session as unknown as SessionParts;
  const client = await pool.connect();
  // A connection whose rollback failed may still hold the transaction open; the pool must not hand it out again.
  let isBroken = false;
  try {
    await client.query(`begin; select set_config('app.workspace_id', '${workspaceId}', true), set_config('role', 'crm_app', true)`);
    const result = await work(new NodePgTransaction(dialect, new NodePgSession(client, dialect, schema, options), schema) as unknown as Transaction);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => (isBroken = true));
    throw error;
  } finally {
    client.release(isBroken);
  }
}
