import type { z } from "zod";
import type { BookPrices, CreatePriceBookInput, CreateProductInput, PriceBook, Product, ProductList, SetBookPricesInput, UpdateProductInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import { decimalText } from "../shared/document-line-values.js";
import * as repository from "./products.repository.js";

type NewProduct = z.output<typeof CreateProductInput>;
type ProductChanges = z.output<typeof UpdateProductInput>;

function toProduct(row: repository.ProductRow, prices: { currency: string; unitPrice: number }[] = []): Product {
  return {
    id: row.id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    taxRate: decimalText(row.taxRate),
    isActive: row.isActive,
    prices,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const toPriceBook = (row: { id: string; name: string; isDefault: boolean; isActive: boolean; createdAt: Date }): PriceBook => ({
  id: row.id,
  name: row.name,
  isDefault: row.isDefault,
  isActive: row.isActive,
  createdAt: iso(row.createdAt),
});

/** The catalogue: products with their list prices (the default price book), and other price books. */
export function createProductsService({ db }: { db: Database }) {
  async function loadProduct(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findProduct(tx, caller.workspaceId, id);
    if (!row) throw notFound("Product");
    const book = await repository.findDefaultPriceBook(tx, caller.workspaceId);
    return toProduct(row, book ? (await repository.pricesIn(tx, caller.workspaceId, book.id, [id])).get(id) : []);
  }

  async function loadPriceBook(tx: Transaction, caller: Caller, id: string) {
    const book = await repository.findPriceBook(tx, caller.workspaceId, id);
    if (!book) throw notFound("Price book");
    return book;
  }

  return {
    list: (caller: Caller, query: repository.ProductListQuery): Promise<ProductList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listProducts(tx, caller.workspaceId, query);
        const book = await repository.findDefaultPriceBook(tx, caller.workspaceId);
        const prices = book ? await repository.pricesIn(tx, caller.workspaceId, book.id, rows.map((row) => row.id)) : new Map<string, { currency: string; unitPrice: number }[]>();
        return { data: rows.map((row) => toProduct(row, prices.get(row.id))), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, (tx) => loadProduct(tx, caller, id)),

    create: (caller: Caller, input: NewProduct): Promise<Product> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const now = new Date();
        const id = newId();
        const { prices, taxRate, ...fields } = input;
        await repository.insertProduct(tx, { ...fields, taxRate: decimalText(taxRate ?? 0), workspaceId: caller.workspaceId, id, createdAt: now, updatedAt: now, createdBy: caller.userId });
        const book = await repository.defaultPriceBook(tx, caller.workspaceId, caller.userId);
        await repository.replacePrices(tx, caller.workspaceId, book.id, id, prices ?? []);
        const product = await loadProduct(tx, caller, id);
        await recordAudit(tx, caller, { entityType: "product", entityId: id, action: "create", before: null, after: product });
        return product;
      }),

    update: (caller: Caller, id: string, changes: ProductChanges): Promise<Product> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const before = await loadProduct(tx, caller, id);
        const { prices, taxRate, ...fields } = changes;
        await repository.updateProduct(tx, caller.workspaceId, id, { ...fields, ...(taxRate === undefined ? {} : { taxRate: decimalText(taxRate) }), updatedAt: new Date() });
        if (prices) {
          const book = await repository.defaultPriceBook(tx, caller.workspaceId, caller.userId);
          await repository.replacePrices(tx, caller.workspaceId, book.id, id, prices);
        }
        const after = await loadProduct(tx, caller, id);
        await recordAudit(tx, caller, { entityType: "product", entityId: id, action: "update", before, after });
        return after;
      }),

    listPriceBooks: (caller: Caller) => inWorkspace(db, caller.workspaceId, async (tx) => ({ data: (await repository.listPriceBooks(tx, caller.workspaceId)).map(toPriceBook) })),

    createPriceBook: (caller: Caller, input: z.output<typeof CreatePriceBookInput>): Promise<PriceBook> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        // The list prices come first: a workspace's first price book is its default one.
        await repository.defaultPriceBook(tx, caller.workspaceId, caller.userId);
        const now = new Date();
        const book = { workspaceId: caller.workspaceId, id: newId(), name: input.name, isDefault: false, isActive: input.isActive ?? true, createdAt: now, updatedAt: now, createdBy: caller.userId };
        await repository.insertPriceBook(tx, book);
        await recordAudit(tx, caller, { entityType: "price_book", entityId: book.id, action: "create", before: null, after: book });
        return toPriceBook(book);
      }),

    bookPrices: (caller: Caller, priceBookId: string): Promise<BookPrices> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await loadPriceBook(tx, caller, priceBookId);
        const rows = await repository.listBookPrices(tx, caller.workspaceId, priceBookId);
        return { priceBookId, data: rows.map((row) => ({ ...row, unitPrice: Number(row.unitPrice) })) };
      }),

    setBookPrices: (caller: Caller, priceBookId: string, productId: string, input: z.output<typeof SetBookPricesInput>): Promise<BookPrices> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await loadPriceBook(tx, caller, priceBookId);
        if (!(await repository.findProduct(tx, caller.workspaceId, productId))) throw notFound("Product");
        const before = (await repository.pricesIn(tx, caller.workspaceId, priceBookId, [productId])).get(productId) ?? [];
        await repository.replacePrices(tx, caller.workspaceId, priceBookId, productId, input.prices);
        await recordAudit(tx, caller, { entityType: "product", entityId: productId, action: "update", before: { [`prices:${priceBookId}`]: before }, after: { [`prices:${priceBookId}`]: input.prices } });
        const rows = await repository.listBookPrices(tx, caller.workspaceId, priceBookId);
        return { priceBookId, data: rows.filter((row) => row.productId === productId).map((row) => ({ ...row, unitPrice: Number(row.unitPrice) })) };
      }),
  };
}

export type ProductsService = ReturnType<typeof createProductsService>;
