import { StringDecoder } from "node:string_decoder";
import type { CsvRecord } from "./imports.csv.js";
import { readWorkbook, serialDateText, StringItemText, type Workbook } from "./imports.xlsx-book.js";
import { XmlTokenizer, type XmlHandler } from "./imports.xml.js";
import { ZipFile } from "./imports.zip.js";

/**
 * The first worksheet of an XLSX workbook as records of text cells, the header row first, read as
 * a stream: the ZIP directory says where each part is, the small parts (relationships, workbook,
 * styles, shared strings) are read whole, then the sheet is inflated and tokenized piece by piece,
 * so memory holds the shared strings and the rows of one piece, never the sheet. Parts are read by
 * offset, so their order in the archive does not matter (a sheet stored before the shared strings
 * reads the same); that is why the input is a file on disk and not a stream.
 */
export async function* readXlsx(file: string): AsyncGenerator<CsvRecord> {
  const zip = await ZipFile.open(file);
  try {
    const workbook = await readWorkbook(zip);
    const sheet = new SheetRows(workbook);
    const tokenizer = new XmlTokenizer(sheet);
    const decoder = new StringDecoder("utf8");
    const content = await zip.open(zip.entry(workbook.firstSheetPath)!);
    try {
      for await (const chunk of content) {
        tokenizer.push(decoder.write(chunk as Buffer));
        yield* sheet.take();
      }
      tokenizer.push(decoder.end());
      tokenizer.end();
      yield* sheet.take();
    } finally {
      content.destroy();
    }
  } finally {
    await zip.close();
  }
}

/** One `<c>` element: its type (`t`), style index (`s`), and the text of its `<v>` or inline string. */
export interface SheetCell {
  type: string;
  style: number;
  value: string;
}

/**
 * A cell as the text the import's converters read: numbers as the digits the file stores (no
 * float noise), numbers in a date style as YYYY-MM-DD (an ISO timestamp when they carry a time),
 * booleans as true/false, formulas as their cached result, errors as their text (#N/A).
 */
export function cellText(cell: SheetCell, workbook: Workbook): string {
  switch (cell.type) {
    case "s":
      return cell.value.trim() === "" ? "" : (workbook.sharedStrings[Number(cell.value)] ?? "");
    case "b":
      return cell.value === "" ? "" : cell.value.trim() === "1" || cell.value.trim() === "true" ? "true" : "false";
    case "d":
      return isoDateText(cell.value);
    case "n": {
      const value = cell.value.trim();
      return value !== "" && workbook.dateStyles[cell.style] ? serialDateText(Number(value), workbook.isDate1904) : value;
    }
    default:
      // str (a formula's text result), inlineStr, e (an error such as #DIV/0!).
      return cell.value;
  }
}

/** Strict OOXML stores dates as ISO text without a zone; midnight reads as a plain date, as serials do. */
function isoDateText(value: string): string {
  const match = /^(\d{4}-\d\d-\d\d)(?:T(\d\d:\d\d(?::\d\d)?))?/.exec(value.trim());
  if (!match) return value;
  const time = (match[2] ?? "00:00:00").padEnd(8, ":00");
  return time === "00:00:00" ? match[1] : `${match[1]}T${time}Z`;
}

const maxColumns = 16_384;

/** Column index (A = 0) of a cell reference such as `C5`, or -1 when it has none. */
function columnIndex(reference: string | undefined): number {
  if (!reference) return -1;
  let column = 0;
  let position = 0;
  for (; position < reference.length; position++) {
    const code = reference.charCodeAt(position) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (position === 0) return -1;
  if (column > maxColumns) throw new Error(`cell ${reference} lies beyond the last column an XLSX sheet has`);
  return column - 1;
}

/** Turns the tokens of a worksheet into records: one per `<row>` that has a non-empty cell. */
class SheetRows implements XmlHandler {
  private ready: CsvRecord[] = [];
  private row: string[] | undefined;
  private nextColumn = 0;
  private cell: (SheetCell & { column: number }) | undefined;
  private isInValue = false;
  private inlineString: StringItemText | undefined;

  constructor(private readonly workbook: Workbook) {}

  take(): CsvRecord[] {
    const records = this.ready;
    this.ready = [];
    return records;
  }

  open(name: string, attributes: Record<string, string>, isEmpty: boolean): void {
    if (this.inlineString) this.inlineString.open(name, attributes, isEmpty);
    else if (name === "row") {
      this.row = [];
      this.nextColumn = 0;
      if (isEmpty) this.row = undefined;
    } else if (name === "c" && this.row) {
      const referenced = columnIndex(attributes.r);
      // Cells without a reference follow the one before.
      const column = referenced >= 0 ? referenced : this.nextColumn;
      this.nextColumn = column + 1;
      if (!isEmpty) this.cell = { column, type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: "" };
    } else if (this.cell && name === "v") this.isInValue = !isEmpty;
    else if (this.cell && name === "is" && !isEmpty) this.inlineString = new StringItemText();
  }

  close(name: string): void {
    if (this.inlineString) {
      if (name !== "is") return this.inlineString.close(name);
      this.cell!.value = this.inlineString.take();
      this.inlineString = undefined;
    } else if (name === "v") this.isInValue = false;
    else if (name === "c" && this.cell && this.row) this.placeCell(this.row, this.cell);
    else if (name === "row" && this.row) {
      // Like a blank CSV line, a row of empty cells is no record.
      if (this.row.some((value) => value !== "")) this.ready.push({ values: this.row });
      this.row = undefined;
    }
  }

  text(text: string): void {
    if (this.inlineString) this.inlineString.text(text);
    else if (this.isInValue) this.cell!.value += text;
  }

  private placeCell(row: string[], cell: SheetCell & { column: number }): void {
    this.cell = undefined;
    const text = cellText(cell, this.workbook);
    if (text === "") return;
    // Columns skipped by the references are empty cells.
    while (row.length < cell.column) row.push("");
    row[cell.column] = text;
  }
}
