import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
let contact: { id: string };

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  contact = await createContact(owner, { ownerId: null, birthday: "1990-01-02", phones: [{ number: "+44 20 7946 0958", primary: true }], jobTitle: "Engineer" });
});

describe("field permissions", () => {
  it("omits a hidden field for the roles it is hidden from, in every contact read path", async () => {
    expect((await member.request("GET", `/api/v1/contacts/${contact.id}`)).body.birthday).toBe("1990-01-02");
    const set = await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "birthday", hiddenFromRoles: ["member", "read_only"] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ object: "contacts", field: "birthday", hiddenFromRoles: ["member", "read_only"] });

    const got = await member.request("GET", `/api/v1/contacts/${contact.id}`);
    expect(got.status).toBe(200);
    expect(got.body).not.toHaveProperty("birthday");
    expect(got.body.jobTitle).toBe("Engineer");
    const listed = await member.request("GET", "/api/v1/contacts");
    expect(listed.body.data.every((row: object) => !("birthday" in row))).toBe(true);
    const updated = await member.request("PATCH", `/api/v1/contacts/${contact.id}`, { jobTitle: "Lead" });
    expect(updated.status).toBe(200);
    expect(updated.body).not.toHaveProperty("birthday");
    const overwrite = await member.request("PATCH", `/api/v1/contacts/${contact.id}`, { birthday: "2001-01-01" });
    expect(overwrite.status).toBe(400);
    expect(overwrite.body.errors[0].path).toBe("body.birthday");

    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}`)).body.birthday).toBe("1990-01-02");
    const list = await member.request("GET", "/api/v1/field-permissions");
    expect(list.body.data).toEqual([{ object: "contacts", field: "birthday", hiddenFromRoles: ["member", "read_only"] }]);
  });

  it("applies to the data export too", async () => {
    const admin = await addMember(context.app, owner, "admin");
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: ["admin"] });
    const exported = await admin.request("GET", `/api/v1/contacts/${contact.id}/data-export`);
    expect(exported.status).toBe(200);
    expect(exported.body.contact).not.toHaveProperty("phones");
    expect((await owner.request("GET", `/api/v1/contacts/${contact.id}/data-export`)).body.contact.phones).toHaveLength(1);
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: [] });
  });

  it("refuses to sort or filter on a hidden field, so the order cannot reveal it", async () => {
    for (const url of ["/api/v1/contacts?sort=-birthday", "/api/v1/contacts?filter[birthday][gt]=1980-01-01"]) {
      const response = await member.request("GET", url);
      expect(response.status, url).toBe(400);
      expect(response.body.errors[0].message).toContain("may not read");
    }
    expect((await owner.request("GET", "/api/v1/contacts?sort=-birthday")).status).toBe(200);
  });

  it("hides company fields in company reads and a company's contacts", async () => {
    const company = await createCompany(owner, { annualRevenue: { amount: 500_000_00, currency: "USD" } });
    await createContact(owner, { companyId: company.id, birthday: "1970-05-05" });
    await owner.request("PUT", "/api/v1/field-permissions", { object: "companies", field: "annualRevenue", hiddenFromRoles: ["member"] });
    const got = await member.request("GET", `/api/v1/companies/${company.id}`);
    expect(got.body).not.toHaveProperty("annualRevenue");
    expect((await member.request("GET", "/api/v1/companies")).body.data.some((row: object) => "annualRevenue" in row)).toBe(false);
    const people = await member.request("GET", `/api/v1/companies/${company.id}/contacts`);
    expect(people.status).toBe(200);
    expect(people.body.data[0]).not.toHaveProperty("birthday");
  });

  it("lets only admins and owners change it, and refuses fields that cannot be hidden", async () => {
    const denied = await member.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "birthday", hiddenFromRoles: [] });
    expect(denied.status).toBe(403);
    for (const [payload, field] of [
      [{ object: "contacts", field: "firstName", hiddenFromRoles: ["member"] }, "body.field"],
      [{ object: "contacts", field: "birthday", hiddenFromRoles: ["owner"] }, "body.hiddenFromRoles.0"],
      [{ object: "deals", field: "amount", hiddenFromRoles: [] }, "body.object"],
      [{ object: "contacts", field: "birthday", hiddenFromRoles: ["member", "member"] }, "body.hiddenFromRoles"],
    ] as const) {
      const response = await owner.request("PUT", "/api/v1/field-permissions", payload);
      expect(response.status, JSON.stringify(payload)).toBe(400);
      expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(field);
    }
  });

  it("keeps each workspace's settings to itself", async () => {
    const stranger = await signUpOwner(context.app);
    expect((await stranger.request("GET", "/api/v1/field-permissions")).body.data).toEqual([]);
    const strangerMember = await addMember(context.app, stranger, "member");
    const own = await createContact(stranger, { birthday: "2000-01-01" });
    expect((await strangerMember.request("GET", `/api/v1/contacts/${own.id}`)).body.birthday).toBe("2000-01-01");
  });
});
