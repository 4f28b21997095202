import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

const enterprise = () => ({
  name: "Enterprise",
  stages: [
    { name: "Discovery", probability: 20, kind: "open", steps: [{ title: "Book discovery call", dueInDays: 2, isRequired: true }] },
    { name: "Proposal", probability: 60, kind: "open" },
    { name: "Won", probability: 100, kind: "won" },
    { name: "Lost", probability: 0, kind: "lost" },
  ],
});

describe("pipelines", () => {
  it("gives a workspace one default pipeline the first time pipelines are listed", async () => {
    const owner = await signUpOwner(context.app);
    const first = await owner.request("GET", "/api/v1/pipelines");
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(first.body.data[0]).toMatchObject({ name: "Sales", isDefault: true });
    expect(first.body.data[0].stages.map((stage: { name: string; probability: number; kind: string }) => [stage.name, stage.probability, stage.kind])).toEqual([
      ["Lead", 10, "open"],
      ["Qualified", 25, "open"],
      ["Proposal", 50, "open"],
      ["Negotiation", 75, "open"],
      ["Won", 100, "won"],
      ["Lost", 0, "lost"],
    ]);
    const again = await owner.request("GET", "/api/v1/pipelines");
    expect(again.body.data.map((pipeline: { id: string }) => pipeline.id)).toEqual([first.body.data[0].id]);
  });

  it("creates a pipeline with stages and steps, and keeps exactly one default", async () => {
    const owner = await signUpOwner(context.app);
    const sales = (await owner.request("GET", "/api/v1/pipelines")).body.data[0];
    const created = await owner.request("POST", "/api/v1/pipelines", { ...enterprise(), isDefault: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Enterprise", isDefault: true });
    expect(created.body.stages[0]).toMatchObject({ name: "Discovery", position: 0, steps: [{ title: "Book discovery call", dueInDays: 2, isRequired: true, assigneeId: null }] });
    expect(created.body.stages[1].steps).toEqual([]);
    const listed = (await owner.request("GET", "/api/v1/pipelines")).body.data;
    expect(listed.filter((pipeline: { isDefault: boolean }) => pipeline.isDefault).map((pipeline: { id: string }) => pipeline.id)).toEqual([created.body.id]);
    expect((await owner.request("GET", `/api/v1/pipelines/${sales.id}`)).body.isDefault).toBe(false);
    const unset = await owner.request("PATCH", `/api/v1/pipelines/${created.body.id}`, { isDefault: false });
    expect(unset.status).toBe(400);
    expect(unset.body.errors[0].path).toBe("body.isDefault");
  });

  it("replaces stages keeping the ids sent back, archives the rest, and refuses to drop a stage holding deals", async () => {
    const owner = await signUpOwner(context.app);
    const pipeline = (await owner.request("POST", "/api/v1/pipelines", enterprise())).body;
    const [discovery, proposal, won, lost] = pipeline.stages;
    const deal = await owner.request("POST", "/api/v1/deals", { name: "Big one", amount: 100_00, currency: "USD", pipelineId: pipeline.id, stageId: proposal.id });
    expect(deal.status).toBe(201);

    const refused = await owner.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { stages: [discovery, won, lost].map(({ position: _position, ...stage }) => stage) });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("Proposal");
    expect((await owner.request("GET", `/api/v1/pipelines/${pipeline.id}`)).body.stages).toHaveLength(4);

    await owner.request("DELETE", `/api/v1/deals/${deal.body.id}`);
    const stages = [
      { id: proposal.id, name: "Proposal sent", probability: 55, kind: "open", steps: [{ title: "Send the proposal", isRequired: true }] },
      { id: discovery.id, name: discovery.name, probability: 20, kind: "open", steps: [{ id: discovery.steps[0].id, title: "Book the call", dueInDays: 3, isRequired: true }] },
      { name: "Negotiation", probability: 80, kind: "open" },
      { id: won.id, name: "Won", probability: 100, kind: "won" },
    ];
    const updated = await owner.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { name: "Enterprise deals", stages });
    expect(updated.status).toBe(200);
    expect(updated.body.name).toBe("Enterprise deals");
    expect(updated.body.stages.map((stage: { name: string; position: number }) => [stage.name, stage.position])).toEqual([
      ["Proposal sent", 0],
      ["Discovery", 1],
      ["Negotiation", 2],
      ["Won", 3],
    ]);
    expect(updated.body.stages[0].id).toBe(proposal.id);
    expect(updated.body.stages[1].steps[0]).toMatchObject({ id: discovery.steps[0].id, title: "Book the call", dueInDays: 3 });
    expect(await countRows(context.database, "pipeline_stages", sql`id = ${lost.id} and archived_at is not null`)).toBe(1);
  });

  it("keeps deals in step when a stage changes kind", async () => {
    const owner = await signUpOwner(context.app);
    const pipeline = (await owner.request("POST", "/api/v1/pipelines", enterprise())).body;
    const deal = (await owner.request("POST", "/api/v1/deals", { name: "Closing", currency: "USD", pipelineId: pipeline.id, stageId: pipeline.stages[1].id })).body;
    const stages = pipeline.stages.map(({ position: _position, ...stage }: { position: number; kind: string }, index: number) => (index === 1 ? { ...stage, kind: "won" } : stage));
    expect((await owner.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { stages })).status).toBe(200);
    const closed = (await owner.request("GET", `/api/v1/deals/${deal.id}`)).body;
    expect(closed.stage.kind).toBe("won");
    expect(closed.closedAt).not.toBeNull();
  });

  it("names the bad field and writes nothing", async () => {
    const owner = await signUpOwner(context.app);
    const other = (await owner.request("POST", "/api/v1/pipelines", enterprise())).body;
    const before = await countRows(context.database, "pipelines");
    const cases: [unknown, string][] = [
      [{ ...enterprise(), name: "" }, "body.name"],
      [{ ...enterprise(), stages: [{ name: "Only", probability: 10, kind: "open" }] }, "body.stages"],
      [{ ...enterprise(), stages: [{ name: "A", probability: 10, kind: "open" }, { name: "B", probability: 0, kind: "lost" }] }, "body.stages"],
      [{ ...enterprise(), stages: [{ name: "A", probability: 101, kind: "open" }, { name: "W", probability: 100, kind: "won" }] }, "body.stages.0.probability"],
      [{ ...enterprise(), stages: [{ name: "A", probability: 10, kind: "open", steps: [{ title: "x", assigneeId: "0190b0a0-0000-7000-8000-000000000000" }] }, { name: "W", probability: 100, kind: "won" }] }, "body.stages.0.steps.0.assigneeId"],
    ];
    for (const [payload, path] of cases) {
      const response = await owner.request("POST", "/api/v1/pipelines", payload);
      expect(response.status, path).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const foreignStage = await owner.request("PATCH", `/api/v1/pipelines/${other.id}`, {
      stages: [{ id: "0190b0a0-0000-7000-8000-000000000000", name: "A", probability: 10, kind: "open" }, { name: "W", probability: 100, kind: "won" }],
    });
    expect(foreignStage.status).toBe(400);
    expect(foreignStage.body.errors[0].path).toBe("body.stages.0.id");
    expect(await countRows(context.database, "pipelines")).toBe(before);
  });

  it("lets only admins configure pipelines, and hides other workspaces' pipelines", async () => {
    const owner = await signUpOwner(context.app);
    const pipeline = (await owner.request("POST", "/api/v1/pipelines", enterprise())).body;
    for (const role of ["manager", "member", "read_only"] as const) {
      const actor = await addMember(context.app, owner, role);
      expect((await actor.request("GET", `/api/v1/pipelines/${pipeline.id}`)).status).toBe(200);
      expect((await actor.request("POST", "/api/v1/pipelines", enterprise())).status, role).toBe(403);
      expect((await actor.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { name: "Mine" })).status, role).toBe(403);
    }
    const admin = await addMember(context.app, owner, "admin");
    expect((await admin.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { name: "Renamed" })).status).toBe(200);
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", `/api/v1/pipelines/${pipeline.id}`)).status).toBe(404);
    expect((await stranger.request("PATCH", `/api/v1/pipelines/${pipeline.id}`, { name: "Stolen" })).status).toBe(404);
    const audit = await owner.request("GET", `/api/v1/audit?entityType=pipeline&entityId=${pipeline.id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["update", "create"]);
  });
});
