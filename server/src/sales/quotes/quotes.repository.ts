import { and, asc, eq, sql } from "drizzle-orm";
import { quoteFilterFields, quoteSortFields } from "../../../../contracts/index.js";
import { keysetPage, type ListField, type ListRequest } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { LineColumns } from "../shared/document-line-values.js";
import { quoteLines, quotes } from "./quotes.schema.js";

const column = (name: keyof typeof quotes.$inferSelect) => sql`${quotes[name]}`;
const sortable = new Set<string>(quoteSortFields);

const listFields: Record<(typeof quoteFilterFields)[number] | (typeof quoteSortFields)[number], ListField> = {
  dealId: { column: column("dealId"), type: "uuid", isNullable: false, isSortable: false },
  contactId: { column: column("contactId"), type: "uuid", isNullable: true, isSortable: false },
  status: { column: column("status"), type: "enum", enumValues: quotes.status.enumValues, isNullable: false, isSortable: false },
  number: { column: column("number"), type: "number", isNullable: false, isSortable: true },
  total: { column: column("total"), type: "number", isNullable: false, isSortable: true },
  currency: { column: column("currency"), type: "text", isNullable: false, isSortable: false },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

export type QuoteRow = typeof quotes.$inferSelect;

export async function findQuote(tx: Transaction, workspaceId: string, id: string, { isLocked = false } = {}) {
  const query = tx.select().from(quotes).where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id)));
  const [row] = isLocked ? await query.for("update") : await query;
  return row;
}

export function findQuoteLines(tx: Transaction, workspaceId: string, quoteId: string) {
  return tx.select().from(quoteLines).where(and(eq(quoteLines.workspaceId, workspaceId), eq(quoteLines.quoteId, quoteId))).orderBy(asc(quoteLines.position));
}

export type QuoteListQuery = ListRequest;

export function listQuotes(tx: Transaction, workspaceId: string, query: QuoteListQuery) {
  return keysetPage(query, { fields: listFields, fallbackSort: "-createdAt", idColumn: sql`${quotes.id}`, conditions: [eq(quotes.workspaceId, workspaceId)] }, (where, order, limit) =>
    tx.select().from(quotes).where(where).orderBy(...order).limit(limit),
  );
}

export async function insertQuote(tx: Transaction, values: typeof quotes.$inferInsert, lines: LineColumns[]) {
  await tx.insert(quotes).values(values);
  if (lines.length) await tx.insert(quoteLines).values(lines.map((line) => ({ ...line, quoteId: values.id })));
}

export async function updateQuote(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof quotes.$inferInsert>) {
  await tx.update(quotes).set(values).where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.id, id)));
}

/** The newest version of a quote number, locked, so two revisions in a race get distinct versions. */
export async function latestVersion(tx: Transaction, workspaceId: string, number: number) {
  const [row] = await tx
    .select({ id: quotes.id, version: quotes.version })
    .from(quotes)
    .where(and(eq(quotes.workspaceId, workspaceId), eq(quotes.number, number)))
    .orderBy(sql`${quotes.version} desc`)
    .limit(1)
    .for("update");
  return row;
}
