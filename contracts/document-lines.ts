import { z } from "zod";
import { CurrencyCode, Id } from "./common.js";
import { decimalPlaces, parseScaledDecimal } from "./money.js";

/**
 * A decimal with up to 4 places, as a JSON number or a string ("2.5"); kept as text in answers
 * so no precision is lost. `max` bounds it (percents up to 100 or 999.9999, quantities to 10^12).
 */
export function decimalInput(min: number, max: number) {
  return z
    .union([z.number(), z.string().trim()])
    .refine((value) => parseScaledDecimal(value) !== null, `must be a number with at most ${decimalPlaces} decimal places`)
    .refine((value) => {
      const scaled = parseScaledDecimal(value);
      return scaled === null || (scaled >= BigInt(Math.round(min * 10_000)) && scaled <= BigInt(Math.round(max * 10_000)));
    }, `must be between ${min} and ${max}`);
}

export const Quantity = decimalInput(0.0001, 1_000_000_000_000);
export const DiscountPercent = decimalInput(0, 100);
export const TaxRate = decimalInput(0, 999.9999);
/** Integer minor units of the document's currency (cents for EUR, yen for JPY, fils for KWD). */
export const MinorAmount = z.number().int("must be an integer in minor units (cents)").min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A line to put on a quote or order: a product (whose name, list price in the document's
 * currency and tax rate fill what is left out) or free text with a price.
 */
export const DocumentLineInput = z
  .strictObject({
    productId: Id.nullable().optional(),
    description: z.string().trim().min(1, "is required").max(2000).optional(),
    quantity: Quantity.default(1),
    unitPrice: MinorAmount.optional(),
    discountPercent: DiscountPercent.optional(),
    taxRate: TaxRate.optional(),
  })
  .superRefine((line, context) => {
    if (line.productId) return;
    if (line.description === undefined) context.addIssue({ code: "custom", path: ["description"], message: "is required for a line without a product" });
    if (line.unitPrice === undefined) context.addIssue({ code: "custom", path: ["unitPrice"], message: "is required for a line without a product" });
  })
  .meta({ id: "LineItemInput" });
export type DocumentLineInput = z.input<typeof DocumentLineInput>;

export const DocumentLines = z.array(DocumentLineInput).min(1, "must hold at least one line").max(500);

export const DocumentLine = z
  .object({
    id: Id,
    position: z.number().int(),
    productId: Id.nullable(),
    description: z.string(),
    /** Decimal text, e.g. "2.5". */
    quantity: z.string(),
    unitPrice: z.number().int(),
    discountPercent: z.string(),
    taxRate: z.string(),
    gross: z.number().int(),
    discount: z.number().int(),
    net: z.number().int(),
    tax: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: "DocumentLine" });
export type DocumentLine = z.infer<typeof DocumentLine>;

/** Totals every document carries: sums of its rounded lines, in integer minor units of `currency`. */
export const documentTotals = {
  currency: CurrencyCode,
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
};

export const DocumentDate = z.iso.date({ message: "must be a date such as 2026-12-31" });
