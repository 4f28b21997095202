import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { addMember, createApiKeyActor, createCompany, createContact, signUpOwner } from "../../../../test/factories.js";
import { multipartBody } from "../../../../test/uploads.js";

const context = useTestApp({ PILLAR_IMPORT_CHUNK_ROWS: "3" });
let owner: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
});

const unique = () => Math.random().toString(36).slice(2, 10);

async function post(actor: Actor, url: string, content: Buffer | string, fields: Record<string, string>) {
  const { payload, contentType } = multipartBody(fields, [{ name: "people.csv", contentType: "text/csv", content }]);
  const response = await context.app.inject({ method: "POST", url, payload, headers: { ...actor.headers, "content-type": contentType } });
  return { status: response.statusCode, body: String(response.headers["content-type"]).includes("json") ? response.json() : response.body };
}

/** Starts an import and waits for its job to finish. */
async function runImport(actor: Actor, content: Buffer | string, fields: Record<string, string> = {}) {
  const started = await post(actor, "/api/v1/imports", content, { object: "contact", ...fields });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return eventually(async () => {
    const status = await actor.request("GET", `/api/v1/imports/${started.body.id}`);
    return ["done", "failed"].includes(status.body.status) ? status.body : undefined;
  });
}

async function errorsCsv(actor: Actor, id: string) {
  const response = await context.app.inject({ method: "GET", url: `/api/v1/imports/${id}/errors`, headers: actor.headers });
  expect(response.headers["content-type"]).toContain("text/csv");
  return response.body.replace(/^\ufeff/, "");
}

describe("CSV imports", () => {
  it("imports good rows, keeps bad ones out with their reason, and links companies by domain or name", async () => {
    const tag = unique();
    const existing = await createCompany(owner, { name: `Existing ${tag}`, domain: `existing-${tag}.example.com` });
    const csv = [
      "\ufeffFirst name;Last name;Email;Company;Company domain;Tags",
      `Ada;Lovelace;ada-${tag}@example.com;Whatever;existing-${tag}.example.com;vip, imported`,
      `Grace;Hopper;not-an-email;;;`,
      `Alan;"Turing;alan-${tag}@example.com;;;`,
      `Edsger;Dijkstra;edsger-${tag}@example.com;New Co ${tag};;`,
      `Barbara;Liskov;barbara-${tag}@example.com;new co ${tag};;`,
    ].join("\r\n");
    const result = await runImport(owner, csv);
    expect(result).toMatchObject({ status: "done", encoding: "utf-8", delimiter: ";", total: 5, processed: 5, created: 3, updated: 0, skipped: 0, failed: 2, companiesCreated: 1 });

    const ada = (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=ada-${tag}@example.com`)).body.data[0];
    expect(ada).toMatchObject({ firstName: "Ada", lastName: "Lovelace", companyId: existing.id, tags: ["vip", "imported"], ownerId: owner.userId });
    const edsger = (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=edsger-${tag}@example.com`)).body.data[0];
    const barbara = (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=barbara-${tag}@example.com`)).body.data[0];
    expect(edsger.company.name).toBe(`New Co ${tag}`);
    expect(barbara.companyId).toBe(edsger.companyId);

    const errors = (await errorsCsv(owner, result.id)).trim().split("\r\n");
    expect(errors[0]).toBe("First name,Last name,Email,Company,Company domain,Tags,reason");
    expect(errors[1]).toBe("Grace,Hopper,not-an-email,,,,email: must be a valid e-mail address");
    expect(errors[2]).toContain("broken quoting");
    expect(await countRows(context.database, "audit_log", sql`entity_id = ${ada.id} and action = 'create'`)).toBe(1);
  });

  it("reads Windows-1252 with tabs and maps columns by a sent mapping, custom fields included", async () => {
    const tag = unique();
    const field = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: `score_${tag}`, label: "Score", type: "number" });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    const csv = Buffer.from(`Vorname\tNachname\tMail\tPunkte\nJürgen\tMüller\tjuergen-${tag}@example.com\t1.234,5\n`, "latin1");
    const result = await runImport(owner, csv, { mapping: JSON.stringify({ Mail: "email", Punkte: `custom.score_${tag}` }) });
    expect(result).toMatchObject({ status: "done", encoding: "windows-1252", delimiter: "\t", created: 1, failed: 0 });
    const contact = (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=juergen-${tag}@example.com`)).body.data[0];
    expect(contact).toMatchObject({ firstName: "Jürgen", lastName: "Müller", custom: { [`score_${tag}`]: 1234.5 } });
  });

  it("skips or updates duplicates by e-mail, and undo puts everything back", async () => {
    const tag = unique();
    const existing = await createContact(owner, { firstName: "Old", lastName: "Name", emails: [{ address: `dupe-${tag}@example.com`, primary: true }], jobTitle: "Clerk" });
    const csv = `first_name,last_name,email,job title\nNew,Name,dupe-${tag}@example.com,Director\nFresh,Person,fresh-${tag}@example.com,\nFresh,Again,fresh-${tag}@example.com,CEO\n`;

    const skipped = await runImport(owner, csv, { onDuplicate: "skip" });
    expect(skipped).toMatchObject({ created: 1, updated: 0, skipped: 2 });
    expect((await owner.request("GET", `/api/v1/contacts/${existing.id}`)).body.jobTitle).toBe("Clerk");
    expect((await owner.request("POST", `/api/v1/imports/${skipped.id}/undo`)).status).toBe(200);

    const updated = await runImport(owner, csv, { onDuplicate: "update" });
    expect(updated).toMatchObject({ created: 1, updated: 2, skipped: 0, failed: 0 });
    expect((await owner.request("GET", `/api/v1/contacts/${existing.id}`)).body).toMatchObject({ firstName: "New", jobTitle: "Director" });
    const fresh = (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=fresh-${tag}@example.com`)).body.data;
    expect(fresh).toHaveLength(1);
    expect(fresh[0]).toMatchObject({ lastName: "Again", jobTitle: "CEO" });

    const undone = await owner.request("POST", `/api/v1/imports/${updated.id}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.status).toBe("undone");
    expect((await owner.request("GET", `/api/v1/contacts/${existing.id}`)).body).toMatchObject({ firstName: "Old", jobTitle: "Clerk" });
    expect((await owner.request("GET", `/api/v1/contacts?filter[email][eq]=fresh-${tag}@example.com`)).body.data).toEqual([]);
    expect((await owner.request("POST", `/api/v1/imports/${updated.id}/undo`)).status).toBe(409);
  });

  it("imports companies and upserts them by externalId", async () => {
    const tag = unique();
    const csv = `Name,Website,Employees,Annual revenue,Currency,External ID\nInitech ${tag},initech-${tag}.example.com,"1,200",1234.56,eur,erp-${tag}\n`;
    const first = await runImport(owner, csv, { object: "company", matchOn: "externalId", onDuplicate: "update" });
    expect(first).toMatchObject({ status: "done", created: 1 });
    const again = await runImport(owner, csv.replace("1234.56", "99"), { object: "company", matchOn: "externalId", onDuplicate: "update" });
    expect(again).toMatchObject({ status: "done", created: 0, updated: 1 });
    const [company] = (await owner.request("GET", `/api/v1/companies?filter[externalId][eq]=erp-${tag}`)).body.data;
    expect(company).toMatchObject({ name: `Initech ${tag}`, domain: `initech-${tag}.example.com`, employeeCount: 1200, annualRevenue: { amount: 9900, currency: "EUR" } });
  });

  it("previews the detected format, the mapping and per-cell errors", async () => {
    const csv = "Full Name,E-Mail,Stage\nAda Lovelace,ada@example.com,lead\n,bad,nowhere\n";
    const preview = await post(owner, "/api/v1/imports/preview", csv, { object: "contact" });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ encoding: "utf-8", delimiter: ",", headers: ["Full Name", "E-Mail", "Stage"], mapping: { "Full Name": "fullName", "E-Mail": "email", Stage: "lifecycleStage" } });
    expect(preview.body.rows[0]).toEqual({ rowNumber: 1, values: ["Ada Lovelace", "ada@example.com", "lead"], errors: [] });
    expect(preview.body.rows[1].errors.map((error: { column: number; field: string }) => [error.column, error.field])).toEqual([
      [1, "email"],
      [2, "lifecycleStage"],
      [0, "firstName"],
    ]);
    expect(preview.body.fields.map((field: { path: string }) => field.path)).toContain("companyDomain");
  });

  it("refuses a mapping without a name column or with unknown fields, and writes nothing", async () => {
    const before = await countRows(context.database, "imports");
    const response = await post(owner, "/api/v1/imports", "Mail\nx@example.com\n", { object: "contact", mapping: JSON.stringify({ Mail: "email" }) });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "mapping", message: "needs a column for firstName (or fullName)" }]);
    expect(await countRows(context.database, "imports")).toBe(before);
    // The upload was streamed to a temporary file; a refused import leaves none behind.
    expect(fs.readdirSync(path.join(context.dataDir, "imports")).filter((name) => name.endsWith(".partial"))).toEqual([]);
  });

  it("neither suggests nor accepts a column for a field the caller's role may not change", async () => {
    const member = await addMember(context.app, owner, "member");
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: ["member"] });
    const csv = "First Name,Phone\nAda,+44 20 7946 0958\n";
    const preview = await post(member, "/api/v1/imports/preview", csv, { object: "contact" });
    expect(preview.body.mapping).toEqual({ "First Name": "firstName", Phone: "" });
    expect(preview.body.fields.map((field: { path: string }) => field.path)).not.toContain("phone");
    const refused = await post(member, "/api/v1/imports", csv, { object: "contact", mapping: JSON.stringify({ Phone: "phone" }) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: "mapping.Phone", message: "fills phones, a field your role may not change" }]);
    await owner.request("PUT", "/api/v1/field-permissions", { object: "contacts", field: "phones", hiddenFromRoles: [] });
  });

  it("lets a member update only their own contacts, and only the importer or an admin see or undo an import", async () => {
    const tag = unique();
    const member = await addMember(context.app, owner, "member");
    const theirs = await createContact(owner, { firstName: "Owned", emails: [{ address: `owned-${tag}@example.com`, primary: true }] });
    const result = await runImport(member, `First Name,Email,Job Title\nX,owned-${tag}@example.com,Boss\n`, { onDuplicate: "update" });
    expect(result).toMatchObject({ updated: 0, failed: 1 });
    expect(await errorsCsv(member, result.id)).toContain("someone else owns");
    expect((await owner.request("GET", `/api/v1/contacts/${theirs.id}`)).body.jobTitle).toBeNull();

    const other = await addMember(context.app, owner, "member");
    expect((await other.request("GET", `/api/v1/imports/${result.id}`)).status).toBe(404);
    expect((await other.request("POST", `/api/v1/imports/${result.id}/undo`)).status).toBe(404);
    expect((await owner.request("GET", `/api/v1/imports/${result.id}`)).status).toBe(200);
    const readOnly = await createApiKeyActor(context.app, owner, "read_only");
    expect((await post(readOnly, "/api/v1/imports", "First Name\nX\n", { object: "contact" })).status).toBe(403);
  });
});
