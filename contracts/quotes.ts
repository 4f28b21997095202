import { z } from "zod";
import { CurrencyCode, Id, Timestamp, listOf } from "./common.js";
import { DocumentLine, DocumentLines, DocumentDate, documentTotals } from "./document-lines.js";

export const QuoteStatus = z.enum(["draft", "sent", "accepted", "rejected", "superseded"]);
export type QuoteStatus = z.infer<typeof QuoteStatus>;

const quoteFields = {
  currency: CurrencyCode,
  /** Where product lines take their default prices; absent: the default price book. */
  priceBookId: Id.optional(),
  contactId: Id.nullable().optional(),
  validUntil: DocumentDate.nullable().optional(),
  notes: z.string().trim().max(10_000).nullable().optional(),
  lines: DocumentLines,
};

export const CreateQuoteInput = z.strictObject({ dealId: Id, ...quoteFields }).meta({ id: "CreateQuoteInput" });
export type CreateQuoteInput = z.input<typeof CreateQuoteInput>;

/** A revision keeps the number and takes the next version; what is left out is copied from the quote revised. */
export const ReviseQuoteInput = z
  .strictObject({ ...quoteFields, currency: CurrencyCode.optional(), lines: DocumentLines.optional() })
  .meta({ id: "ReviseQuoteInput" });
export type ReviseQuoteInput = z.input<typeof ReviseQuoteInput>;

export const SendQuoteInput = z
  .strictObject({
    to: z.email({ message: "must be an e-mail address" }).max(320),
    subject: z.string().trim().min(1).max(300).optional(),
    message: z.string().trim().max(10_000).optional(),
  })
  .meta({ id: "SendQuoteInput" });
export type SendQuoteInput = z.input<typeof SendQuoteInput>;

export const QuoteSummary = z
  .object({
    id: Id,
    number: z.number().int(),
    version: z.number().int(),
    dealId: Id,
    contactId: Id.nullable(),
    status: QuoteStatus,
    ...documentTotals,
    validUntil: z.string().nullable(),
    notes: z.string().nullable(),
    sentAt: Timestamp.nullable(),
    sentTo: z.string().nullable(),
    acceptedAt: Timestamp.nullable(),
    /** The order made when the quote was accepted. */
    orderId: Id.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    createdBy: Id.nullable(),
  })
  .meta({ id: "QuoteSummary" });
export type QuoteSummary = z.infer<typeof QuoteSummary>;

export const Quote = QuoteSummary.extend({ lines: z.array(DocumentLine) }).meta({ id: "Quote" });
export type Quote = z.infer<typeof Quote>;

export const QuoteList = listOf(QuoteSummary).meta({ id: "QuoteList" });
export type QuoteList = z.infer<typeof QuoteList>;

export const quoteSortFields = ["number", "total", "createdAt", "updatedAt"] as const;
export const quoteFilterFields = ["dealId", "contactId", "status", "number", "currency", "createdAt", "updatedAt"] as const;

export const AcceptedQuote = z.object({ orderId: Id }).meta({ id: "AcceptedQuote" });
export type AcceptedQuote = z.infer<typeof AcceptedQuote>;
