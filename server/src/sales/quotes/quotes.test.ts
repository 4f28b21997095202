import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint, queryRows } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";
import { createDeal, createProduct, createQuote } from "../../../../test/sales-documents.js";

// No SMTP_URL here: sending answers 503 (delivery is tested in quotes-mail.test.ts).
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

describe("quote totals", () => {
  it.each([
    // currency, line, expected amounts: 3 × 19.99 EUR −10% +19%
    ["EUR", { description: "Widget", quantity: 3, unitPrice: 1999, discountPercent: 10, taxRate: 19 }, { gross: 5997, discount: 600, net: 5397, tax: 1025, total: 6422 }],
    // 1.5 × ¥333 −7.5% +10%: yen have no minor unit
    ["JPY", { description: "Widget", quantity: "1.5", unitPrice: 333, discountPercent: "7.5", taxRate: 10 }, { gross: 500, discount: 38, net: 462, tax: 46, total: 508 }],
    // 2.25 × 1.235 KWD −12.5% +5%: three places
    ["KWD", { description: "Widget", quantity: "2.25", unitPrice: 1235, discountPercent: "12.5", taxRate: 5 }, { gross: 2779, discount: 347, net: 2432, tax: 122, total: 2554 }],
  ])("computes %s lines rounded half-up to the minor unit", async (currency, line, amounts) => {
    const deal = await createDeal(member, { currency });
    const response = await member.request("POST", "/api/v1/quotes", { dealId: deal.id, currency, lines: [line, { description: "Setup", quantity: 1, unitPrice: 100 }] });
    expect(response.status).toBe(201);
    expect(response.body.lines[0]).toMatchObject(amounts);
    expect(response.body).toMatchObject({
      currency,
      version: 1,
      status: "draft",
      subtotal: amounts.gross + 100,
      discountTotal: amounts.discount,
      taxTotal: amounts.tax,
      total: amounts.total + 100,
    });
    const [stored] = await queryRows<{ total: string }>(context.database, sql`select total::text from quotes where id = ${response.body.id}`);
    expect(Number(stored.total)).toBe(amounts.total + 100);
  });

  it("fills a product line's name, list price and tax rate from the product", async () => {
    const product = await createProduct(owner, { name: "Gadget", taxRate: "7.5", prices: [{ currency: "EUR", unitPrice: 2500 }, { currency: "JPY", unitPrice: 400 }] });
    const deal = await createDeal(member);
    const response = await member.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "JPY", lines: [{ productId: product.id, quantity: 3 }, { productId: product.id, quantity: 1, unitPrice: 350, description: "Gadget (discounted)" }] });
    expect(response.status).toBe(201);
    expect(response.body.lines[0]).toMatchObject({ productId: product.id, description: "Gadget", unitPrice: 400, taxRate: "7.5", gross: 1200, tax: 90, total: 1290 });
    expect(response.body.lines[1]).toMatchObject({ description: "Gadget (discounted)", unitPrice: 350 });
  });

  it("answers 400 naming the field, and writes nothing, for bad lines", async () => {
    const deal = await createDeal(member);
    const product = await createProduct(owner, { prices: [{ currency: "EUR", unitPrice: 100 }] });
    const cases: [unknown, string][] = [
      [{ dealId: deal.id, currency: "EUR", lines: [] }, "body.lines"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ quantity: 1, unitPrice: 100 }] }, "body.lines.0.description"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ description: "x", quantity: "1.00001", unitPrice: 100 }] }, "body.lines.0.quantity"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ description: "x", quantity: 1, unitPrice: 100, discountPercent: 101 }] }, "body.lines.0.discountPercent"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ description: "x", quantity: 1, unitPrice: 1.5 }] }, "body.lines.0.unitPrice"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ description: "ok", quantity: 1, unitPrice: 1 }, { description: "x", quantity: 1_000_000, unitPrice: Number.MAX_SAFE_INTEGER }] }, "body.lines.1.quantity"],
      [{ dealId: deal.id, currency: "USD", lines: [{ productId: product.id }] }, "body.lines.0.unitPrice"],
      [{ dealId: deal.id, currency: "EUR", lines: [{ productId: "0190b0a0-0000-7000-8000-000000000000" }] }, "body.lines.0.productId"],
      [{ dealId: "0190b0a0-0000-7000-8000-000000000000", currency: "EUR", lines: [{ description: "x", unitPrice: 1 }] }, "body.dealId"],
      [{ dealId: deal.id, currency: "euro", lines: [{ description: "x", unitPrice: 1 }] }, "body.currency"],
    ];
    const before = await databaseFingerprint(context.database);
    for (const [payload, path] of cases) {
      const response = await member.request("POST", "/api/v1/quotes", payload);
      expect(response.status, path).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path), JSON.stringify(response.body)).toContain(path);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });
});

describe("quote numbers and revisions", () => {
  it("numbers quotes per workspace without gaps, and a revision keeps the number with the next version", async () => {
    const workspace = await signUpOwner(context.app);
    const deal = await createDeal(workspace);
    const first = await createQuote(workspace, deal.id);
    // A failed create takes no number.
    expect((await workspace.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "EUR", lines: [{ productId: "0190b0a0-0000-7000-8000-000000000000" }] })).status).toBe(400);
    const second = await createQuote(workspace, deal.id);
    expect([first.number, second.number]).toEqual([1, 2]);

    const revised = await workspace.request("POST", `/api/v1/quotes/${first.id}/revise`, { lines: [{ description: "Consulting day", quantity: 3, unitPrice: 80_000, taxRate: 19 }] });
    expect(revised.status).toBe(201);
    expect(revised.body).toMatchObject({ number: 1, version: 2, status: "draft", subtotal: 240_000, total: 285_600 });
    expect((await workspace.request("GET", `/api/v1/quotes/${first.id}`)).body.status).toBe("superseded");
    // Only the newest version is revised or accepted.
    expect((await workspace.request("POST", `/api/v1/quotes/${first.id}/revise`, {})).status).toBe(409);
    expect((await workspace.request("POST", `/api/v1/quotes/${first.id}/accept`)).status).toBe(409);
    const copied = await workspace.request("POST", `/api/v1/quotes/${revised.body.id}/revise`);
    expect(copied.body).toMatchObject({ number: 1, version: 3, total: 285_600 });

    // Quotes made at the same moment still get distinct, consecutive numbers.
    const parallel = await Promise.all([1, 2, 3, 4].map(() => createQuote(workspace, deal.id)));
    expect(parallel.map((quote) => quote.number).sort()).toEqual([3, 4, 5, 6]);

    const listed = await workspace.request("GET", `/api/v1/quotes?filter[dealId][eq]=${deal.id}&sort=number`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((quote: { number: number; version: number }) => `${quote.number}v${quote.version}`).sort()).toEqual(["1v1", "1v2", "1v3", "2v1", "3v1", "4v1", "5v1", "6v1"]);
    expect((await workspace.request("GET", "/api/v1/quotes?filter[status][eq]=superseded")).body.data).toHaveLength(2);
  });
});

describe("quote PDF and sending", () => {
  it("renders a PDF with the number, version and totals", async () => {
    const deal = await createDeal(member, { currency: "KWD" });
    const quote = await createQuote(member, deal.id, { currency: "KWD", lines: [{ description: "Survey", quantity: "2.25", unitPrice: 1235, discountPercent: "12.5", taxRate: 5 }] });
    const response = await context.app.inject({ method: "GET", url: `/api/v1/quotes/${quote.id}/pdf`, headers: readOnly.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(response.rawPayload.length).toBeGreaterThan(1000);
  });

  it("answers 503 with a clear message when SMTP is not configured, and the quote stays a draft", async () => {
    const deal = await createDeal(member);
    const quote = await createQuote(member, deal.id);
    const response = await member.request("POST", `/api/v1/quotes/${quote.id}/send`, { to: "buyer@example.com" });
    expect(response.status).toBe(503);
    expect(response.body.detail).toMatch(/SMTP_URL/);
    expect((await member.request("GET", `/api/v1/quotes/${quote.id}`)).body.status).toBe("draft");
    expect((await member.request("POST", `/api/v1/quotes/${quote.id}/send`, { to: "not-an-address" })).body.errors[0].path).toBe("body.to");
  });
});

describe("accepting a quote", () => {
  it("makes an order with the quote's lines, once", async () => {
    const deal = await createDeal(member);
    const quote = await createQuote(member, deal.id, { lines: [{ description: "A", quantity: 2, unitPrice: 1000, taxRate: 19 }, { description: "B", quantity: "0.5", unitPrice: 333, discountPercent: 10 }] });
    const accepted = await member.request("POST", `/api/v1/quotes/${quote.id}/accept`);
    expect(accepted.status).toBe(201);
    const order = (await member.request("GET", `/api/v1/orders/${accepted.body.orderId}`)).body;
    expect(order).toMatchObject({ quoteId: quote.id, dealId: deal.id, status: "open", currency: "EUR", total: quote.total, subtotal: quote.subtotal });
    expect(order.lines.map((line: { description: string; total: number }) => [line.description, line.total])).toEqual(quote.lines.map((line: { description: string; total: number }) => [line.description, line.total]));
    expect((await member.request("GET", `/api/v1/quotes/${quote.id}`)).body).toMatchObject({ status: "accepted", orderId: order.id });

    const again = await member.request("POST", `/api/v1/quotes/${quote.id}/accept`);
    expect(again.status).toBe(409);
    expect(await countRows(context.database, "orders", sql`quote_id = ${quote.id}`)).toBe(1);
    expect((await member.request("POST", `/api/v1/quotes/${quote.id}/revise`, {})).status).toBe(409);
  });
});

describe("quote access", () => {
  it("hides another workspace's quotes (404) and their deals (400)", async () => {
    const deal = await createDeal(owner);
    const quote = await createQuote(owner, deal.id);
    for (const [method, url] of [["GET", `/api/v1/quotes/${quote.id}`], ["GET", `/api/v1/quotes/${quote.id}/pdf`], ["POST", `/api/v1/quotes/${quote.id}/accept`], ["POST", `/api/v1/quotes/${quote.id}/revise`]] as const) {
      expect((await stranger.request(method, url)).status, url).toBe(404);
    }
    expect((await stranger.request("GET", "/api/v1/quotes")).body.data).toEqual([]);
    const created = await stranger.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "EUR", lines: [{ description: "x", unitPrice: 1 }] });
    expect(created.status).toBe(400);
    expect(created.body.errors[0].path).toBe("body.dealId");
  });

  it("lets read-only members read but not create, revise or accept (403, nothing written)", async () => {
    const deal = await createDeal(owner);
    const quote = await createQuote(owner, deal.id);
    expect((await readOnly.request("GET", `/api/v1/quotes/${quote.id}`)).status).toBe(200);
    const before = await databaseFingerprint(context.database);
    expect((await readOnly.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "EUR", lines: [{ description: "x", unitPrice: 1 }] })).status).toBe(403);
    expect((await readOnly.request("POST", `/api/v1/quotes/${quote.id}/revise`, {})).status).toBe(403);
    expect((await readOnly.request("POST", `/api/v1/quotes/${quote.id}/accept`)).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });
});

describe("the OpenAPI document", () => {
  it("documents products, quotes, orders and invoices with their schemas", async () => {
    const response = await context.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/v1/products", "/api/v1/quotes", "/api/v1/quotes/{id}/pdf", "/api/v1/quotes/{id}/accept", "/api/v1/orders/external/{externalId}", "/api/v1/orders/{id}/invoices", "/api/v1/invoices/{id}/payments"]),
    );
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(["CreateQuoteInput", "Quote", "Order", "Invoice", "LineItemInput"]));
  });
});
