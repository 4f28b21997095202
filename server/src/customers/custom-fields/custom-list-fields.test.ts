import { beforeAll, describe, expect, it } from "vitest";
import type { Company, Contact } from "../../../../contracts/index.js";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  const fields = [
    { key: "score", label: "Score", type: "number" },
    { key: "nickname", label: "Nickname", type: "text" },
    { key: "budget", label: "Budget", type: "money" },
    { key: "renewal", label: "Renewal", type: "date" },
    { key: "vip", label: "VIP", type: "boolean" },
    { key: "tier", label: "Tier", type: "single_select", options: [{ value: "gold", label: "Gold" }, { value: "silver", label: "Silver" }] },
    { key: "channels", label: "Channels", type: "multi_select", options: [{ value: "email", label: "E-mail" }, { value: "phone", label: "Phone" }] },
    { key: "billing_email", label: "Billing e-mail", type: "email" },
    { key: "mobile", label: "Mobile", type: "phone" },
    { key: "champion", label: "Champion", type: "member" },
  ];
  for (const field of fields) await owner.request("POST", "/api/v1/custom-fields", { object: "contact", ...field });
  const people: [string, Record<string, unknown>][] = [
    ["Ada", { score: 10, nickname: "Countess", budget: { amount: 5000, currency: "GBP" }, renewal: "2027-01-15", vip: true, tier: "gold", channels: ["email", "phone"], billing_email: "ada@example.com", mobile: "+44 20 7946 0958", champion: member.userId }],
    ["Bob", { score: 2.5, nickname: "Builder", budget: { amount: 100, currency: "GBP" }, renewal: "2026-06-30", vip: false, tier: "silver", channels: ["phone"] }],
    ["Cyd", { score: 10, tier: "gold" }],
    ["Dee", {}],
  ];
  for (const [firstName, custom] of people) await createContact(owner, { firstName, custom });
});

async function find(query: string): Promise<string[]> {
  const response = await owner.request("GET", `/api/v1/contacts?sort=firstName&limit=200&${query}`);
  expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body.data.map((contact: Contact) => contact.firstName);
}

describe("filters on custom fields", () => {
  it("number and money: eq, ne, lt, gte, in, isEmpty", async () => {
    expect(await find("filter[custom.score][eq]=10")).toEqual(["Ada", "Cyd"]);
    expect(await find("filter[custom.score][eq]=10.0")).toEqual(["Ada", "Cyd"]);
    expect(await find("filter[custom.score][ne]=10")).toEqual(["Bob", "Dee"]);
    expect(await find("filter[custom.score][lt]=10")).toEqual(["Bob"]);
    expect(await find("filter[custom.score][gte]=2.5")).toEqual(["Ada", "Bob", "Cyd"]);
    expect(await find("filter[custom.score][in]=2.5,7")).toEqual(["Bob"]);
    expect(await find("filter[custom.score][isEmpty]=true")).toEqual(["Dee"]);
    expect(await find("filter[custom.budget][gt]=1000")).toEqual(["Ada"]);
    expect(await find("filter[custom.budget][eq]=100")).toEqual(["Bob"]);
  });

  it("text, e-mail and phone: eq (exact, normalised), contains, isEmpty", async () => {
    expect(await find("filter[custom.nickname][eq]=Builder")).toEqual(["Bob"]);
    expect(await find("filter[custom.nickname][eq]=builder")).toEqual([]);
    expect(await find("filter[custom.nickname][contains]=UNT")).toEqual(["Ada"]);
    expect(await find("filter[custom.nickname][isEmpty]=true")).toEqual(["Cyd", "Dee"]);
    expect(await find("filter[custom.billing_email][eq]=ADA@example.com")).toEqual(["Ada"]);
    expect(await find(`filter[custom.mobile][eq]=${encodeURIComponent("+44 (20) 7946-0958")}`)).toEqual(["Ada"]);
  });

  it("date, boolean, select, multi-select and member", async () => {
    expect(await find("filter[custom.renewal][lt]=2027-01-01")).toEqual(["Bob"]);
    expect(await find("filter[custom.renewal][eq]=2027-01-15")).toEqual(["Ada"]);
    expect(await find("filter[custom.vip][eq]=false")).toEqual(["Bob"]);
    expect(await find("filter[custom.vip][isEmpty]=true")).toEqual(["Cyd", "Dee"]);
    expect(await find("filter[custom.tier][in]=gold,silver")).toEqual(["Ada", "Bob", "Cyd"]);
    expect(await find("filter[custom.tier][ne]=gold")).toEqual(["Bob", "Dee"]);
    expect(await find("filter[custom.channels][eq]=phone")).toEqual(["Ada", "Bob"]);
    expect(await find("filter[custom.channels][ne]=email")).toEqual(["Bob", "Cyd", "Dee"]);
    expect(await find("filter[custom.channels][isEmpty]=true")).toEqual(["Cyd", "Dee"]);
    expect(await find(`filter[custom.champion][eq]=${member.userId}`)).toEqual(["Ada"]);
    expect(await find(`filter[custom.score][eq]=10&filter[custom.tier][eq]=gold&filter[firstName][ne]=Ada`)).toEqual(["Cyd"]);
  });

  it("refuses bad filter values and operators with 400 naming the filter", async () => {
    const cases: [string, string][] = [
      ["filter[custom.score][eq]=twelve", "filter.custom.score.eq"],
      ["filter[custom.score][contains]=1", "filter.custom.score.contains"],
      ["filter[custom.renewal][gt]=tomorrow", "filter.custom.renewal.gt"],
      ["filter[custom.tier][eq]=bronze", "filter.custom.tier.eq"],
      ["filter[custom.vip][eq]=yes", "filter.custom.vip.eq"],
      ["filter[custom.champion][eq]=nobody", "filter.custom.champion.eq"],
      ["filter[custom.channels][gt]=a", "filter.custom.channels.gt"],
      ["filter[custom.nope][eq]=1", "filter.custom.nope"],
      ["sort=custom.channels", "sort"],
      ["sort=custom.nope", "sort"],
    ];
    for (const [query, path] of cases) {
      const response = await owner.request("GET", `/api/v1/contacts?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.errors[0].path, query).toBe(path);
    }
  });
});

describe("sorts on custom fields", () => {
  it("sorts by number, text, date and select with nulls last and pages with a cursor", async () => {
    const sorted = async (sort: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { data: Contact[]; nextCursor: string | null } } = await owner.request("GET", `/api/v1/contacts?limit=1&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        names.push(...page.body.data.map((contact) => contact.firstName));
        cursor = page.body.nextCursor;
      } while (cursor);
      return names;
    };
    expect(await sorted("custom.score,firstName")).toEqual(["Bob", "Ada", "Cyd", "Dee"]);
    expect(await sorted("-custom.score,firstName")).toEqual(["Ada", "Cyd", "Bob", "Dee"]);
    expect(await sorted("custom.nickname")).toEqual(["Bob", "Ada", expect.any(String), expect.any(String)]);
    expect(await sorted("custom.renewal,firstName")).toEqual(["Bob", "Ada", "Cyd", "Dee"]);
    expect(await sorted("-custom.budget")).toEqual(["Ada", "Bob", expect.any(String), expect.any(String)]);
    expect(await sorted("custom.vip,firstName")).toEqual(["Bob", "Ada", "Cyd", "Dee"]);
    expect(await sorted("custom.tier,firstName")).toEqual(["Ada", "Cyd", "Bob", "Dee"]);
  });

  it("filters and sorts companies by their own custom fields", async () => {
    await owner.request("POST", "/api/v1/custom-fields", { object: "company", key: "seats", label: "Seats", type: "number" });
    await createCompany(owner, { name: "Small", custom: { seats: 5 } });
    await createCompany(owner, { name: "Large", custom: { seats: 500 } });
    const response = await owner.request("GET", "/api/v1/companies?filter[custom.seats][gte]=1&sort=-custom.seats");
    expect(response.status).toBe(200);
    expect(response.body.data.map((company: Company) => company.name)).toEqual(["Large", "Small"]);
    expect((await owner.request("GET", "/api/v1/companies?filter[custom.seats][eq]=5")).body.data.map((company: Company) => company.name)).toEqual(["Small"]);
    expect((await owner.request("GET", "/api/v1/companies?filter[custom.score][eq]=10")).status).toBe(400);
  });
});
