// The shared customer database in depth: interactions logged on a contact show on its company's
// timeline, a custom field is added and filtered by, and two duplicates are merged.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { logIn, owner, screenshot, useBrowser } from "./browser.js";

const browser = useBrowser();
let page: Page;

async function create<T = { id: string }>(path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

const navigation = () => page.getByRole("navigation", { name: "Main navigation" });

describe("the customer database in the browser", () => {
  beforeAll(async () => {
    page = await browser.newPage();
    await logIn(page, owner);
  });

  it("logs a call and a task on a contact and shows both on the company's timeline", async () => {
    const company = await create("/api/v1/companies", { name: "Initech", domain: "initech.example" });
    const contact = await create("/api/v1/contacts", { firstName: "Peter", lastName: "Gibbons", companyId: company.id, emails: [{ address: "peter@initech.example", primary: true }] });

    await page.goto(`/contacts/${contact.id}`);
    await page.getByRole("heading", { name: "Peter Gibbons", exact: true }).waitFor();
    await page.getByTestId("timeline-tab").click();
    for (const [type, subject] of [
      ["Call", "Discovery call about the TPS reports"],
      ["Task", "Send the proposal to Peter"],
    ] as const) {
      await page.getByTestId("log-activity").click();
      await page.getByRole("radiogroup", { name: "Type" }).getByText(type, { exact: true }).click();
      await page.getByTestId("activity-subject").fill(subject);
      if (type === "Task") await page.getByTestId("activity-due").fill("2026-12-01T10:00");
      await page.getByTestId("activity-save").click();
      await page.getByText("Activity logged").first().waitFor();
      await page.getByText(subject).first().waitFor();
    }

    await page.goto(`/companies/${company.id}`);
    await page.getByRole("heading", { name: "Initech", exact: true }).waitFor();
    await page.getByTestId("timeline-tab").click();
    await page.getByText("Discovery call about the TPS reports").first().waitFor();
    await page.getByText("Send the proposal to Peter").first().waitFor();
    await screenshot(page, "40-company-timeline");
  });

  it("adds a custom field and filters the contacts list by it", async () => {
    await navigation().getByRole("link", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Custom fields" }).click();
    await page.getByRole("button", { name: "Add field" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Label").fill("Region");
    await dialog.getByLabel("Key").fill("region");
    await dialog.getByRole("button", { name: "Save" }).click();
    await page.getByRole("cell", { name: "Region", exact: true }).waitFor();

    await create("/api/v1/contacts", { firstName: "Samir", lastName: "Nagheenanajar", custom: { region: "EMEA" } });
    await create("/api/v1/contacts", { firstName: "Michael", lastName: "Bolton", custom: { region: "AMER" } });

    await navigation().getByRole("link", { name: "Contacts" }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByText("Michael Bolton").first().waitFor();
    await page.getByRole("button", { name: "Add filter" }).click();
    await page.getByRole("combobox", { name: "Field" }).click();
    await page.getByRole("option", { name: "Region" }).click();
    // The operator starts at "is".
    await expect.poll(() => page.getByRole("combobox", { name: "Operator" }).inputValue()).toBe("is");
    await page.getByLabel("Value", { exact: true }).fill("EMEA");
    await page.getByRole("button", { name: "Apply filter" }).click();

    await page.getByText("Samir Nagheenanajar").first().waitFor();
    await expect.poll(() => page.getByText("Michael Bolton").count()).toBe(0);
    await page.getByText("Region is EMEA").waitFor();
    await screenshot(page, "41-custom-field-filter");
  });

  it("merges two duplicates into one record", async () => {
    await create("/api/v1/contacts", { firstName: "Milton", lastName: "Waddams", jobTitle: "Collator", emails: [{ address: "milton@initech.example", primary: true }] });
    await create("/api/v1/contacts", { firstName: "Milton", lastName: "Waddams", phones: [{ number: "+14155550123", primary: true }], emails: [{ address: "milton@initech.example", primary: true }] });

    await navigation().getByRole("link", { name: "Duplicates" }).click();
    await page.getByRole("heading", { name: "Duplicates", exact: true }).waitFor();
    const group = page.locator(".mantine-Card-root", { hasText: "Milton Waddams" }).filter({ hasText: "Same e-mail" });
    await group.getByRole("button", { name: "Review" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge records" });
    await dialog.waitFor();
    await screenshot(page, "42-merge-duplicates");
    await dialog.getByRole("button", { name: "Merge" }).click();
    await page.getByText("Records merged").first().waitFor();

    const remaining = await page.request.get("/api/v1/contacts?filter[email][eq]=milton@initech.example");
    const { data } = (await remaining.json()) as { data: { phones: { number: string }[]; jobTitle: string | null }[] };
    expect(data).toHaveLength(1);
    expect(data[0]!.phones.map((phone) => phone.number)).toEqual(["+14155550123"]);
  });
});
