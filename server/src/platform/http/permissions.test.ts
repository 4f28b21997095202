import Fastify from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { can, type Permission, type Role } from "../../../../contracts/index.js";
import { sessionCookieFrom, useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { addMember, buildCompany, buildContact, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { multipartBody, upload } from "../../../../test/uploads.js";
import { createOrder, createProduct, createQuote } from "../../../../test/sales-documents.js";
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
  "custom_fields:manage": admins,
  "privacy:export": admins,
  "privacy:erase": admins,
  "field_permissions:manage": admins,
  "sales:configure": admins,
  "deals:override_stage": ["owner", "admin", "manager"],
  "targets:manage": ["owner", "admin", "manager"],
};

interface Prepared {
  url?: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
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
  { method: "GET", route: "/api/v1/contacts/export", permission: "records:read", success: 200 },
  { method: "GET", route: "/api/v1/companies/export", permission: "records:read", success: 200 },
  { method: "GET", route: "/api/v1/duplicates", permission: "records:read", success: 200, prepare: async () => ({ url: "/api/v1/duplicates?object=contact" }) },
  { method: "POST", route: "/api/v1/contacts/merge", permission: "records:write", success: 200, prepare: async () => ({ payload: { survivorId: (await unownedContact()).id, mergeIds: [(await unownedContact()).id] } }) },
  { method: "POST", route: "/api/v1/companies/merge", permission: "records:write", success: 200, prepare: async () => ({ payload: { survivorId: (await unownedCompany()).id, mergeIds: [(await unownedCompany()).id] } }) },
  {
    method: "POST", route: "/api/v1/merges/:id/undo", permission: "records:write", success: 200,
    // Undo is for the person who merged (or an admin): each writer undoes their own merge.
    prepare: async (actor) => {
      const merger = can(actor.role, "records:write") ? actor : actors.owner;
      const merged = await merger.request("POST", "/api/v1/contacts/merge", { survivorId: (await unownedContact()).id, mergeIds: [(await unownedContact()).id] });
      return withId("/api/v1/merges/:id/undo", merged.body.mergeId);
    },
  },
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
  { method: "GET", route: "/api/v1/custom-fields", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/custom-fields", permission: "custom_fields:manage", success: 201, prepare: async () => ({ payload: { object: "contact", key: `f_${unique()}`, label: "Field", type: "text" } }) },
  { method: "PATCH", route: "/api/v1/custom-fields/:id", permission: "custom_fields:manage", success: 200, prepare: async () => ({ ...withId("/api/v1/custom-fields/:id", (await customField()).id), payload: { label: "Renamed" } }) },
  { method: "DELETE", route: "/api/v1/custom-fields/:id", permission: "custom_fields:manage", success: 204, prepare: async () => withId("/api/v1/custom-fields/:id", (await customField()).id) },
  { method: "GET", route: "/api/v1/contacts/:id/consent-history", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/contacts/:id/consent-history", (await unownedContact()).id) },
  { method: "GET", route: "/api/v1/contacts/:id/data-export", permission: "privacy:export", success: 200, prepare: async () => withId("/api/v1/contacts/:id/data-export", (await unownedContact()).id) },
  { method: "POST", route: "/api/v1/contacts/:id/erase", permission: "privacy:erase", success: 200, prepare: async () => withId("/api/v1/contacts/:id/erase", (await unownedContact()).id) },
  { method: "GET", route: "/api/v1/field-permissions", permission: "records:read", success: 200 },
  { method: "PUT", route: "/api/v1/field-permissions", permission: "field_permissions:manage", success: 200, prepare: async () => ({ payload: { object: "contacts", field: "notes", hiddenFromRoles: [] } }) },
  {
    method: "POST", route: "/api/v1/attachments", permission: "records:create", success: 201,
    prepare: async (actor) => {
      const { payload, contentType } = multipartBody({ contactId: (await unownedContact()).id }, [{ name: "a.txt", contentType: "text/plain", content: "a" }]);
      return { payload, headers: { ...actor.headers, "content-type": contentType } };
    },
  },
  { method: "GET", route: "/api/v1/attachments", permission: "records:read", success: 200, prepare: async () => ({ url: `/api/v1/attachments?contactId=${(await unownedContact()).id}` }) },
  { method: "GET", route: "/api/v1/attachments/:id/content", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/attachments/:id/content", (await attachment(actors.owner)).id) },
  // Members delete their own uploads (read-only members cannot upload, so the owner's file stands in).
  { method: "DELETE", route: "/api/v1/attachments/:id", permission: "records:delete", success: 204, prepare: async (actor) => withId("/api/v1/attachments/:id", (await attachment(actor.role === "read_only" ? actors.owner : actor)).id) },
  { method: "GET", route: "/api/v1/activities", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/activities", permission: "records:create", success: 201, prepare: async () => ({ payload: { type: "call", subject: "Intro", contactIds: [(await unownedContact()).id] } }) },
  { method: "GET", route: "/api/v1/activities/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/activities/:id", (await unownedActivity()).id) },
  { method: "PATCH", route: "/api/v1/activities/:id", permission: "records:write", success: 200, prepare: async () => ({ ...withId("/api/v1/activities/:id", (await unownedActivity()).id), payload: { body: "Edited" } }) },
  { method: "DELETE", route: "/api/v1/activities/:id", permission: "records:delete", success: 204, prepare: async () => withId("/api/v1/activities/:id", (await unownedActivity()).id) },
  { method: "GET", route: "/api/v1/contacts/:id/timeline", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/contacts/:id/timeline", (await unownedContact()).id) },
  { method: "GET", route: "/api/v1/companies/:id/timeline", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/companies/:id/timeline", (await unownedCompany()).id) },
  { method: "POST", route: "/api/v1/contacts/batch", permission: "records:create", success: 200, prepare: async () => ({ payload: { mode: "create", records: [buildContact()] } }) },
  { method: "POST", route: "/api/v1/companies/batch", permission: "records:create", success: 200, prepare: async () => ({ payload: { mode: "create", records: [buildCompany()] } }) },
  { method: "POST", route: "/api/v1/imports/preview", permission: "records:create", success: 200, prepare: async (actor) => importForm(actor) },
  // A header without rows: the import's job then writes nothing a later case's fingerprint would see.
  { method: "POST", route: "/api/v1/imports", permission: "records:create", success: 202, prepare: async (actor) => importForm(actor) },
  { method: "GET", route: "/api/v1/imports", permission: "records:create", success: 200 },
  { method: "GET", route: "/api/v1/imports/:id", permission: "records:create", success: 200, prepare: async (actor) => withId("/api/v1/imports/:id", await finishedImport(actor)) },
  { method: "GET", route: "/api/v1/imports/:id/errors", permission: "records:create", success: 200, prepare: async (actor) => withId("/api/v1/imports/:id/errors", await finishedImport(actor)) },
  { method: "POST", route: "/api/v1/imports/:id/undo", permission: "records:create", success: 200, prepare: async (actor) => withId("/api/v1/imports/:id/undo", await finishedImport(actor)) },
  { method: "GET", route: "/api/v1/notifications", permission: "session", success: 200 },
  { method: "POST", route: "/api/v1/notifications/:id/read", permission: "session", success: 200, prepare: async (actor) => withId("/api/v1/notifications/:id/read", await notificationFor(actor)) },
  { method: "POST", route: "/api/v1/notifications/read-all", permission: "session", success: 200 },
  { method: "GET", route: "/api/v1/sales/settings", permission: "records:read", success: 200 },
  { method: "PUT", route: "/api/v1/sales/settings", permission: "sales:configure", success: 200, prepare: async () => ({ payload: { staleDealDays: 10 } }) },
  { method: "GET", route: "/api/v1/pipelines", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/pipelines", permission: "sales:configure", success: 201, prepare: async () => ({ payload: pipelineInput() }) },
  { method: "GET", route: "/api/v1/pipelines/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/pipelines/:id", (await defaultPipeline()).id) },
  { method: "PATCH", route: "/api/v1/pipelines/:id", permission: "sales:configure", success: 200, prepare: async () => ({ ...withId("/api/v1/pipelines/:id", (await defaultPipeline()).id), payload: { name: "Sales" } }) },
  { method: "GET", route: "/api/v1/pipelines/:id/board", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/pipelines/:id/board", (await defaultPipeline()).id) },
  { method: "GET", route: "/api/v1/deals", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/deals", permission: "records:create", success: 201, prepare: async () => ({ payload: { name: `Deal ${unique()}`, amount: 100_00, currency: "USD" } }) },
  { method: "GET", route: "/api/v1/deals/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/deals/:id", (await unownedDeal()).id) },
  { method: "PATCH", route: "/api/v1/deals/:id", permission: "records:write", success: 200, prepare: async () => ({ ...withId("/api/v1/deals/:id", (await unownedDeal()).id), payload: { nextStep: "Call" } }) },
  { method: "DELETE", route: "/api/v1/deals/:id", permission: "records:delete", success: 204, prepare: async () => withId("/api/v1/deals/:id", (await unownedDeal()).id) },
  { method: "POST", route: "/api/v1/deals/:id/restore", permission: "records:delete", success: 200, prepare: async () => withId("/api/v1/deals/:id/restore", (await trashedDeal()).id) },
  { method: "DELETE", route: "/api/v1/deals/:id/purge", permission: "records:hard_delete", success: 204, prepare: async () => withId("/api/v1/deals/:id/purge", (await trashedDeal()).id) },
  {
    method: "POST", route: "/api/v1/deals/:id/override-stage", permission: "deals:override_stage", success: 200,
    prepare: async () => ({ ...withId("/api/v1/deals/:id/override-stage", (await unownedDeal()).id), payload: { stageId: (await defaultPipeline()).stages[1].id, reason: "Signed early" } }),
  },
  { method: "GET", route: "/api/v1/deals/:id/stage-history", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/deals/:id/stage-history", (await unownedDeal()).id) },
  { method: "GET", route: "/api/v1/deals/:id/timeline", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/deals/:id/timeline", (await unownedDeal()).id) },
  // sales: pipelines and deals (end)
  // Rules are created inactive so they route none of the contacts later cases create.
  { method: "GET", route: "/api/v1/lead-assignment-rules", permission: "sales:configure", success: 200 },
  { method: "POST", route: "/api/v1/lead-assignment-rules", permission: "sales:configure", success: 201, prepare: async () => ({ payload: { name: "Inbound", strategy: "member", assigneeId: actors.owner.userId, isActive: false } }) },
  {
    method: "PATCH", route: "/api/v1/lead-assignment-rules/:id", permission: "sales:configure", success: 200,
    prepare: async () => ({ ...withId("/api/v1/lead-assignment-rules/:id", (await actors.owner.request("POST", "/api/v1/lead-assignment-rules", { name: "R", strategy: "member", assigneeId: actors.owner.userId, isActive: false })).body.id), payload: { name: "Renamed" } }),
  },
  {
    method: "DELETE", route: "/api/v1/lead-assignment-rules/:id", permission: "sales:configure", success: 204,
    prepare: async () => withId("/api/v1/lead-assignment-rules/:id", (await actors.owner.request("POST", "/api/v1/lead-assignment-rules", { name: "R", strategy: "member", assigneeId: actors.owner.userId, isActive: false })).body.id),
  },
  {
    method: "POST", route: "/api/v1/contacts/:id/convert", permission: "records:write", success: 201,
    prepare: async () => ({
      ...withId("/api/v1/contacts/:id/convert", (await unownedContact()).id),
      payload: { dealName: "Converted", pipelineId: (await actors.owner.request("GET", "/api/v1/pipelines")).body.data[0].id, amount: 100, currency: "USD" },
    }),
  },
  { method: "GET", route: "/api/v1/targets", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/targets", permission: "targets:manage", success: 201, prepare: async () => ({ payload: { ownerId: target.userId, period: "2026-Q4", metric: "deals_won", amount: 5 } }) },
  { method: "GET", route: "/api/v1/targets/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/targets/:id", (await actors.owner.request("POST", "/api/v1/targets", { ownerId: target.userId, period: "2026", metric: "deals_won", amount: 5 })).body.id) },
  {
    method: "PATCH", route: "/api/v1/targets/:id", permission: "targets:manage", success: 200,
    prepare: async () => ({ ...withId("/api/v1/targets/:id", (await actors.owner.request("POST", "/api/v1/targets", { ownerId: target.userId, period: "2026", metric: "deals_won", amount: 5 })).body.id), payload: { amount: 7 } }),
  },
  { method: "DELETE", route: "/api/v1/targets/:id", permission: "targets:manage", success: 204, prepare: async () => withId("/api/v1/targets/:id", (await actors.owner.request("POST", "/api/v1/targets", { ownerId: target.userId, period: "2026", metric: "deals_won", amount: 5 })).body.id) },
  { method: "GET", route: "/api/v1/forecast", permission: "records:read", success: 200, prepare: async () => ({ url: "/api/v1/forecast?period=2026-Q4" }) },
  { method: "GET", route: "/api/v1/sales/dashboard", permission: "records:read", success: 200, prepare: async () => ({ url: "/api/v1/sales/dashboard?period=2026-Q4" }) },
  // sales: leads, targets and forecast (end)
  { method: "GET", route: "/api/v1/products", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/products", permission: "sales:configure", success: 201, prepare: async () => ({ payload: { sku: `SKU-${unique()}`, name: "Widget", prices: [{ currency: "EUR", unitPrice: 100 }] } }) },
  { method: "GET", route: "/api/v1/products/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/products/:id", (await createProduct(actors.owner)).id) },
  { method: "PATCH", route: "/api/v1/products/:id", permission: "sales:configure", success: 200, prepare: async () => ({ ...withId("/api/v1/products/:id", (await createProduct(actors.owner)).id), payload: { name: "Renamed" } }) },
  { method: "GET", route: "/api/v1/price-books", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/price-books", permission: "sales:configure", success: 201, prepare: async () => ({ payload: { name: `Book ${unique()}` } }) },
  { method: "GET", route: "/api/v1/price-books/:id/prices", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/price-books/:id/prices", await priceBook()) },
  {
    method: "PUT", route: "/api/v1/price-books/:id/prices/:productId", permission: "sales:configure", success: 200,
    prepare: async () => ({ url: `/api/v1/price-books/${await priceBook()}/prices/${(await createProduct(actors.owner)).id}`, payload: { prices: [{ currency: "EUR", unitPrice: 90 }] } }),
  },
  { method: "GET", route: "/api/v1/quotes", permission: "records:read", success: 200 },
  { method: "POST", route: "/api/v1/quotes", permission: "records:create", success: 201, prepare: async () => ({ payload: { dealId: (await unownedDeal()).id, currency: "EUR", lines: [{ description: "Day", unitPrice: 100 }] } }) },
  { method: "GET", route: "/api/v1/quotes/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/quotes/:id", (await salesQuote()).id) },
  { method: "POST", route: "/api/v1/quotes/:id/revise", permission: "records:create", success: 201, prepare: async () => ({ ...withId("/api/v1/quotes/:id/revise", (await salesQuote()).id), payload: {} }) },
  { method: "GET", route: "/api/v1/quotes/:id/pdf", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/quotes/:id/pdf", (await salesQuote()).id) },
  // No SMTP server in this test: an allowed caller gets past the permission check to the 503 that says so.
  { method: "POST", route: "/api/v1/quotes/:id/send", permission: "records:create", success: 503, prepare: async () => ({ ...withId("/api/v1/quotes/:id/send", (await salesQuote()).id), payload: { to: "buyer@example.com" } }) },
  { method: "POST", route: "/api/v1/quotes/:id/accept", permission: "records:create", success: 201, prepare: async () => withId("/api/v1/quotes/:id/accept", (await salesQuote()).id) },
  { method: "GET", route: "/api/v1/orders", permission: "records:read", success: 200 },
  { method: "GET", route: "/api/v1/orders/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/orders/:id", (await salesOrder()).id) },
  { method: "PUT", route: "/api/v1/orders/external/:externalId", permission: "records:create", success: 201, prepare: async () => ({ url: `/api/v1/orders/external/ERP-${unique()}`, payload: { currency: "EUR", lines: [{ description: "Part", unitPrice: 100 }] } }) },
  { method: "GET", route: "/api/v1/contacts/:id/purchases", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/contacts/:id/purchases", (await unownedContact()).id) },
  { method: "GET", route: "/api/v1/companies/:id/purchases", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/companies/:id/purchases", (await unownedCompany()).id) },
  { method: "POST", route: "/api/v1/orders/:id/invoices", permission: "records:create", success: 201, prepare: async () => ({ ...withId("/api/v1/orders/:id/invoices", (await salesOrder()).id), payload: {} }) },
  { method: "GET", route: "/api/v1/invoices", permission: "records:read", success: 200 },
  { method: "GET", route: "/api/v1/invoices/:id", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/invoices/:id", await salesInvoice()) },
  { method: "GET", route: "/api/v1/invoices/:id/pdf", permission: "records:read", success: 200, prepare: async () => withId("/api/v1/invoices/:id/pdf", await salesInvoice()) },
  { method: "POST", route: "/api/v1/invoices/:id/send", permission: "records:create", success: 200, prepare: async () => ({ ...withId("/api/v1/invoices/:id/send", await salesInvoice()), payload: {} }) },
  { method: "POST", route: "/api/v1/invoices/:id/void", permission: "records:write", success: 200, prepare: async () => withId("/api/v1/invoices/:id/void", await salesInvoice()) },
  { method: "POST", route: "/api/v1/invoices/:id/payments", permission: "records:create", success: 201, prepare: async () => ({ ...withId("/api/v1/invoices/:id/payments", await salesInvoice()), payload: { amount: 50 } }) },
  { method: "PUT", route: "/api/v1/invoices/external/:externalId", permission: "records:create", success: 201, prepare: async () => ({ url: `/api/v1/invoices/external/INV-${unique()}`, payload: { currency: "EUR", dueDate: "2030-01-31", lines: [{ description: "Part", unitPrice: 100 }] } }) },
  // sales: products, quotes, orders and invoices (end)
];

function importForm(actor: Actor) {
  const { payload, contentType } = multipartBody({ object: "contact" }, [{ name: "empty.csv", contentType: "text/csv", content: "First Name,Email\n" }]);
  return { payload, headers: { ...actor.headers, "content-type": contentType } };
}

/** An import of the actor's (the owner's for a role that cannot import), finished, so it can be read and undone. */
async function finishedImport(actor: Actor): Promise<string> {
  const importer = can(actor.role, "records:create") ? actor : actors.owner;
  const form = importForm(importer);
  const started = await context.app.inject({ method: "POST", url: "/api/v1/imports", payload: form.payload, headers: form.headers });
  const id = started.json().id as string;
  await eventually(async () => ((await importer.request("GET", `/api/v1/imports/${id}`)).body.status === "done" ? true : undefined));
  return id;
}

function pipelineInput() {
  return { name: `Pipeline ${unique()}`, stages: [{ name: "Open", probability: 10, kind: "open" }, { name: "Won", probability: 100, kind: "won" }] };
}

/** The owner's default pipeline (created on first listing), with its stages. */
async function defaultPipeline(): Promise<{ id: string; stages: { id: string }[] }> {
  const pipelines = (await actors.owner.request("GET", "/api/v1/pipelines")).body.data;
  return pipelines.find((pipeline: { isDefault: boolean }) => pipeline.isDefault);
}

async function unownedDeal() {
  return (await actors.owner.request("POST", "/api/v1/deals", { name: `Deal ${unique()}`, currency: "USD", ownerId: null })).body;
}

async function trashedDeal() {
  const deal = await unownedDeal();
  await actors.owner.request("DELETE", `/api/v1/deals/${deal.id}`);
  return deal;
}

async function unownedActivity() {
  return (await actors.owner.request("POST", "/api/v1/activities", { type: "note", body: "Shared note", ownerId: null, contactIds: [(await unownedContact()).id] })).body;
}

/** A mention by someone else puts one notification in the actor's inbox; returns its id. */
async function notificationFor(actor: Actor): Promise<string> {
  const author = actor.role === "owner" ? actors.admin : actors.owner;
  await author.request("POST", "/api/v1/activities", { type: "note", body: `Hello [@you](mention:${actor.userId})` });
  return (await actor.request("GET", "/api/v1/notifications?unread=true&limit=1")).body.data[0].id;
}

async function attachment(uploader: Actor) {
  return (await upload(context.app, uploader, { contactId: (await unownedContact()).id }, { name: "a.txt", contentType: "text/plain", content: "a" })).body;
}

async function customField() {
  return (await actors.owner.request("POST", "/api/v1/custom-fields", { object: "company", key: `f_${unique()}`, label: "Field", type: "number" })).body;
}

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

/** Sales documents for the route table: a quote on a deal nobody owns, its order, an invoice of it. */
const salesQuote = async () => createQuote(actors.owner, (await unownedDeal()).id);
const salesOrder = async () => createOrder(actors.owner, (await unownedDeal()).id);
async function salesInvoice(): Promise<string> {
  return (await actors.owner.request("POST", `/api/v1/orders/${(await salesOrder()).id}/invoices`, {})).body.id;
}
async function priceBook(): Promise<string> {
  return (await actors.owner.request("POST", "/api/v1/price-books", { name: `Book ${unique()}` })).body.id;
}
