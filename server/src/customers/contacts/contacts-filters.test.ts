import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "../../../../contracts/index.js";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createContact, signUpOwner } from "../../../../test/factories.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;
const people = {} as Record<"ada" | "bob" | "cyd" | "dee" | "eve", Contact>;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  people.ada = await createContact(owner, { firstName: "Ada", lifecycleStage: "lead", tags: ["vip", "eu"], birthday: "1990-01-15", emails: [{ address: "ada@analytical.example", primary: true }], phones: [{ number: "+44 20 7946 0958", primary: true }] });
  people.bob = await createContact(owner, { firstName: "Bob", lifecycleStage: "customer", tags: ["eu"], birthday: "1985-06-30", emails: [{ address: "bob@builder.example", primary: true }, { address: "robert@home.example" }] });
  people.cyd = await createContact(member, { firstName: "Cyd", lifecycleStage: "customer", tags: [], birthday: "2000-12-31", emails: [], phones: [{ number: "+1 415 555 0100", primary: true }] });
  people.dee = await createContact(owner, { firstName: "Dee", lifecycleStage: "churned", tags: ["vip"], birthday: null, ownerId: null, emails: [{ address: "dee@analytical.example", primary: true }] });
  people.eve = await createContact(member, { firstName: "Eve", lifecycleStage: "qualified", tags: ["us"], birthday: "1990-01-15", emails: [] });
});

/** The first names a filtered list returns, sorted by first name. */
async function find(query: string): Promise<string[]> {
  const response = await owner.request("GET", `/api/v1/contacts?sort=firstName&limit=200&${query}`);
  expect(response.status, `${query}: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body.data.map((contact: Contact) => contact.firstName);
}

describe("contact list filters", () => {
  it("lifecycleStage: eq, ne, in, isEmpty", async () => {
    expect(await find("filter[lifecycleStage][eq]=customer")).toEqual(["Bob", "Cyd"]);
    expect(await find("filter[lifecycleStage][ne]=customer")).toEqual(["Ada", "Dee", "Eve"]);
    expect(await find("filter[lifecycleStage][in]=lead,churned")).toEqual(["Ada", "Dee"]);
    expect(await find("filter[lifecycleStage][isEmpty]=false")).toEqual(["Ada", "Bob", "Cyd", "Dee", "Eve"]);
    expect(await find("filter[lifecycleStage][isEmpty]=true")).toEqual([]);
  });

  it("ownerId: eq, ne (including unowned), in, isEmpty", async () => {
    expect(await find(`filter[ownerId][eq]=${member.userId}`)).toEqual(["Cyd", "Eve"]);
    expect(await find(`filter[ownerId][ne]=${member.userId}`)).toEqual(["Ada", "Bob", "Dee"]);
    expect(await find(`filter[ownerId][in]=${owner.userId},${member.userId}`)).toEqual(["Ada", "Bob", "Cyd", "Eve"]);
    expect(await find("filter[ownerId][isEmpty]=true")).toEqual(["Dee"]);
    expect(await find("filter[ownerId][isEmpty]=false")).toEqual(["Ada", "Bob", "Cyd", "Eve"]);
  });

  it("tags: eq, contains, ne, in, isEmpty", async () => {
    expect(await find("filter[tags][eq]=vip")).toEqual(["Ada", "Dee"]);
    expect(await find("filter[tags][contains]=eu")).toEqual(["Ada", "Bob"]);
    expect(await find("filter[tags][ne]=vip")).toEqual(["Bob", "Cyd", "Eve"]);
    expect(await find("filter[tags][in]=us,vip")).toEqual(["Ada", "Dee", "Eve"]);
    expect(await find("filter[tags][isEmpty]=true")).toEqual(["Cyd"]);
    expect(await find("filter[tags][eq]=VIP")).toEqual([]);
  });

  it("email: eq on any address (case-insensitive), ne, in, contains, isEmpty", async () => {
    expect(await find("filter[email][eq]=ROBERT@home.example")).toEqual(["Bob"]);
    expect(await find("filter[email][ne]=bob@builder.example")).toEqual(["Ada", "Cyd", "Dee", "Eve"]);
    expect(await find("filter[email][in]=ada@analytical.example,dee@analytical.example")).toEqual(["Ada", "Dee"]);
    expect(await find("filter[email][contains]=ANALYTICAL")).toEqual(["Ada", "Dee"]);
    expect(await find("filter[email][isEmpty]=true")).toEqual(["Cyd", "Eve"]);
  });

  it("phone: eq in any written form, contains, isEmpty", async () => {
    expect(await find(`filter[phone][eq]=${encodeURIComponent("+44 20-7946-0958")}`)).toEqual(["Ada"]);
    expect(await find(`filter[phone][eq]=${encodeURIComponent("0044 20 7946 0958")}`)).toEqual(["Ada"]);
    expect(await find("filter[phone][contains]=4155550")).toEqual(["Cyd"]);
    expect(await find("filter[phone][isEmpty]=false")).toEqual(["Ada", "Cyd"]);
  });

  it("birthday: eq, lt, lte, gt, gte, isEmpty", async () => {
    expect(await find("filter[birthday][eq]=1990-01-15")).toEqual(["Ada", "Eve"]);
    expect(await find("filter[birthday][lt]=1990-01-15")).toEqual(["Bob"]);
    expect(await find("filter[birthday][lte]=1990-01-15")).toEqual(["Ada", "Bob", "Eve"]);
    expect(await find("filter[birthday][gt]=1990-01-15")).toEqual(["Cyd"]);
    expect(await find("filter[birthday][gte]=1985-06-30&filter[birthday][lt]=2000-01-01")).toEqual(["Ada", "Bob", "Eve"]);
    expect(await find("filter[birthday][isEmpty]=true")).toEqual(["Dee"]);
  });

  it("createdAt: gt, gte, lt, lte against a record's own timestamp", async () => {
    const all = Object.values(people);
    const pivot = people.cyd.createdAt;
    const expected = (keep: (at: string) => boolean) => all.filter((contact) => keep(contact.createdAt)).map((contact) => contact.firstName).sort();
    expect(await find(`filter[createdAt][gte]=${pivot}`)).toEqual(expected((at) => at >= pivot));
    expect(await find(`filter[createdAt][gte]=${pivot}`)).toContain("Cyd");
    expect(await find(`filter[createdAt][gt]=${pivot}`)).toEqual(expected((at) => at > pivot));
    expect(await find(`filter[createdAt][lt]=${pivot}`)).toEqual(expected((at) => at < pivot));
    expect(await find(`filter[createdAt][lte]=${pivot}`)).toEqual(expected((at) => at <= pivot));
    expect(await find("filter[createdAt][gt]=2999-01-01T00:00:00Z")).toEqual([]);
    expect(await find("filter[createdAt][lt]=2999-01-01T00:00:00Z")).toEqual(["Ada", "Bob", "Cyd", "Dee", "Eve"]);
  });

  it("firstName: contains ignores case; several filters all apply", async () => {
    expect(await find("filter[firstName][contains]=E")).toEqual(["Dee", "Eve"]);
    expect(await find("filter[firstName][eq]=Eve&filter[lifecycleStage][eq]=lead")).toEqual([]);
    expect(await find(`filter[tags][eq]=vip&filter[ownerId][eq]=${owner.userId}&filter[lifecycleStage][in]=lead,customer`)).toEqual(["Ada"]);
  });

  it("keep trashed contacts out unless the trash is asked for", async () => {
    const gone = await createContact(owner, { firstName: "Gus", tags: ["vip"] });
    await owner.request("DELETE", `/api/v1/contacts/${gone.id}`);
    expect(await find("filter[tags][eq]=vip")).toEqual(["Ada", "Dee"]);
    expect(await find("trash=true&filter[tags][eq]=vip")).toEqual(["Gus"]);
  });
});
