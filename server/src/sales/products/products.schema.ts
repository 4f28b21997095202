import { bigint, boolean, foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";

export const products = pgTable(
  "products",
  {
    ...businessColumns,
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    /** Percent, e.g. "19" or "7.5". */
    taxRate: numeric("tax_rate", { precision: 7, scale: 4 }).notNull().default("0"),
    isActive: boolean("is_active").notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] }), uniqueIndex("products_sku_idx").on(table.workspaceId, table.sku), index("products_name_idx").on(table.workspaceId, table.name)],
);

/** A named list of prices (list price, partner price, …); the default one holds each product's list prices. */
export const priceBooks = pgTable(
  "price_books",
  {
    ...businessColumns,
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull().default(false),
    isActive: boolean("is_active").notNull().default(true),
  },
  (table) => [primaryKey({ columns: [table.workspaceId, table.id] })],
);

/** A product's unit price in one currency within one price book, in integer minor units. */
export const productPrices = pgTable(
  "product_prices",
  {
    workspaceId: uuid("workspace_id").notNull(),
    priceBookId: uuid("price_book_id").notNull(),
    productId: uuid("product_id").notNull(),
    currency: text("currency").notNull(),
    unitPrice: bigint("unit_price", { mode: "number" }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.priceBookId, table.productId, table.currency] }),
    foreignKey({ columns: [table.workspaceId, table.priceBookId], foreignColumns: [priceBooks.workspaceId, priceBooks.id], name: "product_prices_price_book_fk" }).onDelete("cascade"),
    foreignKey({ columns: [table.workspaceId, table.productId], foreignColumns: [products.workspaceId, products.id], name: "product_prices_product_fk" }).onDelete("cascade"),
    index("product_prices_product_idx").on(table.workspaceId, table.productId),
  ],
);
