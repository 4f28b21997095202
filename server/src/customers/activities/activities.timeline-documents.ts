import { and, eq, sql, type SQL } from "drizzle-orm";
import type { TimelineItem } from "../../../../contracts/index.js";
import type { Transaction } from "../../db/workspace-transaction.js";
import { invoices } from "../../sales/invoices/invoices.schema.js";
import { orders } from "../../sales/orders/orders.schema.js";

type Page = { limit: number; before?: { at: string; id: string } };
type RecordType = "contact" | "company" | "deal";

/** Which documents belong on a record's timeline: a contact's own, a company's and its contacts', a deal's. */
function belongsTo(columns: { contactId: SQL; companyId: SQL; dealId: SQL }, record: { type: RecordType; id: string }, companyContacts: SQL): SQL {
  if (record.type === "contact") return sql`${columns.contactId} = ${record.id}::uuid`;
  if (record.type === "deal") return sql`${columns.dealId} = ${record.id}::uuid`;
  return sql`(${columns.companyId} = ${record.id}::uuid or ${columns.contactId} in (${companyContacts}))`;
}

/** Orders (at their order date) and invoices (at their issue date) as timeline entries, newest first, past the cursor. */
export async function salesDocumentEntries(
  tx: Transaction,
  workspaceId: string,
  record: { type: RecordType; id: string },
  companyContacts: SQL,
  kinds: { isOrders: boolean; isInvoices: boolean },
  page: Page,
): Promise<{ at: Date; id: string; item: TimelineItem }[]> {
  const entries: { at: Date; id: string; item: TimelineItem }[] = [];
  if (kinds.isOrders) {
    const rows = await tx
      .select()
      .from(orders)
      .where(
        and(
          eq(orders.workspaceId, workspaceId),
          belongsTo({ contactId: sql`${orders.contactId}`, companyId: sql`${orders.companyId}`, dealId: sql`${orders.dealId}` }, record, companyContacts),
          page.before ? sql`(${orders.orderedAt}, ${orders.id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`${orders.orderedAt} desc`, sql`${orders.id} desc`)
      .limit(page.limit);
    for (const order of rows) {
      entries.push({
        at: order.orderedAt,
        id: order.id,
        item: { kind: "order", at: order.orderedAt.toISOString(), id: order.id, order: { id: order.id, number: order.number, status: order.status, currency: order.currency, total: Number(order.total) } },
      });
    }
  }
  if (kinds.isInvoices) {
    const rows = await tx
      .select()
      .from(invoices)
      .where(
        and(
          eq(invoices.workspaceId, workspaceId),
          belongsTo({ contactId: sql`${invoices.contactId}`, companyId: sql`${invoices.companyId}`, dealId: sql`${invoices.dealId}` }, record, companyContacts),
          page.before ? sql`(${invoices.issuedAt}, ${invoices.id}) < (${page.before.at}::timestamptz, ${page.before.id}::uuid)` : undefined,
        ),
      )
      .orderBy(sql`${invoices.issuedAt} desc`, sql`${invoices.id} desc`)
      .limit(page.limit);
    for (const invoice of rows) {
      const due = invoice.status === "void" ? 0 : Math.max(0, Number(invoice.total) - Number(invoice.amountPaid));
      entries.push({
        at: invoice.issuedAt,
        id: invoice.id,
        item: {
          kind: "invoice",
          at: invoice.issuedAt.toISOString(),
          id: invoice.id,
          invoice: { id: invoice.id, number: invoice.number, status: invoice.status, currency: invoice.currency, total: Number(invoice.total), amountDue: due, dueDate: invoice.dueDate },
        },
      });
    }
  }
  return entries;
}
