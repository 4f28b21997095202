import type { DocumentLine } from "../../../../contracts/index.js";
import { computeDocument, formatScaledDecimal, MoneyError, parseScaledDecimal, type DocumentTotals, type LineInput } from "../../../../contracts/index.js";
import { newId } from "../../db/ids.js";
import { invalidField } from "../../platform/http/app-error.js";
import type { quoteLines } from "../quotes/quotes.schema.js";

/** The columns every document line has (shared/document-lines.ts). */
export type LineColumns = Omit<typeof quoteLines.$inferSelect, "quoteId">;

/** A line whose inputs are all known (product defaults filled in). */
export interface PricedLine extends LineInput {
  productId: string | null;
  description: string;
}

/** Decimal text as the API shows it: numeric "2.5000" → "2.5". */
export const decimalText = (value: string | number) => formatScaledDecimal(parseScaledDecimal(value) ?? 0n);

/**
 * The stored rows of a document's lines and its totals, computed by the shared money math.
 * An amount too large to store answers 400 naming the line's field (`body.lines.2.quantity`).
 */
export function priceDocument(workspaceId: string, lines: PricedLine[], path = "body") {
  let computed: ReturnType<typeof computeDocument<PricedLine>>;
  try {
    computed = computeDocument(lines);
  } catch (error) {
    if (error instanceof MoneyError) throw invalidField(`${path}.${error.field}`, error.reason);
    throw error;
  }
  const rows: LineColumns[] = computed.lines.map((line, position) => ({
    workspaceId,
    id: newId(),
    position,
    productId: line.productId,
    description: line.description,
    quantity: decimalText(line.quantity),
    unitPrice: line.unitPrice,
    discountPercent: decimalText(line.discountPercent ?? 0),
    taxRate: decimalText(line.taxRate ?? 0),
    gross: line.gross,
    discount: line.discount,
    net: line.net,
    tax: line.tax,
    total: line.total,
  }));
  return { rows, totals: computed.totals };
}

export function toDocumentLine(row: LineColumns): DocumentLine {
  return {
    id: row.id,
    position: row.position,
    productId: row.productId,
    description: row.description,
    quantity: decimalText(row.quantity),
    unitPrice: Number(row.unitPrice),
    discountPercent: decimalText(row.discountPercent),
    taxRate: decimalText(row.taxRate),
    gross: Number(row.gross),
    discount: Number(row.discount),
    net: Number(row.net),
    tax: Number(row.tax),
    total: Number(row.total),
  };
}

export function toTotals(row: DocumentTotals & { currency: string }) {
  return { currency: row.currency, subtotal: Number(row.subtotal), discountTotal: Number(row.discountTotal), taxTotal: Number(row.taxTotal), total: Number(row.total) };
}

const lineKey = (line: Pick<LineColumns, "productId" | "description" | "quantity" | "unitPrice" | "discountPercent" | "taxRate">) =>
  JSON.stringify([line.productId, line.description, decimalText(line.quantity), Number(line.unitPrice), decimalText(line.discountPercent), decimalText(line.taxRate)]);

/** Whether a re-sent document (an ERP's upsert) has the lines it has already, so they stay as they are. */
export function isSameLines(stored: LineColumns[], incoming: LineColumns[]): boolean {
  return stored.length === incoming.length && stored.every((line, index) => lineKey(line) === lineKey(incoming[index]));
}
