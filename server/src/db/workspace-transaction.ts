import { sql } from "drizzle-orm";
import type { Database } from "./client.js";

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Runs work in one transaction as the crm_app role with the workspace set, so row-level
 * security hides every other workspace even if a query forgets its workspace filter.
 * One round trip sets both: set_config('role', …, true) is SET LOCAL ROLE.
 */
export function inWorkspace<T>(db: Database, workspaceId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.workspace_id', ${workspaceId}, true), set_config('role', 'crm_app', true)`);
    return work(tx);
  });
}
