import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** A calendar period: a year ("2026"), a quarter ("2026-Q4") or a month ("2026-11"). */
export const SalesPeriod = z.string().trim().regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "must be a year (2026), a quarter (2026-Q4) or a month (2026-11)");

export const TargetMetric = z.enum(["revenue_won", "deals_won", "activities_done"]);
export type TargetMetric = z.infer<typeof TargetMetric>;

/** revenue_won: minor units of the workspace currency; otherwise a count. */
const TargetAmount = z.number().int("must be a whole number (minor units for revenue)").min(1).max(Number.MAX_SAFE_INTEGER);

/** A target belongs to exactly one member (ownerId) or one team (teamId). */
export const CreateTargetInput = z
  .strictObject({ ownerId: Id.optional(), teamId: Id.optional(), period: SalesPeriod, metric: TargetMetric, amount: TargetAmount })
  .meta({ id: "CreateTargetInput" });
export type CreateTargetInput = z.input<typeof CreateTargetInput>;

export const UpdateTargetInput = z.strictObject({ period: SalesPeriod.optional(), metric: TargetMetric.optional(), amount: TargetAmount.optional() }).meta({ id: "UpdateTargetInput" });
export type UpdateTargetInput = z.input<typeof UpdateTargetInput>;

export const Target = z
  .object({
    id: Id,
    ownerId: Id.nullable(),
    teamId: Id.nullable(),
    /** The member's or the team's name. */
    holderName: z.string(),
    period: z.string(),
    periodStart: z.string(),
    /** Exclusive. */
    periodEnd: z.string(),
    metric: TargetMetric,
    amount: z.number().int(),
    /** The workspace currency for revenue_won, null for counts. */
    currency: z.string().nullable(),
    /** Won revenue (workspace currency), won deals, or activities done in the period so far. */
    attainment: z.number().int(),
    /** Where a linear pace would be by now: amount × the elapsed part of the period. */
    expectedByNow: z.number().int(),
    /** attainment ÷ amount, in percent with one decimal. */
    percent: z.number(),
    isBehind: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Target" });
export type Target = z.infer<typeof Target>;

export const TargetList = z.object({ data: z.array(Target) }).meta({ id: "TargetList" });
export type TargetList = z.infer<typeof TargetList>;

export const TargetQuery = z.strictObject({ period: SalesPeriod.optional(), ownerId: Id.optional(), teamId: Id.optional() });
