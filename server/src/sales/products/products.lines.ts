import type { z } from "zod";
import type { DocumentLineInput } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { invalidField } from "../../platform/http/app-error.js";
import type { PricedLine } from "../shared/document-line-values.js";
import * as repository from "./products.repository.js";

type LineInput = z.output<typeof DocumentLineInput>;

/**
 * Fills what a product line leaves out from the product: its name, its price in the document's
 * currency from the price book (the default one unless named), its tax rate. A product of another
 * workspace, or one without a price in that currency, answers 400 naming the line's field.
 */
export async function priceLines(
  tx: Transaction,
  workspaceId: string,
  lines: LineInput[],
  options: { currency: string; priceBookId?: string; createdBy: string | null; path: string },
): Promise<PricedLine[]> {
  const productIds = [...new Set(lines.map((line) => line.productId).filter((id): id is string => Boolean(id)))];
  const found = new Map((await repository.findProducts(tx, workspaceId, productIds)).map((product) => [product.id, product]));
  let prices = new Map<string, { currency: string; unitPrice: number }[]>();
  if (productIds.length) {
    let bookId = options.priceBookId;
    if (bookId) {
      if (!(await repository.findPriceBook(tx, workspaceId, bookId))) throw invalidField(`${options.path}.priceBookId`, "is not a price book of this workspace");
    } else {
      bookId = (await repository.defaultPriceBook(tx, workspaceId, options.createdBy)).id;
    }
    prices = await repository.pricesIn(tx, workspaceId, bookId, productIds);
  }
  return lines.map((line, index) => {
    const path = `${options.path}.lines.${index}`;
    if (!line.productId) return { productId: null, description: line.description!, quantity: line.quantity, unitPrice: line.unitPrice!, discountPercent: line.discountPercent, taxRate: line.taxRate };
    const product = found.get(line.productId);
    if (!product) throw invalidField(`${path}.productId`, "is not a product of this workspace");
    const listPrice = prices.get(product.id)?.find((price) => price.currency === options.currency)?.unitPrice;
    if (line.unitPrice === undefined && listPrice === undefined) throw invalidField(`${path}.unitPrice`, `is required: ${product.name} has no price in ${options.currency} in the price book`);
    return {
      productId: product.id,
      description: line.description ?? product.name,
      quantity: line.quantity,
      unitPrice: line.unitPrice ?? listPrice!,
      discountPercent: line.discountPercent,
      taxRate: line.taxRate ?? product.taxRate,
    };
  });
}
