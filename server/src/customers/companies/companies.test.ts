import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { buildCompany, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
const ids = (body: { data: { id: string }[] }) => body.data.map((row) => row.id);
const names = (body: { data: { name: string }[] }) => body.data.map((row) => row.name);

describe("companies", () => {
  it("creates, reads, updates and lists a company", async () => {
    const owner = await signUpOwner(context.app);
    const created = await owner.request("POST", "/api/v1/companies", {
      name: "  Globex  ",
      domain: "globex.example",
      industry: "Energy",
      employeeCount: 250,
      annualRevenue: { amount: 1_250_000_00, currency: "EUR" },
      address: { city: "Cypress Creek", country: "US" },
      tags: ["enterprise"],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Globex",
      employeeCount: 250,
      annualRevenue: { amount: 125_000_000, currency: "EUR" },
      ownerId: owner.userId,
      owner: { id: owner.userId, name: "Olivia Owner" },
      contactCount: 0,
      deletedAt: null,
    });
    const updated = await owner.request("PATCH", `/api/v1/companies/${created.body.id}`, { industry: null, annualRevenue: null, tags: [] });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: "Globex", industry: null, annualRevenue: null, tags: [], employeeCount: 250 });
    const fetched = await owner.request("GET", `/api/v1/companies/${created.body.id}`);
    expect(fetched.body).toEqual(updated.body);
    expect(ids((await owner.request("GET", "/api/v1/companies")).body)).toEqual([created.body.id]);
    const history = await owner.request("GET", `/api/v1/audit?entityType=company&entityId=${created.body.id}`);
    expect(history.body.data.map((entry: { action: string }) => entry.action)).toEqual(["update", "create"]);
  });

  it("keeps money as integer minor units and refuses fractions", async () => {
    const owner = await signUpOwner(context.app);
    const before = await countRows(context.database, "companies");
    for (const [annualRevenue, path] of [
      [{ amount: 99.5, currency: "USD" }, "body.annualRevenue.amount"],
      [{ amount: -1, currency: "USD" }, "body.annualRevenue.amount"],
      [{ amount: "100", currency: "USD" }, "body.annualRevenue.amount"],
      [{ amount: 100, currency: "usd" }, "body.annualRevenue.currency"],
      [{ amount: 100 }, "body.annualRevenue.currency"],
    ] as const) {
      const response = await owner.request("POST", "/api/v1/companies", buildCompany({ annualRevenue: annualRevenue as never }));
      expect(response.status, JSON.stringify(annualRevenue)).toBe(400);
      expect(response.body.errors[0].path).toBe(path);
    }
    expect(await countRows(context.database, "companies")).toBe(before);
    const big = await createCompany(owner, { annualRevenue: { amount: 9_007_199_254_740_991, currency: "JPY" } });
    expect((await owner.request("GET", `/api/v1/companies/${big.id}`)).body.annualRevenue).toEqual({ amount: 9_007_199_254_740_991, currency: "JPY" });
  });

  it("normalises domains and refuses what is not one", async () => {
    const owner = await signUpOwner(context.app);
    for (const [input, stored] of [
      ["https://www.Example.COM/about?x=1", "example.com"],
      ["http://shop.example.co.uk", "shop.example.co.uk"],
      ["  WWW.Acme.io  ", "acme.io"],
    ]) {
      expect((await createCompany(owner, { domain: input })).domain, input).toBe(stored);
    }
    for (const input of ["not a domain", "localhost", "-bad.example", "exa mple.com"]) {
      const response = await owner.request("POST", "/api/v1/companies", buildCompany({ domain: input }));
      expect(response.status, input).toBe(400);
      expect(response.body.errors[0].path).toBe("body.domain");
    }
  });

  it("lists a company's contacts and counts only live ones", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner);
    const other = await createCompany(owner);
    const first = await createContact(owner, { companyId: company.id, lastName: "Alpha" });
    const second = await createContact(owner, { companyId: company.id, lastName: "Beta" });
    const gone = await createContact(owner, { companyId: company.id, lastName: "Gamma" });
    await createContact(owner, { companyId: other.id });
    await owner.request("DELETE", `/api/v1/contacts/${gone.id}`);
    const page = await owner.request("GET", `/api/v1/companies/${company.id}/contacts?sort=lastName`);
    expect(page.status).toBe(200);
    expect(ids(page.body)).toEqual([first.id, second.id]);
    expect(page.body.data[0].company).toEqual({ id: company.id, name: company.name });
    expect((await owner.request("GET", `/api/v1/companies/${company.id}`)).body.contactCount).toBe(2);
    const list = await owner.request("GET", `/api/v1/companies?sort=name&filter[name][eq]=${encodeURIComponent(company.name)}`);
    expect(list.body.data[0].contactCount).toBe(2);
    expect((await owner.request("GET", "/api/v1/companies/0190b0a0-0000-7000-8000-000000000000/contacts")).status).toBe(404);
  });

  it("moves to the trash and back; purge from the trash keeps the contacts but unlinks them", async () => {
    const owner = await signUpOwner(context.app);
    const company = await createCompany(owner);
    const contact = await createContact(owner, { companyId: company.id });
    expect((await owner.request("DELETE", `/api/v1/companies/${company.id}/purge`)).status).toBe(409);
    expect((await owner.request("DELETE", `/api/v1/companies/${company.id}`)).status).toBe(204);
    expect((await owner.request("GET", `/api/v1/companies/${company.id}`)).status).toBe(404);
    expect(ids((await owner.request("GET", "/api/v1/companies")).body)).toEqual([]);
    expect(ids((await owner.request("GET", "/api/v1/companies?trash=true")).body)).toEqual([company.id]);
    const linkToTrashed = await owner.request("POST", "/api/v1/contacts", { firstName: "Late", companyId: company.id });
    expect(linkToTrashed.status).toBe(400);
    expect(linkToTrashed.body.errors[0].path).toBe("body.companyId");

    const restored = await owner.request("POST", `/api/v1/companies/${company.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ deletedAt: null, contactCount: 1 });
    expect((await owner.request("POST", `/api/v1/companies/${company.id}/restore`)).status).toBe(409);

    await owner.request("DELETE", `/api/v1/companies/${company.id}`);
    expect((await owner.request("DELETE", `/api/v1/companies/${company.id}/purge`)).status).toBe(204);
    expect(await countRows(context.database, "companies", sql`id = ${company.id}`)).toBe(0);
    const orphan = await owner.request("GET", `/api/v1/contacts/${contact.id}`);
    expect(orphan.status).toBe(200);
    expect(orphan.body).toMatchObject({ companyId: null, company: null });
    expect((await owner.request("GET", "/api/v1/companies?trash=true")).body.data).toEqual([]);
    const history = await owner.request("GET", `/api/v1/audit?entityType=company&entityId=${company.id}`);
    expect(history.body.data[0].action).toBe("hard_delete");
  });

  it("filters on employeeCount, annualRevenue and tags", async () => {
    const owner = await signUpOwner(context.app);
    const small = await createCompany(owner, { name: "Small", employeeCount: 10, annualRevenue: { amount: 50_000_00, currency: "USD" }, tags: ["smb"] });
    const mid = await createCompany(owner, { name: "Mid", employeeCount: 200, annualRevenue: { amount: 5_000_000_00, currency: "USD" }, tags: ["smb", "growth"] });
    const large = await createCompany(owner, { name: "Large", employeeCount: 5000, annualRevenue: { amount: 900_000_000_00, currency: "USD" }, tags: ["enterprise"] });
    const unknown = await createCompany(owner, { name: "Unknown", employeeCount: null, tags: [] });
    const query = async (filter: string) => {
      const response = await owner.request("GET", `/api/v1/companies?sort=name&${filter}`);
      expect(response.status, filter).toBe(200);
      return ids(response.body);
    };
    expect(await query("filter[employeeCount][gte]=200")).toEqual([large.id, mid.id]);
    expect(await query("filter[employeeCount][lt]=200")).toEqual([small.id]);
    expect(await query("filter[employeeCount][isEmpty]=true")).toEqual([unknown.id]);
    expect(await query("filter[employeeCount][in]=10,5000")).toEqual([large.id, small.id]);
    expect(await query("filter[annualRevenue][gt]=100000000")).toEqual([large.id, mid.id]);
    expect(await query("filter[annualRevenue][lte]=5000000&filter[employeeCount][gte]=1")).toEqual([small.id]);
    expect(await query("filter[tags][eq]=smb")).toEqual([mid.id, small.id]);
    expect(await query("filter[tags][in]=growth,enterprise")).toEqual([large.id, mid.id]);
    expect(await query("filter[tags][ne]=smb")).toEqual([large.id, unknown.id]);
    expect(await query("filter[tags][isEmpty]=true")).toEqual([unknown.id]);
  });

  it("sorts by name in either direction and pages with a cursor without repeats or gaps", async () => {
    const owner: Actor = await signUpOwner(context.app);
    const letters = ["Delta", "alpha", "Echo", "Charlie", "Bravo", "Foxtrot", "Golf"];
    for (const name of letters) await createCompany(owner, { name });
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/api/v1/companies?limit=3&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`;
        const page: { status: number; body: { data: { name: string }[]; nextCursor: string | null } } = await owner.request("GET", url);
        expect(page.status).toBe(200);
        seen.push(...names(page.body));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      return seen;
    };
    const ascending = await walk("name");
    expect(ascending).toHaveLength(letters.length);
    expect(new Set(ascending).size).toBe(letters.length);
    expect(await walk("-name")).toEqual([...ascending].reverse());
  });
});
