import type { z } from "zod";
import type { CreateQuoteInput, Quote, QuoteList, QuoteSummary, ReviseQuoteInput, SendQuoteInput } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, notFound } from "../../platform/http/app-error.js";
import { iso, isoOrNull } from "../../platform/http/iso.js";
import type { Mailer } from "../../platform/mail/index.js";
import { createOrderFromQuote, findOrderByQuote } from "../orders/index.js";
import { priceLines } from "../products/index.js";
import { renderDocumentPdf } from "../shared/document-pdf.js";
import { priceDocument, toDocumentLine, toTotals } from "../shared/document-line-values.js";
import { nextDocumentNumber } from "../shared/document-numbers.js";
import { assertContact, assertDeal, findLiveDeal, firstDealContact } from "../shared/linked-records.js";
import * as repository from "./quotes.repository.js";

function toQuoteSummary(row: repository.QuoteRow, orderId: string | null): QuoteSummary {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    dealId: row.dealId,
    contactId: row.contactId,
    status: row.status,
    ...toTotals(row),
    validUntil: row.validUntil,
    notes: row.notes,
    sentAt: isoOrNull(row.sentAt),
    sentTo: row.sentTo,
    acceptedAt: isoOrNull(row.acceptedAt),
    orderId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    createdBy: row.createdBy,
  };
}

/** How a quote is named on paper and in e-mails: its number and, once revised, its version. */
export const quoteLabel = (quote: { number: number; version: number }) => `Quote Q-${quote.number}${quote.version > 1 ? ` v${quote.version}` : ""}`;

/** Quotes on a deal: priced lines, revisions (same number, next version), PDF, e-mail, acceptance into an order. */
export function createQuotesService({ db, mailer }: { db: Database; mailer: Mailer }) {
  async function loadQuote(tx: Transaction, caller: Caller, id: string, options: { isLocked?: boolean } = {}) {
    const row = await repository.findQuote(tx, caller.workspaceId, id, options);
    if (!row) throw notFound("Quote");
    return row;
  }

  async function quoteOf(tx: Transaction, caller: Caller, row: repository.QuoteRow): Promise<Quote> {
    const orderId = (await findOrderByQuote(tx, caller.workspaceId, [row.id])).get(row.id) ?? null;
    return { ...toQuoteSummary(row, orderId), lines: (await repository.findQuoteLines(tx, caller.workspaceId, row.id)).map(toDocumentLine) };
  }

  async function render(tx: Transaction, caller: Caller, row: repository.QuoteRow) {
    const quote = await quoteOf(tx, caller, row);
    const deal = await findLiveDeal(tx, caller.workspaceId, row.dealId);
    return renderDocumentPdf({
      title: quoteLabel(row),
      details: [
        ["Date", iso(row.createdAt).slice(0, 10)],
        ...(row.validUntil ? ([["Valid until", row.validUntil]] as [string, string][]) : []),
        ...(deal ? ([["For", deal.name]] as [string, string][]) : []),
      ],
      currency: row.currency,
      lines: quote.lines,
      totals: quote,
      notes: row.notes,
    });
  }

  return {
    list: (caller: Caller, query: repository.QuoteListQuery): Promise<QuoteList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listQuotes(tx, caller.workspaceId, query);
        const orders = await findOrderByQuote(tx, caller.workspaceId, rows.map((row) => row.id));
        return { data: rows.map((row) => toQuoteSummary(row, orders.get(row.id) ?? null)), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, async (tx) => quoteOf(tx, caller, await loadQuote(tx, caller, id))),

    create: (caller: Caller, input: z.output<typeof CreateQuoteInput>): Promise<Quote> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertDeal(tx, caller.workspaceId, input.dealId, "body.dealId");
        await assertContact(tx, caller.workspaceId, input.contactId, "body.contactId");
        const priced = await priceLines(tx, caller.workspaceId, input.lines, { currency: input.currency, priceBookId: input.priceBookId, createdBy: caller.userId, path: "body" });
        const { rows, totals } = priceDocument(caller.workspaceId, priced);
        const now = new Date();
        const values = {
          workspaceId: caller.workspaceId,
          id: newId(),
          number: await nextDocumentNumber(tx, caller.workspaceId, "quote"),
          version: 1,
          dealId: input.dealId,
          contactId: input.contactId ?? null,
          currency: input.currency,
          ...totals,
          validUntil: input.validUntil ?? null,
          notes: input.notes ?? null,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        };
        await repository.insertQuote(tx, values, rows);
        await recordAudit(tx, caller, { entityType: "quote", entityId: values.id, action: "create", before: null, after: values });
        return quoteOf(tx, caller, (await repository.findQuote(tx, caller.workspaceId, values.id))!);
      }),

    /** A new version under the same number; the one revised is superseded. Only the newest open version can be revised. */
    revise: (caller: Caller, id: string, input: z.output<typeof ReviseQuoteInput>): Promise<Quote> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const previous = await loadQuote(tx, caller, id, { isLocked: true });
        const latest = await repository.latestVersion(tx, caller.workspaceId, previous.number);
        if (latest.id !== previous.id) throw conflict(`Version ${latest.version} of this quote exists; revise that one.`);
        if (previous.status === "accepted" || previous.status === "rejected") throw conflict(`The quote is ${previous.status}; it can no longer be revised.`);
        const contactId = input.contactId === undefined ? previous.contactId : input.contactId;
        await assertContact(tx, caller.workspaceId, contactId, "body.contactId");
        const currency = input.currency ?? previous.currency;
        const lineInputs =
          input.lines ??
          (await repository.findQuoteLines(tx, caller.workspaceId, id)).map((line) => ({ productId: line.productId, description: line.description, quantity: line.quantity, unitPrice: Number(line.unitPrice), discountPercent: line.discountPercent, taxRate: line.taxRate }));
        const priced = await priceLines(tx, caller.workspaceId, lineInputs, { currency, priceBookId: input.priceBookId, createdBy: caller.userId, path: "body" });
        const { rows, totals } = priceDocument(caller.workspaceId, priced);
        const now = new Date();
        const values = {
          workspaceId: caller.workspaceId,
          id: newId(),
          number: previous.number,
          version: previous.version + 1,
          dealId: previous.dealId,
          contactId,
          currency,
          ...totals,
          validUntil: input.validUntil === undefined ? previous.validUntil : input.validUntil,
          notes: input.notes === undefined ? previous.notes : input.notes,
          createdAt: now,
          updatedAt: now,
          createdBy: caller.userId,
        };
        await repository.updateQuote(tx, caller.workspaceId, id, { status: "superseded", updatedAt: now });
        await repository.insertQuote(tx, values, rows);
        await recordAudit(tx, caller, { entityType: "quote", entityId: id, action: "update", before: { status: previous.status }, after: { status: "superseded" } });
        await recordAudit(tx, caller, { entityType: "quote", entityId: values.id, action: "create", before: null, after: values });
        return quoteOf(tx, caller, (await repository.findQuote(tx, caller.workspaceId, values.id))!);
      }),

    pdf: (caller: Caller, id: string) =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadQuote(tx, caller, id);
        return { filename: `quote-${row.number}-v${row.version}.pdf`, content: await render(tx, caller, row) };
      }),

    /**
     * E-mails the PDF; the quote becomes sent only if the SMTP server took the message. The SMTP
     * conversation happens outside any transaction, so a slow mail server holds no database lock.
     */
    async send(caller: Caller, id: string, input: z.output<typeof SendQuoteInput>): Promise<Quote> {
      const mail = await inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadQuote(tx, caller, id);
        if (row.status === "superseded") throw conflict("A newer version of this quote exists; send that one.");
        return { label: quoteLabel(row), filename: `quote-${row.number}-v${row.version}.pdf`, content: await render(tx, caller, row) };
      });
      await mailer.send({
        to: input.to,
        subject: input.subject ?? mail.label,
        text: input.message ?? `Please find ${mail.label} attached.`,
        attachments: [{ filename: mail.filename, content: mail.content, contentType: "application/pdf" }],
      });
      return inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadQuote(tx, caller, id, { isLocked: true });
        const now = new Date();
        const changes = { status: row.status === "draft" ? ("sent" as const) : row.status, sentAt: now, sentTo: input.to, updatedAt: now };
        await repository.updateQuote(tx, caller.workspaceId, id, changes);
        await recordAudit(tx, caller, { entityType: "quote", entityId: id, action: "update", before: { status: row.status, sentAt: row.sentAt, sentTo: row.sentTo }, after: changes });
        return quoteOf(tx, caller, (await repository.findQuote(tx, caller.workspaceId, id))!);
      });
    },

    /** Turns the quote into an order with its lines; a second accept (or a superseded version) answers 409. */
    accept: (caller: Caller, id: string): Promise<{ orderId: string }> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const row = await loadQuote(tx, caller, id, { isLocked: true });
        if (row.status === "accepted") throw conflict("The quote has been accepted already.");
        if (row.status === "superseded" || row.status === "rejected") throw conflict(`The quote is ${row.status}; only its newest version can be accepted.`);
        const deal = await findLiveDeal(tx, caller.workspaceId, row.dealId);
        const lines = await repository.findQuoteLines(tx, caller.workspaceId, id);
        const contactId = row.contactId ?? (await firstDealContact(tx, caller.workspaceId, row.dealId));
        const orderId = await createOrderFromQuote(tx, caller, { ...row, ...toTotals(row), contactId, companyId: deal?.companyId ?? null }, lines);
        const now = new Date();
        await repository.updateQuote(tx, caller.workspaceId, id, { status: "accepted", acceptedAt: now, updatedAt: now });
        await recordAudit(tx, caller, { entityType: "quote", entityId: id, action: "update", before: { status: row.status }, after: { status: "accepted" } });
        return { orderId };
      }),
  };
}

export type QuotesService = ReturnType<typeof createQuotesService>;
