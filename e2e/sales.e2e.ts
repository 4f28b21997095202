// The sales journey in the browser, step by step against one real server: an admin sets up a pipeline
// whose first stage has a required step, a deal is created and dragged along the board, the move is
// blocked until the step's task is done on the deal page, then it goes through. Later steps of the
// journey (lead → deal, quote → order → invoice → payment) extend `journey` and append their `it`s.
import type { Locator, Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { screenshot, signInOwner, useBrowser } from "./browser.js";

const browser = useBrowser();
const pipelineName = "Enterprise sales";
const requiredStep = "Send the NDA";
const deal = { name: "Globex rollout", amount: "12500", currency: "EUR" };

/** What the steps below share, in order. */
const journey = { page: undefined as unknown as Page, dealId: "" };


function column(page: Page, stage: string): Locator {
  return page.getByTestId("deals-board").getByRole("region", { name: stage, exact: true });
}

function card(page: Page, stage: string): Locator {
  return column(page, stage).getByRole("button", { name: deal.name, exact: true });
}

/** Drags with the mouse the way a person does: press, travel in small steps, release over the column. */
async function dragCard(page: Page, from: Locator, to: Locator) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  if (!start || !end) throw new Error("card or column is not on screen");
  // The bottom row of the card (owner, badge): the name on top is a link that opens the deal.
  const x = start.x + start.width / 2;
  const y = start.y + start.height - 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 4, { steps: 4 });
  await page.mouse.move(end.x + end.width / 2, end.y + 90, { steps: 15 });
  await page.mouse.up();
}

async function openBoard(page: Page) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Deals" }).click();
  await page.waitForURL((url) => url.pathname === "/deals");
  await column(page, "Qualification").waitFor();
}

describe("the sales journey in the browser", () => {
  // Each step builds on the one before; after a failure the rest would only fail noisily.
  let hasFailed = false;
  beforeEach((context) => {
    if (hasFailed) context.skip();
  });
  afterEach((context) => {
    if (context.task.result?.state === "fail") hasFailed = true;
  });

  it("sets up a pipeline whose first stage has a required step (Settings → Pipelines)", async () => {
    journey.page = await browser.newPage();
    const page = journey.page;
    await signInOwner(page);
    await page.goto("/settings/pipelines");
    await page.getByRole("button", { name: "New pipeline" }).click();
    const editor = page.getByRole("dialog", { name: "New pipeline" });
    await editor.getByLabel("Pipeline name").fill(pipelineName);
    await editor.getByLabel("Default pipeline for new deals").check();
    await editor.getByRole("button", { name: "Add a step to Qualification" }).click();
    const step = editor.getByRole("group", { name: "Stage 1, step 1" });
    await step.getByLabel("Step", { exact: true }).fill(requiredStep);
    await step.getByLabel("Required", { exact: true }).check();
    await screenshot(page, "sales-01-pipeline-editor");
    await editor.getByRole("button", { name: "Save" }).click();

    await page.getByText("Pipeline saved").waitFor();
    const row = page.getByTestId("pipeline-row").filter({ hasText: pipelineName });
    await row.getByText("Default", { exact: true }).waitFor();
    await row.getByText("Qualification · 20% · 1 step").waitFor();
  });

  it("creates a deal from the board; it lands in the first stage with its step task", async () => {
    const page = journey.page;
    await openBoard(page);
    await page.getByRole("button", { name: "New deal" }).click();
    const dialog = page.getByRole("dialog", { name: "New deal" });
    await dialog.getByLabel("Deal name").fill(deal.name);
    await dialog.getByLabel("Amount", { exact: true }).fill(deal.amount);
    await dialog.getByLabel("Currency", { exact: true }).fill(deal.currency);
    await dialog.getByRole("button", { name: "Save" }).click();

    await page.waitForURL((url) => /^\/deals\/[0-9a-f-]{36}$/.test(url.pathname));
    journey.dealId = new URL(page.url()).pathname.split("/").pop()!;
    await page.getByText("Deal created").waitFor();
    await page.getByRole("heading", { name: deal.name, exact: true }).waitFor();
    await page.getByTestId("deal-stage-bar").getByRole("button", { name: "Qualification" }).and(page.locator('[aria-current="step"]')).waitFor();
    await page.getByTestId("deal-tasks").getByText(requiredStep).waitFor();

    await openBoard(page);
    const created = card(page, "Qualification");
    await created.waitFor();
    await created.getByText("€12,500.00").waitFor();
    await created.getByText("1 required step open").waitFor();
    await screenshot(page, "sales-02-board");
  });

  it("blocks dragging the deal on while the required step is open, and names the step", async () => {
    const page = journey.page;
    await dragCard(page, card(page, "Qualification"), column(page, "Proposal"));

    const dialog = page.getByRole("dialog", { name: "This deal cannot move yet" });
    await dialog.getByText(requiredStep).waitFor();
    await screenshot(page, "sales-03-move-blocked");
    await dialog.getByRole("button", { name: "Close", exact: true }).last().click();
    // Rolled back: the card is where it was, and the server agrees.
    await card(page, "Qualification").waitFor();
    expect(await card(page, "Proposal").count()).toBe(0);
    const stored = (await (await page.request.get(`/api/v1/deals/${journey.dealId}`)).json()) as { stage: { name: string } };
    expect(stored.stage.name).toBe("Qualification");
  });

  it("completes the step's task on the deal page", async () => {
    const page = journey.page;
    await card(page, "Qualification").getByRole("link", { name: deal.name }).click();
    await page.getByRole("heading", { name: deal.name, exact: true }).waitFor();
    const task = page.getByTestId("deal-task").filter({ hasText: requiredStep });
    // The box follows the server's answer, so click and wait for it rather than check().
    await task.getByRole("checkbox", { name: "Mark done" }).click();
    await page.getByText("Task completed").waitFor();
    await page.getByTestId("deal-task").filter({ hasText: requiredStep }).and(page.locator("[data-done]")).waitFor();
  });

  it("then moves the deal on with the keyboard (Space, →, Space)", async () => {
    const page = journey.page;
    await openBoard(page);
    await expect.poll(() => card(page, "Qualification").getByTestId("open-steps-badge").count(), { timeout: 10_000 }).toBe(0);
    const held = card(page, "Qualification");
    await held.focus();
    // Each key waits for the screen-reader announcement of the one before (the sensor listens from the next tick);
    // picking the card up announces the stage it is over straight away.
    const announced = (text: string) => page.getByText(text, { exact: true }).waitFor({ state: "attached" });
    await page.keyboard.press("Space");
    await announced("Over stage Qualification.");
    await page.keyboard.press("ArrowRight");
    await announced("Over stage Proposal.");
    await page.keyboard.press("Space");
    await announced("Dropped in stage Proposal.");

    await card(page, "Proposal").waitFor();
    expect(await card(page, "Qualification").count()).toBe(0);
    await expect.poll(async () => ((await (await page.request.get(`/api/v1/deals/${journey.dealId}`)).json()) as { stage: { name: string } }).stage.name, { timeout: 10_000 }).toBe("Proposal");
    await screenshot(page, "sales-04-moved");

    await page.goto(`/deals/${journey.dealId}`);
    await page.getByRole("tab", { name: "Stage history" }).click();
    const history = page.getByTestId("stage-history");
    await history.getByRole("cell", { name: "Proposal", exact: true }).waitFor();
    await history.getByRole("cell", { name: "Qualification", exact: true }).waitFor();
  });
});
