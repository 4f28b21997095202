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
      state.contexts.push(context);
      return context.newPage();
    },
  };
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}
