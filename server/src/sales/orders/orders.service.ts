import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Order, OrderList, OrderSummary, UpsertOrderInput } from "../../../../contracts/index.js";
import { parseScaledDecimal } from "../../../../contracts/index.js";
import type { Database } from "../../db/client.js";
import { newId } from "../../db/ids.js";
import { inWorkspace, type Transaction } from "../../db/workspace-transaction.js";
import { recordAudit } from "../../platform/audit/audit.service.js";
import type { Caller } from "../../platform/auth/caller.js";
import { conflict, notFound } from "../../platform/http/app-error.js";
import { iso } from "../../platform/http/iso.js";
import { priceLines } from "../products/index.js";
import { decimalText, isSameLines, priceDocument, toDocumentLine, toTotals, type LineColumns } from "../shared/document-line-values.js";
import { nextDocumentNumber } from "../shared/document-numbers.js";
import { assertCompany, assertContact, assertDeal, companyOfContact } from "../shared/linked-records.js";
import * as repository from "./orders.repository.js";
import { orders } from "./orders.schema.js";

export function toOrderSummary(row: repository.OrderRow): OrderSummary {
  return {
    id: row.id,
    number: row.number,
    quoteId: row.quoteId,
    dealId: row.dealId,
    companyId: row.companyId,
    contactId: row.contactId,
    status: row.status,
    ...toTotals(row),
    orderedAt: iso(row.orderedAt),
    externalId: row.externalId,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

function toOrder(row: repository.OrderRow, lines: repository.OrderLineRow[]): Order {
  return { ...toOrderSummary(row), lines: lines.map((line) => ({ ...toDocumentLine(line), invoicedQuantity: decimalText(line.invoicedQuantity) })) };
}

/** An order's status from its lines: nothing invoiced, some, or all (a cancelled order stays cancelled). */
export async function refreshOrderStatus(tx: Transaction, workspaceId: string, orderId: string) {
  const order = (await repository.findOrder(tx, workspaceId, orderId))!;
  if (order.status === "cancelled") return;
  const lines = await repository.findOrderLines(tx, workspaceId, orderId);
  const invoiced = lines.map((line) => ({ done: parseScaledDecimal(line.invoicedQuantity)!, of: parseScaledDecimal(line.quantity)! }));
  const status = invoiced.every((line) => line.done >= line.of) ? "invoiced" : invoiced.some((line) => line.done > 0n) ? "partially_invoiced" : "open";
  if (status !== order.status) await repository.updateOrder(tx, workspaceId, orderId, { status, updatedAt: new Date() });
}

/** Copies an accepted quote's lines into a new order, in the quote's transaction. */
export async function createOrderFromQuote(
  tx: Transaction,
  caller: Caller,
  quote: { id: string; dealId: string; contactId: string | null; companyId: string | null; currency: string; subtotal: number; discountTotal: number; taxTotal: number; total: number },
  lines: LineColumns[],
): Promise<string> {
  const now = new Date();
  const id = newId();
  const values = {
    workspaceId: caller.workspaceId,
    id,
    number: await nextDocumentNumber(tx, caller.workspaceId, "order"),
    quoteId: quote.id,
    dealId: quote.dealId,
    companyId: quote.companyId,
    contactId: quote.contactId,
    currency: quote.currency,
    subtotal: quote.subtotal,
    discountTotal: quote.discountTotal,
    taxTotal: quote.taxTotal,
    total: quote.total,
    orderedAt: now,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.userId,
  };
  await repository.insertOrder(tx, values, lines.map((line) => ({ ...line, workspaceId: caller.workspaceId, id: newId() })));
  await recordAudit(tx, caller, { entityType: "order", entityId: id, action: "create", before: null, after: values });
  return id;
}

export function createOrdersService({ db }: { db: Database }) {
  async function loadOrder(tx: Transaction, caller: Caller, id: string) {
    const row = await repository.findOrder(tx, caller.workspaceId, id);
    if (!row) throw notFound("Order");
    return toOrder(row, await repository.findOrderLines(tx, caller.workspaceId, id));
  }

  return {
    list: (caller: Caller, query: repository.OrderListQuery): Promise<OrderList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const { rows, nextCursor } = await repository.listOrders(tx, caller.workspaceId, query);
        return { data: rows.map(toOrderSummary), nextCursor };
      }),

    get: (caller: Caller, id: string) => inWorkspace(db, caller.workspaceId, (tx) => loadOrder(tx, caller, id)),

    /** A contact's or company's orders, newest first: its purchase history. */
    purchases: (caller: Caller, of: { contactId: string } | { companyId: string }, query: repository.OrderListQuery): Promise<OrderList> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        const isContact = "contactId" in of;
        try {
          if (isContact) await assertContact(tx, caller.workspaceId, of.contactId, "id");
          else await assertCompany(tx, caller.workspaceId, of.companyId, "id");
        } catch {
          throw notFound(isContact ? "Contact" : "Company");
        }
        const condition = isContact ? eq(orders.contactId, of.contactId) : eq(orders.companyId, of.companyId);
        const { rows, nextCursor } = await repository.listOrders(tx, caller.workspaceId, { ...query, sort: query.sort ?? "-orderedAt" }, [condition]);
        return { data: rows.map(toOrderSummary), nextCursor };
      }),

    /**
     * An ERP's order by its external id: created the first time, updated after. The same body twice
     * leaves one order with the same lines; changed lines replace the old ones until it is invoiced.
     */
    upsertExternal: (caller: Caller, externalId: string, input: z.output<typeof UpsertOrderInput>): Promise<{ order: Order; isCreated: boolean }> =>
      inWorkspace(db, caller.workspaceId, async (tx) => {
        await assertContact(tx, caller.workspaceId, input.contactId, "body.contactId");
        await assertCompany(tx, caller.workspaceId, input.companyId, "body.companyId");
        if (input.dealId) await assertDeal(tx, caller.workspaceId, input.dealId, "body.dealId");
        const priced = await priceLines(tx, caller.workspaceId, input.lines, { currency: input.currency, createdBy: caller.userId, path: "body" });
        const { rows: lines, totals } = priceDocument(caller.workspaceId, priced);
        const existing = await repository.findOrderByExternalId(tx, caller.workspaceId, externalId);
        const now = new Date();
        const header = {
          currency: input.currency,
          ...totals,
          contactId: input.contactId ?? null,
          companyId: input.companyId ?? (await companyOfContact(tx, caller.workspaceId, input.contactId ?? null)),
          dealId: input.dealId ?? null,
          ...(input.orderedAt ? { orderedAt: new Date(input.orderedAt) } : {}),
          ...(input.status ? { status: input.status } : {}),
        };
        if (!existing) {
          const id = newId();
          const values = { ...header, orderedAt: header.orderedAt ?? now, workspaceId: caller.workspaceId, id, externalId, number: await nextDocumentNumber(tx, caller.workspaceId, "order"), createdAt: now, updatedAt: now, createdBy: caller.userId };
          await repository.insertOrder(tx, values, lines);
          await recordAudit(tx, caller, { entityType: "order", entityId: id, action: "create", before: null, after: values });
          return { order: await loadOrder(tx, caller, id), isCreated: true };
        }
        const before = await loadOrder(tx, caller, existing.id);
        const oldLines = await repository.findOrderLines(tx, caller.workspaceId, existing.id);
        if (!isSameLines(oldLines, lines)) {
          if (oldLines.some((line) => parseScaledDecimal(line.invoicedQuantity) !== 0n)) throw conflict("The order has been invoiced; its lines can no longer change.", [{ path: "body.lines", message: "cannot change on an invoiced order" }]);
          await repository.deleteOrderLines(tx, caller.workspaceId, existing.id);
          await repository.insertOrderLines(tx, existing.id, lines);
        }
        await repository.updateOrder(tx, caller.workspaceId, existing.id, { ...header, updatedAt: now });
        const after = await loadOrder(tx, caller, existing.id);
        const { updatedAt: _before, ...beforeRest } = before;
        const { updatedAt: _after, ...afterRest } = after;
        if (JSON.stringify(beforeRest) !== JSON.stringify(afterRest)) await recordAudit(tx, caller, { entityType: "order", entityId: existing.id, action: "update", before, after });
        return { order: after, isCreated: false };
      }),
  };
}

export type OrdersService = ReturnType<typeof createOrdersService>;
