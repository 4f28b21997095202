import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { memberships, workspaces } from "../../platform/workspaces/workspaces.schema.js";
import { deals } from "../deals/deals.schema.js";

/** Every workspace's id: the alert run visits each one in its own transaction. */
export async function allWorkspaceIds(db: Database): Promise<string[]> {
  const rows = await db.select({ id: workspaces.id }).from(workspaces).orderBy(asc(workspaces.id));
  return rows.map((row) => row.id);
}

export function membersWithTeams(tx: Transaction, workspaceId: string) {
  return tx.select({ userId: memberships.userId, role: memberships.role, teamId: memberships.teamId }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
}

const openOwnedDeal = (workspaceId: string) => and(eq(deals.workspaceId, workspaceId), isNull(deals.deletedAt), eq(deals.stageKind, "open"), isNotNull(deals.ownerId));
const dealColumns = { id: deals.id, name: deals.name, ownerId: deals.ownerId, closeDate: deals.closeDate, lastActivityAt: deals.lastActivityAt };

/** Open deals with no activity (or, never worked, no change since creation) since `before`. */
export function staleDeals(tx: Transaction, workspaceId: string, before: Date) {
  return tx
    .select(dealColumns)
    .from(deals)
    .where(and(openOwnedDeal(workspaceId), sql`coalesce(${deals.lastActivityAt}, ${deals.createdAt}) < ${before.toISOString()}::timestamptz`));
}

/** Open deals whose close date has passed. */
export function overdueDeals(tx: Transaction, workspaceId: string, today: string) {
  return tx.select(dealColumns).from(deals).where(and(openOwnedDeal(workspaceId), sql`${deals.closeDate} < ${today}::date`));
}

