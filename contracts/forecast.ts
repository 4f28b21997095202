import { z } from "zod";
import { Id } from "./common.js";
import { StageKind } from "./pipelines.js";
import { SalesPeriod } from "./targets.js";

export const ForecastQuery = z.strictObject({ period: SalesPeriod, groupBy: z.enum(["owner", "team"]).default("owner") });
export type ForecastQuery = z.input<typeof ForecastQuery>;

/** Sums in minor units of the workspace currency. */
const ForecastFigures = {
  /** Σ amount × stage probability of open deals (category omitted left out). */
  weighted: z.number().int(),
  /** won + open deals in forecast category commit. */
  commit: z.number().int(),
  /** commit + open deals in forecast category best_case. */
  bestCase: z.number().int(),
  /** Σ amount of won deals. */
  won: z.number().int(),
  /** The revenue_won target for the period, null when none is set. */
  target: z.number().int().nullable(),
  /** won ÷ target in percent (one decimal); null without a target. */
  attainmentPercent: z.number().nullable(),
};

export const ForecastRow = z.object({
  /** Set when grouped by owner; null for deals without an owner. */
  ownerId: Id.nullable().optional(),
  /** Set when grouped by team; null for owners in no team. */
  teamId: Id.nullable().optional(),
  name: z.string(),
  ...ForecastFigures,
});
export type ForecastRow = z.infer<typeof ForecastRow>;

/** Deals whose close date falls in the period, converted at the admin's rates (listed in `rates`). */
export const Forecast = z
  .object({
    period: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    groupBy: z.enum(["owner", "team"]),
    currency: z.string(),
    rates: z.array(z.object({ currency: z.string(), rate: z.string() })),
    /** Currencies of deals in the period that have no rate: those deals are left out of the sums. */
    unconvertedCurrencies: z.array(z.string()),
    rows: z.array(ForecastRow),
    totals: z.object(ForecastFigures),
  })
  .meta({ id: "Forecast" });
export type Forecast = z.infer<typeof Forecast>;

export const SalesDashboardQuery = z.strictObject({ period: SalesPeriod });

export const DealAtRisk = z.object({
  id: Id,
  name: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  /** In the workspace currency; null when the deal's currency has no rate. */
  convertedAmount: z.number().int().nullable(),
  closeDate: z.string().nullable(),
  lastActivityAt: z.string().nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  isPastCloseDate: z.boolean(),
  isStale: z.boolean(),
});

/** The sales numbers of a period; amounts in minor units of the workspace currency. */
export const SalesDashboard = z
  .object({
    period: z.string(),
    currency: z.string(),
    /** Open deals now, by stage. */
    pipeline: z.array(z.object({ pipelineId: Id, pipelineName: z.string(), stageId: Id, stageName: z.string(), kind: StageKind, position: z.number().int(), count: z.number().int(), amount: z.number().int() })),
    wonCount: z.number().int(),
    lostCount: z.number().int(),
    /** won ÷ (won + lost) of deals closed in the period, in percent; null when none closed. */
    winRate: z.number().nullable(),
    averageWonAmount: z.number().int().nullable(),
    /** Average days from creation to winning, of deals won in the period. */
    salesCycleDays: z.number().nullable(),
    activitiesByMember: z.array(z.object({ userId: Id, name: z.string(), count: z.number().int() })),
    /** Open deals past their close date or without activity for the stale-deal days, largest first. */
    atRisk: z.array(DealAtRisk),
  })
  .meta({ id: "SalesDashboard" });
export type SalesDashboard = z.infer<typeof SalesDashboard>;
