import { z } from "zod";
import { CurrencyCode, Id, Timestamp, listOf } from "./common.js";
import { MinorAmount, TaxRate } from "./document-lines.js";

export const ProductPrice = z.strictObject({ currency: CurrencyCode, unitPrice: MinorAmount }).meta({ id: "ProductPrice" });
export type ProductPrice = z.infer<typeof ProductPrice>;

const Prices = z
  .array(ProductPrice)
  .max(200)
  .refine((prices) => new Set(prices.map((price) => price.currency)).size === prices.length, "may hold each currency once");

const productFields = {
  sku: z.string().trim().min(1, "is required").max(100),
  name: z.string().trim().min(1, "is required").max(300),
  description: z.string().trim().max(5000).nullable().optional(),
  /** Percent, up to 4 decimal places: 19, "7.5". */
  taxRate: TaxRate.optional(),
  isActive: z.boolean().optional(),
  /** List prices in the default price book, one per currency; on an update they replace the old ones. */
  prices: Prices.optional(),
};

export const CreateProductInput = z.strictObject(productFields).meta({ id: "CreateProductInput" });
export type CreateProductInput = z.input<typeof CreateProductInput>;

export const UpdateProductInput = z
  .strictObject({ ...productFields, sku: productFields.sku.optional(), name: productFields.name.optional() })
  .meta({ id: "UpdateProductInput" });
export type UpdateProductInput = z.input<typeof UpdateProductInput>;

export const Product = z
  .object({
    id: Id,
    sku: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    taxRate: z.string(),
    isActive: z.boolean(),
    /** The default price book's prices. */
    prices: z.array(ProductPrice),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Product" });
export type Product = z.infer<typeof Product>;

export const ProductList = listOf(Product).meta({ id: "ProductList" });
export type ProductList = z.infer<typeof ProductList>;

export const productSortFields = ["name", "sku", "createdAt", "updatedAt"] as const;
export const productFilterFields = ["name", "sku", "isActive", "createdAt", "updatedAt"] as const;

export const CreatePriceBookInput = z
  .strictObject({ name: z.string().trim().min(1, "is required").max(200), isActive: z.boolean().optional() })
  .meta({ id: "CreatePriceBookInput" });
export type CreatePriceBookInput = z.input<typeof CreatePriceBookInput>;

export const PriceBook = z.object({ id: Id, name: z.string(), isDefault: z.boolean(), isActive: z.boolean(), createdAt: Timestamp }).meta({ id: "PriceBook" });
export type PriceBook = z.infer<typeof PriceBook>;

export const PriceBookList = z.object({ data: z.array(PriceBook) }).meta({ id: "PriceBookList" });
export type PriceBookList = z.infer<typeof PriceBookList>;

/** A product's prices in one price book (replacing the ones it had there). */
export const SetBookPricesInput = z.strictObject({ prices: Prices }).meta({ id: "SetBookPricesInput" });
export type SetBookPricesInput = z.input<typeof SetBookPricesInput>;

export const BookPrices = z
  .object({ priceBookId: Id, data: z.array(z.object({ productId: Id, sku: z.string(), name: z.string(), currency: z.string(), unitPrice: z.number().int() })) })
  .meta({ id: "BookPrices" });
export type BookPrices = z.infer<typeof BookPrices>;

export const PriceBookProductParams = z.strictObject({ id: Id, productId: Id });
