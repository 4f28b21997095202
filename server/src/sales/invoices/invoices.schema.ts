import { sql } from "drizzle-orm";
import { bigint, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessColumns } from "../../db/columns.js";
import { documentLineColumns, documentTotalColumns } from "../shared/document-lines.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * An invoice for all or part of an order (or pushed by an ERP). `status` is stored, not derived on
 * read, so lists filter by it; the overdue job moves unpaid invoices past their due date to overdue.
 */
export const invoices = pgTable(
  "invoices",
  {
    ...businessColumns,
    number: integer("number").notNull(),
    orderId: uuid("order_id"),
    dealId: uuid("deal_id"),
    companyId: uuid("company_id"),
    contactId: uuid("contact_id"),
    status: text("status", { enum: ["draft", "sent", "partially_paid", "paid", "overdue", "void"] }).notNull().default("draft"),
    ...documentTotalColumns(),
    amountPaid: bigint("amount_paid", { mode: "number" }).notNull().default(0),
    issuedAt: moment("issued_at").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    sentAt: moment("sent_at"),
    paidAt: moment("paid_at"),
    voidedAt: moment("voided_at"),
    externalId: text("external_id"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    uniqueIndex("invoices_number_idx").on(table.workspaceId, table.number),
    uniqueIndex("invoices_external_id_idx").on(table.workspaceId, table.externalId).where(sql`external_id is not null`),
    index("invoices_order_idx").on(table.workspaceId, table.orderId),
    index("invoices_company_idx").on(table.workspaceId, table.companyId, table.issuedAt.desc()),
    index("invoices_contact_idx").on(table.workspaceId, table.contactId, table.issuedAt.desc()),
    // The overdue check: unpaid invoices by due date.
    index("invoices_unpaid_due_idx").on(table.dueDate).where(sql`status in ('sent', 'partially_paid')`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  { ...documentLineColumns(), invoiceId: uuid("invoice_id").notNull(), orderLineId: uuid("order_line_id") },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.invoiceId], foreignColumns: [invoices.workspaceId, invoices.id], name: "invoice_lines_invoice_fk" }).onDelete("cascade"),
    index("invoice_lines_invoice_idx").on(table.workspaceId, table.invoiceId, table.position),
  ],
);

export const payments = pgTable(
  "payments",
  {
    ...businessColumns,
    invoiceId: uuid("invoice_id").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    paidAt: moment("paid_at").notNull(),
    method: text("method"),
    reference: text("reference"),
  },
  (table) => [
    primaryKey({ columns: [table.workspaceId, table.id] }),
    foreignKey({ columns: [table.workspaceId, table.invoiceId], foreignColumns: [invoices.workspaceId, invoices.id], name: "payments_invoice_fk" }).onDelete("cascade"),
    index("payments_invoice_idx").on(table.workspaceId, table.invoiceId, table.paidAt),
  ],
);
