import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

describe("members", () => {
  it("lists everyone in the workspace with role, team and join date, for any role", async () => {
    const owner = await signUpOwner(context.app);
    const reader = await addMember(context.app, owner, "read_only", "Zed Reader");
    const response = await reader.request("GET", "/api/v1/members");
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      { userId: owner.userId, name: "Olivia Owner", email: owner.email, role: "owner", teamId: null, joinedAt: expect.any(String) },
      { userId: reader.userId, name: "Zed Reader", email: reader.email, role: "read_only", teamId: null, joinedAt: expect.any(String) },
    ]);
  });

  it("lets an admin change a member's role and team, and the new role applies at once", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const member = await addMember(context.app, owner, "member");
    const team = await owner.request("POST", "/api/v1/teams", { name: "Sales" });
    expect(team.status).toBe(201);
    expect((await member.request("GET", "/api/v1/auth/me")).body.role).toBe("member");
    const updated = await admin.request("PATCH", `/api/v1/members/${member.userId}`, { role: "manager", teamId: team.body.id });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ userId: member.userId, role: "manager", teamId: team.body.id });
    expect((await member.request("GET", "/api/v1/auth/me")).body.role).toBe("manager");
    expect((await member.request("GET", "/api/v1/teams")).body.data).toEqual([{ id: team.body.id, name: "Sales", memberCount: 1, createdAt: expect.any(String) }]);
    const cleared = await admin.request("PATCH", `/api/v1/members/${member.userId}`, { teamId: null });
    expect(cleared.body).toMatchObject({ role: "manager", teamId: null });
  });

  it("keeps at least one owner (409)", async () => {
    const owner = await signUpOwner(context.app);
    const before = await databaseFingerprint(context.database);
    const demoted = await owner.request("PATCH", `/api/v1/members/${owner.userId}`, { role: "admin" });
    expect(demoted.status).toBe(409);
    expect(demoted.headers["content-type"]).toContain("application/problem+json");
    expect(demoted.body.errors).toEqual([{ path: "body.role", message: "would leave no owner" }]);
    expect(await databaseFingerprint(context.database)).toEqual(before);
    // With a second owner, the first may step down.
    const second = await addMember(context.app, owner, "owner");
    expect((await second.request("PATCH", `/api/v1/members/${owner.userId}`, { role: "admin" })).status).toBe(200);
    expect((await second.request("PATCH", `/api/v1/members/${second.userId}`, { role: "admin" })).status).toBe(409);
  });

  it("stops an admin granting owner or changing an owner (403)", async () => {
    const owner = await signUpOwner(context.app);
    const admin = await addMember(context.app, owner, "admin");
    const member = await addMember(context.app, owner, "member");
    const before = await databaseFingerprint(context.database);
    const promote = await admin.request("PATCH", `/api/v1/members/${member.userId}`, { role: "owner" });
    expect(promote.status).toBe(403);
    expect((await admin.request("PATCH", `/api/v1/members/${admin.userId}`, { role: "owner" })).status).toBe(403);
    expect((await admin.request("PATCH", `/api/v1/members/${owner.userId}`, { role: "read_only" })).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect((await owner.request("GET", "/api/v1/members")).body.data.find((row: { userId: string }) => row.userId === owner.userId).role).toBe("owner");
  });

  it("accepts only a team of this workspace (400 naming body.teamId)", async () => {
    const owner = await signUpOwner(context.app);
    const member = await addMember(context.app, owner, "member");
    const elsewhere = await signUpOwner(context.app);
    const foreignTeam = await elsewhere.request("POST", "/api/v1/teams", { name: "Theirs" });
    const before = await databaseFingerprint(context.database);
    for (const teamId of [foreignTeam.body.id, "0190b0a0-0000-7000-8000-000000000000"]) {
      const response = await owner.request("PATCH", `/api/v1/members/${member.userId}`, { teamId });
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([{ path: "body.teamId", message: "is not a team of this workspace" }]);
    }
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("answers 404 for someone who is not a member", async () => {
    const owner = await signUpOwner(context.app);
    const response = await owner.request("PATCH", "/api/v1/members/0190b0a0-0000-7000-8000-000000000000", { role: "member" });
    expect(response.status).toBe(404);
  });
});
