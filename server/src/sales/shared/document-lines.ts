import { bigint, integer, numeric, text, uuid } from "drizzle-orm/pg-core";

/**
 * The columns of a quote, order or invoice line: the inputs (quantity, unit price, discount and
 * tax in percent) and the amounts computed from them in integer minor units, stored so a document
 * never changes when rounding rules or prices do.
 */
export const documentLineColumns = () => ({
  workspaceId: uuid("workspace_id").notNull(),
  id: uuid("id").notNull(),
  position: integer("position").notNull(),
  productId: uuid("product_id"),
  description: text("description").notNull(),
  quantity: numeric("quantity", { precision: 18, scale: 4 }).notNull(),
  unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
  discountPercent: numeric("discount_percent", { precision: 7, scale: 4 }).notNull().default("0"),
  taxRate: numeric("tax_rate", { precision: 7, scale: 4 }).notNull().default("0"),
  gross: bigint("gross", { mode: "number" }).notNull(),
  discount: bigint("discount", { mode: "number" }).notNull(),
  net: bigint("net", { mode: "number" }).notNull(),
  tax: bigint("tax", { mode: "number" }).notNull(),
  total: bigint("total", { mode: "number" }).notNull(),
});

/** A document's totals: sums of its rounded lines. */
export const documentTotalColumns = () => ({
  currency: text("currency").notNull(),
  subtotal: bigint("subtotal", { mode: "number" }).notNull(),
  discountTotal: bigint("discount_total", { mode: "number" }).notNull(),
  taxTotal: bigint("tax_total", { mode: "number" }).notNull(),
  total: bigint("total", { mode: "number" }).notNull(),
});
