import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, buildContact, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

async function teamOf(owner: Actor, members: Actor[]): Promise<string> {
  const team = await owner.request("POST", "/api/v1/teams", { name: `Inside sales ${Math.random()}` });
  for (const member of members) expect((await owner.request("PATCH", `/api/v1/members/${member.userId}`, { teamId: team.body.id })).status).toBe(200);
  return team.body.id;
}

const kindsFor = async (actor: Actor) => (await actor.request("GET", "/api/v1/notifications")).body.data.map((entry: { kind: string; record: { id: string } | null }) => ({ kind: entry.kind, id: entry.record?.id }));

describe("leads", () => {
  it("gives a new lead the status new, lists and filters leads by status", async () => {
    const owner = await signUpOwner(context.app);
    const fresh = await createContact(owner);
    expect(fresh.leadStatus).toBe("new");
    const customer = await createContact(owner, { lifecycleStage: "customer" });
    expect(customer.leadStatus).toBeNull();
    const working = await createContact(owner, { leadStatus: "working" });
    const updated = await owner.request("PATCH", `/api/v1/contacts/${fresh.id}`, { leadStatus: "nurturing" });
    expect(updated.body.leadStatus).toBe("nurturing");
    const list = await owner.request("GET", "/api/v1/contacts?filter[leadStatus][eq]=working&filter[lifecycleStage][in]=subscriber,lead,qualified");
    expect(list.body.data.map((row: { id: string }) => row.id)).toEqual([working.id]);
    const bad = await owner.request("POST", "/api/v1/contacts", buildContact({ leadStatus: "hot" as never }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("body.leadStatus");
  });
});

describe("lead assignment rules", () => {
  it("hands three new leads round robin to a two-member team and notifies each assignee", async () => {
    const owner = await signUpOwner(context.app);
    const first = await addMember(context.app, owner, "member");
    const second = await addMember(context.app, owner, "member");
    const teamId = await teamOf(owner, [first, second]);
    const rule = await owner.request("POST", "/api/v1/lead-assignment-rules", { name: "Everyone", strategy: "round_robin", teamId });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ name: "Everyone", strategy: "round_robin", teamId, assigneeId: null, position: 0, isActive: true, conditions: [] });

    const leads = [];
    for (let index = 0; index < 3; index++) leads.push(await createContact(owner));
    expect(leads.map((lead) => lead.ownerId)).toEqual([first.userId, second.userId, first.userId]);
    expect((await owner.request("GET", "/api/v1/lead-assignment-rules")).body.data[0].lastAssigneeId).toBe(first.userId);
    expect(await kindsFor(first)).toEqual(expect.arrayContaining([{ kind: "lead_assigned", id: leads[0].id }, { kind: "lead_assigned", id: leads[2].id }]));
    expect(await kindsFor(second)).toEqual([{ kind: "lead_assigned", id: leads[1].id }]);

    // An owner given explicitly, and a contact past the lead stages, are left alone.
    expect((await createContact(owner, { ownerId: owner.userId })).ownerId).toBe(owner.userId);
    expect((await createContact(owner, { lifecycleStage: "customer" })).ownerId).toBe(owner.userId);
    // Batch creates take their turns too.
    const batch = await owner.request("POST", "/api/v1/contacts/batch", { mode: "create", records: [buildContact(), buildContact()] });
    expect(batch.status).toBe(200);
    const owners = await Promise.all(batch.body.results.map(async (result: { id: string }) => (await owner.request("GET", `/api/v1/contacts/${result.id}`)).body.ownerId));
    expect(owners).toEqual([second.userId, first.userId]);
  });

  it("assigns by source with the first matching rule, then by country and tags", async () => {
    const owner = await signUpOwner(context.app);
    const webinars = await addMember(context.app, owner, "member");
    const germany = await addMember(context.app, owner, "member");
    const rules = [
      { name: "Webinar leads", strategy: "member", assigneeId: webinars.userId, conditions: [{ field: "source", op: "eq", value: "Webinar" }] },
      { name: "DACH", strategy: "member", assigneeId: germany.userId, conditions: [{ field: "country", op: "in", value: ["DE", "AT", "CH"] }, { field: "tags", op: "ne", value: "partner" }] },
    ];
    for (const rule of rules) expect((await owner.request("POST", "/api/v1/lead-assignment-rules", rule)).status).toBe(201);
    expect((await createContact(owner, { source: "webinar", address: { country: "DE" } })).ownerId).toBe(webinars.userId);
    expect((await createContact(owner, { source: "ads", address: { country: "de" } })).ownerId).toBe(germany.userId);
    expect((await createContact(owner, { source: "ads", address: { country: "DE" }, tags: ["partner"] })).ownerId).toBe(owner.userId);
    expect((await createContact(owner, { source: "ads" })).ownerId).toBe(owner.userId);

    // An inactive rule is skipped; a deleted one is gone.
    const [webinarRule, dachRule] = (await owner.request("GET", "/api/v1/lead-assignment-rules")).body.data;
    expect((await owner.request("PATCH", `/api/v1/lead-assignment-rules/${webinarRule.id}`, { isActive: false })).body.isActive).toBe(false);
    expect((await createContact(owner, { source: "webinar", address: { country: "AT" } })).ownerId).toBe(germany.userId);
    expect((await owner.request("DELETE", `/api/v1/lead-assignment-rules/${dachRule.id}`)).status).toBe(204);
    expect((await createContact(owner, { source: "webinar", address: { country: "AT" } })).ownerId).toBe(owner.userId);
  });

  it("refuses bad rules naming the field, members 403, and another workspace's rule 404", async () => {
    const owner = await signUpOwner(context.app);
    const member = await addMember(context.app, owner, "member");
    const before = await databaseFingerprint(context.database);
    for (const [body, path] of [
      [{ name: "No one", strategy: "member" }, "body.assigneeId"],
      [{ name: "No team", strategy: "round_robin" }, "body.teamId"],
      [{ name: "Ghost team", strategy: "round_robin", teamId: "00000000-0000-4000-8000-000000000000" }, "body.teamId"],
      [{ name: "Bad field", strategy: "member", assigneeId: owner.userId, conditions: [{ field: "salary", op: "eq", value: "1" }] }, "body.conditions.0.field"],
    ] as const) {
      const response = await owner.request("POST", "/api/v1/lead-assignment-rules", body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect((await member.request("POST", "/api/v1/lead-assignment-rules", { name: "Mine", strategy: "member", assigneeId: member.userId })).status).toBe(403);
    expect((await member.request("GET", "/api/v1/lead-assignment-rules")).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const rule = await owner.request("POST", "/api/v1/lead-assignment-rules", { name: "All to member", strategy: "member", assigneeId: member.userId });
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("PATCH", `/api/v1/lead-assignment-rules/${rule.body.id}`, { name: "Mine now" })).status).toBe(404);
    expect((await stranger.request("DELETE", `/api/v1/lead-assignment-rules/${rule.body.id}`)).status).toBe(404);
    expect((await stranger.request("GET", "/api/v1/lead-assignment-rules")).body.data).toEqual([]);
    // Another workspace's lead is not routed by this workspace's rules.
    expect((await createContact(stranger)).ownerId).toBe(stranger.userId);
  });
});
