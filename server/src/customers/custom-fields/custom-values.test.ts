import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { databaseFingerprint } from "../../../../test/db.js";
import { addMember, buildContact, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  const fields = [
    { key: "score", label: "Score", type: "number" },
    { key: "nickname", label: "Nickname", type: "text" },
    { key: "bio", label: "Bio", type: "long_text" },
    { key: "budget", label: "Budget", type: "money" },
    { key: "renewal", label: "Renewal", type: "date" },
    { key: "vip", label: "VIP", type: "boolean" },
    { key: "tier", label: "Tier", type: "single_select", options: [{ value: "gold", label: "Gold" }, { value: "silver", label: "Silver" }], default: "silver" },
    { key: "channels", label: "Channels", type: "multi_select", options: [{ value: "email", label: "E-mail" }, { value: "phone", label: "Phone" }, { value: "sms", label: "SMS" }] },
    { key: "site", label: "Site", type: "url" },
    { key: "billing_email", label: "Billing e-mail", type: "email" },
    { key: "mobile", label: "Mobile", type: "phone" },
    { key: "champion", label: "Champion", type: "member" },
  ];
  for (const field of fields) {
    const response = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", ...field });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
  }
});

describe("custom values on contacts", () => {
  it("stores every type, normalised, and reads it back on get and list", async () => {
    const custom = {
      score: 12.5,
      nickname: "  Ace ",
      bio: "Line one\nLine two",
      budget: { amount: 150000, currency: "EUR" },
      renewal: "2027-03-01",
      vip: true,
      tier: "gold",
      channels: ["email", "sms"],
      site: "https://example.com/about",
      billing_email: "Billing@Example.COM",
      mobile: "+44 20 7946 0958",
      champion: member.userId,
    };
    const created = await owner.request("POST", "/api/v1/contacts", buildContact({ custom }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const expected = { ...custom, nickname: "Ace", billing_email: "billing@example.com", mobile: "+442079460958" };
    expect(created.body.custom).toEqual(expected);
    expect((await owner.request("GET", `/api/v1/contacts/${created.body.id}`)).body.custom).toEqual(expected);
    const listed = await owner.request("GET", `/api/v1/contacts?filter[custom.nickname][eq]=Ace`);
    expect(listed.body.data.map((contact: { custom: unknown }) => contact.custom)).toEqual([expected]);
  });

  it("answers 400 naming custom.KEY for wrongly typed values, and writes nothing", async () => {
    const bad: [string, unknown][] = [
      ["score", "12"],
      ["score", true],
      ["budget", { amount: 10.5, currency: "EUR" }],
      ["budget", 100],
      ["renewal", "01/03/2027"],
      ["vip", "true"],
      ["tier", "platinum"],
      ["channels", "email"],
      ["channels", ["email", "email"]],
      ["channels", ["fax"]],
      ["site", "javascript:alert(1)"],
      ["billing_email", "not-an-email"],
      ["mobile", "12"],
      ["champion", "00000000-0000-7000-8000-000000000000"],
      ["champion", "not-a-uuid"],
      ["nickname", 42],
      ["nickname", "x".repeat(1001)],
    ];
    const before = await databaseFingerprint(context.database);
    for (const [key, value] of bad) {
      const response = await owner.request("POST", "/api/v1/contacts", buildContact({ custom: { [key]: value } }));
      expect(response.status, `${key}=${JSON.stringify(value)}`).toBe(400);
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(response.body.errors.map((error: { path: string }) => error.path), `${key}=${JSON.stringify(value)}`).toContain(`body.custom.${key}`);
    }
    const unknown = await owner.request("POST", "/api/v1/contacts", buildContact({ custom: { shoe_size: 42 } }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: "body.custom.shoe_size", message: "is not a known custom field" }]);
    expect((await owner.request("POST", "/api/v1/contacts", buildContact({ custom: [1] as never }))).status).toBe(400);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("fills defaults on create, merges on update, clears with null", async () => {
    const contact = await createContact(owner, { custom: { score: 1, nickname: "Bo" } });
    expect(contact.custom).toEqual({ score: 1, nickname: "Bo", tier: "silver" });
    const updated = await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { custom: { score: 2, nickname: null } });
    expect(updated.status).toBe(200);
    expect(updated.body.custom).toEqual({ score: 2, tier: "silver" });
    const untouched = await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "CTO" });
    expect(untouched.body.custom).toEqual({ score: 2, tier: "silver" });
    const history = await owner.request("GET", `/api/v1/audit?entityType=contact&entityId=${contact.id}`);
    expect(history.body.data[1].changes.custom).toEqual({ before: { score: 1, nickname: "Bo", tier: "silver" }, after: { score: 2, tier: "silver" } });
  });

  it("enforces required fields on create and keeps them from being cleared", async () => {
    const workspace = await signUpOwner(context.app);
    expect((await workspace.request("POST", "/api/v1/companies", { name: "Before the field" })).status).toBe(201);
    await workspace.request("POST", "/api/v1/custom-fields", { object: "company", key: "region", label: "Region", type: "text", required: true });
    const missing = await workspace.request("POST", "/api/v1/companies", { name: "Acme" });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([{ path: "body.custom.region", message: "is required" }]);
    expect((await workspace.request("POST", "/api/v1/companies", { name: "Acme", custom: { region: "  " } })).status).toBe(400);
    const company = await workspace.request("POST", "/api/v1/companies", { name: "Acme", custom: { region: "EMEA" } });
    expect(company.status).toBe(201);
    expect(company.body.custom).toEqual({ region: "EMEA" });
    const cleared = await workspace.request("PATCH", `/api/v1/companies/${company.body.id}`, { custom: { region: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.errors[0].path).toBe("body.custom.region");
    expect((await workspace.request("PATCH", `/api/v1/companies/${company.body.id}`, { name: "Acme Ltd" })).status).toBe(200);
  });

  it("keeps an archived field's values readable but not writable, and restores it", async () => {
    const workspace = await signUpOwner(context.app);
    const field = (await workspace.request("POST", "/api/v1/custom-fields", { object: "contact", key: "legacy_id", label: "Legacy id", type: "text" })).body;
    const contact = await createContact(workspace, { custom: { legacy_id: "L-1" } });
    await workspace.request("PATCH", `/api/v1/custom-fields/${field.id}`, { archived: true });
    expect((await workspace.request("GET", `/api/v1/contacts/${contact.id}`)).body.custom).toEqual({ legacy_id: "L-1" });
    const write = await workspace.request("PATCH", `/api/v1/contacts/${contact.id}`, { custom: { legacy_id: "L-2" } });
    expect(write.status).toBe(400);
    expect(write.body.errors).toEqual([{ path: "body.custom.legacy_id", message: "is archived and cannot be changed" }]);
    expect((await workspace.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "Kept" })).body.custom).toEqual({ legacy_id: "L-1" });
    expect((await workspace.request("GET", "/api/v1/contacts?filter[custom.legacy_id][eq]=L-1")).body.data).toHaveLength(1);
    await workspace.request("PATCH", `/api/v1/custom-fields/${field.id}`, { archived: false });
    expect((await workspace.request("PATCH", `/api/v1/contacts/${contact.id}`, { custom: { legacy_id: "L-2" } })).body.custom).toEqual({ legacy_id: "L-2" });
  });

  it("carries custom values on companies too", async () => {
    const workspace = await signUpOwner(context.app);
    await workspace.request("POST", "/api/v1/custom-fields", { object: "company", key: "arr", label: "ARR", type: "money" });
    const company = await createCompany(workspace, { custom: { arr: { amount: 500, currency: "USD" } } });
    expect(company.custom).toEqual({ arr: { amount: 500, currency: "USD" } });
    const wrong = await workspace.request("PATCH", `/api/v1/companies/${company.id}`, { custom: { arr: "500" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe("body.custom.arr");
    // A contact field is not a company field.
    expect((await workspace.request("POST", "/api/v1/contacts", buildContact({ custom: { arr: 1 } }))).status).toBe(400);
  });
});
