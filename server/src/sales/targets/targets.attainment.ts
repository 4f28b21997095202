import type { Target } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { iso } from "../../platform/http/iso.js";
import { convertToWorkspaceCurrency, type LoadedSalesSettings } from "../settings/index.js";
import { elapsedFraction } from "./periods.js";
import * as repository from "./targets.repository.js";

/** The members a target counts: its owner, or everyone in its team. */
export function holdersOf(tx: Transaction, workspaceId: string, target: repository.TargetRecord): Promise<string[]> {
  return target.ownerId ? Promise.resolve([target.ownerId]) : repository.teamMemberIds(tx, workspaceId, target.teamId!);
}

/** What the holders achieved in the target's period; won revenue in the workspace currency (deals without a rate left out). */
async function attainmentOf(tx: Transaction, workspaceId: string, target: repository.TargetRecord, settings: LoadedSalesSettings, now: Date): Promise<number> {
  const holders = await holdersOf(tx, workspaceId, target);
  if (target.metric === "activities_done") return repository.activitiesDone(tx, workspaceId, holders, target.periodStart, target.periodEnd, now);
  const won = await repository.wonDealsByCurrency(tx, workspaceId, holders, target.periodStart, target.periodEnd);
  if (target.metric === "deals_won") return won.reduce((sum, group) => sum + group.count, 0);
  return won.reduce((sum, group) => sum + (convertToWorkspaceCurrency(group.amount, group.currency, settings) ?? 0), 0);
}

/** A target with its progress: attainment against a linear pace through the period. */
export async function measureTarget(tx: Transaction, workspaceId: string, row: repository.TargetRow, settings: LoadedSalesSettings, now: Date): Promise<Target> {
  const { target } = row;
  const attainment = await attainmentOf(tx, workspaceId, target, settings, now);
  const expectedByNow = Math.round(target.amount * elapsedFraction({ start: target.periodStart, end: target.periodEnd }, now));
  return {
    id: target.id,
    ownerId: target.ownerId,
    teamId: target.teamId,
    holderName: (target.ownerId ? row.ownerName : row.teamName) ?? "",
    period: target.period,
    periodStart: target.periodStart,
    periodEnd: target.periodEnd,
    metric: target.metric,
    amount: target.amount,
    currency: target.metric === "revenue_won" ? settings.defaultCurrency : null,
    attainment,
    expectedByNow,
    percent: Math.round((attainment / target.amount) * 1000) / 10,
    isBehind: attainment < expectedByNow,
    createdAt: iso(target.createdAt),
    updatedAt: iso(target.updatedAt),
  };
}
