import type { z } from "zod";
import type { CreateInvoiceInput, Invoice, InvoiceList, InvoiceSummary, RecordPaymentInput, SendInvoiceInput, UpsertInvoiceInput } from "../../../../contracts/index.js";
import { formatMoney, formatScaledDecimal, parseScaledDecimal } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, invalidField, notFound } from "../../platform/http/app-error.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import type { Mailer } from "../../platform/mail/index.js";
import { addInvoicedQuantity, findOrder, findOrderLines, refreshOrderStatus } from "../orders/index.js";
import { priceLines } from "../products/index.js";
import { isSameLines, priceDocument, toDocumentLine, toTotals } from "../shared/document-line-values.js";
import { renderDocumentPdf } from "../shared/document-pdf.js";
import { nextDocumentNumber } from "../shared/document-numbers.js";
import { assertCompany, assertContact, assertDeal, companyOfContact } from "../shared/linked-records.js";
import * as repository from "./invoices.repository.js";

const amountDue = (row: repository.InvoiceRow) => (row.status === "void" ? 0 : Math.max(0, Number(row.total) - Number(row.amountPaid)));

export function toInvoiceSummary(row: repository.InvoiceRow): InvoiceSummary {
  return {
    id: row.id,
    number: row.number,
    orderId: row.orderId,
    dealId: row.dealId,
    companyId: row.companyId,
    contactId: row.contactId,
    status: row.status,
    ...toTotals(row),
    amountPaid: Number(row.amountPaid),
    amountDue: amountDue(row),
    issuedAt: iso(row.issuedAt),
    dueDate: row.dueDate,
    sentAt: isoOrNull(row.sentAt),
    paidAt: isoOrNull(row.paidAt),
    voidedAt: isoOrNull(row.voidedAt),
    externalId: row.externalId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** What payments make of an unpaid invoice: paid in full, in part, or (nothing paid) as it was. */
function statusAfterPayment(row: repository.InvoiceRow, amountPaid: number): repository.InvoiceRow["status"] {
  if (amountPaid >= Number(row.total)) return "paid";
  if (amountPaid > 0) return row.status === "overdue" ? "overdue" : "partially_paid";
  return row.status;
}

/**
 * An ERP's invoice status: void when it says so; otherwise what its payments make it (paid, part
 * paid); unpaid, the status it sends, else the one it has (an overdue invoice stays overdue).
 */
function erpStatus(sent: "draft" | "sent" | "void" | undefined, stored: repository.InvoiceRow["status"] | undefined, amountPaid: number, total: number): repository.InvoiceRow["status"] {
  if (sent === "void") return "void";
  if (amountPaid >= total && total > 0) return "paid";
  if (stored === "overdue") return "overdue";
  if (amountPaid > 0) return "partially_paid";
  return sent ?? (stored === "draft" ? "draft" : "sent");
}

/** Invoices from orders (all or part), sending, voiding, payments, and an ERP's invoices by external id. */
export function createInvoicesService({ db, mailer }: { db: Database; mailer: Mailer }) {
  async function loadInvoice(tx: Transaction, caller: Caller, id: string, options: { isLocked?: boolean } = {}) {
    const row = await repository.findInvoice(tx, caller.workspaceId, id, options);
    if (!row) throw notFound("Invoice");
    return row;
  }

  async function invoiceOf(tx: Transaction, caller: Caller, id: string): Promise<Invoice> {
    const row = (await repository.findInvoice(tx, caller.workspaceId, id))!;
    const lines = await repository.findInvoiceLines(tx, caller.workspaceId, id);
    const payments = await repository.findPayments(tx, caller.workspaceId, id);
    return {
      ...toInvoiceSummary(row),
      lines: lines.map((line) => ({ ...toDocumentLine(line), orderLineId: line.orderLineId })),
      payments: payments.map((payment) => ({ id: payment.id, amount: Number(payment.amount), paidAt: iso(payment.paidAt), method: payment.method, reference: payment.reference, createdAt: iso(payment.createdAt) })),
    };
  }

  async function renderInvoice(tx: Transaction, caller: Caller, row: repository.InvoiceRow) {
    const invoice = await invoiceOf(tx, caller, row.id);
    return renderDocumentPdf({
      title: `Invoice INV-${row.number}`,
      details: [["Issued", row.issuedAt.toISOString().slice(0, 10)], ["Due", row.dueDate]],
      currency: row.currency,
      lines: invoice.lines,
      totals: invoice,
      footer: [["Paid", invoice.amountPaid], ["Amount due", invoice.amountDue]],
    });
  }

  return {
    pdf: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadInvoice(tx, caller, id);
        return { filename: `invoice-${row.number}.pdf`, content: await renderInvoice(tx, caller, row) };
      }),

    list: (caller: Caller, query: repository.InvoiceListQuery): Promise<InvoiceList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listInvoices(tx, caller.workspaceId, query);
        return { data: rows.map(toInvoiceSummary), nextCursor };
      }),

    get: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await loadInvoice(tx, caller, id);
        return invoiceOf(tx, caller, id);
      }),

    /**
     * Invoices what is left of the whole order, or the quantities named. More than is left of a line
     * answers 409 naming it; the order's lines record what is invoiced, under the order's row lock.
     */
    createFromOrder: (caller: Caller, orderId: string, input: z.output<typeof CreateInvoiceInput>): Promise<Invoice> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const order = await findOrder(tx, caller.workspaceId, orderId, { isLocked: true });
        if (!order) throw notFound("Order");
        if (order.status === "cancelled") throw conflict("The order is cancelled; it cannot be invoiced.");
        const orderLines = await findOrderLines(tx, caller.workspaceId, orderId);
        const remaining = (line: (typeof orderLines)[number]) => parseScaledDecimal(line.quantity)! - parseScaledDecimal(line.invoicedQuantity)!;
        const wanted = input.lines
          ? input.lines.map((requested, index) => {
              const line = orderLines.find((candidate) => candidate.id === requested.orderLineId);
              if (!line) throw invalidField(`body.lines.${index}.orderLineId`, "is not a line of this order");
              const quantity = parseScaledDecimal(requested.quantity)!;
              if (quantity > remaining(line)) {
                throw conflict(`Line ${index + 1} (${line.description}) has ${formatScaledDecimal(remaining(line))} left to invoice.`, [
                  { path: `body.lines.${index}.quantity`, message: `is more than the ${formatScaledDecimal(remaining(line))} left to invoice on this order line` },
                ]);
              }
              return { line, quantity };
            })
          : orderLines.filter((line) => remaining(line) > 0n).map((line) => ({ line, quantity: remaining(line) }));
        if (wanted.length === 0) throw conflict("Everything on this order has been invoiced already.");
        const { rows, totals } = priceDocument(
          caller.workspaceId,
          wanted.map(({ line, quantity }) => ({ productId: line.productId, description: line.description, quantity: formatScaledDecimal(quantity), unitPrice: Number(line.unitPrice), discountPercent: line.discountPercent, taxRate: line.taxRate })),
        );
        const now = new Date();
        const values = {
          workspaceId: caller.workspaceId,
          id: newId(),
          number: await nextDocumentNumber(tx, caller.workspaceId, "invoice"),
          orderId,
          dealId: order.dealId,
          companyId: order.companyId,
          contactId: order.contactId,
          currency: order.currency,
          ...totals,
          issuedAt: now,
          dueDate: input.dueDate ?? inDays(30),
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        };
        await repository.insertInvoice(tx, values, rows.map((row, index) => ({ ...row, orderLineId: wanted[index].line.id })));
        for (const { line, quantity } of wanted) await addInvoicedQuantity(tx, caller.workspaceId, line.id, formatScaledDecimal(quantity));
        await refreshOrderStatus(tx, caller.workspaceId, orderId);
        await recordAudit(tx, caller, { entityType: "invoice", entityId: values.id, action: "create", before: null, after: values });
        return invoiceOf(tx, caller, values.id);
      }),

    /** Marks a draft sent; with `to`, e-mails the PDF there first, outside any transaction (the invoice stays a draft if that fails). */
    async send(caller: Caller, id: string, input: z.output<typeof SendInvoiceInput>): Promise<Invoice> {
      const to = input.to;
      if (to) {
        const mail = await inWorkspace(db, caller.workspaceId, async (tx) => {
          const row = await loadInvoice(tx, caller, id);
          if (row.status === "void") throw conflict("The invoice is void; it cannot be sent.");
          return { row, pdf: await renderInvoice(tx, caller, row) };
        });
        const label = `Invoice INV-${mail.row.number}`;
        const due = amountDue(mail.row);
        await mailer.send({ to, subject: label, text: `Please find ${label} attached, due ${mail.row.dueDate}: ${formatMoney(due, mail.row.currency)}.`, attachments: [{ filename: `invoice-${mail.row.number}.pdf`, content: mail.pdf, contentType: "application/pdf" }] });
      }
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadInvoice(tx, caller, id, { isLocked: true });
        if (row.status === "void") throw conflict("The invoice is void; it cannot be sent.");
        const now = new Date();
        const changes = { status: row.status === "draft" ? ("sent" as const) : row.status, sentAt: now, updatedAt: now };
        await repository.updateInvoice(tx, caller.workspaceId, id, changes);
        await recordAudit(tx, caller, { entityType: "invoice", entityId: id, action: "update", before: { status: row.status, sentAt: row.sentAt }, after: changes });
        return invoiceOf(tx, caller, id);
      });
    },

    /** Voids an invoice without payments; its quantities become invoiceable again on the order. */
    void: (caller: Caller, id: string): Promise<Invoice> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadInvoice(tx, caller, id, { isLocked: true });
        if (row.status === "void") throw conflict("The invoice is void already.");
        if (Number(row.amountPaid) > 0) throw conflict("The invoice has payments; it cannot be voided.");
        if (row.orderId) {
          await findOrder(tx, caller.workspaceId, row.orderId, { isLocked: true });
          for (const line of await repository.findInvoiceLines(tx, caller.workspaceId, id)) {
            if (line.orderLineId) await addInvoicedQuantity(tx, caller.workspaceId, line.orderLineId, formatScaledDecimal(-parseScaledDecimal(line.quantity)!));
          }
          await refreshOrderStatus(tx, caller.workspaceId, row.orderId);
        }
        const now = new Date();
        await repository.updateInvoice(tx, caller.workspaceId, id, { status: "void", voidedAt: now, updatedAt: now });
        await recordAudit(tx, caller, { entityType: "invoice", entityId: id, action: "update", before: { status: row.status }, after: { status: "void" } });
        return invoiceOf(tx, caller, id);
      }),

    /** Records a payment; more than is due answers 400 naming body.amount. */
    recordPayment: (caller: Caller, id: string, input: z.output<typeof RecordPaymentInput>): Promise<Invoice> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadInvoice(tx, caller, id, { isLocked: true });
        if (row.status === "void") throw conflict("The invoice is void; it takes no payments.");
        const due = amountDue(row);
        if (input.amount > due) throw invalidField("body.amount", `is more than the ${formatMoney(due, row.currency)} due on this invoice`);
        const paidAt = input.paidAt ? new Date(input.paidAt) : new Date();
        const now = new Date();
        const payment = { workspaceId: caller.workspaceId, id: newId(), invoiceId: id, amount: input.amount, paidAt, method: input.method ?? null, reference: input.reference ?? null, createdAt: now, updatedAt: now, createdBy: caller.userId };
        await repository.insertPayment(tx, payment);
        const amountPaid = Number(row.amountPaid) + input.amount;
        const status = statusAfterPayment(row, amountPaid);
        await repository.updateInvoice(tx, caller.workspaceId, id, { amountPaid, status, ...(status === "paid" ? { paidAt } : {}), updatedAt: now });
        await recordAudit(tx, caller, { entityType: "payment", entityId: payment.id, action: "create", before: null, after: payment });
        await recordAudit(tx, caller, { entityType: "invoice", entityId: id, action: "update", before: { status: row.status, amountPaid: Number(row.amountPaid) }, after: { status, amountPaid } });
        return invoiceOf(tx, caller, id);
      }),

    /** An ERP's invoice by its id there: created once, updated after; the same body twice changes nothing. */
    upsertExternal: (caller: Caller, externalId: string, input: z.output<typeof UpsertInvoiceInput>): Promise<{ invoice: Invoice; isCreated: boolean }> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertContact(tx, caller.workspaceId, input.contactId, "body.contactId");
        await assertCompany(tx, caller.workspaceId, input.companyId, "body.companyId");
        if (input.dealId) await assertDeal(tx, caller.workspaceId, input.dealId, "body.dealId");
        if (input.orderId && !(await findOrder(tx, caller.workspaceId, input.orderId))) throw invalidField("body.orderId", "is not an order of this workspace");
        const priced = await priceLines(tx, caller.workspaceId, input.lines, { currency: input.currency, createdBy: caller.userId, path: "body" });
        const { rows, totals } = priceDocument(caller.workspaceId, priced);
        const amountPaid = input.amountPaid ?? 0;
        if (amountPaid > totals.total) throw invalidField("body.amountPaid", "is more than the invoice's total");
        const existing = await repository.findInvoiceByExternalId(tx, caller.workspaceId, externalId);
        const now = new Date();
        const header = {
          currency: input.currency,
          ...totals,
          amountPaid,
          status: erpStatus(input.status, existing?.status, amountPaid, totals.total),
          orderId: input.orderId ?? null,
          dealId: input.dealId ?? null,
          contactId: input.contactId ?? null,
          companyId: input.companyId ?? (await companyOfContact(tx, caller.workspaceId, input.contactId ?? null)),
          dueDate: input.dueDate,
          ...(input.issuedAt ? { issuedAt: new Date(input.issuedAt) } : {}),
        };
        if (!existing) {
          const id = newId();
          const values = { ...header, issuedAt: header.issuedAt ?? now, workspaceId: caller.workspaceId, id, externalId, number: await nextDocumentNumber(tx, caller.workspaceId, "invoice"), createdAt: now, updatedAt: now, createdBy: caller.userId };
          await repository.insertInvoice(tx, values, rows.map((row) => ({ ...row, orderLineId: null })));
          await recordAudit(tx, caller, { entityType: "invoice", entityId: id, action: "create", before: null, after: values });
          return { invoice: await invoiceOf(tx, caller, id), isCreated: true };
        }
        const before = await invoiceOf(tx, caller, existing.id);
        if (!isSameLines(await repository.findInvoiceLines(tx, caller.workspaceId, existing.id), rows)) {
          await repository.deleteInvoiceLines(tx, caller.workspaceId, existing.id);
          await repository.insertInvoiceLines(tx, existing.id, rows.map((row) => ({ ...row, orderLineId: null })));
        }
        await repository.updateInvoice(tx, caller.workspaceId, existing.id, { ...header, updatedAt: now });
        const after = await invoiceOf(tx, caller, existing.id);
        if (JSON.stringify({ ...before, updatedAt: null }) !== JSON.stringify({ ...after, updatedAt: null })) {
          await recordAudit(tx, caller, { entityType: "invoice", entityId: existing.id, action: "update", before, after });
        }
        return { invoice: after, isCreated: false };
      }),
  };
}

export type InvoicesService = ReturnType<typeof createInvoicesService>;
