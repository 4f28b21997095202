import { describe, expect, it } from "vitest";
import { useTestApp } from "../../../../test/app.js";
import { createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();

describe("global search", () => {
  it("returns contacts and companies, an exact prefix ranked first", async () => {
    const owner = await signUpOwner(context.app);
    const annex = await createCompany(owner, { name: "Annex Logistics", domain: "annex.example" });
    const hosanna = await createCompany(owner, { name: "Hosanna Foods", domain: "hosanna.example" });
    await createCompany(owner, { name: "Unrelated Ltd", domain: "unrelated.example" });
    const joanne = await createContact(owner, { firstName: "Joanne", lastName: "Miller", emails: [] });
    const anna = await createContact(owner, { firstName: "Anna", lastName: "Karenina", emails: [{ address: "anna@rail.example", primary: true }], companyId: hosanna.id });
    await createContact(owner, { firstName: "Zed", lastName: "Nobody", emails: [] });

    const response = await owner.request("GET", "/api/v1/search?q=ann");
    expect(response.status).toBe(200);
    expect(response.body.companies).toEqual([
      { id: annex.id, name: "Annex Logistics", domain: "annex.example" },
      { id: hosanna.id, name: "Hosanna Foods", domain: "hosanna.example" },
    ]);
    expect(response.body.contacts.map((contact: { id: string }) => contact.id)).toEqual([anna.id, joanne.id]);
    expect(response.body.contacts[0]).toEqual({ id: anna.id, name: "Anna Karenina", email: "anna@rail.example", companyName: "Hosanna Foods" });
    expect(response.body.contacts[1]).toEqual({ id: joanne.id, name: "Joanne Miller", email: null, companyName: null });
  });

  it("finds a contact by e-mail and by company name, case-insensitively", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner, { name: "Wayne Enterprises" });
    const bruce = await createContact(owner, { firstName: "Bruce", lastName: "W", emails: [{ address: "bruce@batcave.example", primary: true }], companyId: company.id });
    expect((await owner.request("GET", "/api/v1/search?q=BATCAVE")).body.contacts.map((c: { id: string }) => c.id)).toEqual([bruce.id]);
    const byCompany = await owner.request("GET", "/api/v1/search?q=wayne");
    expect(byCompany.body.contacts.map((c: { id: string }) => c.id)).toEqual([bruce.id]);
    expect(byCompany.body.companies.map((c: { id: string }) => c.id)).toEqual([company.id]);
  });

  it("leaves out the trash and respects the limit", async () => {
    const owner = await signUpOwner(context.app);
    for (let index = 0; index < 5; index++) await createContact(owner, { firstName: `Petra${index}` });
    const trashed = await createContact(owner, { firstName: "Petra-trashed" });
    await owner.request("DELETE", `/api/v1/contacts/${trashed.id}`);
    const limited = await owner.request("GET", "/api/v1/search?q=petra&limit=3");
    expect(limited.body.contacts).toHaveLength(3);
    const all = await owner.request("GET", "/api/v1/search?q=petra&limit=50");
    expect(all.body.contacts).toHaveLength(5);
    expect(all.body.contacts.map((c: { id: string }) => c.id)).not.toContain(trashed.id);
    expect((await owner.request("GET", "/api/v1/search?q=petra&limit=51")).status).toBe(400);
  });

  it("answers with empty lists when nothing matches", async () => {
    const owner = await signUpOwner(context.app);
    await createContact(owner, { firstName: "Quentin" });
    expect((await owner.request("GET", "/api/v1/search?q=xyzzy")).body).toEqual({ contacts: [], companies: [] });
  });
});
