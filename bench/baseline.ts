import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import { callerCacheSeconds } from "../server/src/platform/auth/caller-cache.js";
import { beginInWorkspaceSql, sessionSql, tokenHash, workspaceSql, type Context, type Query, type Scenario } from "./scenarios.js";

/**
 * The bare-driver path for one request, doing what the server does per request: resolve the
 * session (a pool query, once per caller-cache period as the server does), then BEGIN with the
 * workspace and role set_config in one round trip, the scenario's SQL, COMMIT.
 */
export type Operation = (i: number) => Promise<void>;

/** The server looks a session up again only when its cached caller expires. */
function sessionCheck(lookUp: () => Promise<number>) {
  let checkedAt = -Infinity;
  return async () => {
    if (performance.now() - checkedAt < callerCacheSeconds * 1000) return;
    if ((await lookUp()) !== 1) throw new Error("baseline: session not found");
    checkedAt = performance.now();
  };
}

export function pgBaseline(pool: pg.Pool, context: Context, scenario: Scenario): Operation {
  const hash = tokenHash(context.sessionToken);
  const checkSession = sessionCheck(async () => (await pool.query(sessionSql, [hash, new Date().toISOString(), 1])).rowCount ?? 0);
  return async (i) => {
    await checkSession();
    const client = await pool.connect();
    try {
      await client.query(beginInWorkspaceSql(context.workspaceId));
      await scenario.sql((text, params, name) => client.query({ text, values: params, name }), i);
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
  const checkSession = sessionCheck(async () => (await pglite.query(sessionSql, [hash, new Date().toISOString(), 1])).rows.length);
  return async (i) => {
    await checkSession();
    await pglite.transaction(async (tx) => {
      await tx.query(workspaceSql, [context.workspaceId]);
      const query: Query = (text, params) => tx.query(text, params);
      await scenario.sql(query, i);
    });
  };
}
