import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint } from "../../../../test/db.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const names = (body: { data: { name: string }[] }) => body.data.map((row) => row.name);

async function createDeal(actor: Actor, input: Record<string, unknown> = {}) {
  const response = await actor.request("POST", "/api/v1/deals", { name: "Deal", amount: 1_000_00, currency: "USD", ...input });
  if (response.status !== 201) throw new Error(`deal failed: ${JSON.stringify(response.body)}`);
  return response.body;
}

describe("deals", () => {
  it("creates a deal in the default pipeline's first stage, reads, updates and audits it", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner, { name: "Globex" });
    const ada = await createContact(owner, { firstName: "Ada", lastName: "Lovelace", emails: [{ address: "ada@example.com", primary: true }] });
    const grace = await createContact(owner, { firstName: "Grace", lastName: "Hopper" });
    const created = await owner.request("POST", "/api/v1/deals", {
      name: "  Globex renewal  ",
      amount: 12_500_00,
      currency: "EUR",
      closeDate: "2026-12-31",
      companyId: company.id,
      contacts: [{ contactId: ada.id, role: "Decision maker" }],
      contactIds: [grace.id],
      source: "Referral",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Globex renewal",
      amount: 1_250_000,
      currency: "EUR",
      stage: { name: "Lead", kind: "open", probability: 10 },
      closeDate: "2026-12-31",
      closedAt: null,
      ownerId: owner.userId,
      owner: { id: owner.userId, name: "Olivia Owner" },
      company: { id: company.id, name: "Globex" },
      forecastCategory: "pipeline",
      source: "Referral",
      custom: {},
      deletedAt: null,
    });
    expect(created.body.contacts).toEqual([
      { id: ada.id, name: "Ada Lovelace", email: "ada@example.com", role: "Decision maker" },
      { id: grace.id, name: "Grace Hopper", email: expect.any(String), role: null },
    ]);
    const pipeline = (await owner.request("GET", "/api/v1/pipelines")).body.data[0];
    expect(created.body.pipelineId).toBe(pipeline.id);

    const updated = await owner.request("PATCH", `/api/v1/deals/${created.body.id}`, { amount: 13_000_00, contactIds: [grace.id], nextStep: "Call back", forecastCategory: "commit" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ amount: 1_300_000, nextStep: "Call back", forecastCategory: "commit", contactIds: [grace.id] });
    expect((await owner.request("GET", `/api/v1/deals/${created.body.id}`)).body).toEqual(updated.body);
    const audit = await owner.request("GET", `/api/v1/audit?entityType=deal&entityId=${created.body.id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["update", "create"]);
    expect(audit.body.data[0].changes.amount).toEqual({ before: 1_250_000, after: 1_300_000 });
  });

  it("lists with filters, sorts, search and keyset pages", async () => {
    const owner = await signUpOwner(context.app);
    const member = await addMember(context.app, owner, "member");
    const company = await createCompany(owner);
    const contact = await createContact(owner);
    await createDeal(owner, { name: "Alpha", amount: 500_00, closeDate: "2026-01-15", companyId: company.id });
    await createDeal(owner, { name: "Bravo", amount: 2_000_00, closeDate: "2026-03-01", contactIds: [contact.id], forecastCategory: "best_case" });
    await createDeal(member, { name: "Charlie", amount: 1_000_00, closeDate: "2026-06-30", currency: "EUR" });
    await createDeal(owner, { name: "Delta", amount: 50_00 });

    const list = async (query: string) => {
      const response = await owner.request("GET", `/api/v1/deals?${query}`);
      expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(200);
      return response.body;
    };
    expect(names(await list("sort=-amount"))).toEqual(["Bravo", "Charlie", "Alpha", "Delta"]);
    expect(names(await list("sort=closeDate"))).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(names(await list("filter[closeDate][gte]=2026-02-01&filter[closeDate][lte]=2026-12-31&sort=name"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await list(`filter[ownerId][eq]=${member.userId}`))).toEqual(["Charlie"]);
    expect(names(await list(`filter[companyId][eq]=${company.id}`))).toEqual(["Alpha"]);
    expect(names(await list(`filter[contactId][eq]=${contact.id}`))).toEqual(["Bravo"]);
    expect(names(await list("filter[forecastCategory][eq]=best_case"))).toEqual(["Bravo"]);
    expect(names(await list("filter[currency][eq]=EUR"))).toEqual(["Charlie"]);
    expect(names(await list("filter[stageKind][eq]=open&filter[amount][gt]=60000&sort=name"))).toEqual(["Bravo", "Charlie"]);
    expect(names(await list("q=ALP"))).toEqual(["Alpha"]);

    const first = await list("sort=name&limit=3");
    expect(names(first)).toEqual(["Alpha", "Bravo", "Charlie"]);
    expect(names(await list(`sort=name&limit=3&cursor=${first.nextCursor}`))).toEqual(["Delta"]);

    for (const [query, path] of [
      ["filter[colour][eq]=red", "filter.colour"],
      ["filter[stageKind][eq]=maybe", "filter.stageKind.eq"],
      ["filter[closeDate][gte]=soon", "filter.closeDate.gte"],
      ["sort=source", "sort"],
    ]) {
      const response = await owner.request("GET", `/api/v1/deals?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
  });

  it("keeps custom field values on deals, checks them strictly, and filters and sorts by them", async () => {
    const owner = await signUpOwner(context.app);
    const field = await owner.request("POST", "/api/v1/custom-fields", {
      object: "deal",
      key: "tier",
      label: "Tier",
      type: "single_select",
      options: [
        { value: "gold", label: "Gold" },
        { value: "silver", label: "Silver" },
      ],
    });
    expect(field.status).toBe(201);
    await owner.request("POST", "/api/v1/custom-fields", { object: "deal", key: "seats", label: "Seats", type: "number" });
    const gold = await createDeal(owner, { name: "Gold", custom: { tier: "gold", seats: 50 } });
    await createDeal(owner, { name: "Silver", custom: { tier: "silver", seats: 10 } });
    expect(gold.custom).toEqual({ tier: "gold", seats: 50 });
    expect(names((await owner.request("GET", "/api/v1/deals?filter[custom.tier][eq]=gold")).body)).toEqual(["Gold"]);
    expect(names((await owner.request("GET", "/api/v1/deals?filter[custom.tier][in]=gold,silver&sort=custom.seats")).body)).toEqual(["Silver", "Gold"]);
    expect(names((await owner.request("GET", "/api/v1/deals?filter[custom.seats][gt]=20")).body)).toEqual(["Gold"]);

    const before = await countRows(context.database, "deals");
    for (const custom of [{ tier: "bronze" }, { unknown: 1 }, { seats: "many" }]) {
      const response = await owner.request("POST", "/api/v1/deals", { name: "Bad", currency: "USD", custom });
      expect(response.status, JSON.stringify(custom)).toBe(400);
      expect(response.body.errors[0].path).toMatch(/^body\.custom/);
    }
    expect(await countRows(context.database, "deals")).toBe(before);
    const patched = await owner.request("PATCH", `/api/v1/deals/${gold.id}`, { custom: { seats: 60 } });
    expect(patched.body.custom).toEqual({ tier: "gold", seats: 60 });
  });

  it("moves deals to the trash and back, audited", async () => {
    const owner = await signUpOwner(context.app);
    const deal = await createDeal(owner, { name: "Trashable" });
    expect((await owner.request("DELETE", `/api/v1/deals/${deal.id}`)).status).toBe(204);
    expect((await owner.request("GET", `/api/v1/deals/${deal.id}`)).status).toBe(404);
    expect(names((await owner.request("GET", "/api/v1/deals")).body)).toEqual([]);
    expect(names((await owner.request("GET", "/api/v1/deals?trash=true")).body)).toEqual(["Trashable"]);
    const restored = await owner.request("POST", `/api/v1/deals/${deal.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: deal.id, deletedAt: null });
    const audit = await owner.request("GET", `/api/v1/audit?entityType=deal&entityId=${deal.id}`);
    expect(audit.body.data.map((entry: { action: string }) => entry.action)).toEqual(["restore", "delete", "create"]);
  });

  it("answers 404 for another workspace's deal and writes nothing", async () => {
    const owner = await signUpOwner(context.app);
    const deal = await createDeal(owner);
    const stranger = await signUpOwner(context.app);
    const before = await databaseFingerprint(context.database);
    for (const [method, url, payload] of [
      ["GET", `/api/v1/deals/${deal.id}`, undefined],
      ["PATCH", `/api/v1/deals/${deal.id}`, { name: "Stolen" }],
      ["DELETE", `/api/v1/deals/${deal.id}`, undefined],
      ["POST", `/api/v1/deals/${deal.id}/restore`, undefined],
      ["GET", `/api/v1/deals/${deal.id}/stage-history`, undefined],
      ["GET", `/api/v1/deals/${deal.id}/timeline`, undefined],
    ] as const) {
      expect((await stranger.request(method, url, payload)).status, `${method} ${url}`).toBe(404);
    }
    const linkedActivity = await stranger.request("POST", "/api/v1/activities", { type: "note", body: "Peeking", dealIds: [deal.id] });
    expect(linkedActivity.status).toBe(400);
    expect(linkedActivity.body.errors[0].path).toBe("body.dealIds.0");
    expect((await stranger.request("GET", `/api/v1/activities?filter[dealId][eq]=${deal.id}`)).body.data).toEqual([]);
    expect(await databaseFingerprint(context.database)).toEqual(before);
    const foreignCompany = await createCompany(stranger);
    const linked = await owner.request("POST", "/api/v1/deals", { name: "X", currency: "USD", companyId: foreignCompany.id });
    expect(linked.status).toBe(400);
    expect(linked.body.errors[0].path).toBe("body.companyId");
  });

  it("lets a member change only their own or unowned deals, and read-only nobody's", async () => {
    const owner = await signUpOwner(context.app);
    const member = await addMember(context.app, owner, "member");
    const readOnly = await addMember(context.app, owner, "read_only");
    const others = await createDeal(owner);
    const own = await createDeal(member);
    const unowned = await createDeal(owner, { ownerId: null });
    expect(own.ownerId).toBe(member.userId);
    expect((await member.request("PATCH", `/api/v1/deals/${own.id}`, { name: "Mine" })).status).toBe(200);
    expect((await member.request("PATCH", `/api/v1/deals/${unowned.id}`, { name: "Nobody's" })).status).toBe(200);
    const before = await databaseFingerprint(context.database);
    const patched = await member.request("PATCH", `/api/v1/deals/${others.id}`, { name: "Hijacked" });
    expect(patched.status).toBe(403);
    expect(patched.body.detail).toMatch(/only deals you own/);
    expect((await member.request("DELETE", `/api/v1/deals/${others.id}`)).status).toBe(403);
    expect((await member.request("POST", "/api/v1/deals", { name: "For you", currency: "USD", ownerId: owner.userId })).status).toBe(403);
    expect((await member.request("PATCH", `/api/v1/deals/${own.id}`, { ownerId: owner.userId })).status).toBe(403);
    expect((await readOnly.request("POST", "/api/v1/deals", { name: "Nope", currency: "USD" })).status).toBe(403);
    expect((await readOnly.request("PATCH", `/api/v1/deals/${unowned.id}`, { name: "Nope" })).status).toBe(403);
    expect(await databaseFingerprint(context.database)).toEqual(before);
    expect((await readOnly.request("GET", `/api/v1/deals/${others.id}`)).status).toBe(200);
  });

  it("refuses bad input naming the field, and writes nothing", async () => {
    const owner = await signUpOwner(context.app);
    await owner.request("GET", "/api/v1/pipelines");
    const other = (await owner.request("POST", "/api/v1/pipelines", {
      name: "Other",
      stages: [
        { name: "Open", probability: 10, kind: "open" },
        { name: "Won", probability: 100, kind: "won" },
      ],
    })).body;
    const deal = await createDeal(owner);
    const before = await databaseFingerprint(context.database);
    for (const [payload, path] of [
      [{ currency: "USD" }, "body.name"],
      [{ name: "X", currency: "usd" }, "body.currency"],
      [{ name: "X", currency: "USD", amount: 10.5 }, "body.amount"],
      [{ name: "X", currency: "USD", amount: -1 }, "body.amount"],
      [{ name: "X", currency: "USD", closeDate: "31/12/2026" }, "body.closeDate"],
      [{ name: "X", currency: "USD", forecastCategory: "maybe" }, "body.forecastCategory"],
      [{ name: "X", currency: "USD", ownerId: "0190b0a0-0000-7000-8000-000000000000" }, "body.ownerId"],
      [{ name: "X", currency: "USD", contactIds: ["0190b0a0-0000-7000-8000-000000000000"] }, "body.contactIds.0"],
      [{ name: "X", currency: "USD", pipelineId: "0190b0a0-0000-7000-8000-000000000000" }, "body.pipelineId"],
      [{ name: "X", currency: "USD", pipelineId: deal.pipelineId, stageId: other.stages[0].id }, "body.stageId"],
      [{ name: "X", currency: "USD", colour: "red" }, "body.colour"],
    ] as const) {
      const response = await owner.request("POST", "/api/v1/deals", payload);
      expect(response.status, path).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
    }
    const moved = await owner.request("PATCH", `/api/v1/deals/${deal.id}`, { stageId: other.stages[0].id, name: "Renamed" });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].path).toBe("body.stageId");
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });
});
