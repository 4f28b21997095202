import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { afterAll, describe, expect, it } from "vitest";
import { buildWorkbook, dateSerial, workbookParts, zipParts, type WorkbookFixture } from "../../../../test/workbooks.js";
import { xlsxStream } from "../export/export.xlsx.js";
import { isDateFormat } from "./imports.xlsx-book.js";
import { readXlsx } from "./imports.xlsx.js";
import { XmlTokenizer } from "./imports.xml.js";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "pillar-xlsx-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
let fileNumber = 0;

async function rowsOf(content: Buffer | Promise<Buffer>): Promise<string[][]> {
  const file = path.join(folder, `book-${++fileNumber}.xlsx`);
  fs.writeFileSync(file, await content);
  const rows: string[][] = [];
  for await (const record of readXlsx(file)) rows.push(record.values!);
  return rows;
}

const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe("the XLSX reader", () => {
  it("reads shared and inline strings, rich text, entities, whitespace and Excel's _x escapes", async () => {
    const rows = await rowsOf(
      buildWorkbook({
        sharedStrings: [
          "<t>Name</t>",
          "<t>Tom &amp; Jerry &lt;&gt; &quot;&apos; &#233;&#x4E2D;</t>",
          '<r><rPr><b/></rPr><t>Tu</t></r><r><t xml:space="preserve"> ring </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
          "<t>  trimmed  </t>",
          "<t>line_x000D_break</t>",
        ],
        sheets: [
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
            `<row r="2"><c r="A2" t="s"><v>2</v></c>${inline("B2", "A &amp; B")}<c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>` +
            '<row r="3"><c r="A3" t="inlineStr"><is><r><t>rich</t></r><r><t xml:space="preserve"> inline</t></r></is></c><c r="B3" t="inlineStr"><is><t><![CDATA[<raw> & text]]></t></is></c></row>',
        ],
      }),
    );
    expect(rows).toEqual([
      ["Name", "Tom & Jerry <> \"' é中"],
      ["Tu ring ", "A & B", "trimmed", "line\rbreak"],
      ["rich inline", "<raw> & text"],
    ]);
  });

  it("places cells by their reference, leaving gaps empty, and skips empty rows", async () => {
    const rows = await rowsOf(
      buildWorkbook({
        sheets: [
          `<row r="1">${inline("A1", "a")}${inline("C1", "c")}${inline("F1", "f")}</row>` +
            `<row r="2"><c r="A2" s="0"/><c r="B2" t="inlineStr"><is><t></t></is></c></row>` +
            '<row r="3"/>' +
            // Cells without a reference follow the cell before them.
            `<row>${inline("B4", "b")}<c><v>1</v></c><c t="inlineStr"><is><t>d</t></is></c></row>` +
            `<row r="5">${inline("AA5", "column 27")}</row>`,
        ],
      }),
    );
    expect(rows).toEqual([["a", "", "c", "", "", "f"], ["", "b", "1", "d"], [...Array(26).fill(""), "column 27"]]);
  });

  it("reads numbers as stored, dates with and without a time, booleans, formula results and errors", async () => {
    const styles =
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;days&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const birthday = dateSerial(new Date(Date.UTC(1906, 11, 9)));
    const meeting = dateSerial(new Date(Date.UTC(2024, 1, 29, 13, 45, 10)));
    const rows = await rowsOf(
      buildWorkbook({
        styles,
        sheets: [
          `<row r="1"><c r="A1"><v>1234.5</v></c><c r="B1"><v>0.30000000000000004</v></c><c r="C1" s="3"><v>12</v></c><c r="D1" s="0"><v>1E-3</v></c></row>` +
            `<row r="2"><c r="A2" s="1"><v>${birthday}</v></c><c r="B2" s="2"><v>${meeting}</v></c><c r="C2" s="1"><v>${dateSerial(new Date(Date.UTC(1815, 11, 10)))}</v></c><c r="D2" s="1"><v>1</v></c></row>` +
            '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3"><f>40+2</f><v>42</v></c><c r="D3" t="str"><f>A1&amp;"x"</f><v>1234.5x</v></c><c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
            '<row r="4"><c r="A4" t="d"><v>2024-03-01T00:00:00</v></c><c r="B4" t="d"><v>2024-03-01T08:30</v></c><c r="C4" s="1"/></row>',
        ],
      }),
    );
    expect(rows).toEqual([
      ["1234.5", "0.30000000000000004", "12", "1E-3"],
      ["1906-12-09", "2024-02-29T13:45:10Z", "1815-12-10", "1900-01-01"],
      ["true", "false", "42", "1234.5x", "#DIV/0!"],
      ["2024-03-01", "2024-03-01T08:30:00Z"],
    ]);
  });

  it("counts days from 1904 when the workbook says so", async () => {
    const rows = await rowsOf(buildWorkbook({ isDate1904: true, styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>', sheets: ['<row><c s="1"><v>0</v></c><c s="1"><v>43830.5</v></c></row>'] }));
    expect(rows).toEqual([["1904-01-01", "2024-01-01T12:00:00Z"]]);
  });

  it("tells date formats from number formats", () => {
    for (const id of [14, 17, 22, 45, 47, 57]) expect(isDateFormat(id, undefined)).toBe(true);
    for (const id of [0, 1, 4, 10, 11, 37, 49]) expect(isDateFormat(id, undefined)).toBe(false);
    for (const code of ["yyyy-mm-dd", "[$-409]d-mmm-yy;@", "[h]:mm:ss", 'dd"."mm', "h AM/PM"]) expect(isDateFormat(164, code)).toBe(true);
    for (const code of ["0.00", '#,##0 "days"', "[Red][<0]0.0;0.0", "0.00E+00", "General", '\\d0_)', "@"]) expect(isDateFormat(164, code)).toBe(false);
  });

  it("reads the same rows when the sheet is stored before the shared strings and styles", async () => {
    const fixture: WorkbookFixture = {
      sharedStrings: ["<t>Email</t>", "<t>ada@example.com</t>"],
      styles: '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>',
      sheets: ['<row><c t="s"><v>0</v></c><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c><c s="1"><v>45352</v></c></row>'],
    };
    const parts = workbookParts(fixture);
    const sheetFirst = [...parts.filter(([name]) => name.includes("worksheets")), ...parts.filter(([name]) => !name.includes("worksheets"))];
    expect(sheetFirst[0][0]).toBe("xl/worksheets/sheet1.xml");
    const expected = [
      ["Email", "Email"],
      ["ada@example.com", "2024-03-01"],
    ];
    expect(await rowsOf(zipParts(parts))).toEqual(expected);
    expect(await rowsOf(zipParts(sheetFirst))).toEqual(expected);
  });

  it("reads only the first tab of the workbook, whatever its part is called, passing over a chart tab", async () => {
    const parts = workbookParts({ sheets: [`<row>${inline("A1", "second tab")}</row>`, `<row>${inline("A1", "first tab")}</row>`] }).map(([name, content]): [string, string] =>
      name === "xl/workbook.xml"
        ? [name, content.replace(/<sheets>.*<\/sheets>/, '<sheets><sheet name="Chart" sheetId="9" r:id="rIdChart"/><sheet name="First" sheetId="2" r:id="rId2"/><sheet name="Second" sheetId="1" r:id="rId1"/></sheets>')]
        : name === "xl/_rels/workbook.xml.rels"
          ? [name, content.replace("</Relationships>", '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>')]
          : [name, content],
    );
    expect(await rowsOf(zipParts(parts))).toEqual([["first tab"]]);
  });

  it("reads back what the XLSX export writes", async () => {
    const file = path.join(folder, "export.xlsx");
    const rows = [
      ["Ada", "", "a & <b>", "多行\n文本"],
      ["Grace", "Hopper", "", ""],
    ];
    await pipeline(xlsxStream("Contacts", ["First", "Last", "Notes", "Remark"], (async function* () { yield* rows; })()), fs.createWriteStream(file));
    expect(await rowsOf(fs.readFileSync(file))).toEqual([["First", "Last", "Notes", "Remark"], ...rows.map((row) => row.slice(0, row.findLastIndex((value) => value !== "") + 1))]);
  });

  it("streams a long sheet and stops reading when the caller stops", async () => {
    const sheet = Array.from({ length: 20_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c>${inline(`B${index + 1}`, `row ${index}`)}</row>`).join("");
    const file = path.join(folder, "long.xlsx");
    fs.writeFileSync(file, await buildWorkbook({ sheets: [sheet] }));
    let count = 0;
    let last: string[] = [];
    for await (const record of readXlsx(file)) [count, last] = [count + 1, record.values!];
    expect(count).toBe(20_000);
    expect(last).toEqual(["19999", "row 19999"]);
    const firstThree: string[][] = [];
    for await (const record of readXlsx(file)) if (firstThree.push(record.values!) === 3) break;
    expect(firstThree).toEqual([["0", "row 0"], ["1", "row 1"], ["2", "row 2"]]);
  });

  it("says why a ZIP file is no workbook", async () => {
    await expect(rowsOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]))).rejects.toThrow("no ZIP directory found");
    await expect(rowsOf(zipParts([["word/document.xml", "<document/>"]]))).rejects.toThrow("the workbook has no xl/workbook.xml");
    const sheetCutShort = workbookParts({ sheets: ["<row><c><v>1</v></c></row>"] }).map(([name, content]): [string, string] => [name, name.includes("worksheets") ? content.slice(0, -5) : content]);
    await expect(rowsOf(zipParts(sheetCutShort))).rejects.toThrow("the XML ends in the middle of a tag");
  });
});

describe("the XML tokenizer", () => {
  it("gives the same tokens however the text is split", () => {
    const xml =
      '<?xml version="1.0"?><!-- a comment with <tags> --><x:row x:r="1" note=\'a > b\'><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 1 &lt; 2 &#x1F600;</x:t></x:is></x:c><![CDATA[<kept>]]><empty/></x:row>';
    const tokens = (size: number) => {
      const seen: string[] = [];
      const tokenizer = new XmlTokenizer({
        open: (name, attributes, isEmpty) => seen.push(`<${name} ${JSON.stringify(attributes)}${isEmpty ? "/" : ""}>`),
        close: (name) => seen.push(`</${name}>`),
        text: (text) => seen.push(text),
      });
      for (let start = 0; start < xml.length; start += size) tokenizer.push(xml.slice(start, start + size));
      tokenizer.end();
      return seen;
    };
    const expected = [
      '<row {"r":"1","note":"a > b"}>',
      '<c {"r":"A1","t":"inlineStr"}>',
      "<is {}>",
      '<t {"space":"preserve"}>',
      " 1 < 2 😀",
      "</t>",
      "</is>",
      "</c>",
      "<kept>",
      "<empty {}/>",
      "</row>",
    ];
    for (const size of [1, 2, 3, 7, 1000]) expect(tokens(size)).toEqual(expected);
  });
});
