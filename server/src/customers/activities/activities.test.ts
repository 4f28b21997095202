import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { addMember, createActivity, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { sql } from "drizzle-orm";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let manager: Actor;
let readOnly: Actor;
let company: { id: string; name: string };
let ada: { id: string };

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  manager = await addMember(context.app, owner, "manager");
  readOnly = await addMember(context.app, owner, "read_only");
  company = await createCompany(owner, { name: "Analytical Engines" });
  ada = await createContact(owner, { firstName: "Ada", lastName: "Lovelace", companyId: company.id });
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe("logging activities", () => {
  it("logs each kind with its own fields and links", async () => {
    const call = await createActivity(member, {
      type: "call",
      subject: "Discovery call",
      direction: "outbound",
      durationSeconds: 900,
      outcome: "connected",
      contactIds: [ada.id],
      companyIds: [company.id],
    });
    expect(call).toMatchObject({
      type: "call",
      subject: "Discovery call",
      direction: "outbound",
      durationSeconds: 900,
      outcome: "connected",
      ownerId: member.userId,
      createdBy: member.userId,
      contactIds: [ada.id],
      companyIds: [company.id],
      contacts: [{ id: ada.id, name: "Ada Lovelace" }],
      companies: [{ id: company.id, name: "Analytical Engines" }],
      isDone: false,
    });
    expect(call.occurredAt).toBe(call.at);

    const meeting = await createActivity(owner, {
      type: "meeting",
      subject: "Demo",
      occurredAt: "2026-03-02T10:00:00Z",
      endAt: "2026-03-02T11:00:00Z",
      location: "London office",
      attendeeIds: [member.userId],
      contactIds: [ada.id],
    });
    expect(meeting).toMatchObject({ occurredAt: "2026-03-02T10:00:00.000Z", endAt: "2026-03-02T11:00:00.000Z", at: "2026-03-02T10:00:00.000Z", attendeeIds: [member.userId] });

    const visit = await createActivity(member, {
      type: "visit",
      subject: "Site visit",
      occurredAt: "2026-03-03T15:30:00+01:00",
      geolocation: { latitude: 51.5072, longitude: -0.1276, accuracyMeters: 12 },
      companyIds: [company.id],
    });
    expect(visit).toMatchObject({ occurredAt: "2026-03-03T14:30:00.000Z", geolocation: { latitude: 51.5072, longitude: -0.1276, accuracyMeters: 12 } });

    const task = await createActivity(member, { type: "task", subject: "Send proposal", dueAt: "2026-04-01T09:00:00Z", priority: "high", contactIds: [ada.id] });
    expect(task).toMatchObject({ type: "task", occurredAt: null, dueAt: "2026-04-01T09:00:00.000Z", at: "2026-04-01T09:00:00.000Z", priority: "high", isDone: false });

    const email = await createActivity(member, { type: "email", subject: "Re: pricing", body: "Thanks for the **quick** reply", direction: "inbound", contactIds: [ada.id] });
    expect(email).toMatchObject({ type: "email", direction: "inbound", body: "Thanks for the **quick** reply" });

    const fetched = await member.request("GET", `/api/v1/activities/${task.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(task);
  });

  it("names the field a type does not have, or a required one that is missing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ type: "note", subject: "Empty" }, "body.body"],
      [{ type: "call" }, "body.subject"],
      [{ type: "call", subject: "x", dueAt: inHours(1) }, "body.dueAt"],
      [{ type: "note", body: "x", reminderAt: inHours(1) }, "body.reminderAt"],
      [{ type: "task", subject: "x", occurredAt: inHours(-1) }, "body.occurredAt"],
      [{ type: "meeting", subject: "x", occurredAt: "2026-01-01T10:00:00Z", endAt: "2026-01-01T09:00:00Z" }, "body.endAt"],
      [{ type: "visit", subject: "x", geolocation: { latitude: 91, longitude: 0 } }, "body.geolocation.latitude"],
      [{ type: "call", subject: "x", occurredAt: "yesterday" }, "body.occurredAt"],
      [{ type: "fax", subject: "x" }, "body.type"],
    ];
    for (const [input, path] of cases) {
      const response = await member.request("POST", "/api/v1/activities", input);
      expect(response.status, JSON.stringify(input)).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path), JSON.stringify(input)).toContain(path);
    }
  });

  it("links only to live contacts and companies of the same workspace", async () => {
    const stranger = await signUpOwner(context.app);
    const theirContact = await createContact(stranger);
    const theirCompany = await createCompany(stranger);
    const trashed = await createContact(owner);
    await owner.request("DELETE", `/api/v1/contacts/${trashed.id}`);
    const before = await countRows(context.database, "activities");

    const foreign = await member.request("POST", "/api/v1/activities", { type: "note", body: "x", contactIds: [theirContact.id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([{ path: "body.contactIds.0", message: "is not a contact of this workspace" }]);

    const second = await member.request("POST", "/api/v1/activities", { type: "note", body: "x", contactIds: [ada.id], companyIds: [company.id, theirCompany.id] });
    expect(second.body.errors).toEqual([{ path: "body.companyIds.1", message: "is not a company of this workspace" }]);

    const inTrash = await member.request("POST", "/api/v1/activities", { type: "note", body: "x", contactIds: [trashed.id] });
    expect(inTrash.body.errors[0]).toMatchObject({ path: "body.contactIds.0", message: expect.stringMatching(/trash/) });

    const twice = await member.request("POST", "/api/v1/activities", { type: "note", body: "x", contactIds: [ada.id, ada.id] });
    expect(twice.body.errors[0].path).toBe("body.contactIds.1");

    const notMember = await member.request("POST", "/api/v1/activities", { type: "meeting", subject: "x", attendeeIds: [stranger.userId] });
    expect(notMember.body.errors[0].path).toBe("body.attendeeIds.0");
    expect(await countRows(context.database, "activities")).toBe(before);
  });

  it("updates fields and replaces links, checking the stored type's rules", async () => {
    const other = await createContact(owner, { firstName: "Charles" });
    const call = await createActivity(member, { type: "call", subject: "First", contactIds: [ada.id], companyIds: [company.id] });
    const updated = await member.request("PATCH", `/api/v1/activities/${call.id}`, { subject: "Second", contactIds: [other.id], outcome: "no_answer" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ subject: "Second", outcome: "no_answer", contactIds: [other.id], companyIds: [company.id] });

    const wrongField = await member.request("PATCH", `/api/v1/activities/${call.id}`, { dueAt: inHours(2) });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors).toEqual([{ path: "body.dueAt", message: "applies only to task activities" }]);
    const blankSubject = await member.request("PATCH", `/api/v1/activities/${call.id}`, { subject: "  " });
    expect(blankSubject.body.errors).toEqual([{ path: "body.subject", message: "is required for a call" }]);
    const typeChange = await member.request("PATCH", `/api/v1/activities/${call.id}`, { type: "note" });
    expect(typeChange.status).toBe(400);

    const history = await owner.request("GET", `/api/v1/activities/${call.id}`);
    expect(history.body.subject).toBe("Second");
  });

  it("lets members change their own activities, managers anyone's, and read-only nobody's", async () => {
    const ownersNote = await createActivity(owner, { type: "note", body: "Owner's note", contactIds: [ada.id] });
    const membersNote = await createActivity(member, { type: "note", body: "Member's note", contactIds: [ada.id] });
    expect((await member.request("PATCH", `/api/v1/activities/${ownersNote.id}`, { body: "Hijack" })).status).toBe(403);
    expect((await member.request("DELETE", `/api/v1/activities/${ownersNote.id}`)).status).toBe(403);
    expect((await member.request("PATCH", `/api/v1/activities/${membersNote.id}`, { body: "Edited" })).status).toBe(200);
    expect((await member.request("POST", "/api/v1/activities", { type: "task", subject: "For you", ownerId: owner.userId })).status).toBe(403);
    expect((await manager.request("PATCH", `/api/v1/activities/${ownersNote.id}`, { body: "Managed" })).status).toBe(200);
    expect((await readOnly.request("POST", "/api/v1/activities", { type: "note", body: "x" })).status).toBe(403);
    expect((await readOnly.request("GET", `/api/v1/activities/${ownersNote.id}`)).status).toBe(200);
    expect((await manager.request("DELETE", `/api/v1/activities/${membersNote.id}`)).status).toBe(204);
    expect((await owner.request("GET", `/api/v1/activities/${membersNote.id}`)).status).toBe(404);
  });

  it("lets a manager assign a task to a member, who may then complete it", async () => {
    const task = await createActivity(manager, { type: "task", subject: "Call back", ownerId: member.userId, dueAt: inHours(3) });
    expect(task.owner).toMatchObject({ id: member.userId });
    const done = await member.request("PATCH", `/api/v1/activities/${task.id}`, { doneAt: new Date().toISOString() });
    expect(done.status).toBe(200);
    expect(done.body.isDone).toBe(true);
  });

  it("drops a purged contact's links but keeps the activity", async () => {
    const doomed = await createContact(owner, { ownerId: null });
    const note = await createActivity(owner, { type: "note", body: "About to go", contactIds: [doomed.id, ada.id] });
    await owner.request("DELETE", `/api/v1/contacts/${doomed.id}`);
    expect((await owner.request("DELETE", `/api/v1/contacts/${doomed.id}/purge`)).status).toBe(204);
    const after = await owner.request("GET", `/api/v1/activities/${note.id}`);
    expect(after.body.contactIds).toEqual([ada.id]);
    expect(await countRows(context.database, "activity_links", sql`contact_id = ${doomed.id}`)).toBe(0);
  });
});

describe("listing activities", () => {
  let lister: Actor;
  let contact: { id: string };
  let otherCompany: { id: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    lister = await signUpOwner(context.app);
    const firm = await createCompany(lister);
    otherCompany = await createCompany(lister);
    contact = await createContact(lister, { companyId: firm.id });
    const colleague = await addMember(context.app, lister, "member");
    ids.overdue = (await createActivity(lister, { type: "task", subject: "Overdue", dueAt: inHours(-24), contactIds: [contact.id] })).id;
    ids.soon = (await createActivity(lister, { type: "task", subject: "Soon", dueAt: inHours(2), contactIds: [contact.id] })).id;
    ids.done = (await createActivity(lister, { type: "task", subject: "Done", dueAt: inHours(-48), doneAt: inHours(-47), contactIds: [contact.id] })).id;
    ids.call = (await createActivity(lister, { type: "call", subject: "Call", occurredAt: inHours(-1), companyIds: [otherCompany.id] })).id;
    ids.note = (await createActivity(colleague, { type: "note", body: "Note", occurredAt: inHours(-5), contactIds: [contact.id] })).id;
  });

  const listIds = async (query: string) => {
    const response = await lister.request("GET", `/api/v1/activities?${query}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data.map((activity: { id: string }) => activity.id);
  };

  it("filters by contact, company, type, owner, due range and done", async () => {
    expect(new Set(await listIds(`filter[contactId][eq]=${contact.id}`))).toEqual(new Set([ids.overdue, ids.soon, ids.done, ids.note]));
    expect(await listIds(`filter[companyId][eq]=${otherCompany.id}`)).toEqual([ids.call]);
    expect(new Set(await listIds("filter[type][in]=call,note"))).toEqual(new Set([ids.call, ids.note]));
    expect(await listIds(`filter[type][eq]=task&filter[dueAt][lt]=${encodeURIComponent(new Date().toISOString())}&filter[done][eq]=false`)).toEqual([ids.overdue]);
    expect(await listIds(`filter[type][eq]=task&filter[done][eq]=true`)).toEqual([ids.done]);
    expect(new Set(await listIds(`filter[ownerId][eq]=${lister.userId}&filter[type][ne]=task`))).toEqual(new Set([ids.call]));
    expect(await listIds("filter[type][eq]=task&filter[done][eq]=false&sort=dueAt")).toEqual([ids.overdue, ids.soon]);
  });

  it("sorts by timeline position by default and pages with a cursor", async () => {
    const all = await listIds("limit=50");
    expect(all).toEqual([ids.soon, ids.call, ids.note, ids.overdue, ids.done]);
    const first = await lister.request("GET", "/api/v1/activities?limit=2");
    const second = await lister.request("GET", `/api/v1/activities?limit=2&cursor=${first.body.nextCursor}`);
    const third = await lister.request("GET", `/api/v1/activities?limit=2&cursor=${second.body.nextCursor}`);
    expect([...first.body.data, ...second.body.data, ...third.body.data].map((activity: { id: string }) => activity.id)).toEqual(all);
    expect(third.body.nextCursor).toBeNull();
  });

  it("answers 400 naming a bad filter", async () => {
    for (const [query, path] of [
      ["filter[contactId][eq]=nope", "filter.contactId.eq"],
      ["filter[contactId][contains]=x", "filter.contactId.contains"],
      ["filter[done][eq]=maybe", "filter.done.eq"],
      ["filter[type][eq]=fax", "filter.type.eq"],
      ["filter[colour][eq]=red", "filter.colour"],
      ["q=ada", "querystring"],
    ]) {
      const response = await lister.request("GET", `/api/v1/activities?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].path, query).toContain(path);
    }
  });
});
