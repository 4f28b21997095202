import { Readable } from "node:stream";
import { neutraliseFormula } from "./export.csv.js";
import { zipStream } from "./export.zip.js";

/**
 * XLSX (Office Open XML) written as it streams: one worksheet of inline strings, no shared
 * string table, so nothing but the current row is held. Written by hand on a small ZIP writer
 * because the streaming XLSX packages weigh several MB each. Every cell is text, so a value
 * can never become a formula; leading =,+,-,@ are still neutralised as in CSV, for programs
 * that re-parse text cells on edit.
 */
const xmlHeader = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escapeXml(value: string): string {
  return (
    value
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Control characters other than tab and newline are not allowed in XML 1.0.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
  );
}

function columnLetter(index: number): string {
  let letters = "";
  for (let number = index + 1; number > 0; number = Math.floor((number - 1) / 26)) letters = String.fromCharCode(65 + ((number - 1) % 26)) + letters;
  return letters;
}

function rowXml(values: string[], rowNumber: number): string {
  const cells = values.map((value, index) =>
    value === "" ? "" : `<c r="${columnLetter(index)}${rowNumber}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(neutraliseFormula(value))}</t></is></c>`,
  );
  return `<row r="${rowNumber}">${cells.join("")}</row>`;
}

async function* sheet(header: string[], rows: AsyncIterable<string[]>): AsyncGenerator<string> {
  let batch = `${xmlHeader}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(header, 1)}`;
  let rowNumber = 1;
  for await (const values of rows) {
    batch += rowXml(values, ++rowNumber);
    if (batch.length > 64 * 1024) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

async function* fixed(content: string): AsyncGenerator<string> {
  yield content;
}

export function xlsxStream(sheetName: string, header: string[], rows: AsyncIterable<string[]>): Readable {
  const name = escapeXml(sheetName.slice(0, 31));
  const entries = [
    {
      name: "[Content_Types].xml",
      content: fixed(
        `${xmlHeader}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      content: fixed(
        `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      content: fixed(
        `${xmlHeader}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      content: fixed(
        `${xmlHeader}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", content: sheet(header, rows) },
  ];
  return Readable.from(zipStream(entries));
}
