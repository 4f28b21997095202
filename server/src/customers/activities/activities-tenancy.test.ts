import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { mentionMarkup } from "../../../../contracts/index.js";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, createActivity, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";

const context = useTestApp();
let a: Actor;
let b: Actor;
const theirs = {} as Record<"contact" | "company" | "activity" | "notification", { id: string }>;
const secret = "Quetzal-secret";

beforeAll(async () => {
  a = await signUpOwner(context.app);
  b = await signUpOwner(context.app);
  const bMember = await addMember(context.app, b, "member");
  theirs.company = await createCompany(b, { name: `${secret} Co` });
  theirs.contact = await createContact(b, { firstName: secret, companyId: theirs.company.id });
  theirs.activity = await createActivity(b, { type: "task", subject: secret, dueAt: new Date().toISOString(), contactIds: [theirs.contact.id], companyIds: [theirs.company.id] });
  await createActivity(b, { type: "note", body: `${secret} ${mentionMarkup("M", bMember.userId)}` });
  theirs.notification = (await bMember.request("GET", "/api/v1/notifications")).body.data[0];
  await createActivity(a, { type: "note", body: "Our own note" });
});

describe("another workspace's activities and notifications", () => {
  it("answer 404 and change nothing", async () => {
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of [
      ["GET", `/api/v1/activities/${theirs.activity.id}`],
      ["PATCH", `/api/v1/activities/${theirs.activity.id}`, { subject: "Stolen" }],
      ["DELETE", `/api/v1/activities/${theirs.activity.id}`],
      ["GET", `/api/v1/contacts/${theirs.contact.id}/timeline`],
      ["GET", `/api/v1/companies/${theirs.company.id}/timeline`],
      ["POST", `/api/v1/notifications/${theirs.notification.id}/read`],
    ] as const) {
      const response = await a.request(method, url, payload);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain(secret);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("never appear in lists or filters", async () => {
    for (const url of [
      "/api/v1/activities",
      `/api/v1/activities?filter[contactId][eq]=${theirs.contact.id}`,
      `/api/v1/activities?filter[companyId][eq]=${theirs.company.id}`,
      `/api/v1/activities?filter[ownerId][eq]=${b.userId}`,
      "/api/v1/notifications",
    ]) {
      const response = await a.request("GET", url);
      expect(response.status, url).toBe(200);
      expect(JSON.stringify(response.body), url).not.toContain(secret);
    }
    expect((await a.request("GET", "/api/v1/activities")).body.data).toHaveLength(1);
  });

  it("are hidden by row-level security even from a query that forgets the workspace", async () => {
    const counts = await inWorkspace(context.database.db, a.workspaceId, async (tx) => {
      const result = (await tx.execute(sql`select (select count(*) from activities)::int as activities, (select count(*) from activity_links)::int as links, (select count(*) from notifications)::int as notifications`)) as unknown as { rows: Record<string, number>[] };
      return result.rows[0];
    });
    expect(counts).toEqual({ activities: 1, links: 0, notifications: 0 });
    const insert = inWorkspace(context.database.db, a.workspaceId, (tx) =>
      tx.execute(sql`insert into activities (workspace_id, id, type, subject) values (${b.workspaceId}, ${newId()}, 'note', 'x')`),
    );
    await expect(insert).rejects.toThrow();
  });
});
