import fs from "node:fs/promises";
import type { ImportFileFormat } from "../../../../contracts/index.js";
import { invalidField } from "../../platform/http/app-error.js";
import { readCsv, type CsvRecord } from "./imports.csv.js";
import { readVCards } from "./imports.vcard.js";
import { readXlsx } from "./imports.xlsx.js";

/**
 * The kinds of file an import reads, told apart by their content rather than their name: an XLSX
 * workbook is a ZIP archive (`PK\x03\x04`), a vCard file starts with BEGIN:VCARD, anything else is
 * read as CSV. Every kind yields the same records (the header row first), so the row-processing
 * code is one.
 */
export function detectFormat(head: Buffer): ImportFileFormat {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  const start = new TextDecoder("utf-8").decode(head.subarray(0, 512)).replace(/^\ufeff/, "").trimStart();
  if (/^BEGIN:VCARD\r?\n/i.test(start)) return "vcard";
  return "csv";
}

/** The format of a stored upload, from its first bytes. */
export async function detectFileFormat(file: string): Promise<ImportFileFormat> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return detectFormat(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export interface ReadSettings {
  format: ImportFileFormat;
  encoding: string;
  delimiter: string;
}

/** Every record of an uploaded file, the header row first, as a stream. */
export async function* readRecords(file: string, { format, encoding, delimiter }: ReadSettings): AsyncGenerator<CsvRecord> {
  if (format === "xlsx") {
    try {
      yield* readXlsx(file);
    } catch (error) {
      throw invalidField("body.file", `is a ZIP file but not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
    }
  } else if (format === "vcard") yield* readVCards(file, encoding);
  else yield* readCsv(file, encoding, delimiter);
}

/** The header row and up to `limit` data rows of a stored XLSX upload. */
export async function xlsxStart(file: string, limit: number): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readRecords(file, { format: "xlsx", encoding: "utf-8", delimiter: "" })) {
    records.push(record);
    if (records.length > limit) break;
  }
  return records;
}
