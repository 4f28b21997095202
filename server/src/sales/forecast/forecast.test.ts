import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { queryRows } from "../../../../test/db.js";
import { addMember, createActivity, signUpOwner } from "../../../../test/factories.js";
import { createDeal, currentPeriods, defaultPipeline } from "../../../../test/sales-periods.js";

const context = useTestApp();

describe("forecast", () => {
  it("sums won, commit, best case and weighted per owner and team in the workspace currency, against targets", async () => {
    const owner = await signUpOwner(context.app);
    const seller = await addMember(context.app, owner, "member", "Sam Seller");
    await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.1" }, { currency: "GBP", rate: "1.25" }] });
    const { stages } = await defaultPipeline(owner);
    const { quarter, quarterStart, nextQuarterStart } = currentPeriods();
    const closeDate = quarterStart;
    // The owner: won 1,000.00 USD; commit 2,000.00 USD at 50 %; best case 1,000.00 EUR (1,100.00 USD) at 50 %;
    // pipeline 500.00 USD at 25 %; omitted 700.00 USD; lost 9,999.00 USD; one won next quarter.
    await createDeal(owner, { amount: 100_000, stageId: stages.Won, closeDate });
    await createDeal(owner, { amount: 200_000, stageId: stages.Proposal, forecastCategory: "commit", closeDate });
    await createDeal(owner, { amount: 100_000, currency: "EUR", stageId: stages.Proposal, forecastCategory: "best_case", closeDate });
    await createDeal(owner, { amount: 50_000, stageId: stages.Qualified, closeDate });
    await createDeal(owner, { amount: 70_000, stageId: stages.Negotiation, forecastCategory: "omitted", closeDate });
    await createDeal(owner, { amount: 999_900, stageId: stages.Lost, closeDate });
    await createDeal(owner, { amount: 300_000, stageId: stages.Won, closeDate: nextQuarterStart });
    // The seller: won 2,000.00 EUR (2,200.00 USD); commit 100.00 GBP (125.00 USD) at 75 %; 10,000 JPY without a rate.
    await createDeal(seller, { amount: 200_000, currency: "EUR", stageId: stages.Won, closeDate });
    await createDeal(seller, { amount: 10_000, currency: "GBP", stageId: stages.Negotiation, forecastCategory: "commit", closeDate });
    await createDeal(seller, { amount: 10_000, currency: "JPY", stageId: stages.Negotiation, forecastCategory: "commit", closeDate });
    await owner.request("POST", "/api/v1/targets", { ownerId: owner.userId, period: quarter, metric: "revenue_won", amount: 400_000 });

    const response = await seller.request("GET", `/api/v1/forecast?period=${quarter}&groupBy=owner`);
    expect(response.status).toBe(200);
    const forecast = response.body;
    expect(forecast).toMatchObject({ period: quarter, currency: "USD", groupBy: "owner", unconvertedCurrencies: ["JPY"] });
    expect(forecast.rates).toEqual([
      { currency: "EUR", rate: expect.stringMatching(/^1\.10*$/) },
      { currency: "GBP", rate: expect.stringMatching(/^1\.250*$/) },
    ]);
    const byOwner = Object.fromEntries(forecast.rows.map((row: { ownerId: string }) => [row.ownerId, row]));
    expect(byOwner[owner.userId]).toEqual({
      ownerId: owner.userId,
      name: "Olivia Owner",
      won: 100_000,
      commit: 300_000,
      bestCase: 410_000,
      weighted: 100_000 + 55_000 + 12_500,
      target: 400_000,
      attainmentPercent: 25,
    });
    expect(byOwner[seller.userId]).toEqual({ ownerId: seller.userId, name: "Sam Seller", won: 220_000, commit: 232_500, bestCase: 232_500, weighted: 9_375, target: null, attainmentPercent: null });
    expect(forecast.totals).toEqual({ won: 320_000, commit: 532_500, bestCase: 642_500, weighted: 176_875, target: 400_000, attainmentPercent: 80 });

    const team = await owner.request("POST", "/api/v1/teams", { name: "Enterprise" });
    await owner.request("PATCH", `/api/v1/members/${seller.userId}`, { teamId: team.body.id });
    await owner.request("POST", "/api/v1/targets", { teamId: team.body.id, period: quarter, metric: "revenue_won", amount: 440_000 });
    const byTeam = (await owner.request("GET", `/api/v1/forecast?period=${quarter}&groupBy=team`)).body;
    expect(byTeam.rows).toEqual([
      { teamId: null, name: "No team", won: 100_000, commit: 300_000, bestCase: 410_000, weighted: 167_500, target: null, attainmentPercent: null },
      { teamId: team.body.id, name: "Enterprise", won: 220_000, commit: 232_500, bestCase: 232_500, weighted: 9_375, target: 440_000, attainmentPercent: 50 },
    ]);

    expect((await owner.request("GET", "/api/v1/forecast?period=2026-13")).body.errors[0].path).toBe("querystring.period");
    expect((await owner.request("GET", `/api/v1/forecast?period=${quarter}&groupBy=region`)).status).toBe(400);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/forecast?period=${quarter}`)).body.rows).toEqual([]);
  });

  it("shows the dashboard: pipeline by stage, win rate, deal size, cycle, activities and deals at risk", async () => {
    const owner = await signUpOwner(context.app);
    await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "2" }] });
    const { stages } = await defaultPipeline(owner);
    const { quarter } = currentPeriods();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const won = await createDeal(owner, { amount: 100_000, stageId: stages.Won });
    await createDeal(owner, { amount: 50_000, currency: "EUR", stageId: stages.Won });
    await createDeal(owner, { amount: 10_000, stageId: stages.Lost });
    const late = await createDeal(owner, { name: "Late", amount: 30_000, stageId: stages.Proposal, closeDate: yesterday });
    const quiet = await createDeal(owner, { name: "Quiet", amount: 20_000, currency: "EUR", stageId: stages.Proposal });
    await createDeal(owner, { name: "Fine", amount: 90_000, stageId: stages.Lead });
    await queryRows(context.database, sql`update deals set created_at = now() - interval '30 days' where id = ${quiet.id}::uuid`);
    await queryRows(context.database, sql`update deals set created_at = closed_at - interval '10 days' where id = ${won.id}::uuid`);
    await createActivity(owner, { type: "call", subject: "Call" });

    const response = await owner.request("GET", `/api/v1/sales/dashboard?period=${quarter}`);
    expect(response.status).toBe(200);
    const dashboard = response.body;
    expect(dashboard).toMatchObject({ period: quarter, currency: "USD", wonCount: 2, lostCount: 1, winRate: 66.7, averageWonAmount: 100_000 });
    expect(dashboard.salesCycleDays).toBeCloseTo(5, 0);
    expect(dashboard.pipeline.map((stage: { stageName: string; count: number; amount: number }) => [stage.stageName, stage.count, stage.amount])).toEqual([
      ["Lead", 1, 90_000],
      ["Qualified", 0, 0],
      ["Proposal", 2, 70_000],
      ["Negotiation", 0, 0],
    ]);
    expect(dashboard.activitiesByMember).toEqual([{ userId: owner.userId, name: "Olivia Owner", count: 1 }]);
    expect(dashboard.atRisk.map((deal: { id: string; convertedAmount: number; isPastCloseDate: boolean; isStale: boolean }) => [deal.id, deal.convertedAmount, deal.isPastCloseDate, deal.isStale])).toEqual([
      [quiet.id, 40_000, false, true],
      [late.id, 30_000, true, false],
    ]);
  });
});
