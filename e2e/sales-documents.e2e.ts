// Quote to cash in the browser: an admin adds a product to the catalogue, a quote on a deal picks it
// with a discount (totals update live as the lines change), the quote is e-mailed with its PDF (the
// e2e runner's SMTP server catches it) and accepted into an order, part of the order is invoiced,
// and two payments make the invoice paid.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { screenshot, signInOwner, useBrowser } from "./browser.js";

const browser = useBrowser();
const journey = { page: undefined as unknown as Page, dealId: "" };
const sku = `W-${Date.now().toString(36)}`;


describe("quote to cash in the browser", () => {
  let hasFailed = false;
  beforeEach((context) => {
    if (hasFailed) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail") hasFailed = true;
  });

  it("adds a product with a list price to the catalogue", async () => {
    journey.page = await browser.newPage();
    const page = journey.page;
    await signInOwner(page);
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Products" }).click();
    await page.getByRole("heading", { name: "Products", exact: true }).waitFor();
    await page.getByRole("button", { name: "New product" }).click();
    const dialog = page.getByRole("dialog", { name: "New product" });
    await dialog.getByLabel("SKU").fill(sku);
    await dialog.getByLabel("Name").fill("Widget Pro");
    await dialog.getByLabel("Tax %").fill("19");
    await dialog.getByRole("button", { name: "Add a price" }).click();
    await dialog.getByLabel("Currency").fill("EUR");
    await dialog.getByLabel("Unit price").fill("19.99");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByText("Product saved").waitFor();
    await page.getByRole("row").filter({ hasText: sku }).getByText("€19.99").waitFor();

    // The list price sits in the default price book; a second book starts empty.
    await page.getByRole("tab", { name: "Price books" }).click();
    await page.getByRole("button", { name: /Default/ }).click();
    await page.getByRole("row").filter({ hasText: "Widget Pro" }).getByText("€19.99").waitFor();
    await page.getByLabel("Price book name").fill("Partner prices");
    await page.getByRole("button", { name: "New price book" }).click();
    await page.getByText("Price book created").waitFor();
    await page.getByText("No prices in this book yet").waitFor();
    await page.getByRole("tab", { name: "Catalogue" }).click();
  });

  it("writes a quote on a deal with live totals, then accepts it into an order", async () => {
    const page = journey.page;
    const created = await page.request.post("/api/v1/deals", { data: { name: "Widget rollout", currency: "EUR", amount: 0 } });
    journey.dealId = ((await created.json()) as { id: string }).id;
    await page.goto(`/deals/${journey.dealId}`);
    const panel = page.getByTestId("deal-quotes");
    await panel.getByText("No quotes on this deal yet.").waitFor();
    await panel.getByRole("button", { name: "New quote" }).click();
    const editor = page.getByRole("dialog", { name: "New quote" });
    await editor.getByPlaceholder("Free text").first().click();
    await page.getByRole("option", { name: `Widget Pro (${sku})` }).click();
    await editor.getByRole("textbox", { name: "Quantity" }).first().fill("3");
    await editor.getByRole("textbox", { name: "Discount %" }).first().fill("10");
    // 3 × 19.99 = 59.97; −10% = 6.00 → 53.97; +19% tax 10.25 → 64.22, before saving anything.
    const totals = editor.getByTestId("document-totals");
    await totals.getByText("€64.22").waitFor();
    await editor.getByRole("button", { name: "Add a line" }).click();
    await editor.getByRole("textbox", { name: "Description" }).nth(1).fill("Setup");
    await editor.getByRole("textbox", { name: "Unit price" }).nth(1).fill("100");
    await totals.getByText("€164.22").waitFor();
    await screenshot(page, "quote-01-editor");
    await editor.getByRole("button", { name: "Save" }).click();
    await page.getByText("Quote saved").waitFor();
    const row = panel.getByRole("row").filter({ hasText: "€164.22" });
    await row.getByText("Draft").waitFor();

    await row.getByRole("button", { name: "E-mail" }).click();
    const send = page.getByRole("dialog").filter({ has: page.getByRole("button", { name: "Send" }) });
    await send.getByLabel("To").fill("buyer@widgets.example");
    await send.getByRole("button", { name: "Send" }).click();
    await page.getByText("Sent to buyer@widgets.example").waitFor();
    const mailDir = process.env.E2E_MAIL_DIR!;
    const delivered = () => fs.readdirSync(mailDir).map((file) => fs.readFileSync(path.join(mailDir, file), "utf8")).find((mail) => mail.includes("buyer@widgets.example"));
    await expect.poll(delivered, { timeout: 15_000 }).toBeTruthy();
    expect(delivered()).toMatch(/Content-Type: application\/pdf/i);
    await row.getByRole("button", { name: "Accept" }).click();
    await page.waitForURL((url) => /^\/orders\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByTestId("document-status").getByText("Open", { exact: true }).waitFor();
  });

  it("invoices part of the order and records payments until the invoice is paid", async () => {
    const page = journey.page;
    await page.getByRole("button", { name: "Invoice" }).click();
    const dialog = page.getByRole("dialog", { name: "Invoice the order" });
    await dialog.getByLabel("Quantity to invoice of Widget Pro").fill("1");
    await dialog.getByLabel("Quantity to invoice of Setup").fill("0");
    await dialog.getByRole("button", { name: "Invoice" }).click();
    await page.waitForURL((url) => /^\/invoices\/[0-9a-f-]{36}$/.test(url.pathname));
    // 1 × 19.99 − 2.00 = 17.99; +19% = 3.42 → 21.41
    await page.getByTestId("document-totals").getByText("€21.41").first().waitFor();
    await page.getByTestId("document-status").getByText("Draft", { exact: true }).waitFor();

    // The page's button; the dialog's submit button has the same name.
    const recordPayment = page.locator("#root").getByRole("button", { name: "Record payment" });
    await recordPayment.click();
    let payment = page.getByRole("dialog", { name: "Record payment" });
    await payment.getByLabel("Amount (EUR)").fill("10");
    await payment.getByRole("button", { name: "Record payment" }).click();
    await page.getByTestId("document-status").getByText("Partly paid", { exact: true }).waitFor();
    await payment.waitFor({ state: "hidden" });

    await recordPayment.click();
    payment = page.getByRole("dialog", { name: "Record payment" });
    await payment.getByRole("button", { name: "Record payment" }).click();
    await page.getByTestId("document-status").getByText("Paid", { exact: true }).waitFor();
    await page.getByTestId("document-totals").getByText("€0.00").waitFor();
    await screenshot(page, "quote-02-paid-invoice");
  });
});
