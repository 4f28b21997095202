import { z } from "zod";
import { CurrencyCode, Id, Timestamp, listOf } from "./common.js";
import { DocumentLine, DocumentLines, DocumentDate, Quantity, documentTotals } from "./document-lines.js";

export const OrderStatus = z.enum(["open", "partially_invoiced", "invoiced", "cancelled"]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderLine = DocumentLine.extend({
  /** How much of the quantity is on invoices already (void ones excluded), decimal text. */
  invoicedQuantity: z.string(),
}).meta({ id: "OrderLine" });
export type OrderLine = z.infer<typeof OrderLine>;

export const OrderSummary = z
  .object({
    id: Id,
    number: z.number().int(),
    quoteId: Id.nullable(),
    dealId: Id.nullable(),
    companyId: Id.nullable(),
    contactId: Id.nullable(),
    status: OrderStatus,
    ...documentTotals,
    orderedAt: Timestamp,
    externalId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "OrderSummary" });
export type OrderSummary = z.infer<typeof OrderSummary>;

export const Order = OrderSummary.extend({ lines: z.array(OrderLine) }).meta({ id: "Order" });
export type Order = z.infer<typeof Order>;

export const OrderList = listOf(OrderSummary).meta({ id: "OrderList" });
export type OrderList = z.infer<typeof OrderList>;

export const orderSortFields = ["number", "orderedAt", "total", "createdAt", "updatedAt"] as const;
export const orderFilterFields = ["externalId", "companyId", "contactId", "dealId", "quoteId", "status", "currency", "number", "total", "orderedAt", "createdAt", "updatedAt"] as const;

/** An ERP's order, upserted by its id there: sent twice, it is the same order with the same lines. */
export const UpsertOrderInput = z
  .strictObject({
    currency: CurrencyCode,
    companyId: Id.nullable().optional(),
    contactId: Id.nullable().optional(),
    dealId: Id.nullable().optional(),
    orderedAt: z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).optional(),
    status: OrderStatus.optional(),
    lines: DocumentLines,
  })
  .meta({ id: "UpsertOrderInput" });
export type UpsertOrderInput = z.input<typeof UpsertOrderInput>;

export const DocumentExternalIdParams = z.strictObject({ externalId: z.string().trim().min(1).max(200) });

/** The whole order (no `lines`), or part of it: how much of which order lines. */
export const CreateInvoiceInput = z
  .strictObject({
    lines: z
      .array(z.strictObject({ orderLineId: Id, quantity: Quantity }))
      .min(1, "must hold at least one line")
      .max(500)
      .refine((lines) => new Set(lines.map((line) => line.orderLineId)).size === lines.length, "may name each order line once")
      .optional(),
    /** Absent: 30 days after today. */
    dueDate: DocumentDate.optional(),
  })
  .meta({ id: "CreateInvoiceInput" });
export type CreateInvoiceInput = z.input<typeof CreateInvoiceInput>;
