import { StringDecoder } from "node:string_decoder";
import { XmlTokenizer, type XmlHandler } from "./imports.xml.js";
import type { ZipFile } from "./imports.zip.js";

/**
 * What reading a worksheet needs from the rest of an XLSX workbook: where its first sheet is (the
 * first `<sheet>` of the workbook, found through the relationship parts rather than assumed to be
 * sheet1.xml), the shared string table, which cell styles show numbers as dates, and whether the
 * workbook counts days from 1904.
 */
export interface Workbook {
  firstSheetPath: string;
  sharedStrings: string[];
  /** By cell style index (the `s` of a cell): whether a number in that style is a date. */
  dateStyles: boolean[];
  isDate1904: boolean;
}

/** Streams one part of the workbook through the tokenizer; a part that is not there is skipped. */
export async function readPart(zip: ZipFile, path: string, handler: XmlHandler, isRequired = false): Promise<void> {
  const entry = zip.entry(path);
  if (!entry) {
    if (isRequired) throw new Error(`the workbook has no ${path}`);
    return;
  }
  const content = await zip.open(entry);
  const tokenizer = new XmlTokenizer(handler);
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of content) tokenizer.push(decoder.write(chunk as Buffer));
    tokenizer.push(decoder.end());
    tokenizer.end();
  } finally {
    content.destroy();
  }
}

const ignore = () => {};

/** Relationship targets by id and by type (the last segment of the type URI), resolved to part names. */
async function readRelationships(zip: ZipFile, sourcePath: string) {
  const folder = sourcePath.slice(0, sourcePath.lastIndexOf("/") + 1);
  const relationshipsPath = `${folder}_rels/${sourcePath.slice(folder.length)}.rels`;
  const byId = new Map<string, { target: string; type: string }>();
  const byType = new Map<string, string>();
  await readPart(zip, relationshipsPath, {
    open(name, attributes) {
      if (name !== "Relationship" || !attributes.Target || attributes.TargetMode === "External") return;
      const target = resolvePartName(folder, attributes.Target);
      const type = (attributes.Type ?? "").slice((attributes.Type ?? "").lastIndexOf("/") + 1);
      byId.set(attributes.Id, { target, type });
      if (!byType.has(type)) byType.set(type, target);
    },
    close: ignore,
    text: ignore,
  });
  return { byId, byType };
}

function resolvePartName(folder: string, target: string): string {
  const segments: string[] = [];
  for (const segment of (target.startsWith("/") ? target.slice(1) : folder + target).split("/")) {
    if (segment === "..") segments.pop();
    else if (segment !== "." && segment !== "") segments.push(segment);
  }
  return segments.join("/");
}

export async function readWorkbook(zip: ZipFile): Promise<Workbook> {
  const root = await readRelationships(zip, "");
  const workbookPath = root.byType.get("officeDocument") ?? "xl/workbook.xml";
  const sheetIds: string[] = [];
  let isDate1904 = false;
  await readPart(
    zip,
    workbookPath,
    {
      open(name, attributes) {
        if (name === "workbookPr") isDate1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
        else if (name === "sheet") sheetIds.push(attributes.id ?? "");
      },
      close: ignore,
      text: ignore,
    },
    true,
  );
  const relationships = await readRelationships(zip, workbookPath);
  // A tab may hold a chart rather than cells: the first worksheet is the first tab of cells.
  const firstSheetPath = sheetIds.map((id) => relationships.byId.get(id)).find((target) => target?.type === "worksheet")?.target;
  if (!firstSheetPath) throw new Error("the workbook has no worksheet");
  if (!zip.entry(firstSheetPath)) throw new Error(`the workbook's first sheet ${firstSheetPath} is missing`);
  return {
    firstSheetPath,
    sharedStrings: await readSharedStrings(zip, relationships.byType.get("sharedStrings") ?? "xl/sharedStrings.xml"),
    dateStyles: await readDateStyles(zip, relationships.byType.get("styles") ?? "xl/styles.xml"),
    isDate1904,
  };
}

/**
 * Collects the text of `<t>` elements inside a string item (`<si>` or a cell's `<is>`), rich text
 * runs joined, phonetic guides (`<rPh>`) left out. Like Excel, whitespace at the ends of a `<t>`
 * counts only when it says xml:space="preserve".
 */
export class StringItemText {
  private isInText = false;
  private isPreserved = false;
  private isInPhonetic = false;
  private piece = "";
  value = "";

  open(name: string, attributes: Record<string, string>, isEmpty: boolean): void {
    if (name === "rPh") this.isInPhonetic = !isEmpty;
    else if (name === "t" && !isEmpty && !this.isInPhonetic) {
      this.isInText = true;
      this.isPreserved = attributes.space === "preserve";
      this.piece = "";
    }
  }

  close(name: string): void {
    if (name === "rPh") this.isInPhonetic = false;
    else if (name === "t" && this.isInText) {
      this.isInText = false;
      this.value += this.isPreserved ? this.piece : this.piece.trim();
    }
  }

  text(text: string): void {
    if (this.isInText) this.piece += text;
  }

  /** The text, with OOXML's `_xHHHH_` escapes (how Excel stores control characters) undone. */
  take(): string {
    const value = this.value.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    this.value = "";
    return value;
  }
}

async function readSharedStrings(zip: ZipFile, path: string): Promise<string[]> {
  const strings: string[] = [];
  const item = new StringItemText();
  await readPart(zip, path, {
    open: (name, attributes, isEmpty) => {
      if (name === "si" && isEmpty) strings.push("");
      else item.open(name, attributes, isEmpty);
    },
    close: (name) => {
      if (name === "si") strings.push(item.take());
      else item.close(name);
    },
    text: (text) => item.text(text),
  });
  return strings;
}

async function readDateStyles(zip: ZipFile, path: string): Promise<boolean[]> {
  const customFormats = new Map<number, string>();
  const cellFormatIds: number[] = [];
  let isInCellFormats = false;
  await readPart(zip, path, {
    open(name, attributes, isEmpty) {
      if (name === "numFmt") customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") isInCellFormats = !isEmpty;
      else if (name === "xf" && isInCellFormats) cellFormatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") isInCellFormats = false;
    },
    text: ignore,
  });
  return cellFormatIds.map((id) => isDateFormat(id, customFormats.get(id)));
}

/**
 * Built-in number formats that show a date or time: 14–22 and 45–47 everywhere, 27–36 and 50–58
 * in the Chinese, Japanese and Korean editions of Excel, which leave them out of styles.xml.
 */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return builtInDateFormats.has(id);
  // Quoted text, [colours, conditions, locales], escaped characters and _/* spacing take no part.
  const tokens = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, "");
  return /[ymdhs]/i.test(tokens);
}

const millisecondsPerDay = 86_400_000;

/**
 * A date serial as text: days since 1899-12-30 (1904-01-01 in a 1904 workbook) plus the time as
 * a fraction of a day, no time zone. Excel counts a 29 February 1900 that never was, so serials
 * before it are one day late. Midnight reads as a plain date, any other time as an ISO timestamp.
 */
export function serialDateText(serial: number, isDate1904: boolean): string {
  if (!Number.isFinite(serial)) return "";
  const days = isDate1904 ? serial + 1462 : serial > 0 && serial < 60 ? serial + 1 : serial;
  // To the second: a time stored as a fraction of a day is seldom exact.
  const milliseconds = Math.round(((days - 25569) * millisecondsPerDay) / 1000) * 1000;
  const date = new Date(milliseconds);
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
