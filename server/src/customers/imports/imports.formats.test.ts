import { beforeAll, describe, expect, it } from "vitest";
import { useTestApp, type Actor } from "../../../../test/app.js";
import { countRows } from "../../../../test/db.js";
import { eventually } from "../../../../test/eventually.js";
import { createCompany, signUpOwner } from "../../../../test/factories.js";
import { multipartBody } from "../../../../test/uploads.js";
import { buildWorkbook, dateSerial } from "../../../../test/workbooks.js";
import { detectFormat } from "./imports.formats.js";
import { VCardParser } from "./imports.vcard.js";

const context = useTestApp({ PILLAR_IMPORT_CHUNK_ROWS: "2" });
let owner: Actor;

beforeAll(async () => {
  owner = await signUpOwner(context.app);
});

const unique = () => Math.random().toString(36).slice(2, 10);

// The file name says nothing: the server tells the format from the content.
async function post(actor: Actor, url: string, content: Buffer | string, fields: Record<string, string>) {
  const { payload, contentType } = multipartBody(fields, [{ name: "upload.dat", contentType: "application/octet-stream", content }]);
  const response = await context.app.inject({ method: "POST", url, payload, headers: { ...actor.headers, "content-type": contentType } });
  return { status: response.statusCode, body: String(response.headers["content-type"]).includes("json") ? response.json() : response.body };
}

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
  return response.body.replace(/^\ufeff/, "");
}

const contactByEmail = async (email: string) => (await owner.request("GET", `/api/v1/contacts?filter[email][eq]=${email}`)).body.data[0];

type Cell = string | number | Date | null | { richText: string[] } | { formula: string; result: number };

/** A workbook as Excel writes one: shared strings, a date-styled cell, numbers, rich text, a formula's cached result, an empty row, a second sheet. */
function workbook(rows: Cell[][]): Promise<Buffer> {
  const sharedStrings: string[] = [];
  const shared = (item: string) => `t="s"><v>${sharedStrings.push(item) - 1}</v>`;
  const cellContent = (cell: Exclude<Cell, null>) => {
    if (typeof cell === "string") return shared(`<t>${cell}</t>`);
    if (typeof cell === "number") return `><v>${cell}</v>`;
    if (cell instanceof Date) return ` s="1"><v>${dateSerial(cell)}</v>`;
    if ("richText" in cell) return shared(cell.richText.map((text) => `<r><t>${text}</t></r>`).join(""));
    return `><f>${cell.formula}</f><v>${cell.result}</v>`;
  };
  const sheet = rows
    .map((row, rowIndex) => {
      const cells = row.map((cell, column) => (cell === null ? "" : `<c r="${String.fromCharCode(65 + column)}${rowIndex + 1}"${cellContent(cell)}</c>`));
      return `<row r="${rowIndex + 1}">${cells.join("")}</row>`;
    })
    .join("");
  const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>';
  return buildWorkbook({ sheets: [sheet, '<row r="1"><c r="A1" t="inlineStr"><is><t>Not imported</t></is></c></row>'], sharedStrings, styles });
}

describe("XLSX imports", () => {
  it("previews, maps and imports the first sheet, rejects a bad row naming the field, and undoes", async () => {
    const tag = unique();
    const field = await owner.request("POST", "/api/v1/custom-fields", { object: "contact", key: `score_${tag}`, label: "Score", type: "number" });
    expect(field.status).toBe(201);
    const file = await workbook([
      ["Vorname", "Nachname", "Mail", "Geburtstag", "Score", "Stage"],
      ["Ada", "Lovelace", `ada-${tag}@example.com`, new Date(Date.UTC(1815, 11, 10)), 1234.5, "Customer"],
      [],
      ["Grace", "Hopper", `grace-${tag}@example.com`, new Date(Date.UTC(1906, 11, 9)), 7, "nowhere"],
      ["Alan", { richText: ["Tu", "ring"] }, `alan-${tag}@example.com`, null, { formula: "40+2", result: 42 }, "lead"],
    ]);
    const mapping = JSON.stringify({ Mail: "email", Geburtstag: "birthday", Score: `custom.score_${tag}`, Stage: "lifecycleStage" });

    const preview = await post(owner, "/api/v1/imports/preview", file, { object: "contact", mapping });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ format: "xlsx", delimiter: "", headers: ["Vorname", "Nachname", "Mail", "Geburtstag", "Score", "Stage"] });
    expect(preview.body.mapping).toMatchObject({ Vorname: "firstName", Nachname: "lastName", Mail: "email", Score: `custom.score_${tag}` });
    expect(preview.body.rows[0]).toEqual({ rowNumber: 1, values: ["Ada", "Lovelace", `ada-${tag}@example.com`, "1815-12-10", "1234.5", "Customer"], errors: [] });
    expect(preview.body.rows[1].errors).toEqual([{ column: 5, field: "lifecycleStage", message: expect.stringContaining("must be one of") }]);

    const result = await runImport(owner, file, { mapping });
    expect(result).toMatchObject({ status: "done", total: 3, processed: 3, created: 2, failed: 1, delimiter: "" });
    expect(await contactByEmail(`ada-${tag}@example.com`)).toMatchObject({ firstName: "Ada", lastName: "Lovelace", birthday: "1815-12-10", lifecycleStage: "customer", custom: { [`score_${tag}`]: 1234.5 } });
    expect(await contactByEmail(`alan-${tag}@example.com`)).toMatchObject({ lastName: "Turing", custom: { [`score_${tag}`]: 42 } });
    const errors = (await errorsCsv(owner, result.id)).trim().split("\r\n");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toBe("Vorname,Nachname,Mail,Geburtstag,Score,Stage,reason");
    expect(errors[1]).toMatch(new RegExp(`^Grace,Hopper,grace-${tag}@example.com,1906-12-09,7,nowhere,"lifecycleStage: must be one of`));

    const undone = await owner.request("POST", `/api/v1/imports/${result.id}/undo`);
    expect(undone.status).toBe(200);
    expect(await contactByEmail(`ada-${tag}@example.com`)).toBeUndefined();
    expect(await contactByEmail(`alan-${tag}@example.com`)).toBeUndefined();
  });

  it("refuses a ZIP that is no workbook, naming the file, and writes nothing", async () => {
    const before = await countRows(context.database, "imports");
    const notAWorkbook = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const response = await post(owner, "/api/v1/imports", notAWorkbook, { object: "contact" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "body.file", message: expect.stringContaining("not a readable XLSX workbook") }]);
    expect(await countRows(context.database, "imports")).toBe(before);
  });
});

describe("vCard imports", () => {
  it("imports three cards (3.0 and 4.0) with their e-mail, phone, company, title, address, note and birthday", async () => {
    const tag = unique();
    const existing = await createCompany(owner, { name: `Analytical Engines ${tag}` });
    const cards = [
      "BEGIN:VCARD",
      "VERSION:3.0",
      "N:Lovelace;Ada;;;",
      "FN:Ada Lovelace",
      `ORG:analytical engines ${tag};Research`,
      "TITLE:Mathematician",
      `EMAIL;TYPE=INTERNET:ada-${tag}@example.com`,
      "TEL;TYPE=WORK,VOICE:+44 20 7946 0958",
      "ADR;TYPE=WORK:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom",
      "NOTE:First programmer\\, wrote the\\nnotes on the engine",
      "BDAY:18151210",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:4.0",
      "FN:Grace Hopper",
      `EMAIL:grace-old-${tag}@example.com`,
      `EMAIL;PREF=1:grace-${tag}@example.com`,
      "TEL;VALUE=uri;TYPE=cell:tel:+1-201-555-0123",
      `ORG:New Navy ${tag}`,
      "BDAY:1906-12-09",
      "END:VCARD",
      "BEGIN:VCARD",
      "VERSION:4.0",
      "N:Turing;Alan;Mathison;;",
      "FN:Alan Turing",
      // A folded line: the break and the one space after it are removed.
      `EMAIL:alan-${tag}@exam`,
      " ple.com",
      "END:VCARD",
    ].join("\r\n");

    const preview = await post(owner, "/api/v1/imports/preview", cards, { object: "contact" });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ format: "vcard", mapping: { "Full name": "fullName", "First name": "firstName", Email: "email", Company: "companyName", Birthday: "birthday" } });
    expect(preview.body.rows).toHaveLength(3);

    const result = await runImport(owner, cards);
    expect(result).toMatchObject({ status: "done", total: 3, created: 3, failed: 0, companiesCreated: 1 });
    expect(await contactByEmail(`ada-${tag}@example.com`)).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      jobTitle: "Mathematician",
      companyId: existing.id,
      phones: [{ number: "+442079460958", primary: true }],
      address: { street: "12 St James's Square", city: "London", postalCode: "SW1Y 4JH", country: "United Kingdom" },
      notes: "First programmer, wrote the\nnotes on the engine",
      birthday: "1815-12-10",
    });
    const grace = await contactByEmail(`grace-${tag}@example.com`);
    expect(grace).toMatchObject({ firstName: "Grace", lastName: "Hopper", birthday: "1906-12-09", phones: [{ number: "+12015550123", primary: true }] });
    expect(grace.company.name).toBe(`New Navy ${tag}`);
    expect(await contactByEmail(`alan-${tag}@example.com`)).toMatchObject({ firstName: "Alan", lastName: "Turing" });
  });

  it("refuses a vCard file for a company import and writes nothing", async () => {
    const before = await countRows(context.database, "imports");
    const response = await post(owner, "/api/v1/imports", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:X\r\nEND:VCARD\r\n", { object: "company" });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ path: "body.object", message: "a vCard file holds contacts: import it as contact" }]);
    expect(await countRows(context.database, "imports")).toBe(before);
  });

  it("reads the same cards however the text is split, and tells formats from content", () => {
    const text = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\n  Lovelace\r\nEMAIL:a@example.com\r\nEND:VCARD\r\nBEGIN:VCARD\nFN:Bob\nEND:VCARD\n";
    for (const size of [1, 2, 5, 1000]) {
      const parser = new VCardParser();
      const cards: string[][] = [];
      for (let start = 0; start < text.length; start += size) cards.push(...parser.push(text.slice(start, start + size)));
      cards.push(...parser.end());
      expect(cards.map((card) => [card[0], card[3]])).toEqual([
        ["Ada Lovelace", "a@example.com"],
        ["Bob", ""],
      ]);
    }
    expect(detectFormat(Buffer.from("\ufeffbegin:vcard\r\nVERSION:3.0\r\n"))).toBe("vcard");
    expect(detectFormat(Buffer.from("First Name,Email\nBEGIN:VCARD\n"))).toBe("csv");
  });
});
