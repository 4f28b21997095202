import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { invoiceFilterFields, invoiceSortFields } from "../../../../contracts/index.js";
import { keysetPage, type ListField, type ListRequest } from "../../db/list-query.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import type { LineColumns } from "../shared/document-line-values.js";
import { invoiceLines, invoices, payments } from "./invoices.schema.js";

const column = (name: keyof typeof invoices.$inferSelect) => sql`${invoices[name]}`;
const sortable = new Set<string>(invoiceSortFields);

const listFields: Record<(typeof invoiceFilterFields)[number] | (typeof invoiceSortFields)[number], ListField> = {
  status: { column: column("status"), type: "enum", enumValues: invoices.status.enumValues, isNullable: false, isSortable: false },
  companyId: { column: column("companyId"), type: "uuid", isNullable: true, isSortable: false },
  contactId: { column: column("contactId"), type: "uuid", isNullable: true, isSortable: false },
  orderId: { column: column("orderId"), type: "uuid", isNullable: true, isSortable: false },
  dealId: { column: column("dealId"), type: "uuid", isNullable: true, isSortable: false },
  externalId: { column: column("externalId"), type: "text", isNullable: true, isSortable: false },
  currency: { column: column("currency"), type: "text", isNullable: false, isSortable: false },
  number: { column: column("number"), type: "number", isNullable: false, isSortable: true },
  total: { column: column("total"), type: "number", isNullable: false, isSortable: true },
  dueDate: { column: column("dueDate"), type: "date", isNullable: false, isSortable: true },
  issuedAt: { column: column("issuedAt"), type: "timestamp", isNullable: false, isSortable: true },
  createdAt: { column: column("createdAt"), type: "timestamp", isNullable: false, isSortable: true },
  updatedAt: { column: column("updatedAt"), type: "timestamp", isNullable: false, isSortable: true },
};
for (const [name, field] of Object.entries(listFields)) field.isSortable = sortable.has(name);

export type InvoiceRow = typeof invoices.$inferSelect;

export async function findInvoice(tx: Transaction, workspaceId: string, id: string, { isLocked = false } = {}) {
  const query = tx.select().from(invoices).where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, id)));
  const [row] = isLocked ? await query.for("update") : await query;
  return row;
}

/** Locks the external id for the transaction first, so two first upserts of it in a race make one invoice. */
export async function findInvoiceByExternalId(tx: Transaction, workspaceId: string, externalId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('invoice-external-id'), hashtext(${`${workspaceId}:${externalId}`}))`);
  const [row] = await tx.select().from(invoices).where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.externalId, externalId))).for("update");
  return row;
}

export function findInvoiceLines(tx: Transaction, workspaceId: string, invoiceId: string) {
  return tx.select().from(invoiceLines).where(and(eq(invoiceLines.workspaceId, workspaceId), eq(invoiceLines.invoiceId, invoiceId))).orderBy(asc(invoiceLines.position));
}

export function findPayments(tx: Transaction, workspaceId: string, invoiceId: string) {
  return tx.select().from(payments).where(and(eq(payments.workspaceId, workspaceId), eq(payments.invoiceId, invoiceId))).orderBy(asc(payments.paidAt), asc(payments.id));
}

export type InvoiceListQuery = ListRequest;

export function listInvoices(tx: Transaction, workspaceId: string, query: InvoiceListQuery) {
  return keysetPage(query, { fields: listFields, fallbackSort: "-issuedAt", idColumn: sql`${invoices.id}`, conditions: [eq(invoices.workspaceId, workspaceId)] }, (where, order, limit) =>
    tx.select().from(invoices).where(where).orderBy(...order).limit(limit),
  );
}

export async function insertInvoice(tx: Transaction, values: typeof invoices.$inferInsert, lines: (LineColumns & { orderLineId: string | null })[]) {
  await tx.insert(invoices).values(values);
  await insertInvoiceLines(tx, values.id, lines);
}

export async function insertInvoiceLines(tx: Transaction, invoiceId: string, lines: (LineColumns & { orderLineId: string | null })[]) {
  if (lines.length) await tx.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId })));
}

export async function deleteInvoiceLines(tx: Transaction, workspaceId: string, invoiceId: string) {
  await tx.delete(invoiceLines).where(and(eq(invoiceLines.workspaceId, workspaceId), eq(invoiceLines.invoiceId, invoiceId)));
}

export async function updateInvoice(tx: Transaction, workspaceId: string, id: string, values: Partial<typeof invoices.$inferInsert>) {
  await tx.update(invoices).set(values).where(and(eq(invoices.workspaceId, workspaceId), eq(invoices.id, id)));
}

export async function insertPayment(tx: Transaction, values: typeof payments.$inferInsert) {
  await tx.insert(payments).values(values);
}

/** Moves the workspace's unpaid invoices due before `today` to overdue and says which moved. */
export async function markOverdue(tx: Transaction, workspaceId: string, today: string) {
  return tx
    .update(invoices)
    .set({ status: "overdue", updatedAt: new Date() })
    .where(and(eq(invoices.workspaceId, workspaceId), inArray(invoices.status, ["sent", "partially_paid"]), lt(invoices.dueDate, today)))
    .returning({ workspaceId: invoices.workspaceId, id: invoices.id, number: invoices.number, dealId: invoices.dealId, createdBy: invoices.createdBy, dueDate: invoices.dueDate });
}
