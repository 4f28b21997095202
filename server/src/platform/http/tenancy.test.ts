import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint } from "../../../../test/db.js";
import { addMember, buildContact, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { newId } from "../../db/ids.js";
import { inWorkspace } from "../../db/workspace-transaction.js";

const context = useTestApp();

/** Workspace B's records, which workspace A must never reach. */
let a: Actor;
let b: Actor;
let bMember: Actor;
const theirs = {} as Record<"contact" | "trashedContact" | "company" | "trashedCompany" | "view" | "invitation" | "apiKey", { id: string }>;
const secret = "Zanzibar-secret";

beforeAll(async () => {
  a = await signUpOwner(context.app, { workspaceName: "Alpha" });
  b = await signUpOwner(context.app, { workspaceName: "Bravo" });
  bMember = await addMember(context.app, b, "member");
  theirs.company = await createCompany(b, { name: `${secret} Ltd`, domain: "zanzibar.example" });
  theirs.contact = await createContact(b, { firstName: secret, lastName: "Bee", companyId: theirs.company.id, tags: ["vip"], emails: [{ address: "zed@zanzibar.example", primary: true }] });
  theirs.trashedContact = await createContact(b, { firstName: secret });
  await b.request("DELETE", `/api/v1/contacts/${theirs.trashedContact.id}`);
  theirs.trashedCompany = await createCompany(b, { name: `${secret} Trash` });
  await b.request("DELETE", `/api/v1/companies/${theirs.trashedCompany.id}`);
  theirs.view = (await b.request("POST", "/api/v1/views", { object: "contacts", name: `${secret} view`, isShared: true, config: { columns: ["firstName"] } })).body;
  theirs.invitation = (await b.request("POST", "/api/v1/invitations", { email: "zed-invite@example.com", role: "member" })).body;
  theirs.apiKey = (await b.request("POST", "/api/v1/api-keys", { name: `${secret} key`, role: "member" })).body;
  await createContact(a, { firstName: "Alfred" });
  await createCompany(a, { name: "Alpha Corp" });
});

describe("another workspace's records", () => {
  const routes = (): [string, string, unknown?][] => [
    ["GET", `/api/v1/contacts/${theirs.contact.id}`],
    ["PATCH", `/api/v1/contacts/${theirs.contact.id}`, { firstName: "Stolen" }],
    ["DELETE", `/api/v1/contacts/${theirs.contact.id}`],
    ["POST", `/api/v1/contacts/${theirs.trashedContact.id}/restore`],
    ["DELETE", `/api/v1/contacts/${theirs.trashedContact.id}/purge`],
    ["GET", `/api/v1/companies/${theirs.company.id}`],
    ["GET", `/api/v1/companies/${theirs.company.id}/contacts`],
    ["PATCH", `/api/v1/companies/${theirs.company.id}`, { name: "Stolen" }],
    ["DELETE", `/api/v1/companies/${theirs.company.id}`],
    ["POST", `/api/v1/companies/${theirs.trashedCompany.id}/restore`],
    ["DELETE", `/api/v1/companies/${theirs.trashedCompany.id}/purge`],
    ["PATCH", `/api/v1/views/${theirs.view.id}`, { name: "Stolen" }],
    ["DELETE", `/api/v1/views/${theirs.view.id}`],
    ["PATCH", `/api/v1/members/${bMember.userId}`, { role: "read_only" }],
    ["PATCH", `/api/v1/members/${b.userId}`, { role: "read_only" }],
    ["DELETE", `/api/v1/invitations/${theirs.invitation.id}`],
    ["DELETE", `/api/v1/api-keys/${theirs.apiKey.id}`],
  ];

  it("answer 404 to every record route, write nothing and leak nothing", async () => {
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of routes()) {
      const response = await a.request(method as "GET", url, payload);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.stringify(response.body), url).not.toContain(secret);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect((await b.request("GET", `/api/v1/contacts/${theirs.contact.id}`)).body.firstName).toBe(secret);
  });

  it("show no history for another workspace's record", async () => {
    const history = await a.request("GET", `/api/v1/audit?entityType=contact&entityId=${theirs.contact.id}`);
    expect(history.status).toBe(200);
    expect(history.body.data).toEqual([]);
    expect((await b.request("GET", `/api/v1/audit?entityType=contact&entityId=${theirs.contact.id}`)).body.data).toHaveLength(1);
  });

  it("never appear in lists, the trash, search or filters", async () => {
    const lists = [
      "/api/v1/contacts",
      "/api/v1/contacts?trash=true",
      "/api/v1/companies",
      "/api/v1/companies?trash=true",
      `/api/v1/contacts?q=${secret}`,
      "/api/v1/contacts?q=zanzibar",
      `/api/v1/companies?q=${secret}`,
      `/api/v1/search?q=${secret}`,
      "/api/v1/search?q=zanzibar",
      `/api/v1/contacts?filter[companyId][eq]=${theirs.company.id}`,
      `/api/v1/contacts?filter[ownerId][eq]=${b.userId}`,
      "/api/v1/contacts?filter[tags][eq]=vip",
      "/api/v1/contacts?filter[email][contains]=zanzibar",
      "/api/v1/members",
      "/api/v1/teams",
      "/api/v1/invitations",
      "/api/v1/api-keys",
      "/api/v1/views?object=contacts",
    ];
    for (const url of lists) {
      const response = await a.request("GET", url);
      expect(response.status, url).toBe(200);
      const text = JSON.stringify(response.body);
      expect(text, url).not.toContain(secret);
      expect(text, url).not.toMatch(/zanzibar|zed-invite/);
      expect(text, url).not.toContain(b.userId);
    }
    expect((await a.request("GET", "/api/v1/contacts")).body.data.map((row: { firstName: string }) => row.firstName)).toEqual(["Alfred"]);
    expect((await a.request("GET", "/api/v1/members")).body.data.map((row: { userId: string }) => row.userId)).toEqual([a.userId]);
  });

  it("cannot be linked from a contact or made an owner", async () => {
    const before = await databaseFingerprint(context.database);
    const linked = await a.request("POST", "/api/v1/contacts", buildContact({ companyId: theirs.company.id }));
    expect(linked.status).toBe(400);
    expect(linked.body.errors).toEqual([{ path: "body.companyId", message: expect.any(String) }]);
    const owned = await a.request("POST", "/api/v1/contacts", buildContact({ ownerId: b.userId }));
    expect(owned.status).toBe(400);
    expect(owned.body.errors[0].path).toBe("body.ownerId");
    const ownCompany = await a.request("POST", "/api/v1/companies", { name: "X", ownerId: b.userId });
    expect(ownCompany.status).toBe(400);
    expect(ownCompany.body.errors[0].path).toBe("body.ownerId");
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const mine = await createContact(a);
    const relinked = await a.request("PATCH", `/api/v1/contacts/${mine.id}`, { companyId: theirs.company.id });
    expect(relinked.status).toBe(400);
    expect(relinked.body.errors[0].path).toBe("body.companyId");
    expect((await a.request("PATCH", `/api/v1/contacts/${mine.id}`, { ownerId: bMember.userId })).body.errors[0].path).toBe("body.ownerId");
    expect((await a.request("GET", `/api/v1/contacts/${mine.id}`)).body).toMatchObject({ companyId: null, ownerId: a.userId });
  });

  it("cannot be entered with switch-workspace by someone who is not a member", async () => {
    const response = await a.request("POST", "/api/v1/auth/switch-workspace", { workspaceId: b.workspaceId });
    expect(response.status).toBe(404);
    expect((await a.request("GET", "/api/v1/auth/me")).body.workspace.id).toBe(a.workspaceId);
  });
});

describe("row-level security", () => {
  /** The database's own message (drizzle wraps it in "Failed query: …"). */
  const failureOf = (work: Promise<unknown>) =>
    work.then(
      () => "no error",
      (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
    );
  const count = async (workspaceId: string, query: ReturnType<typeof sql>) =>
    inWorkspace(context.database.db, workspaceId, async (tx) => Number(((await tx.execute(query)) as unknown as { rows: { n: number }[] }).rows[0].n));

  it("hides other workspaces' rows even from a query without a WHERE clause", async () => {
    const everyContact = await countRows(context.database, "contacts");
    const bContacts = await countRows(context.database, "contacts", sql`workspace_id = ${b.workspaceId}`);
    expect(bContacts).toBe(2);
    expect(await count(a.workspaceId, sql`select count(*)::int as n from contacts`)).toBe(everyContact - bContacts);
    expect(await count(b.workspaceId, sql`select count(*)::int as n from contacts`)).toBe(bContacts);
    expect(await count(a.workspaceId, sql`select count(*)::int as n from contacts where workspace_id = ${b.workspaceId}`)).toBe(0);
    for (const table of ["companies", "audit_log", "saved_views", "api_keys", "invitations", "memberships"]) {
      expect(await count(a.workspaceId, sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id <> ${a.workspaceId}`), table).toBe(0);
    }
    expect(await count(a.workspaceId, sql`select count(*)::int as n from workspaces`)).toBe(1);
  });

  it("refuses to write a row for another workspace inside a workspace's transaction", async () => {
    const insert = inWorkspace(context.database.db, a.workspaceId, (tx) =>
      tx.execute(sql`insert into contacts (workspace_id, id, first_name) values (${b.workspaceId}, ${newId()}, 'Intruder')`),
    );
    expect(await failureOf(insert)).toMatch(/row-level security/);
    const update = await inWorkspace(context.database.db, a.workspaceId, (tx) =>
      tx.execute(sql`update contacts set first_name = 'Hijacked' where workspace_id = ${b.workspaceId} returning id`),
    );
    expect((update as unknown as { rows: unknown[] }).rows).toEqual([]);
    expect(await count(b.workspaceId, sql`select count(*)::int as n from contacts where first_name in ('Intruder', 'Hijacked')`)).toBe(0);
  });

  it("cannot read password hashes as the app role", async () => {
    const read = inWorkspace(context.database.db, a.workspaceId, (tx) => tx.execute(sql`select password_hash from users`));
    expect(await failureOf(read)).toMatch(/permission denied/);
  });
});
