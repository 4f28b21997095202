// Leads and the forecast in the browser: a lead shows in the Leads view with its status, is converted
// into a deal from there, a target is set, and the forecast shows the deal against the target.
import { describe, expect, it } from "vitest";
import { owner, screenshot, signInOwner, useBrowser } from "./browser.js";

const browser = useBrowser();


describe("leads and forecast", () => {
  it("converts a lead from the Leads view and shows the deal in the forecast against a target", async () => {
    const page = await browser.newPage();
    await signInOwner(page);
    const lastName = `Lead ${Date.now()}`;
    const created = await page.request.post("/api/v1/contacts", { data: { firstName: "Linus", lastName, source: "webinar" } });
    expect(created.status()).toBe(201);

    await page.getByRole("link", { name: "Leads", exact: true }).click();
    await page.getByRole("heading", { name: "Leads", exact: true }).waitFor();
    const row = page.getByRole("row").filter({ hasText: lastName });
    await expect.poll(() => row.getByText("New", { exact: true }).count()).toBe(1);
    await row.getByRole("button", { name: "Convert" }).click();

    const form = page.getByTestId("convert-lead-form");
    await expect.poll(() => form.getByLabel("Deal name").inputValue()).toBe(`Linus ${lastName}`);
    await expect.poll(() => form.getByTestId("pipeline-select").inputValue()).toBe("Sales");
    await form.getByLabel("Amount").fill("2500");
    await form.getByLabel("Expected close date").fill(new Date().toISOString().slice(0, 10));
    await form.getByLabel("New company").fill(`Company of ${lastName}`);
    await screenshot(page, "leads-convert");
    await form.getByRole("button", { name: "Convert" }).click();
    await page.waitForURL("**/deals/*");
    await page.getByRole("heading", { name: `Linus ${lastName}` }).waitFor();
    await page.getByRole("link", { name: `Company of ${lastName}` }).first().waitFor();

    await page.getByRole("link", { name: "Targets", exact: true }).click();
    const targetForm = page.getByTestId("target-form");
    await targetForm.getByRole("combobox", { name: "Member", exact: true }).click();
    await page.getByRole("option", { name: owner.name }).click();
    await targetForm.getByLabel(/^Target \(/).fill("10000");
    await targetForm.getByRole("button", { name: "Set target" }).click();
    await page.getByTestId("targets").getByText(owner.name).first().waitFor();

    await page.getByRole("link", { name: "Forecast", exact: true }).click();
    await page.getByTestId("forecast-chart").getByRole("img", { name: /^Bar chart per owner of won, commit/ }).waitFor();
    await page.getByTestId("forecast-table").getByText(owner.name).waitFor();
    await page.getByTestId("sales-dashboard").waitFor();
    await screenshot(page, "forecast");
  });
});
