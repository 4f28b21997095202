import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, createCompany, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const dayMs = 86_400_000;

async function setUp() {
  const owner = await signUpOwner(context.app);
  const manager = await addMember(context.app, owner, "manager");
  const member = await addMember(context.app, owner, "member");
  const pipeline = (
    await owner.request("POST", "/api/v1/pipelines", {
      name: "Process",
      stages: [
        {
          name: "Discovery",
          probability: 20,
          kind: "open",
          steps: [
            { title: "Book the discovery call", dueInDays: 2, isRequired: true },
            { title: "Send the deck", dueInDays: 5 },
          ],
        },
        { name: "Proposal", probability: 50, kind: "open", steps: [{ title: "Send the proposal", isRequired: true, assigneeId: manager.userId }] },
        { name: "Negotiation", probability: 80, kind: "open" },
        { name: "Won", probability: 100, kind: "won" },
        { name: "Lost", probability: 0, kind: "lost" },
      ],
    })
  ).body;
  const [discovery, proposal, , won] = pipeline.stages;
  const company = await createCompany(owner);
  const deal = (await member.request("POST", "/api/v1/deals", { name: "Initech", amount: 5_000_00, currency: "USD", pipelineId: pipeline.id, companyId: company.id })).body;
  const tasks = async () => (await owner.request("GET", `/api/v1/activities?filter[dealId][eq]=${deal.id}&sort=createdAt`)).body.data;
  return { owner, manager, member, pipeline, discovery, proposal, won, company, deal, tasks };
}

describe("deal stages", () => {
  it("opens the stage's step tasks when a deal enters it, linked to the deal and its company", async () => {
    const { member, discovery, company, deal, tasks } = await setUp();
    expect(deal.stage).toMatchObject({ id: discovery.id, name: "Discovery", kind: "open", probability: 20 });
    const opened = await tasks();
    expect(opened.map((task: { subject: string }) => task.subject)).toEqual(["Book the discovery call", "Send the deck"]);
    expect(opened[0]).toMatchObject({ type: "task", ownerId: member.userId, dealIds: [deal.id], deals: [{ id: deal.id, name: "Initech" }], companyIds: [company.id], isDone: false });
    expect(Date.parse(opened[0].dueAt) - Date.parse(deal.stageEnteredAt)).toBe(2 * dayMs);
    const history = (await member.request("GET", `/api/v1/deals/${deal.id}/stage-history`)).body.data;
    expect(history).toEqual([
      { id: expect.any(String), stageId: discovery.id, stageName: "Discovery", fromStageId: null, enteredAt: deal.stageEnteredAt, leftAt: null, movedBy: expect.objectContaining({ id: member.userId }), override: null },
    ]);
  });

  it("blocks a forward move while a required step is open, and lets it through once the task is done", async () => {
    const { owner, manager, member, discovery, proposal, deal, tasks } = await setUp();
    const before = await databaseFingerprint(context.database);
    const blocked = await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id, nextStep: "Proposal" });
    expect(blocked.status).toBe(409);
    expect(blocked.headers["content-type"]).toContain("application/problem+json");
    expect(blocked.body.detail).toContain("Book the discovery call");
    expect(blocked.body.detail).not.toContain("Send the deck");
    expect(blocked.body.errors).toEqual([{ path: "steps", message: "Book the discovery call" }]);
    expect(blocked.body.ids).toEqual([discovery.steps[0].id]);
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const call = (await tasks())[0];
    const done = await member.request("PATCH", `/api/v1/activities/${call.id}`, { doneAt: new Date().toISOString() });
    expect(done.status).toBe(200);
    expect((await member.request("GET", `/api/v1/deals/${deal.id}`)).body.lastActivityAt).not.toBeNull();

    const moved = await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id });
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toMatchObject({ id: proposal.id, name: "Proposal" });
    const afterMove = await tasks();
    expect(afterMove.map((task: { subject: string }) => task.subject)).toEqual(["Book the discovery call", "Send the deck", "Send the proposal"]);
    expect(afterMove[2].ownerId).toBe(manager.userId);

    // Back is always allowed, and coming back to a stage reuses its tasks.
    expect((await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: discovery.id })).status).toBe(200);
    expect((await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id })).status).toBe(200);
    expect(await tasks()).toHaveLength(3);

    const history = (await owner.request("GET", `/api/v1/deals/${deal.id}/stage-history`)).body.data;
    expect(history.map((stay: { stageName: string }) => stay.stageName)).toEqual(["Discovery", "Proposal", "Discovery", "Proposal"]);
    expect(history.slice(0, 3).every((stay: { leftAt: string | null }) => stay.leftAt !== null)).toBe(true);
    expect(history[3].leftAt).toBeNull();
    expect(history[1].fromStageId).toBe(discovery.id);
  });

  it("lets a manager override open required steps with a reason kept in history and audit; a member may not", async () => {
    const { owner, manager, member, proposal, won, deal, tasks } = await setUp();
    await member.request("PATCH", `/api/v1/activities/${(await tasks())[0].id}`, { doneAt: new Date().toISOString() });
    await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id });

    const closing = await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: won.id });
    expect(closing.status).toBe(409);
    expect(closing.body.detail).toContain("Send the proposal");

    const before = await databaseFingerprint(context.database);
    const refused = await member.request("POST", `/api/v1/deals/${deal.id}/override-stage`, { stageId: won.id, reason: "Customer signed early" });
    expect(refused.status).toBe(403);
    const noReason = await manager.request("POST", `/api/v1/deals/${deal.id}/override-stage`, { stageId: won.id, reason: "" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe("body.reason");
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const overridden = await manager.request("POST", `/api/v1/deals/${deal.id}/override-stage`, { stageId: won.id, reason: "Customer signed early" });
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ stageId: won.id, stage: { kind: "won" }, closedAt: expect.any(String) });
    const history = (await owner.request("GET", `/api/v1/deals/${deal.id}/stage-history`)).body.data;
    expect(history.at(-1)).toMatchObject({ stageName: "Won", movedBy: { id: manager.userId }, override: { reason: "Customer signed early", stepIds: [proposal.steps[0].id] } });
    const audit = (await owner.request("GET", `/api/v1/audit?entityType=deal&entityId=${deal.id}`)).body.data;
    expect(audit[0].actor.userId).toBe(manager.userId);
    expect(audit[0].changes.stageOverride.after).toEqual({ reason: "Customer signed early", stepIds: [proposal.steps[0].id] });
    expect(audit[0].changes.stageId).toEqual({ before: proposal.id, after: won.id });

    const timeline = (await owner.request("GET", `/api/v1/deals/${deal.id}/timeline?filter[kind][eq]=stage_change`)).body.data;
    expect(timeline.map((item: { stage: { toName: string } }) => item.stage.toName)).toEqual(["Won", "Proposal", "Discovery"]);
    expect(timeline[0]).toMatchObject({ kind: "stage_change", record: { type: "deal", id: deal.id, name: "Initech" }, override: { reason: "Customer signed early" } });
  });

  it("shows a deal's timeline: its activities, its changes and its stage moves", async () => {
    const { owner, member, proposal, deal, tasks } = await setUp();
    await owner.request("POST", "/api/v1/activities", { type: "call", subject: "Budget call", dealIds: [deal.id] });
    await member.request("PATCH", `/api/v1/activities/${(await tasks())[0].id}`, { doneAt: new Date().toISOString() });
    await member.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id });
    const timeline = await owner.request("GET", `/api/v1/deals/${deal.id}/timeline?limit=200`);
    expect(timeline.status).toBe(200);
    const kinds = timeline.body.data.map((item: { kind: string }) => item.kind);
    expect(kinds.filter((kind: string) => kind === "stage_change")).toHaveLength(2);
    expect(kinds.filter((kind: string) => kind === "task")).toHaveLength(3);
    expect(kinds).toContain("call");
    expect(kinds).toContain("change");
    const page = await owner.request("GET", `/api/v1/deals/${deal.id}/timeline?limit=2`);
    const next = await owner.request("GET", `/api/v1/deals/${deal.id}/timeline?limit=200&cursor=${page.body.nextCursor}`);
    expect([...page.body.data, ...next.body.data].map((item: { id: string }) => item.id)).toEqual(timeline.body.data.map((item: { id: string }) => item.id));
  });

  it("lets nobody read-only move a deal", async () => {
    const { owner, proposal, deal } = await setUp();
    const readOnly = await addMember(context.app, owner, "read_only");
    expect((await readOnly.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: proposal.id })).status).toBe(403);
    expect((await readOnly.request("POST", `/api/v1/deals/${deal.id}/override-stage`, { stageId: proposal.id, reason: "Because" })).status).toBe(403);
    expect((await readOnly.request("GET", `/api/v1/deals/${deal.id}/stage-history`)).status).toBe(200);
  });
});
