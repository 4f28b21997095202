import type { SalesDashboard } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { iso } from "../../platform/http/iso.js";
import { convertToWorkspaceCurrency, loadSalesSettings } from "../settings/index.js";
import { parsePeriod } from "../targets/index.js";
import * as repository from "./dashboard.repository.js";

const dayMs = 86_400_000;
/** How many deals at risk the dashboard lists. */
const atRiskShown = 10;

/** The sales dashboard of a period: pipeline by stage, win rate, deal size, cycle length, activity, deals at risk. */
export function createSalesDashboardService({ db }: { db: Database }) {
  return {
    dashboard: (caller: Caller, query: { period: string }): Promise<SalesDashboard> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { workspaceId } = caller;
        const now = new Date();
        const period = parsePeriod(query.period);
        const settings = await loadSalesSettings(tx, workspaceId);
        const convert = (amount: number, currency: string) => convertToWorkspaceCurrency(amount, currency, settings);

        const stages = new Map<string, SalesDashboard["pipeline"][number]>();
        for (const row of await repository.pipelineByStage(tx, workspaceId)) {
          const stage = stages.get(row.stageId) ?? { pipelineId: row.pipelineId, pipelineName: row.pipelineName, stageId: row.stageId, stageName: row.stageName, kind: row.kind, position: row.position, count: 0, amount: 0 };
          stage.count += row.count;
          stage.amount += row.currency ? (convert(row.amount, row.currency) ?? 0) : 0;
          stages.set(row.stageId, stage);
        }

        const closed = await repository.closedDeals(tx, workspaceId, period.start, period.end);
        const won = closed.filter((group) => group.kind === "won");
        const wonCount = won.reduce((sum, group) => sum + group.count, 0);
        const lostCount = closed.filter((group) => group.kind === "lost").reduce((sum, group) => sum + group.count, 0);
        const wonAmount = won.reduce((sum, group) => sum + (convert(group.amount, group.currency) ?? 0), 0);
        const cycleDays = won.reduce((sum, group) => sum + group.cycleDays, 0);

        const today = now.toISOString().slice(0, 10);
        const risky = await repository.dealsAtRisk(tx, workspaceId, today, new Date(now.getTime() - settings.staleDealDays * dayMs), atRiskShown * 5);
        const atRisk = risky
          .map((deal) => ({ ...deal, lastActivityAt: deal.lastActivityAt ? iso(deal.lastActivityAt) : null, convertedAmount: convert(deal.amount, deal.currency) }))
          .sort((a, b) => (b.convertedAmount ?? 0) - (a.convertedAmount ?? 0))
          .slice(0, atRiskShown);

        return {
          period: period.label,
          currency: settings.defaultCurrency,
          pipeline: [...stages.values()],
          wonCount,
          lostCount,
          winRate: wonCount + lostCount ? Math.round((wonCount / (wonCount + lostCount)) * 1000) / 10 : null,
          averageWonAmount: wonCount ? Math.round(wonAmount / wonCount) : null,
          salesCycleDays: wonCount ? Math.round((cycleDays / wonCount) * 10) / 10 : null,
          activitiesByMember: await repository.activitiesPerMember(tx, workspaceId, period.start, period.end, now),
          atRisk,
        };
      }),
  };
}

export type SalesDashboardService = ReturnType<typeof createSalesDashboardService>;
