import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { actorFrom, sessionCookieFrom, useTestApp } from "../../../../test/app.js";
import { countRows, queryRows } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const password = "correct-horse-battery";
const unique = () => Math.random().toString(36).slice(2, 10);

const post = (url: string, payload: object, cookie?: string) =>
  context.app.inject({ method: "POST", url: `/api/v1${url}`, payload, headers: cookie ? { cookie } : {} });
const me = (cookie: string) => context.app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });

describe("sign-up", () => {
  it("creates a user, a workspace and an httpOnly SameSite session cookie", async () => {
    const email = `Signup-${unique()}@Example.com`;
    const response = await post("/auth/signup", { email, password, name: "Sam Signup", workspaceName: "Sam's Shop" });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ user: { id: expect.any(String), name: "Sam Signup", email: email.toLowerCase() }, workspace: { name: "Sam's Shop" }, role: "owner" });
    const cookie = String([response.headers["set-cookie"]].flat().find((value) => String(value).startsWith("pillar_session=")));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toContain(body.user.id);
    const session = await me(sessionCookieFrom(response.headers["set-cookie"]));
    expect(session.json().user.id).toBe(body.user.id);
  });

  it("stores the password as argon2id, never in plain text", async () => {
    const owner = await signUpOwner(context.app);
    const [user] = await queryRows<{ password_hash: string }>(context.database, sql`select password_hash from users where id = ${owner.userId}`);
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    expect(user.password_hash).not.toContain(password);
  });

  it("answers 409 to an e-mail that is registered already, in any case", async () => {
    const owner = await signUpOwner(context.app);
    const users = await countRows(context.database, "users");
    const again = await post("/auth/signup", { email: owner.email.toUpperCase(), password, name: "Twin", workspaceName: "Twin" });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: "body.email", message: "is already registered" }]);
    expect(await countRows(context.database, "users")).toBe(users);
  });

  it("refuses a short password naming the field", async () => {
    const response = await post("/auth/signup", { email: `short-${unique()}@example.com`, password: "short", name: "S", workspaceName: "S" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toBe("body.password");
  });
});

describe("login and logout", () => {
  it("logs in with the right password and answers 401 to a wrong one or an unknown e-mail, without saying which", async () => {
    const owner = await signUpOwner(context.app);
    const right = await post("/auth/login", { email: owner.email, password });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ user: { id: owner.userId }, workspace: { id: owner.workspaceId }, role: "owner" });
    expect((await me(sessionCookieFrom(right.headers["set-cookie"]))).statusCode).toBe(200);
    const wrong = await post("/auth/login", { email: owner.email, password: "wrong-password-123" });
    const unknown = await post("/auth/login", { email: `nobody-${unique()}@example.com`, password });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
    expect(wrong.headers["set-cookie"]).toBeUndefined();
  });

  it("throttles an e-mail after 5 failures, even when the sixth try is right", async () => {
    const owner = await signUpOwner(context.app);
    for (let attempt = 0; attempt < 5; attempt++) expect((await post("/auth/login", { email: owner.email, password: `wrong-${attempt}-password` })).statusCode).toBe(401);
    const throttled = await post("/auth/login", { email: owner.email, password });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers["content-type"]).toContain("application/problem+json");
    expect(throttled.json().retryAfterSeconds).toBeGreaterThan(0);
    expect(throttled.headers["set-cookie"]).toBeUndefined();
    // Another person is not affected.
    const other = await signUpOwner(context.app);
    expect((await post("/auth/login", { email: other.email, password })).statusCode).toBe(200);
  });

  it("refuses a session past its expiry", async () => {
    const owner = await signUpOwner(context.app);
    const login = await post("/auth/login", { email: owner.email, password });
    // Expired before its first use, so no process has its caller cached.
    await queryRows(context.database, sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${owner.userId}`);
    const expired = await me(sessionCookieFrom(login.headers["set-cookie"]));
    expect(expired.statusCode).toBe(401);
    expect(expired.headers["content-type"]).toContain("application/problem+json");
  });

  it("ends the session on logout: the cookie is cleared and stops working", async () => {
    const owner = await signUpOwner(context.app);
    const login = await post("/auth/login", { email: owner.email, password });
    const cookie = sessionCookieFrom(login.headers["set-cookie"]);
    const logout = await post("/auth/logout", {}, cookie);
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers["set-cookie"])).toMatch(/pillar_session=;.*Expires=Thu, 01 Jan 1970/);
    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.headers["content-type"]).toContain("application/problem+json");
    expect((await me(owner.headers.cookie)).statusCode).toBe(200);
  });

  it("answers 401 to a made-up session cookie", async () => {
    expect((await me("pillar_session=made-up-token")).statusCode).toBe(401);
  });
});

describe("GET /auth/me", () => {
  it("describes the user, the workspace, the role and its permissions", async () => {
    const owner = await signUpOwner(context.app, { workspaceName: "Me Inc" });
    const member = await addMember(context.app, owner, "read_only", "Rita Reader");
    const response = await member.request("GET", "/api/v1/auth/me");
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      user: { id: member.userId, name: "Rita Reader", email: member.email },
      workspace: { id: owner.workspaceId, name: "Me Inc" },
      role: "read_only",
      permissions: expect.arrayContaining(["records:read", "session"]),
      workspaces: [{ id: owner.workspaceId, name: "Me Inc", role: "read_only" }],
      via: "session",
    });
    expect(response.body.permissions).not.toContain("records:create");
  });
});

describe("invitations", () => {
  it("work once: the second use answers 410 and adds nobody", async () => {
    const owner = await signUpOwner(context.app);
    const invitation = await owner.request("POST", "/api/v1/invitations", { email: `once-${unique()}@example.com`, role: "manager" });
    const accepted = await post("/auth/accept-invitation", { token: invitation.body.token, name: "Mia Manager", password });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ user: { id: expect.any(String), name: "Mia Manager" }, workspace: { id: owner.workspaceId }, role: "manager" });
    const cookie = sessionCookieFrom(accepted.headers["set-cookie"]);
    expect((await me(cookie)).json()).toMatchObject({ role: "manager", workspace: { id: owner.workspaceId } });
    const memberships = await countRows(context.database, "memberships");
    const again = await post("/auth/accept-invitation", { token: invitation.body.token, name: "Impostor", password });
    expect(again.statusCode).toBe(410);
    expect(again.headers["set-cookie"]).toBeUndefined();
    expect(await countRows(context.database, "memberships")).toBe(memberships);
    expect((await owner.request("GET", "/api/v1/invitations")).body.data[0].acceptedAt).not.toBeNull();
  });

  it("answer 410 once expired, and add nobody", async () => {
    const owner = await signUpOwner(context.app);
    const invitation = await owner.request("POST", "/api/v1/invitations", { email: `expired-${unique()}@example.com`, role: "member" });
    await queryRows(context.database, sql`update invitations set expires_at = now() - interval '1 minute' where id = ${invitation.body.id}`);
    const users = await countRows(context.database, "users");
    const late = await post("/auth/accept-invitation", { token: invitation.body.token, name: "Too Late", password });
    expect(late.statusCode).toBe(410);
    expect(late.headers["set-cookie"]).toBeUndefined();
    expect(await countRows(context.database, "users")).toBe(users);
  });

  it("answer 410 once revoked, and to a made-up token", async () => {
    const owner = await signUpOwner(context.app);
    const invitation = await owner.request("POST", "/api/v1/invitations", { email: `revoked-${unique()}@example.com`, role: "member" });
    expect((await owner.request("DELETE", `/api/v1/invitations/${invitation.body.id}`)).status).toBe(204);
    const users = await countRows(context.database, "users");
    expect((await post("/auth/accept-invitation", { token: invitation.body.token, name: "Late", password })).statusCode).toBe(410);
    expect((await post("/auth/accept-invitation", { token: "inv_made-up-token-123", name: "Faker", password })).statusCode).toBe(410);
    expect(await countRows(context.database, "users")).toBe(users);
    expect((await owner.request("GET", "/api/v1/invitations")).body.data).toEqual([]);
  });

  it("never grant more than the inviter holds, and only admins invite", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const manager = await addMember(context.app, owner, "manager");
    const asOwner = await admin.request("POST", "/api/v1/invitations", { email: `boss-${unique()}@example.com`, role: "owner" });
    expect(asOwner.status).toBe(400);
    expect(asOwner.body.errors[0].path).toBe("body.role");
    expect((await manager.request("POST", "/api/v1/invitations", { email: `m-${unique()}@example.com`, role: "member" })).status).toBe(403);
    expect((await admin.request("POST", "/api/v1/invitations", { email: `a-${unique()}@example.com`, role: "admin" })).status).toBe(201);
    const pending = (await owner.request("GET", "/api/v1/invitations")).body.data.filter((row: { acceptedAt: string | null }) => row.acceptedAt === null);
    expect(pending.map((row: { role: string }) => row.role)).toEqual(["admin"]);
  });

  it("let someone with an account join a second workspace with their own password", async () => {
    const first = await signUpOwner(context.app, { workspaceName: "First" });
    const second = await signUpOwner(context.app, { workspaceName: "Second" });
    const invitation = await second.request("POST", "/api/v1/invitations", { email: first.email, role: "member" });
    const wrong = await post("/auth/accept-invitation", { token: invitation.body.token, name: "Ignored", password: "not-my-password" });
    expect(wrong.statusCode).toBe(401);
    const joined = await post("/auth/accept-invitation", { token: invitation.body.token, name: "Ignored", password });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ user: { id: first.userId, name: "Olivia Owner" }, workspace: { id: second.workspaceId }, role: "member" });
  });
});

describe("switching workspace", () => {
  it("moves a session to another workspace the person belongs to, with that workspace's role", async () => {
    const home = await signUpOwner(context.app, { workspaceName: "Home" });
    const away = await signUpOwner(context.app, { workspaceName: "Away" });
    const invitation = await away.request("POST", "/api/v1/invitations", { email: home.email, role: "read_only" });
    await post("/auth/accept-invitation", { token: invitation.body.token, name: "x", password });
    const session = actorFrom(context.app, { ...home });
    expect((await session.request("GET", "/api/v1/auth/me")).body.workspaces.map((w: { name: string }) => w.name).sort()).toEqual(["Away", "Home"]);
    expect((await session.request("POST", "/api/v1/auth/switch-workspace", { workspaceId: away.workspaceId })).status).toBe(204);
    expect((await session.request("GET", "/api/v1/auth/me")).body).toMatchObject({ workspace: { id: away.workspaceId }, role: "read_only" });
    expect((await session.request("POST", "/api/v1/contacts", { firstName: "Nope" })).status).toBe(403);
    expect((await session.request("POST", "/api/v1/auth/switch-workspace", { workspaceId: home.workspaceId })).status).toBe(204);
    expect((await session.request("POST", "/api/v1/contacts", { firstName: "Yes" })).status).toBe(201);
  });
});
