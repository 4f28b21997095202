import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actorFrom, useTestApp } from "../../../../test/app.js";
import { countRows, databaseFingerprint, queryRows } from "../../../../test/db.js";
import { addMember, buildContact, createApiKeyActor, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const bearer = (token: string) => actorFrom(context.app, { userId: "", workspaceId: "", role: "member", email: "", headers: { authorization: `Bearer ${token}` } });

describe("API keys", () => {
  it("show the token once at creation; the list never shows it", async () => {
    const owner = await signUpOwner(context.app);
    const created = await owner.request("POST", "/api/v1/api-keys", { name: "Zapier", role: "member" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Zapier", role: "member", createdBy: owner.userId, lastUsedAt: null });
    expect(created.body.token).toMatch(/^pk_.{40,}$/);
    expect(created.body.token.startsWith(created.body.prefix)).toBe(true);
    const list = await owner.request("GET", "/api/v1/api-keys");
    expect(list.body.data).toEqual([{ id: created.body.id, name: "Zapier", role: "member", prefix: created.body.prefix, createdAt: created.body.createdAt, lastUsedAt: null, createdBy: owner.userId }]);
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
  });

  it("are stored as a hash only", async () => {
    const owner = await signUpOwner(context.app);
    const created = await owner.request("POST", "/api/v1/api-keys", { name: "Hashed", role: "member" });
    const rows = await queryRows(context.database, sql`select * from api_keys where id = ${created.body.id}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(created.body.token);
    expect(rows[0].token_hash).toBe(createHash("sha256").update(created.body.token).digest("hex"));
  });

  it("act with their own role: a read_only key reads but cannot write", async () => {
    const owner = await signUpOwner(context.app);
    const contact = await createContact(owner);
    const key = await createApiKeyActor(context.app, owner, "read_only");
    expect((await key.request("GET", `/api/v1/contacts/${contact.id}`)).status).toBe(200);
    const me = await key.request("GET", "/api/v1/auth/me");
    expect(me.body).toMatchObject({ role: "read_only", via: "api_key", user: { id: owner.userId } });
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of [
      ["POST", "/api/v1/contacts", buildContact()],
      ["PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "Nope" }],
      ["DELETE", `/api/v1/contacts/${contact.id}`, undefined],
      ["POST", "/api/v1/api-keys", { name: "escalate", role: "owner" }],
    ] as const) {
      const response = await key.request(method, url, payload);
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("record the key as the actor in the audit trail", async () => {
    const owner = await signUpOwner(context.app);
    const created = await owner.request("POST", "/api/v1/api-keys", { name: "Importer", role: "member" });
    const contact = await createContact(bearer(created.body.token));
    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    expect(history.body.data[0].actor).toEqual({ userId: owner.userId, apiKeyId: created.body.id, name: "Olivia Owner" });
    expect((await owner.request("GET", "/api/v1/api-keys")).body.data[0].lastUsedAt).not.toBeNull();
  });

  it("can be created only by admins and owners, never above their own role", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const manager = await addMember(context.app, owner, "manager");
    const member = await addMember(context.app, owner, "member");
    const keys = await countRows(context.database, "api_keys");
    expect((await member.request("POST", "/api/v1/api-keys", { name: "m", role: "member" })).status).toBe(403);
    expect((await manager.request("POST", "/api/v1/api-keys", { name: "m", role: "read_only" })).status).toBe(403);
    const ownerKey = await admin.request("POST", "/api/v1/api-keys", { name: "boss", role: "owner" });
    expect(ownerKey.status).toBe(403);
    expect(ownerKey.body.detail).toContain("owner");
    expect(await countRows(context.database, "api_keys")).toBe(keys);
    expect((await admin.request("POST", "/api/v1/api-keys", { name: "peer", role: "admin" })).status).toBe(201);
    expect((await owner.request("POST", "/api/v1/api-keys", { name: "top", role: "owner" })).status).toBe(201);
  });

  it("never act above their creator's current role, and stop when the creator loses admin", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const key = await createApiKeyActor(context.app, admin, "admin");
    expect((await key.request("GET", "/api/v1/api-keys")).status).toBe(200);
    expect((await owner.request("PATCH", `/api/v1/members/${admin.userId}`, { role: "read_only" })).status).toBe(200);
    const me = await key.request("GET", "/api/v1/auth/me");
    expect(me.body.role).toBe("read_only");
    expect((await key.request("GET", "/api/v1/api-keys")).status).toBe(403);
    expect((await key.request("POST", "/api/v1/contacts", buildContact())).status).toBe(403);
  });

  it("answer 401 once revoked, and to a made-up token", async () => {
    const owner = await signUpOwner(context.app);
    const created = await owner.request("POST", "/api/v1/api-keys", { name: "Temporary", role: "admin" });
    const key = bearer(created.body.token);
    expect((await key.request("GET", "/api/v1/contacts")).status).toBe(200);
    expect((await owner.request("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const revoked = await key.request("GET", "/api/v1/contacts");
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/not valid or was revoked/);
    expect((await owner.request("GET", "/api/v1/api-keys")).body.data).toEqual([]);
    expect((await owner.request("DELETE", `/api/v1/api-keys/${created.body.id}`)).status).toBe(404);
    expect((await bearer("pk_made-up").request("GET", "/api/v1/contacts")).status).toBe(401);
  });

  it("cannot switch workspace or log out a session", async () => {
    const owner = await signUpOwner(context.app);
    const key = await createApiKeyActor(context.app, owner, "owner");
    expect((await key.request("POST", "/api/v1/auth/switch-workspace", { workspaceId: owner.workspaceId })).status).toBe(403);
    expect((await key.request("POST", "/api/v1/auth/logout")).status).toBe(204);
    expect((await key.request("GET", "/api/v1/auth/me")).status).toBe(200);
  });
});
