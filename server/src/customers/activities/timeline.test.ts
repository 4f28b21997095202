import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createActivity, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
});

const timeline = async (actor: Actor, path: string) => {
  const response = await actor.request("GET", path);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: { kind: string; at: string; id: string; activity?: { subject: string }; stage?: unknown; record?: unknown }[]; nextCursor: string | null };
};

describe("record timelines", () => {
  it("shows a call and a task logged on a contact on its company's timeline", async () => {
    const company = await createCompany(owner);
    const contact = await createContact(owner, { companyId: company.id });
    const call = await createActivity(member, { type: "call", subject: "Intro call", contactIds: [contact.id] });
    const task = await createActivity(member, { type: "task", subject: "Follow up", dueAt: new Date(Date.now() + 86_400_000).toISOString(), contactIds: [contact.id] });

    const ofCompany = await timeline(member, `/api/v1/companies/${company.id}/timeline?filter[kind][in]=call,task`);
    expect(ofCompany.data.map((item) => [item.kind, item.id])).toEqual([
      ["task", task.id],
      ["call", call.id],
    ]);
    expect(ofCompany.data[1].activity).toMatchObject({ subject: "Intro call", contacts: [{ id: contact.id }] });
    const ofContact = await timeline(member, `/api/v1/contacts/${contact.id}/timeline?filter[kind][in]=call,task`);
    expect(ofContact.data.map((item) => item.id)).toEqual([task.id, call.id]);
  });

  it("orders activities by when they happened (tasks by due date) among field and stage changes", async () => {
    const contact = await createContact(owner, { lifecycleStage: "lead" });
    const created = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    const old = await createActivity(owner, { type: "note", body: "Met at a fair", occurredAt: "2020-01-01T00:00:00Z", contactIds: [contact.id] });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { lifecycleStage: "customer" });
    await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "CTO" });
    const future = await createActivity(owner, { type: "task", subject: "Renewal", dueAt: "2099-01-01T00:00:00Z", contactIds: [contact.id] });

    const items = (await timeline(owner, `/api/v1/contacts/${contact.id}/timeline`)).data;
    expect(items.map((item) => item.kind)).toEqual(["task", "change", "lifecycle_stage", "change", "note"]);
    expect(items[0].id).toBe(future.id);
    expect(items[2]).toMatchObject({ kind: "lifecycle_stage", stage: { from: "lead", to: "customer" }, record: { type: "contact", id: contact.id } });
    expect(items[3].id).toBe(created.body.data[0].id);
    expect(items[4].id).toBe(old.id);
    for (let index = 1; index < items.length; index++) expect(items[index - 1].at >= items[index].at).toBe(true);

    const stagesOnly = await timeline(owner, `/api/v1/contacts/${contact.id}/timeline?filter[kind][eq]=lifecycle_stage`);
    expect(stagesOnly.data.map((item) => item.kind)).toEqual(["lifecycle_stage"]);
  });

  it("pages through activities and changes together without gaps or repeats", async () => {
    const company = await createCompany(owner);
    const contacts = [await createContact(owner, { companyId: company.id }), await createContact(owner, { companyId: company.id, lifecycleStage: "lead" })];
    const expected: string[] = [];
    for (let index = 0; index < 7; index++) {
      const contact = contacts[index % 2];
      expected.push((await createActivity(owner, { type: index % 2 ? "call" : "note", subject: `Item ${index}`, body: `Item ${index}`, contactIds: [contact.id] })).id);
      if (index === 3) await owner.request("PATCH", `/api/v1/contacts/${contacts[1].id}`, { lifecycleStage: "opportunity" });
      if (index === 5) await owner.request("PATCH", `/api/v1/companies/${company.id}`, { industry: "Looms" });
    }
    await createActivity(owner, { type: "meeting", subject: "Board", companyIds: [company.id] });

    const full = await timeline(owner, `/api/v1/companies/${company.id}/timeline?limit=200`);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await timeline(owner, `/api/v1/companies/${company.id}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(full.data.map((item) => item.id));
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of expected) expect(seen).toContain(id);
    // The company's own changes, and its contacts' stage changes, but not their other edits.
    const kinds = full.data.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === "lifecycle_stage")).toHaveLength(1);
    expect(full.data.filter((item) => item.kind === "change").map((item) => (item.record as { type: string }).type)).toEqual(["company", "company"]);
    expect(kinds[0]).toBe("meeting");
  });

  it("answers 404 for a contact in the trash or of another workspace, and 400 for a bad filter or cursor", async () => {
    const contact = await createContact(owner, { ownerId: null });
    await owner.request("DELETE", `/api/v1/contacts/${contact.id}`);
    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}/timeline`)).status).toBe(404);
    const stranger = await signUpOwner(context.app);
    const theirs = await createCompany(stranger);
    expect((await owner.request("GET", `/api/v1/companies/${theirs.id}/timeline`)).status).toBe(404);

    const live = await createContact(owner);
    for (const [query, path] of [
      ["filter[kind][in]=call,fax", "filter.kind.in"],
      ["filter[kind][contains]=call", "filter.kind.contains"],
      ["filter[type][eq]=call", "filter.type"],
      ["cursor=not-a-cursor", "cursor"],
    ]) {
      const response = await owner.request("GET", `/api/v1/contacts/${live.id}/timeline?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].path, query).toBe(path);
    }
  });
});
