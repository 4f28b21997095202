import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { queryRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";
import { createDeal, currentPeriods, defaultPipeline } from "../../../../test/sales-periods.js";
import { planAlertsJob, runPlanAlerts } from "./plan-alerts.js";

const context = useTestApp();

type Entry = { kind: string; record: { id: string } | null; excerpt: string | null };
const inbox = async (actor: Actor): Promise<Entry[]> => (await actor.request("GET", "/api/v1/notifications?limit=100")).body.data;
const ofKind = async (actor: Actor, kind: string) => (await inbox(actor)).filter((entry) => entry.kind === kind);

describe("plan alerts", () => {
  it("tells a member behind pace and their team's manager once a day; stale and overdue deals their owner", async () => {
    const owner = await signUpOwner(context.app);
    const manager = await addMember(context.app, owner, "manager");
    const seller = await addMember(context.app, owner, "member");
    const loner = await addMember(context.app, owner, "member");
    const team = await owner.request("POST", "/api/v1/teams", { name: "North" });
    for (const member of [manager, seller]) await owner.request("PATCH", `/api/v1/members/${member.userId}`, { teamId: team.body.id });
    const { year } = currentPeriods();
    // Nothing won against a target for the whole year: behind from the first minute.
    const behind = await owner.request("POST", "/api/v1/targets", { ownerId: seller.userId, period: year, metric: "revenue_won", amount: 1_000_000_000 });
    expect(behind.body.isBehind).toBe(true);
    // No team: the workspace's owners hear about it.
    await owner.request("POST", "/api/v1/targets", { ownerId: loner.userId, period: year, metric: "deals_won", amount: 1_000_000 });
    // Met already: no alert.
    await owner.request("POST", "/api/v1/targets", { ownerId: manager.userId, period: year, metric: "activities_done", amount: 1 });
    await owner.request("POST", "/api/v1/activities", { type: "call", subject: "Call", ownerId: manager.userId });

    const { stages } = await defaultPipeline(owner);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const overdue = await createDeal(seller, { name: "Overdue", amount: 1_000, stageId: stages.Proposal, closeDate: yesterday });
    const stale = await createDeal(seller, { name: "Quiet", amount: 1_000, stageId: stages.Qualified });
    const lively = await createDeal(seller, { name: "Lively", amount: 1_000, stageId: stages.Qualified });
    const wonLongAgo = await createDeal(seller, { name: "Won", amount: 1_000, stageId: stages.Won, closeDate: yesterday });
    // The deal has had no activity for 30 days (the default threshold is 14).
    await queryRows(context.database, sql`update deals set created_at = now() - interval '30 days' where id in (${stale.id}::uuid, ${wonLongAgo.id}::uuid)`);
    await queryRows(context.database, sql`update deals set created_at = now() - interval '30 days', last_activity_at = now() - interval '2 days' where id = ${lively.id}::uuid`);

    await context.jobs.send(planAlertsJob, {});
    const sellerAlerts = await eventually(async () => {
      const entries = await inbox(seller);
      return entries.length >= 3 ? entries : undefined;
    });
    expect(sellerAlerts.map((entry) => [entry.kind, entry.record?.id ?? null]).sort()).toEqual(
      [
        ["deal_overdue", overdue.id],
        ["deal_stale", stale.id],
        ["target_behind", null],
      ].sort(),
    );
    expect(sellerAlerts.find((entry) => entry.kind === "target_behind")!.excerpt).toContain("revenue won");
    expect(await ofKind(manager, "target_behind")).toHaveLength(1);
    expect(await ofKind(owner, "target_behind")).toHaveLength(1);
    expect(await ofKind(loner, "target_behind")).toHaveLength(1);

    // A second run the same day adds nothing.
    await runPlanAlerts(context.database.db);
    expect(await inbox(seller)).toHaveLength(3);
    expect(await ofKind(manager, "target_behind")).toHaveLength(1);
    expect(await ofKind(owner, "target_behind")).toHaveLength(1);

    // Next week the quiet deal is reported again (the lively one is not quiet long enough yet); the overdue one only once.
    await runPlanAlerts(context.database.db, new Date(Date.now() + 7 * 86_400_000));
    expect((await ofKind(seller, "deal_stale")).map((entry) => entry.record?.id)).toEqual([stale.id, stale.id]);
    expect(await ofKind(seller, "deal_overdue")).toHaveLength(1);
  });
});
