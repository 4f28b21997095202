import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, createActivity, signUpOwner } from "../../../../test/factories.js";
import { createDeal, currentPeriods, defaultPipeline } from "../../../../test/sales-periods.js";
import { elapsedFraction, parsePeriod } from "./periods.js";

const context = useTestApp();

describe("periods", () => {
  it("reads years, quarters and months, and how much of one has passed", () => {
    expect(parsePeriod("2026")).toEqual({ label: "2026", start: "2026-01-01", end: "2027-01-01" });
    expect(parsePeriod("2026-Q4")).toEqual({ label: "2026-Q4", start: "2026-10-01", end: "2027-01-01" });
    expect(parsePeriod("2026-02")).toEqual({ label: "2026-02", start: "2026-02-01", end: "2026-03-01" });
    expect(elapsedFraction(parsePeriod("2026-11"), new Date("2026-11-16T00:00:00Z"))).toBe(0.5);
    expect(elapsedFraction(parsePeriod("2026-11"), new Date("2025-01-01T00:00:00Z"))).toBe(0);
    expect(elapsedFraction(parsePeriod("2026-11"), new Date("2027-01-01T00:00:00Z"))).toBe(1);
  });
});

describe("targets", () => {
  it("measures won revenue in the workspace currency, won deals and activities against a linear pace", async () => {
    const owner = await signUpOwner(context.app);
    const seller = await addMember(context.app, owner, "member");
    const partner = await addMember(context.app, owner, "member");
    expect((await owner.request("PUT", "/api/v1/sales/settings", { defaultCurrency: "USD", exchangeRates: [{ currency: "EUR", rate: "1.1" }] })).status).toBe(200);
    const { stages } = await defaultPipeline(owner);
    const { year, quarter } = currentPeriods();
    await createDeal(seller, { amount: 100_000, currency: "USD", stageId: stages.Won });
    await createDeal(seller, { amount: 100_000, currency: "EUR", stageId: stages.Won });
    await createDeal(seller, { amount: 900_000, currency: "USD", stageId: stages.Lost });
    await createDeal(seller, { amount: 900_000, currency: "USD", stageId: stages.Proposal });
    await createDeal(partner, { amount: 50_000, currency: "USD", stageId: stages.Won });
    await createActivity(seller, { type: "call", subject: "Discovery" });
    await createActivity(seller, { type: "task", subject: "Send proposal", doneAt: new Date().toISOString() });
    await createActivity(seller, { type: "task", subject: "Still open" });

    const before = Date.now();
    const revenue = await owner.request("POST", "/api/v1/targets", { ownerId: seller.userId, period: year, metric: "revenue_won", amount: 1_000_000 });
    const after = Date.now();
    expect(revenue.status).toBe(201);
    expect(revenue.body).toMatchObject({ ownerId: seller.userId, teamId: null, holderName: expect.any(String), period: year, periodStart: `${year}-01-01`, metric: "revenue_won", currency: "USD", attainment: 210_000, percent: 21 });
    const period = parsePeriod(year);
    expect(revenue.body.expectedByNow).toBeGreaterThanOrEqual(Math.round(1_000_000 * elapsedFraction(period, new Date(before))));
    expect(revenue.body.expectedByNow).toBeLessThanOrEqual(Math.round(1_000_000 * elapsedFraction(period, new Date(after))));
    expect(revenue.body.isBehind).toBe(revenue.body.attainment < revenue.body.expectedByNow);

    const deals = await owner.request("POST", "/api/v1/targets", { ownerId: seller.userId, period: quarter, metric: "deals_won", amount: 4 });
    expect(deals.body).toMatchObject({ attainment: 2, percent: 50, currency: null });
    const activities = await owner.request("POST", "/api/v1/targets", { ownerId: seller.userId, period: quarter, metric: "activities_done", amount: 10 });
    expect(activities.body).toMatchObject({ attainment: 2, percent: 20 });

    const team = await owner.request("POST", "/api/v1/teams", { name: "Field" });
    for (const member of [seller, partner]) await owner.request("PATCH", `/api/v1/members/${member.userId}`, { teamId: team.body.id });
    const teamTarget = await owner.request("POST", "/api/v1/targets", { teamId: team.body.id, period: quarter, metric: "revenue_won", amount: 520_000 });
    expect(teamTarget.body).toMatchObject({ teamId: team.body.id, ownerId: null, holderName: "Field", attainment: 260_000, percent: 50 });

    const listed = await seller.request("GET", `/api/v1/targets?period=${quarter}`);
    expect(listed.body.data.map((target: { id: string }) => target.id).sort()).toEqual([deals.body.id, activities.body.id, teamTarget.body.id].sort());
    const changed = await owner.request("PATCH", `/api/v1/targets/${deals.body.id}`, { amount: 2 });
    expect(changed.body).toMatchObject({ amount: 2, attainment: 2, percent: 100, isBehind: false });
    expect((await owner.request("DELETE", `/api/v1/targets/${deals.body.id}`)).status).toBe(204);
    expect((await owner.request("GET", `/api/v1/targets/${deals.body.id}`)).status).toBe(404);
  });

  it("refuses bad targets naming the field, members 403, and another workspace's target 404", async () => {
    const owner = await signUpOwner(context.app);
    const manager = await addMember(context.app, owner, "manager");
    const member = await addMember(context.app, owner, "member");
    const team = await owner.request("POST", "/api/v1/teams", { name: "Team" });
    const before = await databaseFingerprint(context.database);
    for (const [body, path] of [
      [{ ownerId: member.userId, period: "2026-Q5", metric: "revenue_won", amount: 100 }, "body.period"],
      [{ ownerId: member.userId, period: "Q4 2026", metric: "revenue_won", amount: 100 }, "body.period"],
      [{ ownerId: member.userId, teamId: team.body.id, period: "2026", metric: "revenue_won", amount: 100 }, "body.teamId"],
      [{ period: "2026", metric: "revenue_won", amount: 100 }, "body.ownerId"],
      [{ ownerId: "00000000-0000-4000-8000-000000000000", period: "2026", metric: "deals_won", amount: 3 }, "body.ownerId"],
      [{ ownerId: member.userId, period: "2026", metric: "calls", amount: 3 }, "body.metric"],
      [{ ownerId: member.userId, period: "2026", metric: "deals_won", amount: 2.5 }, "body.amount"],
    ] as const) {
      const response = await manager.request("POST", "/api/v1/targets", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await member.request("POST", "/api/v1/targets", { ownerId: member.userId, period: "2026", metric: "deals_won", amount: 3 })).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const target = await manager.request("POST", "/api/v1/targets", { ownerId: member.userId, period: "2026-11", metric: "deals_won", amount: 3 });
    expect(target.status).toBe(201);
    expect((await member.request("PATCH", `/api/v1/targets/${target.body.id}`, { amount: 1 })).status).toBe(403);
    expect((await member.request("DELETE", `/api/v1/targets/${target.body.id}`)).status).toBe(403);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/targets/${target.body.id}`)).status).toBe(404);
    expect((await stranger.request("PATCH", `/api/v1/targets/${target.body.id}`, { amount: 1 })).status).toBe(404);
    expect((await stranger.request("DELETE", `/api/v1/targets/${target.body.id}`)).status).toBe(404);
    expect((await stranger.request("GET", "/api/v1/targets")).body.data).toEqual([]);
  });
});
