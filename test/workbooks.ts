import { zipStream } from "../server/src/customers/export/export.zip.js";

/**
 * XLSX workbooks written by hand for import tests, part by part, so a test says exactly which XML
 * the reader meets (shared or inline strings, styles, the order of parts in the archive), and
 * zipped with the export's own ZIP writer.
 */
export interface WorkbookFixture {
  /** The `<sheetData>` content of each sheet, the first tab first. */
  sheets: string[];
  /** The content of each `<si>` of the shared string table; none means no sharedStrings.xml. */
  sharedStrings?: string[];
  /** The `<numFmts>` and `<cellXfs>` of styles.xml; none means no styles.xml. */
  styles?: string;
  isDate1904?: boolean;
}

const header = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts of a workbook, in the order Excel stores them. Sheet n (from 1) is worksheets/sheet{n}.xml. */
export function workbookParts(fixture: WorkbookFixture): [name: string, content: string][] {
  const sheetTargets = fixture.sheets.map((_, index) => ({ id: `rId${index + 1}`, target: `worksheets/sheet${index + 1}.xml`, type: "worksheet" }));
  const targets = [
    ...sheetTargets,
    ...(fixture.sharedStrings ? [{ id: "rIdStrings", target: "sharedStrings.xml", type: "sharedStrings" }] : []),
    ...(fixture.styles ? [{ id: "rIdStyles", target: "styles.xml", type: "styles" }] : []),
  ];
  const parts: [string, string][] = [
    ["[Content_Types].xml", `${header}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`],
    ["_rels/.rels", `${header}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relationshipType}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `${header}<workbook xmlns="${main}" xmlns:r="${relationshipType}"><workbookPr${fixture.isDate1904 ? ' date1904="1"' : ""}/><sheets>${sheetTargets.map((sheet, index) => `<sheet name="Sheet ${index + 1}" sheetId="${index + 1}" r:id="${sheet.id}"/>`).join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${header}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets.map((target) => `<Relationship Id="${target.id}" Type="${relationshipType}/${target.type}" Target="${target.target}"/>`).join("")}</Relationships>`,
    ],
  ];
  if (fixture.sharedStrings) {
    const items = fixture.sharedStrings.map((item) => `<si>${item}</si>`).join("");
    parts.push(["xl/sharedStrings.xml", `${header}<sst xmlns="${main}" count="${fixture.sharedStrings.length}" uniqueCount="${fixture.sharedStrings.length}">${items}</sst>`]);
  }
  if (fixture.styles) parts.push(["xl/styles.xml", `${header}<styleSheet xmlns="${main}">${fixture.styles}</styleSheet>`]);
  fixture.sheets.forEach((sheetData, index) => parts.push([`xl/worksheets/sheet${index + 1}.xml`, `${header}<worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData></worksheet>`]));
  return parts;
}

export async function zipParts(parts: [name: string, content: string][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const entries = parts.map(([name, content]) => ({ name, content: (async function* () { yield content; })() }));
  for await (const chunk of zipStream(entries)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export const buildWorkbook = (fixture: WorkbookFixture) => zipParts(workbookParts(fixture));

/** The date serial Excel stores for a day (days since 1899-12-30), plus a fraction of a day for a time. */
export const dateSerial = (date: Date) => (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
