import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

export const baseUrl = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3217";
const artifacts = path.resolve("e2e/artifacts");

/** One headless Debian Chromium per spec file; pages get fresh contexts (separate cookies). */
export function useBrowser() {
  const state: { browser: Browser; contexts: BrowserContext[] } = { browser: undefined as never, contexts: [] };
  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    for (const context of state.contexts) await context.close();
    await state.browser?.close();
  });
  return {
    async newPage(viewport = { width: 1280, height: 800 }): Promise<Page> {
      const context = await state.browser.newContext({ baseURL: baseUrl, viewport, locale: "en-US" });
      // Fail a step in seconds, not minutes; the test timeout still bounds the whole step.
      context.setDefaultTimeout(15_000);
      state.contexts.push(context);
      return context.newPage();
    },
  };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * The workspace owner. crm.e2e.ts signs them up as the server's very first visitor (and asserts that
 * sign-up is offered); spec files run in name order (e2e/vitest.config.ts), so later files log the
 * owner in with `logIn(page, owner)` and never sign up.
 */
export const owner = { name: "Olivia Owner", email: "owner@pillar.test", password: "correct-horse-battery", workspace: "Acme Sales" };

/** Logs in through the login form and waits for the contacts list. */
export async function logIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/contacts");
  await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
}

/**
 * Logs the owner in; when a spec file runs alone on a fresh server (crm.e2e.ts, which signs the
 * owner up as the first visitor, did not run), signs them up instead.
 */
export async function signInOwner(page: Page) {
  const status = (await (await page.request.get("/api/v1/auth/setup-status")).json()) as { hasWorkspace: boolean };
  if (status.hasWorkspace) return logIn(page, owner);
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password", { exact: true }).fill(owner.password);
  await page.getByLabel("Workspace name").fill(owner.workspace);
  await page.getByRole("button", { name: "Sign up" }).click();
  await page.waitForURL("**/contacts");
}
