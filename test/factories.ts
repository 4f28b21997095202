import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { CreateCompanyInput, CreateContactInput, Role } from "../contracts/index.js";
import { actorFrom, sessionCookieFrom, type Actor } from "./app.js";

const unique = () => randomBytes(4).toString("hex");

/** Signs up a new person with a new workspace; they are its owner. */
export async function signUpOwner(app: FastifyInstance, overrides: { email?: string; workspaceName?: string } = {}): Promise<Actor> {
  const email = overrides.email ?? `owner-${unique()}@example.com`;
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/signup",
    payload: { email, password: "correct-horse-battery", name: "Olivia Owner", workspaceName: overrides.workspaceName ?? `Workspace ${unique()}` },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  return actorFrom(app, { userId: body.user.id, workspaceId: body.workspace.id, role: "owner", email, headers: { cookie: sessionCookieFrom(response.headers["set-cookie"]) } });
}

/** Invites someone into the owner's workspace with a role and signs them in through the invitation. */
export async function addMember(app: FastifyInstance, owner: Actor, role: Role, name = `Member ${unique()}`): Promise<Actor> {
  if (role === "owner") {
    const member = await addMember(app, owner, "admin", name);
    const promoted = await owner.request("PATCH", `/api/v1/members/${member.userId}`, { role: "owner" });
    if (promoted.status !== 200) throw new Error(`promotion failed: ${JSON.stringify(promoted.body)}`);
    return { ...member, role: "owner" };
  }
  const email = `${role}-${unique()}@example.com`;
  const invitation = await owner.request("POST", "/api/v1/invitations", { email, role });
  if (invitation.status !== 201) throw new Error(`invitation failed: ${JSON.stringify(invitation.body)}`);
  const response = await app.inject({ method: "POST", url: "/api/v1/auth/accept-invitation", payload: { token: invitation.body.token, name, password: "correct-horse-battery" } });
  if (response.statusCode !== 201) throw new Error(`accept failed: ${response.body}`);
  return actorFrom(app, { userId: response.json().user.id, workspaceId: owner.workspaceId, role, email, headers: { cookie: sessionCookieFrom(response.headers["set-cookie"]) } });
}

/** An API key with a role, created by an owner or admin. */
export async function createApiKeyActor(app: FastifyInstance, creator: Actor, role: Role): Promise<Actor> {
  const response = await creator.request("POST", "/api/v1/api-keys", { name: `key ${unique()}`, role });
  if (response.status !== 201) throw new Error(`api key failed: ${JSON.stringify(response.body)}`);
  return actorFrom(app, { userId: creator.userId, workspaceId: creator.workspaceId, role, email: creator.email, headers: { authorization: `Bearer ${response.body.token}` } });
}

export function buildContact(overrides: Partial<CreateContactInput> = {}): CreateContactInput {
  const id = unique();
  return { firstName: "Ada", lastName: `Lovelace ${id}`, emails: [{ address: `ada-${id}@example.com`, primary: true }], lifecycleStage: "lead", ...overrides };
}

export function buildCompany(overrides: Partial<CreateCompanyInput> = {}): CreateCompanyInput {
  const id = unique();
  return { name: `Analytical Engines ${id}`, domain: `engines-${id}.example.com`, industry: "Software", ...overrides };
}

export async function createContact(actor: Actor, overrides: Partial<CreateContactInput> = {}) {
  const response = await actor.request("POST", "/api/v1/contacts", buildContact(overrides));
  if (response.status !== 201) throw new Error(`contact failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createCompany(actor: Actor, overrides: Partial<CreateCompanyInput> = {}) {
  const response = await actor.request("POST", "/api/v1/companies", buildCompany(overrides));
  if (response.status !== 201) throw new Error(`company failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function createActivity(actor: Actor, input: Record<string, unknown>) {
  const response = await actor.request("POST", "/api/v1/activities", input);
  if (response.status !== 201) throw new Error(`activity failed: ${JSON.stringify(response.body)}`);
  return response.body;
}
