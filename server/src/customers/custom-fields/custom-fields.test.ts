import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let readOnly: Actor;

async function defineField(actor: Actor, body: Record<string, unknown>) {
  const response = await actor.request("POST", "/api/v1/custom-fields", { object: "contact", ...body });
  if (response.status !== 201) throw new Error(`field failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  readOnly = await addMember(context.app, owner, "read_only");
});

describe("custom field definitions", () => {
  it("creates, lists in order, renames, reorders, archives and restores", async () => {
    const workspace = await signUpOwner(context.app);
    const tier = await defineField(workspace, { key: "tier", label: "Tier", type: "single_select", options: [{ value: "gold", label: "Gold" }, { value: "silver", label: "Silver" }], helpText: "Support tier" });
    const score = await defineField(workspace, { key: "score", label: "Score", type: "number", required: true, default: 0 });
    expect(tier).toMatchObject({ object: "contact", key: "tier", type: "single_select", required: false, default: null, position: 0, archived: false, helpText: "Support tier" });
    expect(score).toMatchObject({ position: 1, required: true, default: 0 });

    const renamed = await workspace.request("PATCH", `/api/v1/custom-fields/${score.id}`, { label: "Lead score", position: 0 });
    expect(renamed.status).toBe(200);
    await workspace.request("PATCH", `/api/v1/custom-fields/${tier.id}`, { position: 1 });
    const listed = await workspace.request("GET", "/api/v1/custom-fields?object=contact");
    expect(listed.body.data.map((field: { label: string }) => field.label)).toEqual(["Lead score", "Tier"]);

    const archived = await workspace.request("PATCH", `/api/v1/custom-fields/${tier.id}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    expect((await workspace.request("GET", "/api/v1/custom-fields")).body.data.map((field: { key: string }) => field.key)).toEqual(["score"]);
    expect((await workspace.request("GET", "/api/v1/custom-fields?archived=true")).body.data).toHaveLength(2);
    const restored = await workspace.request("PATCH", `/api/v1/custom-fields/${tier.id}`, { archived: false });
    expect(restored.body.archived).toBe(false);

    const history = await workspace.request("GET", `/api/v1/audit?entityType=custom_field&entityId=${tier.id}`);
    expect(history.body.data.map((entry: { action: string }) => entry.action)).toEqual(["update", "update", "update", "create"]);
  });

  it("refuses bad definitions, naming the field", async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ key: "Bad Key", label: "x", type: "text" }, 400, "body.key"],
      [{ key: "a".repeat(41), label: "x", type: "text" }, 400, "body.key"],
      [{ key: "plan", label: "x", type: "single_select" }, 400, "body.options"],
      [{ key: "plan", label: "x", type: "text", options: [{ value: "a", label: "A" }] }, 400, "body.options"],
      [{ key: "plan", label: "x", type: "single_select", options: [{ value: "a", label: "A" }, { value: "a", label: "B" }] }, 400, "body.options"],
      [{ key: "plan", label: "x", type: "number", default: "12" }, 400, "body.default"],
      [{ key: "plan", label: "x", type: "single_select", options: [{ value: "a", label: "A" }], default: "b" }, 400, "body.default"],
      [{ key: "plan", label: "x", type: "colour" }, 400, "body.type"],
      [{ key: "plan", label: "", type: "text" }, 400, "body.label"],
      [{ key: "plan", label: "x", type: "text", object: "ticket" }, 400, "body.object"],
    ];
    for (const [body, status, path] of cases) {
      const response = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", ...body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body.errors.map((error: { path: string }) => error.path), JSON.stringify(body)).toContain(path);
    }
    await defineField(owner, { key: "dup", label: "Dup", type: "text" });
    const duplicate = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: "dup", label: "Again", type: "number" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.errors[0].path).toBe("body.key");
    // The same key on another object is another field.
    expect((await owner.request("POST", "/api/v1/custom-fields", { object: "company", key: "dup", label: "Dup", type: "number" })).status).toBe(201);
    const field = await defineField(owner, { key: "immutable", label: "I", type: "text" });
    const keyChange = await owner.request("PATCH", `/api/v1/custom-fields/${field.id}`, { key: "other", type: "number" });
    expect(keyChange.status).toBe(400);
  });

  it("lets only admins and owners manage definitions; everyone reads them; other workspaces see 404", async () => {
    const field = await defineField(owner, { key: "guarded", label: "Guarded", type: "text" });
    const before = await databaseFingerprint(context.database);
    for (const actor of [member, readOnly]) {
      expect((await actor.request("POST", "/api/v1/custom-fields", { object: "contact", key: "nope", label: "No", type: "text" })).status).toBe(403);
      expect((await actor.request("PATCH", `/api/v1/custom-fields/${field.id}`, { label: "Hijacked" })).status).toBe(403);
      expect((await actor.request("DELETE", `/api/v1/custom-fields/${field.id}`)).status).toBe(403);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect((await readOnly.request("GET", "/api/v1/custom-fields")).body.data.map((entry: { key: string }) => entry.key)).toContain("guarded");

    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("PATCH", `/api/v1/custom-fields/${field.id}`, { label: "Mine now" })).status).toBe(404);
    expect((await stranger.request("DELETE", `/api/v1/custom-fields/${field.id}`)).status).toBe(404);
    expect((await stranger.request("GET", "/api/v1/custom-fields")).body.data).toEqual([]);
    expect((await stranger.request("GET", "/api/v1/contacts?filter[custom.guarded][eq]=x")).status).toBe(400);
    expect((await stranger.request("POST", "/api/v1/contacts", { firstName: "X", custom: { guarded: "x" } })).status).toBe(400);
  });

  it("deletes a field with its values, so the key can come back with another type", async () => {
    const workspace = await signUpOwner(context.app);
    const field = await defineField(workspace, { key: "legacy", label: "Legacy", type: "text" });
    const contact = await createContact(workspace, { custom: { legacy: "old" } });
    expect((await workspace.request("DELETE", `/api/v1/custom-fields/${field.id}`)).status).toBe(204);
    expect((await workspace.request("GET", `/api/v1/contacts/${contact.id}`)).body.custom).toEqual({});
    await defineField(workspace, { key: "legacy", label: "Legacy", type: "number" });
    expect((await workspace.request("PATCH", `/api/v1/contacts/${contact.id}`, { custom: { legacy: 3 } })).body.custom).toEqual({ legacy: 3 });
  });
});

describe("the OpenAPI document", () => {
  it("documents the custom-field routes and the generic custom shape", async () => {
    const response = await context.app.inject({ method: "GET", url: "/api/openapi.json" });
    const document = response.json();
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/api/v1/custom-fields", "/api/v1/custom-fields/{id}"]));
    expect(document.components.schemas.CustomValues.description).toMatch(/custom-fields/);
  });
});
