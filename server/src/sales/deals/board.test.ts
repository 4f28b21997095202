import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { queryRows } from "../../../../test/db.js";
import { addMember, createCompany, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

async function createDeal(actor: Actor, input: Record<string, unknown>) {
  const response = await actor.request("POST", "/api/v1/deals", { name: "Deal", currency: "USD", ...input });
  if (response.status !== 201) throw new Error(`deal failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

describe("pipeline board", () => {
  it("totals and weights each stage in the workspace currency, and shows its first deals", async () => {
    const owner = await signUpOwner(context.app);
    const member = await addMember(context.app, owner, "member", "Mia Member");
    const rates = await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.1" }] });
    expect(rates.status).toBe(200);
    const pipeline = (await owner.request("GET", "/api/v1/pipelines")).body.data[0];
    const [lead, qualified, proposal] = pipeline.stages;
    const company = await createCompany(owner, { name: "Umbrella" });
    await createDeal(owner, { name: "Dollars", amount: 100_00, stageId: lead.id, companyId: company.id });
    const euros = await createDeal(member, { name: "Euros", amount: 200_00, currency: "EUR", stageId: lead.id });
    await createDeal(owner, { name: "Big", amount: 1_000_00, stageId: qualified.id });
    await createDeal(owner, { name: "Yen", amount: 5_000, currency: "JPY", stageId: proposal.id });
    const trashed = await createDeal(owner, { name: "Trashed", amount: 9_999_00, stageId: lead.id });
    await owner.request("DELETE", `/api/v1/deals/${trashed.id}`);

    const board = await member.request("GET", `/api/v1/pipelines/${pipeline.id}/board?limit=1`);
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({ pipelineId: pipeline.id, currency: "USD", unconvertedCurrencies: ["JPY"] });
    const [leadColumn, qualifiedColumn, proposalColumn, negotiationColumn] = board.body.stages;
    expect(leadColumn).toMatchObject({ id: lead.id, name: "Lead", kind: "open", probability: 10, count: 2, total: 320_00, weighted: 32_00 });
    expect(leadColumn.deals).toEqual([
      {
        id: euros.id,
        name: "Euros",
        amount: 200_00,
        currency: "EUR",
        closeDate: null,
        ownerId: member.userId,
        ownerName: "Mia Member",
        companyName: null,
        stageEnteredAt: euros.stageEnteredAt,
        openRequiredSteps: 0,
      },
    ]);
    expect(qualifiedColumn).toMatchObject({ count: 1, total: 1_000_00, weighted: 250_00 });
    expect(proposalColumn).toMatchObject({ count: 1, total: 0, weighted: 0 });
    expect(negotiationColumn).toMatchObject({ count: 0, total: 0, deals: [] });

    const mine = await member.request("GET", `/api/v1/pipelines/${pipeline.id}/board?ownerId=${member.userId}`);
    expect(mine.body.stages[0]).toMatchObject({ count: 1, total: 220_00 });
    const searched = await member.request("GET", `/api/v1/pipelines/${pipeline.id}/board?q=doll`);
    expect(searched.body.stages[0].deals.map((deal: { companyName: string }) => deal.companyName)).toEqual(["Umbrella"]);

    const bad = await member.request("GET", `/api/v1/pipelines/${pipeline.id}/board?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("querystring.limit");
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/pipelines/${pipeline.id}/board`)).status).toBe(404);
  });

  it("counts a deal's open required steps on its card", async () => {
    const owner = await signUpOwner(context.app);
    const pipeline = (
      await owner.request("POST", "/api/v1/pipelines", {
        name: "Steps",
        stages: [
          { name: "Start", probability: 10, kind: "open", steps: [{ title: "Qualify", isRequired: true }, { title: "Research", isRequired: true }, { title: "Optional" }] },
          { name: "Won", probability: 100, kind: "won" },
        ],
      })
    ).body;
    const deal = await createDeal(owner, { name: "Stepped", pipelineId: pipeline.id });
    const tasks = (await owner.request("GET", `/api/v1/activities?filter[dealId][eq]=${deal.id}`)).body.data;
    await owner.request("PATCH", `/api/v1/activities/${tasks.find((task: { subject: string }) => task.subject === "Qualify").id}`, { doneAt: new Date().toISOString() });
    const board = await owner.request("GET", `/api/v1/pipelines/${pipeline.id}/board`);
    expect(board.body.stages[0].deals[0]).toMatchObject({ id: deal.id, openRequiredSteps: 1 });
  });

  it("counts, totals and caps 10,000 open deals in one pipeline (the bench measures its speed)", async () => {
    const owner = await signUpOwner(context.app);
    await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.08" }] });
    const pipeline = (await owner.request("GET", "/api/v1/pipelines")).body.data[0];
    const openStages = pipeline.stages.filter((stage: { kind: string }) => stage.kind === "open").map((stage: { id: string }) => stage.id);
    await queryRows(
      context.database,
      sql`insert into deals (workspace_id, id, name, amount, currency, pipeline_id, stage_id, owner_id, created_at, updated_at, stage_entered_at)
          select ${owner.workspaceId}::uuid, gen_random_uuid(), 'Deal ' || n, (n * 137) % 1000000, case when n % 3 = 0 then 'EUR' else 'USD' end,
            ${pipeline.id}::uuid, (${`{${openStages.join(",")}}`}::uuid[])[1 + n % ${openStages.length}], ${owner.userId}::uuid,
            now() - n * interval '1 minute', now() - n * interval '1 minute', now()
          from generate_series(1, 10000) as n`,
    );
    const response = await owner.request("GET", `/api/v1/pipelines/${pipeline.id}/board`);
    expect(response.status).toBe(200);
    const stages = response.body.stages as { count: number; total: number; deals: unknown[] }[];
    expect(stages.reduce((sum, stage) => sum + stage.count, 0)).toBe(10_000);
    for (const stage of stages.filter((entry) => entry.count > 0)) expect(stage.deals).toHaveLength(50);
    // Every deal counted once, EUR converted at 1.08 and rounded per currency group.
    const [expected] = await queryRows<{ usd: string; eur: string }>(
      context.database,
      sql`select sum(amount) filter (where currency = 'USD') as usd, sum(amount) filter (where currency = 'EUR') as eur from deals where workspace_id = ${owner.workspaceId}::uuid`,
    );
    const total = stages.reduce((sum, stage) => sum + stage.total, 0);
    expect(Math.abs(total - (Number(expected!.usd) + Number(expected!.eur) * 1.08))).toBeLessThan(stages.length);
  });
});
