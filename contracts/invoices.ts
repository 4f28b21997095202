import { z } from "zod";
import { CurrencyCode, Id, Timestamp, listOf } from "./common.js";
import { DocumentLine, DocumentLines, DocumentDate, MinorAmount, documentTotals } from "./document-lines.js";

export const InvoiceStatus = z.enum(["draft", "sent", "partially_paid", "paid", "overdue", "void"]);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

export const Payment = z
  .object({ id: Id, amount: z.number().int(), paidAt: Timestamp, method: z.string().nullable(), reference: z.string().nullable(), createdAt: Timestamp })
  .meta({ id: "Payment" });
export type Payment = z.infer<typeof Payment>;

export const InvoiceLine = DocumentLine.extend({ orderLineId: Id.nullable() }).meta({ id: "InvoiceLine" });
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceSummary = z
  .object({
    id: Id,
    number: z.number().int(),
    orderId: Id.nullable(),
    dealId: Id.nullable(),
    companyId: Id.nullable(),
    contactId: Id.nullable(),
    status: InvoiceStatus,
    ...documentTotals,
    amountPaid: z.number().int(),
    /** total − amountPaid; 0 once paid or void. */
    amountDue: z.number().int(),
    issuedAt: Timestamp,
    dueDate: z.string(),
    sentAt: Timestamp.nullable(),
    paidAt: Timestamp.nullable(),
    voidedAt: Timestamp.nullable(),
    externalId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "InvoiceSummary" });
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const Invoice = InvoiceSummary.extend({ lines: z.array(InvoiceLine), payments: z.array(Payment) }).meta({ id: "Invoice" });
export type Invoice = z.infer<typeof Invoice>;

export const InvoiceList = listOf(InvoiceSummary).meta({ id: "InvoiceList" });
export type InvoiceList = z.infer<typeof InvoiceList>;

export const invoiceSortFields = ["number", "issuedAt", "dueDate", "total", "createdAt", "updatedAt"] as const;
export const invoiceFilterFields = ["status", "companyId", "contactId", "orderId", "dealId", "externalId", "currency", "number", "dueDate", "issuedAt", "createdAt", "updatedAt"] as const;

export const RecordPaymentInput = z
  .strictObject({
    amount: MinorAmount.refine((amount) => amount > 0, "must be more than 0"),
    paidAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    method: z.string().trim().max(100).nullable().optional(),
    reference: z.string().trim().max(200).nullable().optional(),
  })
  .meta({ id: "RecordPaymentInput" });
export type RecordPaymentInput = z.input<typeof RecordPaymentInput>;

/** Marks the invoice sent; with `to`, e-mails it there as a PDF too. */
export const SendInvoiceInput = z.strictObject({ to: z.email({ message: "must be an e-mail address" }).max(320).optional() }).meta({ id: "SendInvoiceInput" });
export type SendInvoiceInput = z.input<typeof SendInvoiceInput>;

/** An ERP's invoice, upserted by its id there; an ERP sends its own status (draft, sent, paid, void). */
export const UpsertInvoiceInput = z
  .strictObject({
    currency: CurrencyCode,
    orderId: Id.nullable().optional(),
    companyId: Id.nullable().optional(),
    contactId: Id.nullable().optional(),
    dealId: Id.nullable().optional(),
    issuedAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    dueDate: DocumentDate,
    status: z.enum(["draft", "sent", "void"]).optional(),
    amountPaid: MinorAmount.optional(),
    lines: DocumentLines,
  })
  .meta({ id: "UpsertInvoiceInput" });
export type UpsertInvoiceInput = z.input<typeof UpsertInvoiceInput>;
