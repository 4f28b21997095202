import { beforeAll, describe, expect, it } from "vitest";
import { mentionMarkup } from "../../../../contracts/index.js";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { eventually } from "../../../../test/eventually.js";
import { addMember, createActivity, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let colleague: Actor;
let contact: { id: string; firstName: string };

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member", "Mia Member");
  colleague = await addMember(context.app, owner, "member", "Cole League");
  contact = await createContact(owner, { firstName: "Grace", lastName: "Hopper" });
});

const inbox = async (actor: Actor, query = "") => {
  const response = await actor.request("GET", `/api/v1/notifications${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { data: any[]; nextCursor: string | null; unreadCount: number };
};

describe("mentions", () => {
  it("notify each person mentioned in a note, once, and never its author", async () => {
    const body = `Ask ${mentionMarkup("Mia Member", member.userId)} about the contract. cc ${mentionMarkup("Olivia Owner", owner.userId)}`;
    const note = await createActivity(owner, { type: "note", body, contactIds: [contact.id] });
    expect(note.mentionedUserIds.sort()).toEqual([member.userId, owner.userId].sort());

    const received = await inbox(member);
    expect(received.unreadCount).toBe(1);
    expect(received.data[0]).toMatchObject({
      kind: "mention",
      isRead: false,
      actor: { id: owner.userId, name: "Olivia Owner" },
      activity: { id: note.id, type: "note" },
      record: { type: "contact", id: contact.id, name: "Grace Hopper" },
      excerpt: "Ask @Mia Member about the contract. cc @Olivia Owner",
    });
    expect((await inbox(owner)).data).toHaveLength(0);

    // Saving again notifies only whoever is newly mentioned.
    const edited = await owner.request("PATCH", `/api/v1/activities/${note.id}`, { body: `${body} and ${mentionMarkup("Cole", colleague.userId)}` });
    expect(edited.status).toBe(200);
    expect((await inbox(member)).data).toHaveLength(1);
    expect((await inbox(colleague)).data).toHaveLength(1);
  });

  it("refuses a mention of someone outside the workspace", async () => {
    const stranger = await signUpOwner(context.app);
    const response = await owner.request("POST", "/api/v1/activities", { type: "note", body: `Hi ${mentionMarkup("Stranger", stranger.userId)}` });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe("body.body");
    expect((await inbox(stranger)).data).toHaveLength(0);
  });
});

describe("task reminders", () => {
  it("arrive as a notification at their time, from the job queue", async () => {
    const reminderAt = new Date(Date.now() + 1_000).toISOString();
    const task = await createActivity(owner, { type: "task", subject: "Call Grace back", ownerId: member.userId, dueAt: reminderAt, reminderAt, contactIds: [contact.id] });
    const notification = await eventually(async () => (await inbox(member)).data.find((entry) => entry.kind === "reminder" && entry.activity.id === task.id));
    expect(notification).toMatchObject({ kind: "reminder", actor: null, activity: { subject: "Call Grace back", dueAt: task.dueAt }, record: { id: contact.id } });
    expect(Date.parse(notification.createdAt)).toBeGreaterThanOrEqual(Date.parse(reminderAt));
  });

  it("do not fire for a task done or moved before its reminder", async () => {
    const soon = () => new Date(Date.now() + 800).toISOString();
    const done = await createActivity(colleague, { type: "task", subject: "Done early", reminderAt: soon() });
    await colleague.request("PATCH", `/api/v1/activities/${done.id}`, { doneAt: new Date().toISOString() });
    const moved = await createActivity(colleague, { type: "task", subject: "Moved", reminderAt: soon() });
    await colleague.request("PATCH", `/api/v1/activities/${moved.id}`, { reminderAt: new Date(Date.now() + 86_400_000).toISOString() });
    // A later reminder arriving means the earlier jobs have run.
    const marker = await createActivity(colleague, { type: "task", subject: "Marker", reminderAt: new Date(Date.now() + 1_500).toISOString() });
    await eventually(async () => (await inbox(colleague, "?unread=true")).data.find((entry) => entry.activity?.id === marker.id));
    const reminders = (await inbox(colleague)).data.filter((entry) => entry.kind === "reminder").map((entry) => entry.activity.id);
    expect(reminders).toEqual([marker.id]);
  });
});

describe("the inbox", () => {
  it("lists the caller's own notifications unread first, pages, and marks them read", async () => {
    const reader = await addMember(context.app, owner, "read_only", "Rea Reader");
    for (let index = 0; index < 5; index++) await createActivity(owner, { type: "note", body: `Note ${index} for ${mentionMarkup("Rea", reader.userId)}` });
    const first = await inbox(reader);
    expect(first.unreadCount).toBe(5);
    const oldest = first.data[4];
    const marked = await reader.request("POST", `/api/v1/notifications/${oldest.id}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: oldest.id, isRead: true });

    const pages: any[] = [];
    let cursor: string | null = null;
    do {
      const page = await inbox(reader, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      pages.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((entry) => entry.isRead)).toEqual([false, false, false, false, true]);
    expect(pages[4].id).toBe(oldest.id);
    expect((await inbox(reader, "?unread=true")).data).toHaveLength(4);

    expect((await member.request("POST", `/api/v1/notifications/${pages[0].id}/read`)).status).toBe(404);
    const all = await reader.request("POST", "/api/v1/notifications/read-all");
    expect(all.body).toEqual({ count: 4 });
    expect((await inbox(reader)).unreadCount).toBe(0);
    expect((await reader.request("GET", "/api/v1/notifications?cursor=zzz")).status).toBe(400);
  });
});
