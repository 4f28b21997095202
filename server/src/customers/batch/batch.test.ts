import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint } from "../../../../test/db.js";
import { addMember, createApiKeyActor, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
});

const unique = () => Math.random().toString(36).slice(2, 10);

describe("POST /contacts/batch", () => {
  it("creates every record in one go and answers each one's id in order", async () => {
    const tag = unique();
    const records = [0, 1, 2].map((n) => ({ firstName: `Batch ${n}`, lastName: tag, emails: [{ address: `b${n}-${tag}@example.com` }], externalId: `erp-${tag}-${n}` }));
    const response = await owner.request("POST", "/api/v1/contacts/batch", { mode: "create", records });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results.map((result: { index: number; status: string }) => [result.index, result.status])).toEqual([
      [0, "created"],
      [1, "created"],
      [2, "created"],
    ]);
    const second = await owner.request("GET", `/api/v1/contacts/${response.body.results[1].id}`);
    expect(second.body).toMatchObject({ firstName: "Batch 1", externalId: `erp-${tag}-1`, ownerId: owner.userId, emails: [{ address: `b1-${tag}@example.com`, primary: true }] });
    expect(await countRows(context.database, "audit_log", sql`entity_id = ${response.body.results[2].id} and action = 'create'`)).toBe(1);
  });

  it("answers 422 naming records[i].field for an invalid record, and writes nothing", async () => {
    const before = await databaseFingerprint(context.database);
    const records = [{ firstName: "Fine" }, { firstName: "" }, { firstName: "Ok" }, { firstName: "Bad mail", emails: [{ address: "not-an-email" }] }];
    const response = await owner.request("POST", "/api/v1/contacts/batch", { mode: "create", records });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: "records[1].firstName", message: "is required" },
      { path: "records[3].emails.0.address", message: "must be a valid e-mail address" },
    ]);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("upserts by e-mail: a match is updated, the rest created", async () => {
    const tag = unique();
    const existing = await createContact(owner, { firstName: "Old", emails: [{ address: `keep-${tag}@example.com`, primary: true }], jobTitle: "Clerk" });
    const response = await owner.request("POST", "/api/v1/contacts/batch", {
      mode: "upsert",
      matchOn: "email",
      records: [
        { firstName: "New", emails: [{ address: `fresh-${tag}@example.com` }] },
        { jobTitle: "Director", emails: [{ address: `KEEP-${tag}@example.com` }] },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results[1]).toEqual({ index: 1, id: existing.id, status: "updated" });
    expect(response.body.results[0].status).toBe("created");
    const updated = await owner.request("GET", `/api/v1/contacts/${existing.id}`);
    expect(updated.body).toMatchObject({ firstName: "Old", jobTitle: "Director" });
  });

  it("upserts by externalId and refuses a new record that lacks required fields", async () => {
    const tag = unique();
    const first = await owner.request("POST", "/api/v1/contacts/batch", { mode: "upsert", matchOn: "externalId", records: [{ firstName: "Erp", externalId: `x-${tag}` }] });
    expect(first.body.results[0].status).toBe("created");
    const second = await owner.request("POST", "/api/v1/contacts/batch", {
      mode: "upsert",
      matchOn: "externalId",
      records: [
        { lastName: "Renamed", externalId: `x-${tag}` },
        { lastName: "No first name", externalId: `y-${tag}` },
      ],
    });
    expect(second.status).toBe(422);
    expect(second.body.errors).toEqual([{ path: "records[1].firstName", message: "is required" }]);
    const third = await owner.request("POST", "/api/v1/contacts/batch", { mode: "upsert", matchOn: "externalId", records: [{ lastName: "Renamed", externalId: `x-${tag}` }] });
    expect(third.body.results[0]).toEqual({ index: 0, id: first.body.results[0].id, status: "updated" });
  });

  it("updates by id and names a record that matches nothing", async () => {
    const contact = await createContact(owner);
    const missing = "0190a0a0-0000-7000-8000-000000000000";
    const response = await owner.request("POST", "/api/v1/contacts/batch", {
      mode: "update",
      records: [
        { id: contact.id, lifecycleStage: "customer" },
        { id: missing, lifecycleStage: "customer" },
        { lifecycleStage: "customer" },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: "records[2].id", message: "is required to find the record (matchOn id)" }]);
    const retry = await owner.request("POST", "/api/v1/contacts/batch", {
      mode: "update",
      records: [
        { id: contact.id, lifecycleStage: "customer" },
        { id: missing, lifecycleStage: "customer" },
      ],
    });
    expect(retry.status).toBe(422);
    expect(retry.body.errors).toEqual([{ path: "records[1].id", message: "matches no contact" }]);
    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}`)).body.lifecycleStage).toBe("lead");
  });

  it("refuses an externalId that another contact holds or that the batch gives twice", async () => {
    const tag = unique();
    await createContact(owner, { externalId: `held-${tag}` });
    const response = await owner.request("POST", "/api/v1/contacts/batch", {
      mode: "create",
      records: [
        { firstName: "A", externalId: `held-${tag}` },
        { firstName: "B", externalId: `twice-${tag}` },
        { firstName: "C", externalId: `twice-${tag}` },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: "records[0].externalId", message: "is already used by another contact" },
      { path: "records[2].externalId", message: "is the same as records[1].externalId" },
    ]);
  });

  it("lets a member update only the contacts they own, like PATCH", async () => {
    const theirs = await createContact(owner);
    const mine = await createContact(member);
    const before = await databaseFingerprint(context.database);
    const response = await member.request("POST", "/api/v1/contacts/batch", {
      mode: "update",
      records: [
        { id: mine.id, jobTitle: "Mine" },
        { id: theirs.id, jobTitle: "Not mine" },
      ],
    });
    expect(response.status).toBe(403);
    expect(response.body.errors).toEqual([{ path: "records[1]", message: expect.stringContaining("only contacts you own") }]);
    expect(await databaseFingerprint(context.database)).toEqual(before);
    const allowed = await member.request("POST", "/api/v1/contacts/batch", { mode: "update", records: [{ id: mine.id, jobTitle: "Mine" }] });
    expect(allowed.status).toBe(200);
  });

  it("refuses read-only callers and batches over 1,000 records", async () => {
    const readOnly = await createApiKeyActor(context.app, owner, "read_only");
    expect((await readOnly.request("POST", "/api/v1/contacts/batch", { mode: "create", records: [{ firstName: "X" }] })).status).toBe(403);
    const tooMany = await owner.request("POST", "/api/v1/contacts/batch", { mode: "create", records: Array.from({ length: 1001 }, () => ({ firstName: "X" })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe("body.records");
  });

  it("refuses a field the caller's role may not change, like PATCH does", async () => {
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "birthday", hiddenFromRoles: ["member"] });
    const response = await member.request("POST", "/api/v1/contacts/batch", { mode: "create", records: [{ firstName: "A" }, { firstName: "B", birthday: "1990-01-01" }] });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([{ path: "records[1].birthday", message: "is a field your role may not change" }]);
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "birthday", hiddenFromRoles: [] });
  });

  it("answers 409 when a single create reuses an externalId", async () => {
    const tag = unique();
    await createContact(owner, { externalId: `single-${tag}` });
    const response = await owner.request("POST", "/api/v1/contacts", { firstName: "Again", externalId: `single-${tag}` });
    expect(response.status).toBe(409);
    expect(response.body.errors).toEqual([{ path: "body.externalId", message: "is already used by another contact" }]);
  });
});

describe("POST /companies/batch", () => {
  it("upserts by domain and keeps money in minor units", async () => {
    const tag = unique();
    const existing = await createCompany(owner, { domain: `acme-${tag}.example.com`, industry: "Retail" });
    const response = await owner.request("POST", "/api/v1/companies/batch", {
      mode: "upsert",
      matchOn: "domain",
      records: [
        { domain: `https://www.acme-${tag}.example.com/about`, industry: "Wholesale" },
        { name: "Globex", domain: `globex-${tag}.example.com`, annualRevenue: { amount: 123456, currency: "EUR" } },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.results[0]).toEqual({ index: 0, id: existing.id, status: "updated" });
    expect((await owner.request("GET", `/api/v1/companies/${existing.id}`)).body.industry).toBe("Wholesale");
    expect((await owner.request("GET", `/api/v1/companies/${response.body.results[1].id}`)).body.annualRevenue).toEqual({ amount: 123456, currency: "EUR" });
  });

  it("needs a key a new company can carry for upsert", async () => {
    const response = await owner.request("POST", "/api/v1/companies/batch", { mode: "upsert", records: [{ name: "X" }] });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].path).toBe("body.matchOn");
  });
});
