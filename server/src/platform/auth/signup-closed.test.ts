import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";

const context = useTestApp({ PILLAR_SIGNUP: "first" });
const signup = (email: string) =>
  context.app.inject({ method: "POST", url: "/api/v1/auth/signup", payload: { email, password: "correct-horse-battery", name: "Someone", workspaceName: "Theirs" } });
const setupStatus = async () => (await context.app.inject({ method: "GET", url: "/api/v1/auth/setup-status" })).json();

describe("sign-up when it is open only for the first person (PILLAR_SIGNUP=first)", () => {
  it("lets the first person create the workspace and refuses everyone after with 403", async () => {
    expect(await setupStatus()).toEqual({ hasWorkspace: false, isSignupOpen: true });
    expect((await signup("first@example.com")).statusCode).toBe(201);
    expect(await setupStatus()).toEqual({ hasWorkspace: true, isSignupOpen: false });

    const second = await signup("second@example.com");
    expect(second.statusCode).toBe(403);
    expect(second.headers["content-type"]).toContain("application/problem+json");
    expect(second.headers["set-cookie"]).toBeUndefined();
    expect(await countRows(context.database, "users")).toBe(1);
    expect(await countRows(context.database, "workspaces")).toBe(1);
  });
});
