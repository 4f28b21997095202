import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { orderFilterFields, orderSortFields } from "../../../../contracts/index.js";
import { keysetPage, type ListField, type ListRequest } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { orderLines, orders } from "./orders.schema.js";

const column = (name: keyof typeof orders.$inferSelect) => sql`${orders[name]}`;
const sortable = new Set<string>(orderSortFields);

const listFields: Record<(typeof orderFilterFields)[number], ListField> = {
  externalId: { column: column("externalId"), type: "text", isNullable: true, isSortable: false },
  companyId: { column: column("companyId"), type: "uuid", isNullable: true, isSortable: false },
  contactId: { column: column("contactId"), type: "uuid", isNullable: true, isSortable: false },
  dealId: { column: column("dealId"), type: "uuid", isNullable: true, isSortable: false },
  quoteId: { column: column("quoteId"), type: "uuid", isNullable: true, isSortable: false },
  status: { column: column("status"), type: "enum", enumValues: orders.status.enumValues, isNullable: false, isSortable: false },
  currency: { column: column("currency"), type: "text", isNullable: false, isSortable: false },
  number: { column: column("number"), type: "number", isNullable: false, isSortable: true },
  total: { column: column("total"), type: "number", isNullable: false, isSortable: true },
  orderedAt: { column: column("orderedAt"), type: "timestamp", isNullable: false, isSortable: true },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

export async function findOrder(tx: Transaction, workspaceId: string, id: string, { isLocked = false } = {}) {
  const query = tx.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id)));
  const [row] = isLocked ? await query.for("update") : await query;
  return row;
}

/** Locks the external id for the transaction first, so two first upserts of it in a race make one order. */
export async function findOrderByExternalId(tx: Transaction, workspaceId: string, externalId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('order-external-id'), hashtext(${`${workspaceId}:${externalId}`}))`);
  const [row] = await tx.select().from(orders).where(and(eq(orders.workspaceId, workspaceId), eq(orders.externalId, externalId))).for("update");
  return row;
}

export async function findOrderByQuote(tx: Transaction, workspaceId: string, quoteIds: string[]) {
  if (quoteIds.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: orders.id, quoteId: orders.quoteId })
    .from(orders)
    .where(and(eq(orders.workspaceId, workspaceId), sql`${orders.quoteId} in (${sql.join(quoteIds.map((id) => sql`${id}::uuid`), sql`, `)})`));
  return new Map(rows.map((row) => [row.quoteId!, row.id]));
}

export function findOrderLines(tx: Transaction, workspaceId: string, orderId: string) {
  return tx.select().from(orderLines).where(and(eq(orderLines.workspaceId, workspaceId), eq(orderLines.orderId, orderId))).orderBy(asc(orderLines.position));
}

export type OrderListQuery = ListRequest;

/** Orders, newest first unless sorted otherwise; `extra` narrows them (a contact's or company's purchases). */
export function listOrders(tx: Transaction, workspaceId: string, query: OrderListQuery, extra: SQL[] = []) {
  return keysetPage(query, { fields: listFields, fallbackSort: "-orderedAt", idColumn: sql`${orders.id}`, conditions: [eq(orders.workspaceId, workspaceId), ...extra] }, (where, order, limit) =>
    tx.select().from(orders).where(where).orderBy(...order).limit(limit),
  );
}

export async function insertOrder(tx: Transaction, values: typeof orders.$inferInsert, lines: Omit<OrderLineRow, "orderId" | "invoicedQuantity">[]) {
  await tx.insert(orders).values(values);
  await insertOrderLines(tx, values.id, lines);
}

export async function insertOrderLines(tx: Transaction, orderId: string, lines: Omit<OrderLineRow, "orderId" | "invoicedQuantity">[]) {
  if (lines.length) await tx.insert(orderLines).values(lines.map((line) => ({ ...line, orderId })));
}

export async function updateOrder(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof orders.$inferInsert>) {
  await tx.update(orders).set(values).where(and(eq(orders.workspaceId, workspaceId), eq(orders.id, id)));
}

export async function deleteOrderLines(tx: Transaction, workspaceId: string, orderId: string) {
  await tx.delete(orderLines).where(and(eq(orderLines.workspaceId, workspaceId), eq(orderLines.orderId, orderId)));
}

/** Adds (or with a negative amount, gives back) invoiced quantity on a line. */
export async function addInvoicedQuantity(tx: Transaction, workspaceId: string, lineId: string, quantity: string) {
  await tx
    .update(orderLines)
    .set({ invoicedQuantity: sql`${orderLines.invoicedQuantity} + ${quantity}::numeric` })
    .where(and(eq(orderLines.workspaceId, workspaceId), eq(orderLines.id, lineId)));
}
