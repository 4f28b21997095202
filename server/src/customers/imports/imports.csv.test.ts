import { describe, expect, it } from "vitest";
import { CsvParser, type CsvRecord } from "./imports.csv.js";
import { detectDelimiter, detectEncoding } from "./imports.detect.js";
import { resolveMapping, suggestMapping } from "./imports.mapping.js";
import { buildRowPlan, convertRow } from "./imports.rows.js";

/** Parses text fed in pieces of `size` characters, to show the result never depends on where reads split. */
function parse(text: string, delimiter = ",", size = text.length): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  const records: CsvRecord[] = [];
  for (let start = 0; start < text.length; start += size) records.push(...parser.push(text.slice(start, start + size)));
  records.push(...parser.end());
  return records;
}

describe("the CSV parser", () => {
  const sample = 'name,notes\r\nAda,"said ""hi""\nand left"\r\n"Lovelace, Ada",plain\nlast,row';

  it("reads quoted fields with delimiters, doubled quotes and line breaks, however the text is split", () => {
    const expected = [{ values: ["name", "notes"] }, { values: ["Ada", 'said "hi"\nand left'] }, { values: ["Lovelace, Ada", "plain"] }, { values: ["last", "row"] }];
    for (const size of [1, 2, 3, 7, 1000]) expect(parse(sample, ",", size)).toEqual(expected);
  });

  it("rejects a row with broken quoting alone and goes on with the next line", () => {
    const text = 'a,b\n1,"open never closes\n2,fine\n3,"x"y\n4,"ok"\n';
    for (const size of [1, 5, 1000]) {
      expect(parse(text, ",", size)).toEqual([
        { values: ["a", "b"] },
        { brokenLine: '1,"open never closes' },
        { values: ["2", "fine"] },
        { brokenLine: '3,"x"y' },
        { values: ["4", "ok"] },
      ]);
    }
  });

  it("keeps a quote inside an unquoted field as text and skips blank lines", () => {
    expect(parse('a;b\n\n5" screen;x\n', ";")).toEqual([{ values: ["a", "b"] }, { values: ['5" screen', "x"] }]);
  });
});

describe("detection", () => {
  it("finds the delimiter that splits the lines consistently", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("name;city\nMüller, Hans;Köln\nDoe;Paris\n")).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("single\nvalue\n")).toBe(",");
  });

  it("tells UTF-8 (with or without BOM) from Windows-1252", () => {
    expect(detectEncoding(Buffer.from("\ufeffname\nZoë\n", "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from("name\nZoë\n", "utf8"))).toBe("utf-8");
    expect(detectEncoding(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe("windows-1252");
  });
});

describe("mapping and row conversion", () => {
  const custom = [{ key: "score", label: "Lead score", type: "number" as const, required: false, options: [], archived: false }];

  it("maps common headers and custom fields automatically", () => {
    expect(suggestMapping(["First Name", "Surname", "E-mail", "Mobile", "Company", "Lead score", "Whatever"], "contact", custom)).toEqual({
      "First Name": "firstName",
      Surname: "lastName",
      "E-mail": "email",
      Mobile: "phone",
      Company: "companyName",
      "Lead score": "custom.score",
      Whatever: "",
    });
  });

  it("merges a sent mapping over the automatic one and names bad entries", () => {
    const headers = ["Name", "Mail", "Other"];
    expect(resolveMapping(headers, "contact", custom, { Other: "email" }).mapping).toEqual({ Name: "fullName", Mail: "", Other: "email" });
    expect(resolveMapping(headers, "contact", custom, { Nope: "email", Other: "shoeSize" }).errors).toEqual([
      { path: "mapping.Nope", message: "is not a column of the file" },
      { path: "mapping.Other", message: '"shoeSize" is not a field a contact column can fill' },
    ]);
  });

  it("converts cells to values and names each failing field", () => {
    const headers = ["Name", "Email", "Score", "Stage"];
    const plan = buildRowPlan("contact", headers, { Name: "fullName", Email: "email", Score: "custom.score", Stage: "lifecycleStage" }, custom);
    expect(convertRow(plan, ["Ada Lovelace", "ADA@Example.com", "1,200", "At risk"])).toEqual({
      record: { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", custom: { score: 1200 }, lifecycleStage: "at_risk" },
      errors: [],
    });
    expect(convertRow(plan, ["", "nope", "many", "x"]).errors.map((error) => error.field)).toEqual(["email", "custom.score", "lifecycleStage", "firstName"]);
  });
});
