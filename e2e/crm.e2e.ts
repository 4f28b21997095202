// The whole user journey against one real server, in order: the owner signs up on the first visit,
// builds a little CRM, invites a read-only colleague, and the app is checked at phone width and in Chinese.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { logIn, owner, screenshot, useBrowser } from "./browser.js";

const browser = useBrowser();
const reader = { name: "Rita Reader", email: "rita@pillar.test", password: "read-only-password" };
const company = { name: "Globex Corporation", domain: "globex.example" };
const contact = { firstName: "Ada", lastName: "Lovelace", email: "ada@globex.example" };
const contactName = `${contact.firstName} ${contact.lastName}`;

// Shared between the steps below, which run in order.
let ownerPage: Page;
let contactPath = "";

/** Waits until the URL path matches (client-side navigation included). */
async function waitForPath(page: Page, pattern: RegExp) {
  await page.waitForURL((url) => pattern.test(url.pathname));
}

/** The left edge of the main navigation: negative while it is slid off-screen on a phone. */
async function navLeftEdge(page: Page, name = "Main navigation") {
  const box = await page.getByRole("navigation", { name }).boundingBox();
  return box ? box.x : Number.NEGATIVE_INFINITY;
}

describe("Pillar CRM in the browser", () => {
  // Each step builds on the one before; after a failure the rest would only fail noisily.
  let hasFailed = false;
  beforeEach((context) => {
    if (hasFailed) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail") hasFailed = true;
  });

  it("shows sign-up to the very first visitor and creates the workspace", async () => {
    ownerPage = await browser.newPage();
    const page = ownerPage;
    await page.goto("/");
    await waitForPath(page, /^\/signup$/);
    await page.getByRole("heading", { name: "Welcome to Pillar — create your workspace", exact: true }).waitFor();
    await screenshot(page, "01-first-visit-signup");

    await page.getByLabel("Name", { exact: true }).fill(owner.name);
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password", { exact: true }).fill(owner.password);
    await page.getByLabel("Workspace name").fill(owner.workspace);
    await page.getByRole("button", { name: "Sign up" }).click();

    await waitForPath(page, /^\/contacts$/);
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByText("No contacts yet — create one or import later").waitFor();
    await page.getByText(owner.workspace).waitFor();
    await screenshot(page, "02-empty-contacts");
  });

  it("creates a company", async () => {
    const page = ownerPage;
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Companies" }).click();
    await page.getByRole("heading", { name: "Companies", exact: true }).waitFor();
    await page.getByRole("button", { name: "New company" }).click();
    const dialog = page.getByRole("dialog", { name: "New company" });
    await dialog.getByLabel("Name", { exact: true }).fill(company.name);
    await dialog.getByLabel("Domain").fill(company.domain);
    await dialog.getByRole("button", { name: "Save" }).click();

    await waitForPath(page, /^\/companies\/[^/]+$/);
    await page.getByText("Company created").waitFor();
    await page.getByRole("heading", { name: company.name, exact: true }).waitFor();
    await page.getByText(company.domain).first().waitFor();
    await screenshot(page, "03-company-created");
  });

  it("creates a contact linked to the company", async () => {
    const page = ownerPage;
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Contacts" }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByRole("button", { name: "New contact" }).click();
    const dialog = page.getByRole("dialog", { name: "New contact" });
    await dialog.getByLabel("First name").fill(contact.firstName);
    await dialog.getByLabel("Last name").fill(contact.lastName);
    await dialog.getByLabel("Email", { exact: true }).fill(contact.email);
    await dialog.getByLabel("Company", { exact: true }).fill("Globex");
    await page.getByRole("option", { name: company.name }).click();
    await screenshot(page, "04-new-contact-form");
    await dialog.getByRole("button", { name: "Save" }).click();

    await waitForPath(page, /^\/contacts\/[^/]+$/);
    contactPath = new URL(page.url()).pathname;
    await page.getByText("Contact created").waitFor();
    await page.getByRole("heading", { name: contactName, exact: true }).waitFor();
    await page.getByRole("link", { name: contact.email }).waitFor();
    // The company appears under the name and in the details, linking to the company page.
    await page.getByRole("link", { name: company.name }).first().click();
    await waitForPath(page, /^\/companies\/[^/]+$/);
    await page.getByRole("grid", { name: "Contacts at this company" }).getByText(contactName).waitFor();
    await screenshot(page, "05-company-with-contact");
  });

  it("finds the contact with the global search (Ctrl+K)", async () => {
    const page = ownerPage;
    await page.goto("/companies");
    await page.getByRole("heading", { name: "Companies", exact: true }).waitFor();
    await page.keyboard.press("Control+K");
    const search = page.getByPlaceholder("Search contacts and companies…");
    await search.waitFor();
    await search.fill("lovel");
    const result = page.getByRole("button", { name: new RegExp(contactName) });
    await result.waitFor();
    await screenshot(page, "06-global-search");
    await result.click();

    await waitForPath(page, new RegExp(`^${contactPath}$`));
    await page.getByRole("heading", { name: contactName, exact: true }).waitFor();
  });

  it("edits the contact and shows the change on the record and in History", async () => {
    const page = ownerPage;
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    const form = page.getByTestId("contact-edit-form");
    await form.getByLabel("Job title").fill("Chief Analyst");
    await form.getByLabel("Last name").fill("King");
    await form.getByRole("button", { name: "Save" }).click();

    await page.getByText("Saved", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Ada King", exact: true }).waitFor();
    await page.getByText("Chief Analyst").first().waitFor();
    await page.getByRole("button", { name: "Edit", exact: true }).waitFor();
    await screenshot(page, "07-contact-edited");

    await page.getByRole("tab", { name: "History" }).click();
    const history = page.getByTestId("audit-history");
    await history.getByText("Updated", { exact: true }).waitFor();
    await history.getByText("Created", { exact: true }).waitFor();
    // The update's diff: field, before, after.
    await history.getByRole("row", { name: "lastName Lovelace King", exact: true }).waitFor();
    await history.getByRole("row", { name: "jobTitle — Chief Analyst", exact: true }).waitFor();
    await screenshot(page, "08-contact-history");
  });

  it("deletes the contact and brings it back with Undo", async () => {
    const page = ownerPage;
    await page.getByRole("tab", { name: "Details" }).click();
    await page.getByRole("button", { name: "Delete", exact: true }).click();

    await waitForPath(page, /^\/contacts$/);
    await page.getByText("Contact moved to trash").waitFor();
    await page.getByText("No contacts yet — create one or import later").waitFor();
    await screenshot(page, "09-contact-deleted");
    await page.getByRole("button", { name: "Undo" }).click();
    await page.getByText("Contact moved to trash").waitFor({ state: "hidden" });

    await page.getByText("Restored", { exact: true }).waitFor();
    await waitForPath(page, new RegExp(`^${contactPath}$`));
    await page.getByRole("heading", { name: "Ada King", exact: true }).waitFor();
    await page.getByRole("button", { name: "Delete", exact: true }).waitFor();
    expect(await page.getByText("This record is in the trash.").count()).toBe(0);
  });

  it("deletes it again and restores it from the Trash", async () => {
    const page = ownerPage;
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await waitForPath(page, /^\/contacts$/);
    await page.getByText("Contact moved to trash").waitFor();

    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Trash" }).click();
    await page.getByRole("heading", { name: "Trash", exact: true }).waitFor();
    await page.getByRole("grid", { name: "Contacts" }).getByText("Ada King").waitFor();
    await screenshot(page, "10-trash");
    await page.getByRole("button", { name: "Restore Ada King" }).click();
    // (An earlier "Restored" notification from Undo may still be on screen.)
    await page.getByText("Restored", { exact: true }).first().waitFor();
    await page.getByText("No contacts in the trash").waitFor();

    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Contacts" }).click();
    const grid = page.getByRole("grid", { name: "Contacts" });
    await grid.getByText("Ada King").waitFor();
    await grid.getByText(company.name).waitFor();
  });

  it("invites a read-only colleague who can see the contact but not change it", async () => {
    const page = ownerPage;
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
    await page.getByRole("tab", { name: "Invitations" }).click();
    await waitForPath(page, /^\/settings\/invitations$/);
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(reader.email);
    await page.getByRole("combobox", { name: "Role", exact: true }).click();
    await page.getByRole("option", { name: "Read only" }).click();
    await page.getByRole("button", { name: "Create invitation" }).click();
    const linkText = page.getByTestId("secret-value");
    await linkText.waitFor();
    const link = (await linkText.textContent())?.trim() ?? "";
    expect(link).toMatch(/\/accept-invitation\?token=.+/);
    await page.getByRole("cell", { name: reader.email }).waitFor();
    await page.getByRole("cell", { name: "Read only" }).waitFor();
    await screenshot(page, "11-invitation-created");

    // A second browser context (separate cookies) opens the link.
    const readerPage = await browser.newPage();
    await readerPage.goto(link);
    await readerPage.getByRole("heading", { name: "Join your team on Pillar", exact: true }).waitFor();
    await readerPage.getByLabel("Name", { exact: true }).fill(reader.name);
    await readerPage.getByLabel("Password", { exact: true }).fill(reader.password);
    await screenshot(readerPage, "12-accept-invitation");
    await readerPage.getByRole("button", { name: "Accept invitation" }).click();

    await waitForPath(readerPage, /^\/contacts$/);
    const grid = readerPage.getByRole("grid", { name: "Contacts" });
    await grid.getByText("Ada King").waitFor();
    expect(await readerPage.getByRole("button", { name: "New contact" }).count()).toBe(0);
    await screenshot(readerPage, "13-read-only-list");

    await grid.getByText("Ada King").click();
    await waitForPath(readerPage, new RegExp(`^${contactPath}$`));
    await readerPage.getByRole("heading", { name: "Ada King", exact: true }).waitFor();
    await readerPage.getByText("Chief Analyst").first().waitFor();
    // The actions render with the title; once the title shows, absent buttons are really absent.
    expect(await readerPage.getByRole("button", { name: "Edit", exact: true }).count()).toBe(0);
    expect(await readerPage.getByRole("button", { name: "Delete", exact: true }).count()).toBe(0);
    await screenshot(readerPage, "14-read-only-record");

    const contactId = contactPath.split("/").pop();
    const patch = await readerPage.request.patch(`/api/v1/contacts/${contactId}`, { data: { jobTitle: "Hacked" } });
    expect(patch.status()).toBe(403);
    const read = await readerPage.request.get(`/api/v1/contacts/${contactId}`);
    expect(read.status()).toBe(200);
    expect(((await read.json()) as { jobTitle: string }).jobTitle).toBe("Chief Analyst");

    // The owner sees the invitation accepted.
    await page.reload();
    await page.getByText("Accepted", { exact: true }).waitFor();
  });

  it("takes the README screenshot of a lived-in contacts list", async () => {
    const api = ownerPage.request;
    const companies = [
      { name: "Initech", domain: "initech.example", industry: "Software", employeeCount: 420 },
      { name: "Umbrella Health", domain: "umbrella.example", industry: "Healthcare", employeeCount: 3100 },
      { name: "Stark Logistics", domain: "stark-logistics.example", industry: "Logistics", employeeCount: 870 },
    ];
    const companyIds: string[] = [];
    for (const input of companies) {
      const response = await api.post("/api/v1/companies", { data: input });
      expect(response.status()).toBe(201);
      companyIds.push(((await response.json()) as { id: string }).id);
    }
    const people = [
      { firstName: "Grace", lastName: "Hopper", email: "grace.hopper@initech.example", phone: "+1 415 555 0134", company: 0, stage: "customer", jobTitle: "VP Engineering" },
      { firstName: "Linus", lastName: "Carter", email: "linus@umbrella.example", phone: "+44 20 7946 0958", company: 1, stage: "opportunity", jobTitle: "Head of Procurement" },
      { firstName: "Mei", lastName: "Tanaka", email: "mei.tanaka@stark-logistics.example", phone: "+81 3 1234 5678", company: 2, stage: "qualified", jobTitle: "Operations Lead" },
      { firstName: "Omar", lastName: "Haddad", email: "omar@initech.example", phone: "+49 30 901820", company: 0, stage: "lead", jobTitle: "Product Manager" },
      { firstName: "Sofia", lastName: "Rossi", email: "sofia.rossi@umbrella.example", phone: "+39 06 6982 1234", company: 1, stage: "advocate", jobTitle: "CTO" },
    ];
    for (const person of people) {
      const response = await api.post("/api/v1/contacts", {
        data: {
          firstName: person.firstName,
          lastName: person.lastName,
          emails: [{ address: person.email, primary: true }],
          phones: [{ number: person.phone, primary: true }],
          jobTitle: person.jobTitle,
          companyId: companyIds[person.company],
          lifecycleStage: person.stage,
        },
      });
      expect(response.status()).toBe(201);
    }

    const page = await browser.newPage({ width: 1280, height: 800 });
    await logIn(page, owner);
    const grid = page.getByRole("grid", { name: "Contacts" });
    for (const person of people) await grid.getByText(`${person.firstName} ${person.lastName}`).waitFor();
    await grid.getByText("Ada King").waitFor();
    await page.screenshot({ path: path.resolve("docs/screenshot.png") });
    await screenshot(page, "15-contacts-list");
  });

  it("works at phone width: list, burger navigation, Chinese, log out", async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await logIn(page, owner);
    const grid = page.getByRole("grid", { name: "Contacts" });
    await grid.getByText("Ada King").waitFor();
    await grid.getByText("Grace Hopper").waitFor();
    await screenshot(page, "20-phone-contacts");

    // The navigation is slid off-screen until the burger opens it.
    expect(await navLeftEdge(page)).toBeLessThan(0);
    await page.getByRole("button", { name: "Toggle navigation" }).click();
    await expect.poll(() => navLeftEdge(page)).toBeGreaterThanOrEqual(0);
    await screenshot(page, "21-phone-navigation");
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Companies" }).click();
    await waitForPath(page, /^\/companies$/);
    await page.getByRole("heading", { name: "Companies", exact: true }).waitFor();
    await page.getByRole("grid", { name: "Companies" }).getByText(company.name).waitFor();
    await expect.poll(() => navLeftEdge(page)).toBeLessThan(0);
    await screenshot(page, "22-phone-companies");

    // Switch the language to Simplified Chinese.
    await page.getByRole("button", { name: "Language" }).click();
    await page.getByRole("menuitem", { name: "简体中文" }).click();
    await page.getByRole("heading", { name: "公司", exact: true }).waitFor();
    await page.getByRole("button", { name: "展开/收起导航" }).click();
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect.poll(() => navLeftEdge(page, "主导航")).toBeGreaterThanOrEqual(0);
    await nav.getByRole("link", { name: "联系人" }).waitFor();
    await nav.getByRole("link", { name: "回收站" }).waitFor();
    await nav.getByRole("link", { name: "设置" }).waitFor();
    await screenshot(page, "23-phone-chinese-navigation");
    await nav.getByRole("link", { name: "联系人" }).click();
    await page.getByRole("heading", { name: "联系人", exact: true }).waitFor();
    await page.getByRole("grid", { name: "联系人" }).getByText("Ada King").waitFor();

    // Log out from the burger menu.
    await page.getByRole("button", { name: "展开/收起导航" }).click();
    await page.getByRole("button", { name: "退出登录" }).click();
    await waitForPath(page, /^\/login$/);
    await page.goto("/contacts");
    await waitForPath(page, /^\/login$/);
    await screenshot(page, "24-phone-logged-out");
  });

  it("imports contacts from a CSV: automatic mapping with an override, preview, progress, rejected rows and undo", async () => {
    const page = await browser.newPage();
    await logIn(page, owner);
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import", exact: true }).waitFor();
    // Windows-1252 and semicolons, as Excel writes them on a German PC; "Funktion" is no known header.
    const csv = "Vorname;Nachname;E-Mail;Firma;Funktion\nJürgen;Müller;juergen@import.example;Import GmbH;Einkauf\nBad;Row;not-an-email;;\nLena;Schmidt;lena@import.example;Import GmbH;Vertrieb\n";
    await page.locator('input[type="file"]').setInputFiles({ name: "kontakte.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "latin1") });
    await page.getByText("Read as windows-1252, separated by ;, 5 columns.").waitFor();
    await expect.poll(() => page.getByRole("combobox", { name: "Field for column Vorname" }).inputValue()).toBe("First name");
    await expect.poll(() => page.getByRole("combobox", { name: "Field for column Firma" }).inputValue()).toBe("Company name");
    await page.getByRole("combobox", { name: "Field for column Funktion" }).click();
    await page.getByRole("option", { name: "Job title" }).click();
    await expect.poll(() => page.getByRole("combobox", { name: "Field for column Funktion" }).inputValue()).toBe("Job title");
    await page.locator('[data-error^="email:"]').waitFor();
    await page.getByText("1 of the first rows has a problem").waitFor();
    await screenshot(page, "30-import-preview");

    await page.getByRole("button", { name: "Start import" }).click();
    await page.getByText("Done", { exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole("link", { name: "Download the rejected row (CSV)" }).waitFor();
    await screenshot(page, "31-import-done");
    const imported = await page.request.get("/api/v1/contacts?filter[email][eq]=juergen@import.example");
    const [juergen] = ((await imported.json()) as { data: { firstName: string; lastName: string; jobTitle: string; company: { name: string } }[] }).data;
    expect(juergen).toMatchObject({ firstName: "Jürgen", lastName: "Müller", jobTitle: "Einkauf", company: { name: "Import GmbH" } });

    await page.getByRole("button", { name: "Undo import" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Undo import" }).click();
    await page.getByText("Undone", { exact: true }).waitFor();
    const after = await page.request.get("/api/v1/contacts?filter[email][eq]=juergen@import.example");
    expect(((await after.json()) as { data: unknown[] }).data).toEqual([]);
  });
});
