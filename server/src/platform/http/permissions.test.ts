import Fastify from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { can, type Permission, type Role } from "../../../../contracts/index.js";
import { sessionCookieFrom, useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, buildCompany, buildContact, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import type { AuthService } from "../auth/auth.service.js";
import { registerAuthentication } from "./authenticate.js";

const context = useTestApp();
const roles: Role[] = ["owner", "admin", "manager", "member", "read_only"];
const actors = {} as Record<Role, Actor>;
let target: Actor;
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  actors.owner = await signUpOwner(context.app);
  for (const role of roles.slice(1)) actors[role] = await addMember(context.app, actors.owner, role);
  target = await addMember(context.app, actors.owner, "member");
});

/** Who may use each permission: the written rules (docs/permissions.md), not a copy of rolePermissions. */
const everyone = roles;
const writers: Role[] = ["owner", "admin", "manager", "member"];
const admins: Role[] = ["owner", "admin"];
const allowedRoles: Record<Permission, Role[]> = {
  session: everyone,
  "records:read": everyone,
  "audit:read": everyone,
  "views:manage": everyone,
  "members:read": everyone,
  "records:create": writers,
  "records:write": writers,
  "records:delete": writers,
  "records:write_any": ["owner", "admin", "manager"],
  "teams:manage": ["owner", "admin", "manager"],
  "records:hard_delete": admins,
  "members:manage": admins,
  "invitations:manage": admins,
  "api_keys:manage": admins,
};

interface Prepared {
  url?: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  route: string;
  permission: Permission | "public";
  success: number;
  prepare?: (actor: Actor) => Promise<Prepared>;
}

// Records are unowned so the ownership rule (tested below) does not decide the outcome here.
const unownedContact = () => createContact(actors.owner, { ownerId: null });
const unownedCompany = () => createCompany(actors.owner, { ownerId: null });
async function trashed(kind: "contacts" | "companies") {
  const record = kind === "contacts" ? await unownedContact() : await unownedCompany();
  await actors.owner.request("DELETE", `/api/v1/${kind}/${record.id}`);
  return record;
}
const withId = (route: string, id: string) => ({ url: route.replace(/:\w+/, id) });

const table: RouteCase[] = [
  { method: "GET", route: "/api/v1/auth/setup-status", permission: "public", success: 200 },
  { method: "POST", route: "/api/v1/auth/signup", permission: "public", success: 201, prepare: async () => ({ payload: { email: `new-${unique()}@example.com`, password: "correct-horse-battery", name: "New", workspaceName: "New" } }) },
  { method: "POST", route: "/api/v1/auth/login", permission: "public", success: 200, prepare: async (actor) => ({ payload: { email: actor.email, password: "correct-horse-battery" } }) },
  {
    method: "POST", route: "/api/v1/auth/accept-invitation", permission: "public", success: 201,
    prepare: async () => {
      const invitation = await actors.owner.request("POST", "/api/v1/invitations", { email: `invitee-${unique()}@example.com`, role: "member" });
      return { payload: { token: invitation.body.token, name: "Invitee", password: "correct-horse-battery" } };
    },
  },
  {
    method: "POST", route: "/api/v1/auth/logout", permission: "session", success: 204,
    // A session of its own, so logging out does not end the actor's session used by later cases.
    prepare: async (actor) => {
      const login = await context.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: actor.email, password: "correct-horse-battery" } });
      return { headers: { cookie: sessionCookieFrom(login.headers["set-cookie"]) } };
    },
  },
  { method: "GET", route: "/api/v1/auth/me", permission: "session", success: 200 },
  { method: "POST", route: "/api/v1/auth/switch-workspace", permission: "session", success: 204, prepare: async (actor) => ({ payload: { workspaceId: actor.workspaceId } }) },
  { method: "GET", route: "/api/v1/contacts", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/contacts", permission: "records:create", success: 201, prepare: async () => ({ payload: buildContact() }) },
  { method: "GET", route: "/api/v1/contacts/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/contacts/:id", (await unownedContact()).id) },
  { method: "PATCH", route: "/api/v1/contacts/:id", permission: "records:write", success: 200, prepare: async () => ({ ...withId("/api/v1/contacts/:id", (await unownedContact()).id), payload: { jobTitle: "CTO" } }) },
  { method: "DELETE", route: "/api/v1/contacts/:id", permission: "records:delete", success: 204, prepare: async () => withId("/api/v1/contacts/:id", (await unownedContact()).id) },
  { method: "POST", route: "/api/v1/contacts/:id/restore", permission: "records:delete", success: 200, prepare: async () => withId("/api/v1/contacts/:id/restore", (await trashed("contacts")).id) },
  { method: "DELETE", route: "/api/v1/contacts/:id/purge", permission: "records:hard_delete", success: 204, prepare: async () => withId("/api/v1/contacts/:id/purge", (await trashed("contacts")).id) },
  { method: "GET", route: "/api/v1/companies", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/companies", permission: "records:create", success: 201, prepare: async () => ({ payload: buildCompany() }) },
  { method: "GET", route: "/api/v1/companies/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/companies/:id", (await unownedCompany()).id) },
  { method: "GET", route: "/api/v1/companies/:id/contacts", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/companies/:id/contacts", (await unownedCompany()).id) },
  { method: "PATCH", route: "/api/v1/companies/:id", permission: "records:write", success: 200, prepare: async () => ({ ...withId("/api/v1/companies/:id", (await unownedCompany()).id), payload: { industry: "Retail" } }) },
  { method: "DELETE", route: "/api/v1/companies/:id", permission: "records:delete", success: 204, prepare: async () => withId("/api/v1/companies/:id", (await unownedCompany()).id) },
  { method: "POST", route: "/api/v1/companies/:id/restore", permission: "records:delete", success: 200, prepare: async () => withId("/api/v1/companies/:id/restore", (await trashed("companies")).id) },
  { method: "DELETE", route: "/api/v1/companies/:id/purge", permission: "records:hard_delete", success: 204, prepare: async () => withId("/api/v1/companies/:id/purge", (await trashed("companies")).id) },
  { method: "GET", route: "/api/v1/search", permission: "records:read", success: 200, prepare: async () => ({ url: "/api/v1/search?q=ada" }) },
  { method: "GET", route: "/api/v1/audit", permission: "audit:read", success: 200, prepare: async () => ({ url: `/api/v1/audit?entityType=contact&entityId=${(await unownedContact()).id}` }) },
  { method: "GET", route: "/api/v1/views", permission: "views:manage", success: 200, prepare: async () => ({ url: "/api/v1/views?object=contacts" }) },
  { method: "POST", route: "/api/v1/views", permission: "views:manage", success: 201, prepare: async () => ({ payload: { object: "contacts", name: "Mine", config: { columns: ["firstName"] } } }) },
  { method: "PATCH", route: "/api/v1/views/:id", permission: "views:manage", success: 200, prepare: async (actor) => ({ ...withId("/api/v1/views/:id", (await ownView(actor)).id), payload: { name: "Renamed" } }) },
  { method: "DELETE", route: "/api/v1/views/:id", permission: "views:manage", success: 204, prepare: async (actor) => withId("/api/v1/views/:id", (await ownView(actor)).id) },
  { method: "GET", route: "/api/v1/members", permission: "members:read", success: 200 },
  { method: "PATCH", route: "/api/v1/members/:userId", permission: "members:manage", success: 200, prepare: async () => ({ ...withId("/api/v1/members/:userId", target.userId), payload: { teamId: null } }) },
  { method: "GET", route: "/api/v1/teams", permission: "members:read", success: 200 },
  { method: "POST", route: "/api/v1/teams", permission: "teams:manage", success: 201, prepare: async () => ({ payload: { name: `Team ${unique()}` } }) },
  { method: "GET", route: "/api/v1/invitations", permission: "invitations:manage", success: 200 },
  { method: "POST", route: "/api/v1/invitations", permission: "invitations:manage", success: 201, prepare: async () => ({ payload: { email: `x-${unique()}@example.com`, role: "read_only" } }) },
  {
    method: "DELETE", route: "/api/v1/invitations/:id", permission: "invitations:manage", success: 204,
    prepare: async () => withId("/api/v1/invitations/:id", (await actors.owner.request("POST", "/api/v1/invitations", { email: `y-${unique()}@example.com`, role: "member" })).body.id),
  },
  { method: "GET", route: "/api/v1/api-keys", permission: "api_keys:manage", success: 200 },
  { method: "POST", route: "/api/v1/api-keys", permission: "api_keys:manage", success: 201, prepare: async () => ({ payload: { name: "ci", role: "read_only" } }) },
  {
    method: "DELETE", route: "/api/v1/api-keys/:id", permission: "api_keys:manage", success: 204,
    prepare: async () => withId("/api/v1/api-keys/:id", (await actors.owner.request("POST", "/api/v1/api-keys", { name: "old", role: "member" })).body.id),
  },
];

async function ownView(actor: Actor) {
  return (await actor.request("POST", "/api/v1/views", { object: "contacts", name: `View ${unique()}`, config: { columns: ["firstName"] } })).body;
}

/** Every /api/v1 route with its methods, read from the router itself ("METHOD /path/:param"). */
function routesOf(printed: string): string[] {
  const found: string[] = [];
  const parents: string[] = [];
  for (const line of printed.split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    const path = (parents[depth - 1] ?? "") + match[2];
    parents[depth] = path;
    for (const method of match[3]?.split(", ") ?? []) if (path.startsWith("/api/v1/") && method !== "HEAD") found.push(`${method} ${path}`);
  }
  return found.sort();
}

describe("the permission matrix", () => {
  it("covers every /api/v1 route the app serves, and nothing else", () => {
    const served = routesOf(context.app.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThan(30);
    expect(served).toEqual(table.map((entry) => `${entry.method} ${entry.route}`).sort());
  });

  it("matches the role table in contracts/permissions.ts", () => {
    for (const [permission, allowed] of Object.entries(allowedRoles)) {
      for (const role of roles) expect(can(role, permission as Permission), `${role} ${permission}`).toBe(allowed.includes(role));
    }
  });

  it("refuses to start when a route declares neither a permission nor isPublic", async () => {
    const bare = Fastify();
    registerAuthentication(bare, {} as AuthService);
    await expect(
      bare.register(async (api) => {
        api.get("/api/v1/forgotten", async () => "open");
      }),
    ).rejects.toThrow(/declares no permission/);
  });

  it.each(table.filter((entry) => entry.permission !== "public"))("$method $route answers 401 without a session or key", async (entry) => {
    const url = entry.route.replace(/:\w+/, "0190b0a0-0000-7000-8000-000000000000");
    const response = await context.app.inject({ method: entry.method, url, ...(entry.method === "GET" || entry.method === "DELETE" ? {} : { payload: {} }) });
    expect(response.statusCode).toBe(401);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });

  const cases = roles.flatMap((role) => table.map((entry) => ({ role, ...entry, name: `${role} ${entry.method} ${entry.route}` })));
  it.each(cases)("$name", async ({ role, method, route, permission, success, prepare }) => {
    const actor = actors[role];
    const prepared = (await prepare?.(actor)) ?? {};
    const isAllowed = permission === "public" || allowedRoles[permission].includes(role);
    const before = isAllowed ? undefined : await databaseFingerprint(context.database);
    const response = await context.app.inject({
      method,
      url: prepared.url ?? route,
      headers: permission === "public" ? {} : (prepared.headers ?? actor.headers),
      ...(prepared.payload === undefined ? {} : { payload: prepared.payload as object }),
    });
    if (isAllowed) {
      expect(response.statusCode, response.body).toBe(success);
      return;
    }
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    expect(response.json()).toMatchObject({ status: 403, title: "Forbidden" });
    expect(response.json().detail).toContain(permission);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });
});

describe("record ownership", () => {
  it("lets a member change records they own or nobody owns, and nobody else's", async () => {
    const { member, owner } = actors;
    const own = await createContact(member);
    const unowned = await createContact(owner, { ownerId: null });
    const others = await createContact(owner);
    expect(own.ownerId).toBe(member.userId);
    expect((await member.request("PATCH", `/api/v1/contacts/${own.id}`, { jobTitle: "Mine" })).status).toBe(200);
    expect((await member.request("PATCH", `/api/v1/contacts/${unowned.id}`, { jobTitle: "Nobody's" })).status).toBe(200);
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of [
      ["PATCH", `/api/v1/contacts/${others.id}`, { jobTitle: "Hijacked" }],
      ["DELETE", `/api/v1/contacts/${others.id}`, undefined],
    ] as const) {
      const response = await member.request(method, url, payload);
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.detail).toMatch(/only contacts you own/);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect((await owner.request("GET", `/api/v1/contacts/${others.id}`)).body.jobTitle).toBeNull();
  });

  it("lets a member restore only their own trashed records", async () => {
    const { member, owner } = actors;
    const others = await createContact(owner);
    await owner.request("DELETE", `/api/v1/contacts/${others.id}`);
    expect((await member.request("POST", `/api/v1/contacts/${others.id}/restore`)).status).toBe(403);
    const company = await createCompany(owner);
    expect((await member.request("PATCH", `/api/v1/companies/${company.id}`, { name: "Taken" })).status).toBe(403);
    expect((await owner.request("GET", `/api/v1/companies/${company.id}`)).body.name).toBe(company.name);
  });

  it("stops a member assigning records to someone else, but not to themselves", async () => {
    const { member, owner } = actors;
    const created = await member.request("POST", "/api/v1/contacts", buildContact({ ownerId: owner.userId }));
    expect(created.status).toBe(403);
    expect((await member.request("POST", "/api/v1/companies", buildCompany({ ownerId: owner.userId }))).status).toBe(403);
    const own = await createContact(member);
    expect((await member.request("PATCH", `/api/v1/contacts/${own.id}`, { ownerId: owner.userId })).status).toBe(403);
    expect((await member.request("GET", `/api/v1/contacts/${own.id}`)).body.ownerId).toBe(member.userId);
    expect((await member.request("POST", "/api/v1/contacts", buildContact({ ownerId: member.userId }))).status).toBe(201);
  });

  it("lets a manager change, reassign and delete anyone's records", async () => {
    const { manager, owner, member } = actors;
    const contact = await createContact(owner);
    const updated = await manager.request("PATCH", `/api/v1/contacts/${contact.id}`, { ownerId: member.userId, jobTitle: "Moved" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ownerId: member.userId, jobTitle: "Moved" });
    expect((await manager.request("DELETE", `/api/v1/contacts/${contact.id}`)).status).toBe(204);
    expect((await manager.request("DELETE", `/api/v1/contacts/${contact.id}/purge`)).status).toBe(403);
  });
});
