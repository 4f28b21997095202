import { z } from "zod";
import { CurrencyCode, Timestamp } from "./common.js";

/** Units of the workspace currency one unit of `currency` is worth, as a decimal string ("1.0845"). */
export const ExchangeRate = z.strictObject({
  currency: CurrencyCode,
  rate: z
    .string()
    .regex(/^\d{1,10}(\.\d{1,10})?$/, "must be a positive decimal such as 1.0845")
    .refine((value) => Number(value) > 0, "must be greater than 0"),
});
export type ExchangeRate = z.infer<typeof ExchangeRate>;

export const UpdateSalesSettingsInput = z
  .strictObject({
    defaultCurrency: CurrencyCode.optional(),
    staleDealDays: z.number().int("must be a whole number of days").min(1).max(365).optional(),
    /** Replaces the whole list when present. */
    exchangeRates: z
      .array(ExchangeRate)
      .max(200)
      .refine((rates) => new Set(rates.map((rate) => rate.currency)).size === rates.length, "lists a currency twice")
      .optional(),
  })
  .meta({ id: "UpdateSalesSettingsInput" });
export type UpdateSalesSettingsInput = z.input<typeof UpdateSalesSettingsInput>;

export const SalesSettings = z
  .object({
    defaultCurrency: z.string(),
    staleDealDays: z.number().int(),
    exchangeRates: z.array(z.object({ currency: z.string(), rate: z.string(), updatedAt: Timestamp })),
  })
  .meta({ id: "SalesSettings" });
export type SalesSettings = z.infer<typeof SalesSettings>;
