import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";
import { createDeal, createProduct } from "../../../../test/sales-documents.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let stranger: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  stranger = await signUpOwner(context.app);
});

describe("products", () => {
  it("creates, lists, reads and edits products with their list prices", async () => {
    const created = await owner.request("POST", "/api/v1/products", { sku: "W-1", name: "Widget", description: "A widget", taxRate: "7.5", prices: [{ currency: "EUR", unitPrice: 1999 }, { currency: "JPY", unitPrice: 300 }] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sku: "W-1", taxRate: "7.5", isActive: true, prices: [{ currency: "EUR", unitPrice: 1999 }, { currency: "JPY", unitPrice: 300 }] });
    const updated = await owner.request("PATCH", `/api/v1/products/${created.body.id}`, { isActive: false, prices: [{ currency: "KWD", unitPrice: 1500 }] });
    expect(updated.body).toMatchObject({ isActive: false, prices: [{ currency: "KWD", unitPrice: 1500 }] });
    expect((await member.request("GET", `/api/v1/products/${created.body.id}`)).body.name).toBe("Widget");
    expect((await member.request("GET", "/api/v1/products?q=w-1")).body.data.map((product: { sku: string }) => product.sku)).toEqual(["W-1"]);
    expect((await member.request("GET", "/api/v1/products?filter[isActive][eq]=true")).body.data.map((product: { sku: string }) => product.sku)).not.toContain("W-1");
    expect((await stranger.request("GET", `/api/v1/products/${created.body.id}`)).status).toBe(404);
    expect((await stranger.request("GET", "/api/v1/products")).body.data).toEqual([]);
  });

  it("refuses duplicate SKUs (409), bad input (400 naming the field) and members (403), writing nothing", async () => {
    await createProduct(owner, { sku: "DUP-1" });
    const before = await databaseFingerprint(context.database);
    const duplicate = await owner.request("POST", "/api/v1/products", { sku: "DUP-1", name: "Again" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0].path).toBe("body.sku");
    for (const [payload, path] of [
      [{ sku: "", name: "x" }, "body.sku"],
      [{ sku: "X-2", name: "x", taxRate: "7.12345" }, "body.taxRate"],
      [{ sku: "X-2", name: "x", prices: [{ currency: "EUR", unitPrice: 1 }, { currency: "EUR", unitPrice: 2 }] }, "body.prices"],
      [{ sku: "X-2", name: "x", prices: [{ currency: "EUR", unitPrice: -1 }] }, "body.prices.0.unitPrice"],
    ] as const) {
      const response = await owner.request("POST", "/api/v1/products", payload);
      expect(response.status, path).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await member.request("POST", "/api/v1/products", { sku: "M-1", name: "Mine" })).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });
});

describe("price books", () => {
  it("prices a quote's product lines from the price book named, else the list prices", async () => {
    const product = await createProduct(owner, { prices: [{ currency: "EUR", unitPrice: 10_000 }] });
    const books = await owner.request("GET", "/api/v1/price-books");
    expect(books.body.data).toEqual([expect.objectContaining({ isDefault: true })]);
    const partner = await owner.request("POST", "/api/v1/price-books", { name: "Partners" });
    expect(partner.status).toBe(201);
    const set = await owner.request("PUT", `/api/v1/price-books/${partner.body.id}/prices/${product.id}`, { prices: [{ currency: "EUR", unitPrice: 8000 }] });
    expect(set.body.data).toEqual([expect.objectContaining({ productId: product.id, currency: "EUR", unitPrice: 8000 })]);
    expect((await member.request("GET", `/api/v1/price-books/${partner.body.id}/prices`)).body.data).toHaveLength(1);

    const deal = await createDeal(member);
    const listPrice = await member.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "EUR", lines: [{ productId: product.id }] });
    const partnerPrice = await member.request("POST", "/api/v1/quotes", { dealId: deal.id, currency: "EUR", priceBookId: partner.body.id, lines: [{ productId: product.id }] });
    expect([listPrice.body.lines[0].unitPrice, partnerPrice.body.lines[0].unitPrice]).toEqual([10_000, 8000]);
    expect((await member.request("POST", "/api/v1/price-books", { name: "Mine" })).status).toBe(403);
    expect((await stranger.request("GET", `/api/v1/price-books/${partner.body.id}/prices`)).status).toBe(404);
  });
});
