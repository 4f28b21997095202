import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const config = { columns: ["firstName", "lastName"], sort: "-createdAt", filter: { lifecycleStage: { eq: "lead" } }, q: "ada" };

async function saveView(actor: Actor, name: string, isShared: boolean, object: "contacts" | "companies" = "contacts") {
  const response = await actor.request("POST", "/api/v1/views", { object, name, isShared, config });
  expect(response.status).toBe(201);
  return response.body;
}
const namesOf = async (actor: Actor, object = "contacts") =>
  (await actor.request("GET", `/api/v1/views?object=${object}`)).body.data.map((view: { name: string }) => view.name);

describe("saved views", () => {
  it("saves a view with its columns, sort, filter and search", async () => {
    const owner = await signUpOwner(context.app);
    const view = await saveView(owner, "My leads", false);
    expect(view).toMatchObject({ object: "contacts", name: "My leads", isShared: false, ownerId: owner.userId, config });
    expect((await owner.request("GET", "/api/v1/views?object=contacts")).body.data).toEqual([view]);
    expect(await namesOf(owner, "companies")).toEqual([]);
  });

  it("shows private views only to their owner and shared views to everyone in the workspace", async () => {
    const owner = await signUpOwner(context.app);
    const colleague = await addMember(context.app, owner, "read_only");
    await saveView(owner, "Owner private", false);
    await saveView(owner, "Owner shared", true);
    await saveView(colleague, "Colleague private", false);
    expect(await namesOf(owner)).toEqual(["Owner private", "Owner shared"]);
    expect(await namesOf(colleague)).toEqual(["Colleague private", "Owner shared"]);
  });

  it("lets only the owner change or delete a shared view (403), and hides a private one (404)", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const shared = await saveView(owner, "Team pipeline", true);
    const secret = await saveView(owner, "Secret", false);
    const before = await databaseFingerprint(context.database);
    const rename = await admin.request("PATCH", `/api/v1/views/${shared.id}`, { name: "Mine now" });
    expect(rename.status).toBe(403);
    expect(rename.headers["content-type"]).toContain("application/problem+json");
    expect((await admin.request("DELETE", `/api/v1/views/${shared.id}`)).status).toBe(403);
    expect((await admin.request("PATCH", `/api/v1/views/${secret.id}`, { name: "Seen" })).status).toBe(404);
    expect((await admin.request("DELETE", `/api/v1/views/${secret.id}`)).status).toBe(404);
    expect(await databaseFingerprint(context.database)).toEqual(before);

    const renamed = await owner.request("PATCH", `/api/v1/views/${shared.id}`, { name: "Pipeline", isShared: false });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Pipeline", isShared: false, config });
    expect(await namesOf(admin)).toEqual([]);
    expect((await owner.request("DELETE", `/api/v1/views/${secret.id}`)).status).toBe(204);
    expect(await namesOf(owner)).toEqual(["Pipeline"]);
  });

  it("answers 404 for another workspace's shared view", async () => {
    const owner = await signUpOwner(context.app);
    const stranger = await signUpOwner(context.app);
    const shared = await saveView(stranger, "Their shared", true);
    expect((await owner.request("PATCH", `/api/v1/views/${shared.id}`, { name: "x" })).status).toBe(404);
    expect((await owner.request("DELETE", `/api/v1/views/${shared.id}`)).status).toBe(404);
    expect(await namesOf(owner)).toEqual([]);
  });

  it("refuses an unknown object or config field", async () => {
    const owner = await signUpOwner(context.app);
    const bad = await owner.request("POST", "/api/v1/views", { object: "contacts", name: "x", config: { columns: [], script: "alert(1)" } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe("body.config.script");
  });
});
