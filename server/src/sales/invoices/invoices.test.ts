import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint, queryRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { createDeal, createOrder } from "../../../../test/sales-documents.js";
import { overdueInvoicesJob } from "./invoices.overdue.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let readOnly: Actor;
let stranger: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  readOnly = await addMember(context.app, owner, "read_only");
  stranger = await signUpOwner(context.app);
});

const twoLines = { lines: [{ description: "Licence", quantity: 10, unitPrice: 5000, taxRate: 19 }, { description: "Training", quantity: 2, unitPrice: 30_000, discountPercent: 10 }] };

describe("from order to paid invoice", () => {
  it("invoices part of an order, then the rest, and takes payments until paid", async () => {
    const deal = await createDeal(member);
    const order = await createOrder(member, deal.id, twoLines);
    expect(order).toMatchObject({ status: "open", total: 113_500 });
    const [licence, training] = order.lines;

    const part = await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: licence.id, quantity: 4 }], dueDate: "2030-01-31" });
    expect(part.status).toBe(201);
    // 4 × 50.00 + 19% tax
    expect(part.body).toMatchObject({ number: 1, status: "draft", total: 23_800, amountDue: 23_800, dueDate: "2030-01-31" });
    expect((await member.request("GET", `/api/v1/orders/${order.id}`)).body).toMatchObject({ status: "partially_invoiced", lines: [{ invoicedQuantity: "4" }, { invoicedQuantity: "0" }] });

    const tooMuch = await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: training.id, quantity: 1 }, { orderLineId: licence.id, quantity: 7 }] });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.errors[0]).toMatchObject({ path: "body.lines.1.quantity", message: expect.stringContaining("6 left") });

    const rest = await member.request("POST", `/api/v1/orders/${order.id}/invoices`, {});
    expect(rest.status).toBe(201);
    expect(rest.body).toMatchObject({ number: 2, total: 113_500 - 23_800 });
    expect(rest.body.lines.map((line: { quantity: string }) => line.quantity)).toEqual(["6", "2"]);
    expect((await member.request("GET", `/api/v1/orders/${order.id}`)).body.status).toBe("invoiced");
    expect((await member.request("POST", `/api/v1/orders/${order.id}/invoices`, {})).status).toBe(409);

    const invoiceId = part.body.id;
    expect((await member.request("POST", `/api/v1/invoices/${invoiceId}/send`)).body.status).toBe("sent");
    const first = await member.request("POST", `/api/v1/invoices/${invoiceId}/payments`, { amount: 10_000, paidAt: "2030-01-10T10:00:00Z", method: "transfer" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "partially_paid", amountPaid: 10_000, amountDue: 13_800 });

    const over = await member.request("POST", `/api/v1/invoices/${invoiceId}/payments`, { amount: 13_801 });
    expect(over.status).toBe(400);
    expect(over.body.errors[0]).toMatchObject({ path: "body.amount", message: expect.stringContaining("138.00") });
    expect(await countRows(context.database, "payments", sql`invoice_id = ${invoiceId}`)).toBe(1);

    const last = await member.request("POST", `/api/v1/invoices/${invoiceId}/payments`, { amount: 13_800, paidAt: "2030-01-20T10:00:00Z" });
    expect(last.body).toMatchObject({ status: "paid", amountDue: 0, paidAt: "2030-01-20T10:00:00.000Z" });
    expect(last.body.payments.map((payment: { amount: number }) => payment.amount)).toEqual([10_000, 13_800]);
    expect((await member.request("POST", `/api/v1/invoices/${invoiceId}/void`)).status).toBe(409);

    const listed = await member.request("GET", `/api/v1/invoices?filter[orderId][eq]=${order.id}&filter[status][eq]=paid`);
    expect(listed.body.data.map((invoice: { id: string }) => invoice.id)).toEqual([invoiceId]);
  });

  it("voiding an unpaid invoice makes its quantities invoiceable again", async () => {
    const deal = await createDeal(member);
    const order = await createOrder(member, deal.id, twoLines);
    const invoice = (await member.request("POST", `/api/v1/orders/${order.id}/invoices`, {})).body;
    const voided = await member.request("POST", `/api/v1/invoices/${invoice.id}/void`);
    expect(voided.body).toMatchObject({ status: "void", amountDue: 0 });
    expect((await member.request("GET", `/api/v1/orders/${order.id}`)).body.status).toBe("open");
    expect((await member.request("POST", `/api/v1/invoices/${invoice.id}/payments`, { amount: 1 })).status).toBe(409);
  });

  it("answers 400 naming the field for bad invoice and payment input", async () => {
    const deal = await createDeal(member);
    const order = await createOrder(member, deal.id, twoLines);
    const before = await databaseFingerprint(context.database);
    const otherOrder = await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: "0190b0a0-0000-7000-8000-000000000000", quantity: 1 }] });
    expect(otherOrder.body.errors[0].path).toBe("body.lines.0.orderLineId");
    expect((await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: order.lines[0].id, quantity: 0 }] })).body.errors[0].path).toBe("body.lines.0.quantity");
    expect((await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { dueDate: "31/01/2030" })).body.errors[0].path).toBe("body.dueDate");
    expect(await databaseFingerprint(context.database)).toEqual(before);
    const invoice = (await member.request("POST", `/api/v1/orders/${order.id}/invoices`, {})).body;
    for (const [payload, path] of [[{ amount: 0 }, "body.amount"], [{ amount: 1.5 }, "body.amount"], [{ amount: 1, paidAt: "yesterday" }, "body.paidAt"]] as const) {
      const response = await member.request("POST", `/api/v1/invoices/${invoice.id}/payments`, payload);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
  });
});

describe("ERP upserts", () => {
  it("upserts an order by external id: the same body twice is one order with the same lines", async () => {
    const company = await createCompany(member);
    const body = { currency: "KWD", companyId: company.id, orderedAt: "2026-03-01T09:00:00Z", lines: [{ description: "Pump", quantity: "2.5", unitPrice: 12_345, taxRate: 5 }] };
    const first = await member.request("PUT", "/api/v1/orders/external/ERP-1001", body);
    expect(first.status).toBe(201);
    const second = await member.request("PUT", "/api/v1/orders/external/ERP-1001", body);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.lines.map((line: { id: string }) => line.id)).toEqual(first.body.lines.map((line: { id: string }) => line.id));
    expect(await countRows(context.database, "order_lines", sql`order_id = ${first.body.id}`)).toBe(1);
    // 2.5 × 12.345 = 30.8625 → 30.863; tax 5% = 1.54315 → 1.543
    expect(second.body).toMatchObject({ externalId: "ERP-1001", total: 32_406, number: first.body.number });

    const changed = await member.request("PUT", "/api/v1/orders/external/ERP-1001", { ...body, lines: [...body.lines, { description: "Hose", quantity: 1, unitPrice: 500 }] });
    expect(changed.body.lines).toHaveLength(2);
    expect((await member.request("GET", "/api/v1/orders?filter[externalId][eq]=ERP-1001")).body.data).toHaveLength(1);
    expect((await member.request("GET", `/api/v1/orders?filter[companyId][eq]=${company.id}`)).body.data[0].id).toBe(first.body.id);
  });

  it("makes one order when the same new external id arrives twice at once", async () => {
    const body = { currency: "EUR", lines: [{ description: "Part", quantity: 1, unitPrice: 100 }] };
    const answers = await Promise.all([1, 2, 3].map(() => member.request("PUT", "/api/v1/orders/external/ERP-RACE", body)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
    expect(await countRows(context.database, "orders", sql`external_id = 'ERP-RACE'`)).toBe(1);
  });

  it("upserts an invoice by external id idempotently", async () => {
    const body = { currency: "EUR", dueDate: "2030-06-30", amountPaid: 500, lines: [{ description: "Service", quantity: 1, unitPrice: 1000 }] };
    const first = await member.request("PUT", "/api/v1/invoices/external/INV-77", body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "partially_paid", amountDue: 500 });
    const second = await member.request("PUT", "/api/v1/invoices/external/INV-77", body);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, number: first.body.number, lines: first.body.lines });
    expect(await countRows(context.database, "invoice_lines", sql`invoice_id = ${first.body.id}`)).toBe(1);
    expect((await member.request("PUT", "/api/v1/invoices/external/INV-77", { ...body, amountPaid: 2000 })).body.errors[0].path).toBe("body.amountPaid");
  });
});

describe("overdue invoices", () => {
  it("the queued job moves sent invoices past their due date to overdue and tells the deal owner", async () => {
    const deal = await createDeal(member);
    const order = await createOrder(member, deal.id, twoLines);
    const late = (await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: order.lines[0].id, quantity: 1 }], dueDate: "2020-01-31" })).body;
    const draft = (await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: order.lines[0].id, quantity: 1 }], dueDate: "2020-01-31" })).body;
    const notYet = (await member.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: order.lines[0].id, quantity: 1 }], dueDate: "2099-01-31" })).body;
    await member.request("POST", `/api/v1/invoices/${late.id}/send`);
    await member.request("POST", `/api/v1/invoices/${notYet.id}/send`);

    await context.jobs.send(overdueInvoicesJob, {});
    await eventually(async () => ((await member.request("GET", `/api/v1/invoices/${late.id}`)).body.status === "overdue" ? true : undefined));
    expect((await member.request("GET", `/api/v1/invoices/${draft.id}`)).body.status).toBe("draft");
    expect((await member.request("GET", `/api/v1/invoices/${notYet.id}`)).body.status).toBe("sent");
    const inbox = (await member.request("GET", "/api/v1/notifications")).body.data;
    expect(inbox.filter((entry: { kind: string }) => entry.kind === "invoice_overdue")).toEqual([
      expect.objectContaining({ record: { type: "invoice", id: late.id, name: `INV-${late.number}` }, excerpt: expect.stringContaining("2020-01-31") }),
    ]);
    // A part payment keeps it overdue; paying the rest makes it paid.
    expect((await member.request("POST", `/api/v1/invoices/${late.id}/payments`, { amount: 1000 })).body.status).toBe("overdue");
    expect((await member.request("POST", `/api/v1/invoices/${late.id}/payments`, { amount: late.total - 1000 })).body.status).toBe("paid");
  });
});

describe("purchase history", () => {
  it("lists a contact's and a company's orders, newest first", async () => {
    const company = await createCompany(member);
    const contact = await createContact(member, { companyId: company.id });
    const older = (await member.request("PUT", "/api/v1/orders/external/PH-1", { currency: "EUR", contactId: contact.id, orderedAt: "2025-01-01T00:00:00Z", lines: [{ description: "A", unitPrice: 100 }] })).body;
    const newer = (await member.request("PUT", "/api/v1/orders/external/PH-2", { currency: "EUR", contactId: contact.id, orderedAt: "2026-01-01T00:00:00Z", lines: [{ description: "B", unitPrice: 200 }] })).body;
    expect(newer.companyId).toBe(company.id);
    const ofContact = await readOnly.request("GET", `/api/v1/contacts/${contact.id}/purchases`);
    expect(ofContact.body.data.map((order: { id: string; total: number }) => [order.id, order.total])).toEqual([[newer.id, 200], [older.id, 100]]);
    expect((await readOnly.request("GET", `/api/v1/companies/${company.id}/purchases`)).body.data.map((order: { id: string }) => order.id)).toEqual([newer.id, older.id]);
    expect((await stranger.request("GET", `/api/v1/contacts/${contact.id}/purchases`)).status).toBe(404);
    const invoice = (await member.request("POST", `/api/v1/orders/${newer.id}/invoices`, {})).body;
    const timeline = (await readOnly.request("GET", `/api/v1/companies/${company.id}/timeline?filter[kind][in]=order,invoice`)).body.data;
    expect(timeline.map((entry: { kind: string; id: string }) => [entry.kind, entry.id])).toEqual([["invoice", invoice.id], ["order", newer.id], ["order", older.id]]);
    expect(timeline[0].invoice).toMatchObject({ number: invoice.number, status: "draft", total: 200, amountDue: 200 });
    const contactTimeline = (await readOnly.request("GET", `/api/v1/contacts/${contact.id}/timeline`)).body.data;
    expect(contactTimeline.filter((entry: { kind: string }) => entry.kind === "order")).toHaveLength(2);
    expect((await stranger.request("GET", `/api/v1/companies/${company.id}/purchases`)).status).toBe(404);
  });
});

describe("order and invoice access", () => {
  it("answers 404 to another workspace and 403 to read-only members, writing nothing", async () => {
    const deal = await createDeal(owner);
    const order = await createOrder(owner, deal.id, twoLines);
    const invoice = (await owner.request("POST", `/api/v1/orders/${order.id}/invoices`, { lines: [{ orderLineId: order.lines[0].id, quantity: 1 }] })).body;
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of [
      ["GET", `/api/v1/orders/${order.id}`, undefined],
      ["POST", `/api/v1/orders/${order.id}/invoices`, {}],
      ["GET", `/api/v1/invoices/${invoice.id}`, undefined],
      ["GET", `/api/v1/invoices/${invoice.id}/pdf`, undefined],
      ["POST", `/api/v1/invoices/${invoice.id}/payments`, { amount: 1 }],
      ["POST", `/api/v1/invoices/${invoice.id}/void`, undefined],
    ] as const) {
      expect((await stranger.request(method, url, payload)).status, url).toBe(404);
    }
    expect((await stranger.request("GET", "/api/v1/invoices")).body.data).toEqual([]);
    for (const [method, url, payload] of [
      ["POST", `/api/v1/orders/${order.id}/invoices`, {}],
      ["POST", `/api/v1/invoices/${invoice.id}/payments`, { amount: 1 }],
      ["POST", `/api/v1/invoices/${invoice.id}/send`, {}],
      ["POST", `/api/v1/invoices/${invoice.id}/void`, undefined],
      ["PUT", "/api/v1/orders/external/RO-1", { currency: "EUR", lines: [{ description: "x", unitPrice: 1 }] }],
    ] as const) {
      expect((await readOnly.request(method, url, payload)).status, url).toBe(403);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
    const pdf = await context.app.inject({ method: "GET", url: `/api/v1/invoices/${invoice.id}/pdf`, headers: readOnly.headers });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const [row] = await queryRows<{ n: number }>(context.database, sql`select count(*)::int as n from invoices where id = ${invoice.id}`);
    expect(row.n).toBe(1);
  });
});
