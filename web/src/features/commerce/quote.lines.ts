import { computeDocument, decimalToMinor, minorToDecimal, type DocumentTotals, type LineAmounts, type Product, type Quote } from "@contracts";

/** One editable line: text as typed; the unit price in major units of the currency ("19.99"). */
export interface EditableLine {
  key: string;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxRate: string;
}

let counter = 0;
const nextKey = () => `line-${++counter}`;

export const emptyLine = (): EditableLine => ({ key: nextKey(), productId: null, description: "", quantity: "1", unitPrice: "", discountPercent: "0", taxRate: "0" });

export function linesOfQuote(quote: Quote): EditableLine[] {
  return quote.lines.map((line) => ({
    key: nextKey(),
    productId: line.productId,
    description: line.description,
    quantity: line.quantity,
    unitPrice: minorToDecimal(line.unitPrice, quote.currency),
    discountPercent: line.discountPercent,
    taxRate: line.taxRate,
  }));
}

/** A product picked on a line fills its name, its list price in the quote's currency and its tax rate. */
export function withProduct(line: EditableLine, product: Product, currency: string): EditableLine {
  const price = product.prices.find((entry) => entry.currency === currency);
  return { ...line, productId: product.id, description: product.name, unitPrice: price ? minorToDecimal(price.unitPrice, currency) : line.unitPrice, taxRate: product.taxRate };
}

/** The lines as the API takes them; a price that is not a number in the currency's places stays NaN so validation names it. */
export function toLineInputs(lines: EditableLine[], currency: string) {
  return lines.map((line) => ({
    ...(line.productId ? { productId: line.productId } : {}),
    description: line.description.trim() || undefined,
    quantity: line.quantity.trim(),
    unitPrice: decimalToMinor(line.unitPrice || "0", currency) ?? Number.NaN,
    discountPercent: line.discountPercent.trim() || "0",
    taxRate: line.taxRate.trim() || "0",
  }));
}

/** Live amounts per line and totals, by the same math the server stores; null where a line is not valid yet. */
export function liveTotals(lines: EditableLine[], currency: string): { lines: (LineAmounts | null)[]; totals: DocumentTotals | null } {
  const inputs = toLineInputs(lines, currency);
  const amounts = inputs.map((input) => {
    try {
      return computeDocument([{ ...input, unitPrice: input.unitPrice }]).lines[0];
    } catch {
      return null;
    }
  });
  if (amounts.some((amount) => amount === null)) return { lines: amounts, totals: null };
  try {
    return { lines: amounts, totals: computeDocument(inputs).totals };
  } catch {
    return { lines: amounts, totals: null };
  }
}
