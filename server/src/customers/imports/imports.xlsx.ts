import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { CsvRecord } from "./imports.csv.js";

/**
 * The first worksheet of an XLSX workbook as records of text cells, the header row first, read as
 * a stream (exceljs's WorkbookReader): memory holds the shared strings and one row, not the sheet.
 * Cells become the text the import's converters read: numbers as digits, dates as YYYY-MM-DD
 * (or an ISO timestamp when they carry a time), booleans as true/false, formulas as their result.
 */
export async function* readXlsx(input: string | Readable): AsyncGenerator<CsvRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  for await (const sheet of workbook) {
    for await (const row of sheet) {
      const cells = row.values as unknown[];
      // exceljs numbers cells from 1, so index 0 is always empty.
      const values = Array.from({ length: Math.max(cells.length - 1, 0) }, (_, index) => cellText(cells[index + 1]));
      // Like a blank CSV line, a row of empty cells is no record.
      if (values.some((value) => value !== "")) yield { values };
    }
    // Only the first sheet is imported; the rest of the workbook is not read.
    return;
  }
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return dateText(value);
  if (typeof value === "object") {
    const cell = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; formula?: unknown; sharedFormula?: unknown; error?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join("");
    if ("formula" in cell || "sharedFormula" in cell) return cellText(cell.result);
    if (typeof cell.error === "string") return cell.error;
    if ("text" in cell) return cellText(cell.text);
  }
  return "";
}

/** Spreadsheet dates have no time zone; exceljs gives them as UTC. A date without a time reads as a plain date. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}
