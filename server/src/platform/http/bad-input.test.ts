import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows, databaseFingerprint } from "../../../../test/db.js";
import { buildContact, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let contact: { id: string };

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  contact = await createContact(owner, { firstName: "Grace", lastName: "Hopper", tags: ["navy"] });
  await createCompany(owner, { name: "Harvard Mark I" });
});

/** Every refusal is problem+json naming what was wrong, and leaves the database as it was. */
async function expectProblem(response: { status: number; body: any; headers: Record<string, unknown> }, status: number, path?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers["content-type"]).toContain("application/problem+json");
  expect(response.body).toMatchObject({ type: "about:blank", status, title: expect.any(String), detail: expect.any(String) });
  if (path) expect(response.body.errors.map((error: { path: string }) => error.path).join(" ")).toContain(path);
}

async function send(method: "POST" | "PATCH", url: string, payload: string, contentType = "application/json") {
  const response = await context.app.inject({ method, url, payload, headers: { ...owner.headers, "content-type": contentType } });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

describe("bad request bodies", () => {
  it("answers 400 to malformed JSON and writes nothing", async () => {
    const before = await databaseFingerprint(context.database);
    await expectProblem(await send("POST", "/api/v1/contacts", '{"firstName": "Ada",'), 400);
    await expectProblem(await send("PATCH", `/api/v1/contacts/${contact.id}`, "{'firstName': 'x'}"), 400);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("answers 413 to a 10 MB body", async () => {
    const before = await countRows(context.database, "contacts");
    const response = await send("POST", "/api/v1/contacts", JSON.stringify(buildContact({ notes: "x".repeat(10 * 1024 * 1024) })));
    await expectProblem(response, 413);
    expect(await countRows(context.database, "contacts")).toBe(before);
  });

  it.each([
    ["an unknown field", { ...buildContact(), bogus: 1 }, "body.bogus"],
    ["a nested unknown field", { ...buildContact(), address: { city: "Paris", planet: "Mars" } }, "body.address.planet"],
    ["a number for a name", { ...buildContact(), firstName: 42 }, "body.firstName"],
    ["an empty name", { ...buildContact(), firstName: "  " }, "body.firstName"],
    ["a string for tags", { ...buildContact(), tags: "vip" }, "body.tags"],
    ["an unknown stage", { ...buildContact(), lifecycleStage: "king" }, "body.lifecycleStage"],
    ["a bad birthday", { ...buildContact(), birthday: "31/12/1990" }, "body.birthday"],
    ["a bad e-mail", { ...buildContact(), emails: [{ address: "not-an-email" }] }, "body.emails.0.address"],
    ["a bad phone", { ...buildContact(), phones: [{ number: "12345" }] }, "body.phones.0.number"],
    ["two primary e-mails", { ...buildContact(), emails: [{ address: "a@example.com", primary: true }, { address: "b@example.com", primary: true }] }, "body.emails"],
    ["a bad companyId", { ...buildContact(), companyId: "acme" }, "body.companyId"],
    ["a prototype key", JSON.parse('{"firstName": "Ada", "__proto__": {"isAdmin": true}}'), undefined],
    ["a constructor.prototype key", JSON.parse('{"firstName": "Ada", "constructor": {"prototype": {"isAdmin": true}}}'), undefined],
  ])("refuses %s with 400 naming the field and writes nothing", async (_name, payload, path) => {
    const before = await databaseFingerprint(context.database);
    await expectProblem(await send("POST", "/api/v1/contacts", JSON.stringify(payload)), 400, path);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("refuses bad fields on update too, leaving the record as it was", async () => {
    const before = await databaseFingerprint(context.database);
    await expectProblem(await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { emails: [{ address: "x@" }] }), 400, "body.emails.0.address");
    await expectProblem(await owner.request("PATCH", `/api/v1/contacts/${contact.id}`, { firstName: null }), 400, "body.firstName");
    await expectProblem(await owner.request("PATCH", `/api/v1/companies/${contact.id}`, { annualRevenue: { amount: 1.5, currency: "USD" } }), 400, "body.annualRevenue.amount");
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("answers 400, not 500, to text with a NUL character", async () => {
    const before = await databaseFingerprint(context.database);
    await expectProblem(await owner.request("POST", "/api/v1/contacts", buildContact({ firstName: "Nul\u0000l" })), 400);
    await expectProblem(await owner.request("POST", "/api/v1/contacts", buildContact({ address: { city: "\u0000" } })), 400);
    await expectProblem(await owner.request("GET", "/api/v1/contacts?q=%00"), 400);
    expect(await databaseFingerprint(context.database)).toEqual(before);
  });

  it("answers 415 to a body that is not JSON", async () => {
    const response = await context.app.inject({ method: "POST", url: "/api/v1/contacts", payload: "firstName=Ada", headers: { ...owner.headers, "content-type": "application/x-www-form-urlencoded" } });
    expect(response.statusCode).toBe(415);
    expect(response.headers["content-type"]).toContain("application/problem+json");
  });
});

describe("bad paths and query strings", () => {
  it.each([
    ["/api/v1/contacts/not-a-uuid", "params.id"],
    ["/api/v1/companies/123/contacts", "params.id"],
    ["/api/v1/contacts?limit=500", "querystring.limit"],
    ["/api/v1/contacts?limit=0", "querystring.limit"],
    ["/api/v1/contacts?limit=ten", "querystring.limit"],
    ["/api/v1/contacts?bogus=1", "querystring.bogus"],
    ["/api/v1/contacts?trash=maybe", "querystring.trash"],
    ["/api/v1/contacts?cursor=garbage", "cursor"],
    [`/api/v1/contacts?cursor=${Buffer.from(JSON.stringify(["x", "y", "z"])).toString("base64url")}`, "cursor"],
    [`/api/v1/contacts?sort=lastName&cursor=${Buffer.from(JSON.stringify([1, "not-a-uuid"])).toString("base64url")}`, "cursor"],
    ["/api/v1/audit?entityType=contact&entityId=0190b0a0-0000-7000-8000-000000000000&cursor=garbage", "cursor"],
    [`/api/v1/audit?entityType=contact&entityId=0190b0a0-0000-7000-8000-000000000000&cursor=${Buffer.from('["2024-01-01T00:00:00Z","x"]').toString("base64url")}`, "cursor"],
    ["/api/v1/contacts?sort=password", "sort"],
    ["/api/v1/contacts?sort=lastName,lastName", "sort"],
    ["/api/v1/contacts?sort=ownerId", "sort"],
    ["/api/v1/contacts?filter[password][eq]=x", "filter.password"],
    ["/api/v1/contacts?filter[__proto__][eq]=x", "filter[__proto__][eq]"],
    ["/api/v1/contacts?filter[firstName][__proto__]=x", "filter[firstName][__proto__]"],
    ["/api/v1/contacts?filter[constructor][eq]=x", "filter.constructor"],
    ["/api/v1/contacts?filter[firstName][like]=x", "filter.firstName.like"],
    ["/api/v1/contacts?filter[lifecycleStage][contains]=le", "filter.lifecycleStage.contains"],
    ["/api/v1/contacts?filter[lifecycleStage][eq]=king", "filter.lifecycleStage.eq"],
    ["/api/v1/contacts?filter[birthday][gt]=yesterday", "filter.birthday.gt"],
    ["/api/v1/contacts?filter[createdAt][gt]=not-a-date", "filter.createdAt.gt"],
    ["/api/v1/contacts?filter[ownerId][eq]=me", "filter.ownerId.eq"],
    ["/api/v1/contacts?filter[tags][isEmpty]=maybe", "filter.tags.isEmpty"],
    ["/api/v1/contacts?filter[email][gt]=a", "filter.email.gt"],
    ["/api/v1/companies?filter[employeeCount][gt]=many", "filter.employeeCount.gt"],
    ["/api/v1/companies?filter[employeeCount][in]=1,,x", "filter.employeeCount.in"],
    ["/api/v1/contacts?filter=x", "querystring.filter"],
    ["/api/v1/search?q=", "querystring.q"],
    ["/api/v1/views?object=tickets", "querystring.object"],
  ])("GET %s answers 400 naming %s", async (url, path) => {
    await expectProblem(await owner.request("GET", url), 400, path);
  });

  it("answers 404 problem+json to an unknown route", async () => {
    await expectProblem(await owner.request("GET", "/api/v1/tickets"), 404);
  });
});

describe("hostile strings", () => {
  const hostile = ["'; drop table contacts; --", "%", "_", "\\", "%_\\", '"quoted"', "Robert'); DELETE FROM companies;--", "a,b", "{vip}", "\u0000", "\u202e\ud83d\ude00"];

  it.each(hostile)("treats %j literally in q=, filters and search, never answering 500", async (value) => {
    const encoded = encodeURIComponent(value);
    for (const url of [
      `/api/v1/contacts?q=${encoded}`,
      `/api/v1/companies?q=${encoded}`,
      `/api/v1/search?q=${encoded}`,
      `/api/v1/contacts?filter[firstName][contains]=${encoded}`,
      `/api/v1/contacts?filter[lastName][eq]=${encoded}`,
      `/api/v1/contacts?filter[source][in]=${encoded}`,
      `/api/v1/contacts?filter[email][contains]=${encoded}`,
      `/api/v1/contacts?filter[phone][eq]=${encoded}`,
      `/api/v1/contacts?filter[tags][in]=${encoded}`,
      `/api/v1/contacts?filter[tags][eq]=${encoded}`,
      `/api/v1/companies?filter[domain][contains]=${encoded}`,
    ]) {
      const response = await owner.request("GET", url);
      expect([200, 400], `${url}: ${JSON.stringify(response.body)}`).toContain(response.status);
      if (response.status === 200) expect(response.body.data ?? response.body.contacts, url).toEqual([]);
    }
    expect(await countRows(context.database, "contacts")).toBeGreaterThan(0);
    expect(await countRows(context.database, "companies")).toBeGreaterThan(0);
  });

  it("matches % and _ only where the text has them", async () => {
    const percent = await createContact(owner, { firstName: "Hundred%", lastName: "Under_score" });
    for (const q of ["%", "_", "d%", "r_s"]) {
      const found = await owner.request("GET", `/api/v1/contacts?q=${encodeURIComponent(q)}`);
      expect(found.body.data.map((row: { id: string }) => row.id), q).toEqual([percent.id]);
    }
    const filtered = await owner.request("GET", `/api/v1/contacts?filter[firstName][contains]=${encodeURIComponent("%")}`);
    expect(filtered.body.data.map((row: { id: string }) => row.id)).toEqual([percent.id]);
  });

  it("stores hostile text as written", async () => {
    const name = "'; drop table contacts; --";
    const created = await createContact(owner, { firstName: name, tags: ['a"b', "c\\d", "{e}"] });
    const fetched = await owner.request("GET", `/api/v1/contacts/${created.id}`);
    expect(fetched.body).toMatchObject({ firstName: name, tags: ['a"b', "c\\d", "{e}"] });
    const byTag = await owner.request("GET", `/api/v1/contacts?filter[tags][in]=${encodeURIComponent('a"b,zzz')}`);
    expect(byTag.body.data.map((row: { id: string }) => row.id)).toEqual([created.id]);
  });
});
