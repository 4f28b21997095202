import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { sessionSql, tokenHash, workspaceSql, type Context, type Query, type Scenario } from "./scenarios.js";

/**
 * The bare-driver path for one request, doing what the server does per request: resolve the
 * session (a pool query), then BEGIN, set_config workspace + role, the scenario's SQL, COMMIT.
 */
export type Operation = (i: number) => Promise<void>;

export function pgBaseline(pool: pg.Pool, context: Context, scenario: Scenario): Operation {
  const hash = tokenHash(context.sessionToken);
  return async (i) => {
    const session = await pool.query(sessionSql, [hash, new Date().toISOString(), 1]);
    if (session.rowCount !== 1) throw new Error("baseline: session not found");
    const client = await pool.connect();
    try {
      await client.query("begin");
      await client.query(workspaceSql, [context.workspaceId]);
      await scenario.sql((text, params) => client.query(text, params), i);
      await client.query("commit");
    } catch (error) {
      await client.query("rollback");
      throw error;
    } finally {
      client.release();
    }
  };
}

/** PGlite is one in-process session: transactions queue on its lock, as in the server. */
export function pgliteBaseline(pglite: PGlite, context: Context, scenario: Scenario): Operation {
  const hash = tokenHash(context.sessionToken);
  return async (i) => {
    const session = await pglite.query(sessionSql, [hash, new Date().toISOString(), 1]);
    if (session.rows.length !== 1) throw new Error("baseline: session not found");
    await pglite.transaction(async (tx) => {
      await tx.query(workspaceSql, [context.workspaceId]);
      const query: Query = (text, params) => tx.query(text, params);
      await scenario.sql(query, i);
    });
  };
}
