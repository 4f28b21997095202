import type { Forecast, ForecastRow } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { inWorkspace } from "../../db/workspace-transaction.js";
import type { Caller } from "../../platform/auth/caller.js";
import { convertToWorkspaceCurrency, loadSalesSettings, type LoadedSalesSettings } from "../settings/index.js";
import { parsePeriod } from "../targets/index.js";
import * as repository from "./forecast.repository.js";

interface Figures {
  weighted: number;
  commit: number;
  bestCase: number;
  won: number;
  target: number | null;
  attainmentPercent: number | null;
}

const emptyFigures = (): Figures => ({ weighted: 0, commit: 0, bestCase: 0, won: 0, target: null, attainmentPercent: null });

function addGroup(figures: Figures, group: repository.ForecastGroup, settings: LoadedSalesSettings) {
  const convert = (amount: number) => convertToWorkspaceCurrency(amount, group.currency, settings) ?? 0;
  const won = convert(group.won);
  const commit = won + convert(group.commit);
  figures.won += won;
  figures.commit += commit;
  figures.bestCase += commit + convert(group.bestCase);
  figures.weighted += Math.round(convert(group.weightedTimes100) / 100);
}

function addTarget(figures: Figures, amount: number | null | undefined) {
  if (amount === null || amount === undefined) return;
  figures.target = (figures.target ?? 0) + amount;
}

const withAttainment = (figures: Figures): Figures => ({
  ...figures,
  attainmentPercent: figures.target ? Math.round((figures.won / figures.target) * 1000) / 10 : null,
});

/**
 * The forecast of a period per owner or team: won, commit, best case and weighted pipeline of
 * the deals closing in it, in the workspace currency at the admin's rates, against revenue targets.
 */
export function createForecastService({ db }: { db: Database }) {
  return {
    forecast: (caller: Caller, query: { period: string; groupBy: "owner" | "team" }): Promise<Forecast> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { workspaceId } = caller;
        const period = parsePeriod(query.period);
        const settings = await loadSalesSettings(tx, workspaceId);
        // One after another: a transaction is one connection, which runs one query at a time.
        const groups = await repository.forecastGroups(tx, workspaceId, period.start, period.end);
        const targets = await repository.revenueTargets(tx, workspaceId, period.label);
        const members = await repository.membersOf(tx, workspaceId);
        const teams = await repository.teamsOf(tx, workspaceId);
        const convertible = groups.filter((group) => group.currency === settings.defaultCurrency || settings.rates.has(group.currency));
        const currencies = [...new Set(groups.map((group) => group.currency))].sort();

        const memberById = new Map(members.map((member) => [member.userId, member]));
        const keyOf = (ownerId: string | null) => (query.groupBy === "owner" ? ownerId : ownerId ? (memberById.get(ownerId)?.teamId ?? null) : null);
        const rows = new Map<string | null, Figures>();
        const rowFor = (key: string | null) => rows.get(key) ?? rows.set(key, emptyFigures()).get(key)!;
        for (const group of convertible) addGroup(rowFor(keyOf(group.ownerId)), group, settings);
        if (query.groupBy === "owner") {
          for (const target of targets) if (target.ownerId) addTarget(rowFor(target.ownerId), target.amount);
        } else {
          // A team without a target of its own is measured against the sum of its members' targets.
          const teamTargets = new Map(targets.filter((target) => target.teamId).map((target) => [target.teamId!, target.amount]));
          const memberTargets = targets.filter((target) => target.ownerId);
          for (const team of teams) {
            const own = teamTargets.get(team.id);
            const summed = memberTargets.filter((target) => memberById.get(target.ownerId!)?.teamId === team.id);
            if (own !== undefined) addTarget(rowFor(team.id), own);
            else for (const target of summed) addTarget(rowFor(team.id), target.amount);
          }
        }

        const names = query.groupBy === "owner" ? await repository.userNames(tx, [...rows.keys()].filter((key): key is string => key !== null)) : new Map(teams.map((team) => [team.id, team.name]));
        const answerRows: ForecastRow[] = [...rows.entries()]
          .map(([key, figures]) => ({ ...(query.groupBy === "owner" ? { ownerId: key } : { teamId: key }), name: key ? (names.get(key) ?? "") : query.groupBy === "owner" ? "No owner" : "No team", ...withAttainment(figures) }))
          .sort((a, b) => b.bestCase - a.bestCase || a.name.localeCompare(b.name));
        const totals = emptyFigures();
        for (const row of answerRows) {
          totals.weighted += row.weighted;
          totals.commit += row.commit;
          totals.bestCase += row.bestCase;
          totals.won += row.won;
          addTarget(totals, row.target);
        }
        return {
          period: period.label,
          periodStart: period.start,
          periodEnd: period.end,
          groupBy: query.groupBy,
          currency: settings.defaultCurrency,
          rates: currencies.filter((currency) => currency !== settings.defaultCurrency && settings.rates.has(currency)).map((currency) => ({ currency, rate: settings.rates.get(currency)! })),
          unconvertedCurrencies: currencies.filter((currency) => currency !== settings.defaultCurrency && !settings.rates.has(currency)),
          rows: answerRows,
          totals: withAttainment(totals),
        };
      }),
  };
}

export type ForecastService = ReturnType<typeof createForecastService>;
