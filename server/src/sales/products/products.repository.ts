import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { productFilterFields, productSortFields } from "../../../../contracts/index.js";
import { escapeLike, keysetPage, type ListField, type ListRequest } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { conflict } from "../../platform/http/app-error.js";
import { newId } from "../../db/ids.js";
import { priceBooks, productPrices, products } from "./products.schema.js";

const column = (name: keyof typeof products.$inferSelect) => sql`${products[name]}`;
const sortable = new Set<string>(productSortFields);

const listFields: Record<(typeof productFilterFields)[number], ListField> = {
  name: { column: column("name"), type: "text", isNullable: false, isSortable: true },
  sku: { column: column("sku"), type: "text", isNullable: false, isSortable: true },
  isActive: { column: column("isActive"), type: "enum", enumValues: ["true", "false"], isNullable: false, isSortable: false },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

export type ProductRow = typeof products.$inferSelect;
export type PriceRow = typeof productPrices.$inferSelect;

export async function findProduct(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(products).where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)));
  return row;
}

export function findProducts(tx: Transaction, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return tx.select().from(products).where(and(eq(products.workspaceId, workspaceId), inArray(products.id, ids)));
}

export type ProductListQuery = ListRequest & { q?: string };

export function listProducts(tx: Transaction, workspaceId: string, query: ProductListQuery) {
  const conditions: (SQL | undefined)[] = [eq(products.workspaceId, workspaceId)];
  if (query.q) {
    const pattern = `%${escapeLike(query.q.toLowerCase())}%`;
    conditions.push(sql`(lower(${products.name}) like ${pattern} or lower(${products.sku}) like ${pattern})`);
  }
  return keysetPage(query, { fields: listFields, fallbackSort: "name", idColumn: sql`${products.id}`, conditions }, (where, order, limit) =>
    tx.select().from(products).where(where).orderBy(...order).limit(limit),
  );
}

const skuTaken = (error: unknown) => {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === "23505") throw conflict("Another product already has this SKU.", [{ path: "body.sku", message: "is already used by another product" }]);
  throw error;
};

export async function insertProduct(tx: Transaction, values: typeof products.$inferInsert) {
  await tx.insert(products).values(values).catch(skuTaken);
}

export async function updateProduct(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof products.$inferInsert>) {
  await tx
    .update(products)
    .set(values)
    .where(and(eq(products.workspaceId, workspaceId), eq(products.id, id)))
    .catch(skuTaken);
}

/** Each product's prices in one price book. */
export async function pricesIn(tx: Transaction, workspaceId: string, priceBookId: string, productIds: string[]) {
  const prices = new Map<string, { currency: string; unitPrice: number }[]>();
  if (productIds.length === 0) return prices;
  const rows = await tx
    .select()
    .from(productPrices)
    .where(and(eq(productPrices.workspaceId, workspaceId), eq(productPrices.priceBookId, priceBookId), inArray(productPrices.productId, productIds)))
    .orderBy(asc(productPrices.currency));
  for (const row of rows) {
    const list = prices.get(row.productId) ?? [];
    list.push({ currency: row.currency, unitPrice: Number(row.unitPrice) });
    prices.set(row.productId, list);
  }
  return prices;
}

export async function replacePrices(tx: Transaction, workspaceId: string, priceBookId: string, productId: string, prices: { currency: string; unitPrice: number }[]) {
  await tx.delete(productPrices).where(and(eq(productPrices.workspaceId, workspaceId), eq(productPrices.priceBookId, priceBookId), eq(productPrices.productId, productId)));
  if (prices.length) await tx.insert(productPrices).values(prices.map((price) => ({ ...price, workspaceId, priceBookId, productId })));
}

export async function listBookPrices(tx: Transaction, workspaceId: string, priceBookId: string) {
  return tx
    .select({ productId: productPrices.productId, sku: products.sku, name: products.name, currency: productPrices.currency, unitPrice: productPrices.unitPrice })
    .from(productPrices)
    .innerJoin(products, and(eq(products.workspaceId, productPrices.workspaceId), eq(products.id, productPrices.productId)))
    .where(and(eq(productPrices.workspaceId, workspaceId), eq(productPrices.priceBookId, priceBookId)))
    .orderBy(asc(products.name), asc(productPrices.currency));
}

export function listPriceBooks(tx: Transaction, workspaceId: string) {
  return tx.select().from(priceBooks).where(eq(priceBooks.workspaceId, workspaceId)).orderBy(sql`${priceBooks.isDefault} desc`, asc(priceBooks.name));
}

export async function findPriceBook(tx: Transaction, workspaceId: string, id: string) {
  const [row] = await tx.select().from(priceBooks).where(and(eq(priceBooks.workspaceId, workspaceId), eq(priceBooks.id, id)));
  return row;
}

export async function insertPriceBook(tx: Transaction, values: typeof priceBooks.$inferInsert) {
  await tx.insert(priceBooks).values(values);
}

/** The workspace's default price book, if it has one yet (reads never make it). */
export async function findDefaultPriceBook(tx: Transaction, workspaceId: string) {
  const [book] = await tx.select().from(priceBooks).where(and(eq(priceBooks.workspaceId, workspaceId), eq(priceBooks.isDefault, true)));
  return book;
}

/** The workspace's default price book, made on first use (a workspace starts with no products). */
export async function defaultPriceBook(tx: Transaction, workspaceId: string, createdBy: string | null) {
  // One default per workspace even when two first uses race.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('default-price-book'), hashtext(${workspaceId}))`);
  const [existing] = await tx.select().from(priceBooks).where(and(eq(priceBooks.workspaceId, workspaceId), eq(priceBooks.isDefault, true)));
  if (existing) return existing;
  const now = new Date();
  const book = { workspaceId, id: newId(), name: "List prices", isDefault: true, isActive: true, createdAt: now, updatedAt: now, createdBy };
  await tx.insert(priceBooks).values(book);
  return book;
}
