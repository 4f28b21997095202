import { asc, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { memberships, workspaces } from "../../platform/workspaces/workspaces.schema.js";

/** Every workspace's id: the alert run visits each one in its own transaction. */
export async function allWorkspaceIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.id));
  return rows.map((row) => row.id);
}

export function membersWithTeams(tx: Transaction, workspaceId: string) {
  return tx.select({ userId: memberships.userId, role: memberships.role, teamId: memberships.teamId }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
}

interface AlertDeal {
  id: string;
  name: string;
  ownerId: string;
  closeDate: string | null;
}

/**
 * An owner hears about at most this many deals per kind and run, the largest first: a pipeline
 * with thousands of neglected deals needs a look at the list, not thousands of notifications
 * (and the run must not hold them all in memory).
 */
export const alertsPerOwner = 20;

async function largestOpenDealsPerOwner(tx: Transaction, workspaceId: string, condition: SQL): Promise<AlertDeal[]> {
  const result = await tx.execute(sql`
    select id, name, owner_id as "ownerId", close_date::text as "closeDate"
    from (
      select id, name, owner_id, close_date, row_number() over (partition by owner_id order by amount desc, id) as place
      from deals
      where workspace_id = ${workspaceId}::uuid and deleted_at is null and stage_kind = 'open' and owner_id is not null and ${condition}
    ) ranked
    where place <= ${alertsPerOwner}`);
  return (result as unknown as { rows: AlertDeal[] }).rows;
}

/** Open deals with no activity (or, never worked, no change since creation) since `before`. */
export function staleDeals(tx: Transaction, workspaceId: string, before: Date) {
  return largestOpenDealsPerOwner(tx, workspaceId, sql`coalesce(last_activity_at, created_at) < ${before.toISOString()}::timestamptz`);
}

/** Open deals whose close date has passed. */
export function overdueDeals(tx: Transaction, workspaceId: string, today: string) {
  return largestOpenDealsPerOwner(tx, workspaceId, sql`close_date < ${today}::date`);
}
