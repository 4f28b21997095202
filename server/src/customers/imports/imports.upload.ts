import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, invalidField } from "../../platform/http/app-error.js";
import { importPreviewRows, type ImportFileFormat } from "../../../../contracts/index.js";
import { CsvParser, type CsvRecord } from "./imports.csv.js";
import { detectDelimiter, EncodingDetector, type CsvEncoding } from "./imports.detect.js";
import { detectFormat, xlsxStart } from "./imports.formats.js";
import { vCardHeaders, vCardsIn } from "./imports.vcard.js";

/** One part of a multipart upload, as @fastify/multipart yields it (only what is used here). */
export type UploadPart =
  | { type: "file"; fieldname: string; filename: string; file: Readable & { truncated?: boolean } }
  | { type: "field"; fieldname: string; value: unknown };

/** How much of the file's start is kept in memory to find the delimiter, the header and the preview rows. */
export const headBytes = 256 * 1024;

export interface ReceivedUpload {
  fields: Record<string, string>;
  fileName: string;
  size: number;
  encoding: CsvEncoding;
  head: Buffer;
  /** The temporary file holding the upload; the caller removes or keeps it. */
  tempFile: string;
}

/**
 * Reads a multipart upload: text fields, and the one `file` part streamed to a temporary file
 * under the imports directory, its encoding checked on the way.
 * Memory holds one network chunk and the head, whatever the size of the file.
 */
export async function receiveUpload(parts: AsyncIterable<UploadPart>, options: { directory: string }): Promise<ReceivedUpload> {
  const fields: Record<string, string> = {};
  let received: Omit<ReceivedUpload, "fields"> | undefined;
  try {
    for await (const part of parts) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || received) {
        part.file.resume();
        throw invalidField(`body.${part.fieldname}`, "send one file (CSV, XLSX or vCard), in the field named file");
      }
      received = await receiveFile(part, options);
    }
  } catch (error) {
    if (received) await fs.rm(received.tempFile, { force: true });
    throw error;
  }
  if (!received) throw invalidField("body.file", "is required: a CSV, XLSX or vCard file");
  if (received.size === 0) {
    await fs.rm(received.tempFile, { force: true });
    throw invalidField("body.file", "is empty");
  }
  return { fields, ...received };
}

async function receiveFile(part: Extract<UploadPart, { type: "file" }>, options: { directory: string }) {
  const detector = new EncodingDetector();
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const watcher = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      detector.push(chunk);
      if (headLength < headBytes) {
        head.push(chunk);
        headLength += chunk.length;
      }
      done(null, chunk);
    },
  });
  await fs.mkdir(options.directory, { recursive: true });
  const tempFile = path.join(options.directory, `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.partial`);
  try {
    await pipeline(part.file, watcher, createWriteStream(tempFile, { flags: "wx" }));
  } catch (error) {
    await fs.rm(tempFile, { force: true });
    throw error;
  }
  if (part.file.truncated) {
    await fs.rm(tempFile, { force: true });
    throw new AppError(413, "Payload Too Large", "The file is larger than the server accepts for an import (PILLAR_IMPORT_MAX_BYTES).");
  }
  return { fileName: part.filename || "import", size, encoding: detector.result(), head: Buffer.concat(head).subarray(0, headBytes), tempFile };
}

/** What the start of an upload says: its format, how its text reads, its header row and first data rows. */
export interface UploadStart {
  format: ImportFileFormat;
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  rows: CsvRecord[];
}

/**
 * The format (from the content), the header row and the first data rows. CSV and vCard are read
 * from the head kept in memory; an XLSX workbook can only be read whole, from the stored upload.
 */
export async function readStart(upload: ReceivedUpload): Promise<UploadStart> {
  const format = detectFormat(upload.head);
  const isWholeFile = upload.size <= headBytes;
  if (format === "xlsx") {
    const [header, ...rows] = await xlsxStart(upload.tempFile!, importPreviewRows);
    return { format, encoding: "utf-8", delimiter: "", headers: checkHeader(header), rows };
  }
  const text = new TextDecoder(upload.encoding).decode(upload.head, { stream: !isWholeFile });
  if (format === "vcard") return { format, encoding: upload.encoding, delimiter: "", headers: vCardHeaders, rows: vCardsIn(text, isWholeFile) };
  const chosen = detectDelimiter(text);
  // A quote left open is called broken within 64 KB here, so the preview shows the rows after it.
  const parser = new CsvParser(chosen, 64 * 1024);
  const [header, ...rows] = [...parser.push(text), ...(isWholeFile ? parser.end() : [])];
  return { format, encoding: upload.encoding, delimiter: chosen, headers: checkHeader(header), rows };
}

function checkHeader(header: CsvRecord | undefined): string[] {
  if (!header?.values || header.values.every((value) => value.trim() === "")) throw invalidField("body.file", "has no header row: the first line must name the columns");
  const headers = header.values.map((value) => value.trim());
  const seen = new Set<string>();
  for (const name of headers) {
    if (name === "") throw invalidField("body.file", "has a column without a name in its header row");
    if (seen.has(name)) throw invalidField("body.file", `names the column "${name}" twice in its header row`);
    seen.add(name);
  }
  return headers;
}
