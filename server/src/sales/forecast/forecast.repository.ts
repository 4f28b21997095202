import { and, eq, inArray, sql } from "drizzle-orm";
import type { Transaction } from "../../db/workspace-transaction.js";
import { users } from "../../platform/auth/auth.schema.js";
import { memberships, teams } from "../../platform/workspaces/workspaces.schema.js";
import { deals } from "../deals/deals.schema.js";
import { pipelineStages } from "../pipelines/pipelines.schema.js";
import { salesTargets } from "../targets/targets.schema.js";

/** One group of the forecast query: an owner's deals of one currency, summed by kind and category. */
export interface ForecastGroup {
  ownerId: string | null;
  currency: string;
  won: number;
  /** Σ amount × probability (whole percent), i.e. 100 × the weighted amount. */
  weightedTimes100: number;
  commit: number;
  bestCase: number;
}

const toNumber = (value: unknown) => Number(value ?? 0);

/**
 * Deals closing in [start, end) summed per owner and currency in one pass over the close-date
 * index; lost deals and open ones in category omitted add nothing. Converting to the workspace currency happens on
 * these few groups, not on the deals.
 */
export async function forecastGroups(tx: Transaction, workspaceId: string, start: string, end: string): Promise<ForecastGroup[]> {
  const isOpen = sql`${deals.stageKind} = 'open'`;
  const rows = await tx
    .select({
      ownerId: deals.ownerId,
      currency: deals.currency,
      won: sql<string>`coalesce(sum(${deals.amount}) filter (where ${deals.stageKind} = 'won'), 0)::text`,
      weightedTimes100: sql<string>`coalesce(sum(${deals.amount} * ${pipelineStages.probability}) filter (where ${isOpen} and ${deals.forecastCategory} <> 'omitted'), 0)::text`,
      commit: sql<string>`coalesce(sum(${deals.amount}) filter (where ${isOpen} and ${deals.forecastCategory} = 'commit'), 0)::text`,
      bestCase: sql<string>`coalesce(sum(${deals.amount}) filter (where ${isOpen} and ${deals.forecastCategory} = 'best_case'), 0)::text`,
    })
    .from(deals)
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, deals.workspaceId), eq(pipelineStages.id, deals.stageId)))
    .where(
      and(
        eq(deals.workspaceId, workspaceId),
        sql`${deals.deletedAt} is null`,
        sql`${deals.closeDate} >= ${start}::date`,
        sql`${deals.closeDate} < ${end}::date`,
        sql`${deals.stageKind} <> 'lost'`,
      ),
    )
    .groupBy(deals.ownerId, deals.currency);
  return rows.map((row) => ({
    ownerId: row.ownerId,
    currency: row.currency,
    won: toNumber(row.won),
    weightedTimes100: toNumber(row.weightedTimes100),
    commit: toNumber(row.commit),
    bestCase: toNumber(row.bestCase),
  }));
}

/** Revenue targets set for exactly this period, per member and per team. */
export function revenueTargets(tx: Transaction, workspaceId: string, period: string) {
  return tx
    .select({ ownerId: salesTargets.ownerId, teamId: salesTargets.teamId, amount: salesTargets.amount })
    .from(salesTargets)
    .where(and(eq(salesTargets.workspaceId, workspaceId), eq(salesTargets.period, period), eq(salesTargets.metric, "revenue_won")));
}

export function membersOf(tx: Transaction, workspaceId: string) {
  return tx
    .select({ userId: memberships.userId, name: users.name, teamId: memberships.teamId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId));
}

export function teamsOf(tx: Transaction, workspaceId: string) {
  return tx.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.workspaceId, workspaceId));
}

/** Names of people who own deals but may have left the workspace. */
export async function userNames(tx: Transaction, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
