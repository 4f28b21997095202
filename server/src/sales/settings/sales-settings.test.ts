import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";
import { convertToWorkspaceCurrency } from "./currency-conversion.js";

const context = useTestApp();

describe("sales settings", () => {
  it("starts in USD, and an admin sets the currency, rates and stale-deal days", async () => {
    const owner = await signUpOwner(context.app);
    expect((await owner.request("GET", "/api/v1/sales/settings")).body).toEqual({ defaultCurrency: "USD", staleDealDays: 14, exchangeRates: [] });
    const saved = await owner.request("PUT", "/api/v1/sales/settings", {
      defaultCurrency: "EUR",
      staleDealDays: 21,
      exchangeRates: [
        { currency: "USD", rate: "0.92" },
        { currency: "JPY", rate: "0.0062" },
      ],
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ defaultCurrency: "EUR", staleDealDays: 21, exchangeRates: [{ currency: "JPY", rate: "0.0062000000" }, { currency: "USD", rate: "0.9200000000" }] });
    // The list is replaced: USD dropped, GBP added.
    const replaced = await owner.request("PUT", "/api/v1/sales/settings", { exchangeRates: [{ currency: "GBP", rate: "1.17" }, { currency: "JPY", rate: "0.0062" }] });
    expect(replaced.body.exchangeRates.map((rate: { currency: string }) => rate.currency)).toEqual(["GBP", "JPY"]);
    expect(replaced.body.defaultCurrency).toBe("EUR");
    const history = await owner.request("GET", `/api/v1/audit?entityType=sales_settings&entityId=${owner.workspaceId}`);
    expect(history.body.data).toHaveLength(2);
  });

  it("refuses bad rates naming the field, and leaves the settings as they were", async () => {
    const owner = await signUpOwner(context.app);
    for (const [body, path] of [
      [{ exchangeRates: [{ currency: "EUR", rate: "-1" }] }, "body.exchangeRates.0.rate"],
      [{ exchangeRates: [{ currency: "EUR", rate: "0" }] }, "body.exchangeRates.0.rate"],
      [{ exchangeRates: [{ currency: "eur", rate: "1.1" }] }, "body.exchangeRates.0.currency"],
      [{ exchangeRates: [{ currency: "USD", rate: "1" }] }, "body.exchangeRates.0.currency"],
      [{ defaultCurrency: "EUR", exchangeRates: [{ currency: "EUR", rate: "1" }] }, "body.exchangeRates.0.currency"],
      [{ staleDealDays: 0 }, "body.staleDealDays"],
      [{ defaultCurrency: "euro" }, "body.defaultCurrency"],
    ] as const) {
      const response = await owner.request("PUT", "/api/v1/sales/settings", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await owner.request("GET", "/api/v1/sales/settings")).body).toEqual({ defaultCurrency: "USD", staleDealDays: 14, exchangeRates: [] });
  });

  it("lets everyone read but only admins change, and keeps workspaces apart", async () => {
    const owner = await signUpOwner(context.app);
    const manager = await addMember(context.app, owner, "manager");
    expect((await manager.request("GET", "/api/v1/sales/settings")).status).toBe(200);
    expect((await manager.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "EUR" })).status).toBe(403);
    await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "GBP" });
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", "/api/v1/sales/settings")).body.defaultCurrency).toBe("USD");
  });
});

describe("converting to the workspace currency", () => {
  const settings = { defaultCurrency: "USD", rates: new Map([["EUR", "1.08"], ["JPY", "0.0066"], ["KWD", "3.25"]]) };

  it("respects each currency's exponent and rounds half-up", () => {
    expect(convertToWorkspaceCurrency(10_000, "EUR", settings)).toBe(10_800);
    expect(convertToWorkspaceCurrency(1_000, "JPY", settings)).toBe(660); // ¥1,000 → $6.60
    expect(convertToWorkspaceCurrency(1_000, "KWD", settings)).toBe(325); // 1.000 KWD → $3.25
    expect(convertToWorkspaceCurrency(75, "JPY", settings)).toBe(50); // $0.495 → 50 cents
    expect(convertToWorkspaceCurrency(123, "USD", settings)).toBe(123);
    expect(convertToWorkspaceCurrency(100, "GBP", settings)).toBeNull();
  });
});
