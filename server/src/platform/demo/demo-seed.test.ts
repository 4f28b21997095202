import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { actorFrom, sessionCookieFrom } from "../../../../test/app.js";
import { demoLogin, seedDemoWorkspace } from "./demo-seed.js";

const context = useTestApp();

describe("the demo workspace", () => {
  it("signs in with the printed login and shows customers and a working sales cycle", async () => {
    await seedDemoWorkspace(context.database, { companies: 20, contacts: 60, deals: 30, paperTrails: 2 });
    // A second run changes nothing.
    await seedDemoWorkspace(context.database, { companies: 20, contacts: 60, deals: 30, paperTrails: 2 });

    const login = await context.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: demoLogin });
    expect(login.statusCode).toBe(200);
    const me = actorFrom(context.app, { userId: login.json().user.id, workspaceId: login.json().workspace.id, role: "owner", email: demoLogin.email, headers: { cookie: sessionCookieFrom(login.headers["set-cookie"]) } });

    expect((await me.request("GET", "/api/v1/companies?limit=200")).body.data).toHaveLength(20);
    const pipelines = (await me.request("GET", "/api/v1/pipelines")).body.data;
    expect(pipelines.map((pipeline: { name: string }) => pipeline.name)).toEqual(["New business"]);
    const board = (await me.request("GET", `/api/v1/pipelines/${pipelines[0].id}/board`)).body;
    expect(board.stages.reduce((sum: number, stage: { count: number }) => sum + stage.count, 0)).toBe(30);
    const invoices = (await me.request("GET", "/api/v1/invoices")).body.data;
    expect(invoices).toHaveLength(2);
    expect((await me.request("GET", "/api/v1/targets")).body.data).toHaveLength(3);
  });
});
