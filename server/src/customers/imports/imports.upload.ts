import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { AppError, invalidField } from "../../platform/http/app-error.js";
import { CsvParser } from "./imports.csv.js";
import { detectDelimiter, EncodingDetector, type CsvEncoding } from "./imports.detect.js";

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
  /** The temporary file holding the upload (absent when only the head was kept). */
  tempFile?: string;
}

/**
 * Reads a multipart upload: text fields, and the one `file` part streamed to a temporary file
 * under the imports directory (or only its head, for a preview), its encoding checked on the way.
 * Memory holds one network chunk and the head, whatever the size of the file.
 */
export async function receiveUpload(parts: AsyncIterable<UploadPart>, options: { directory: string; keepFile: boolean }): Promise<ReceivedUpload> {
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
        throw invalidField(`body.${part.fieldname}`, "send one CSV file, in the field named file");
      }
      received = await receiveFile(part, options);
    }
  } catch (error) {
    if (received?.tempFile) await fs.rm(received.tempFile, { force: true });
    throw error;
  }
  if (!received) throw invalidField("body.file", "is required: a CSV file");
  if (received.size === 0) {
    if (received.tempFile) await fs.rm(received.tempFile, { force: true });
    throw invalidField("body.file", "is empty");
  }
  return { fields, ...received };
}

async function receiveFile(part: Extract<UploadPart, { type: "file" }>, options: { directory: string; keepFile: boolean }) {
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
      done(null, options.keepFile ? chunk : undefined);
    },
  });
  let tempFile: string | undefined;
  if (options.keepFile) {
    await fs.mkdir(options.directory, { recursive: true });
    tempFile = path.join(options.directory, `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.partial`);
    try {
      await pipeline(part.file, watcher, createWriteStream(tempFile, { flags: "wx" }));
    } catch (error) {
      await fs.rm(tempFile, { force: true });
      throw error;
    }
  } else {
    await pipeline(part.file, watcher, async function (source) {
      for await (const _chunk of source) {
        // Only the head is wanted; the rest of the upload is read and dropped.
      }
    });
  }
  if (part.file.truncated) {
    if (tempFile) await fs.rm(tempFile, { force: true });
    throw new AppError(413, "Payload Too Large", "The file is larger than the server accepts for an import (PILLAR_IMPORT_MAX_BYTES).");
  }
  return { fileName: part.filename || "import.csv", size, encoding: detector.result(), head: Buffer.concat(head).subarray(0, headBytes), tempFile };
}

/** The delimiter, the header row and the first data rows, from the start of the file. */
export function readHead(head: Buffer, encoding: CsvEncoding, isWholeFile: boolean, delimiter?: string) {
  const text = new TextDecoder(encoding).decode(head, { stream: !isWholeFile });
  const chosen = delimiter ?? detectDelimiter(text);
  // A quote left open is called broken within 64 KB here, so the preview shows the rows after it.
  const parser = new CsvParser(chosen, 64 * 1024);
  const records = [...parser.push(text), ...(isWholeFile ? parser.end() : [])];
  const [header, ...rows] = records;
  if (!header?.values || header.values.every((value) => value.trim() === "")) throw invalidField("body.file", "has no header row: the first line must name the columns");
  const headers = header.values.map((value) => value.trim());
  const seen = new Set<string>();
  for (const name of headers) {
    if (name === "") throw invalidField("body.file", "has a column without a name in its header row");
    if (seen.has(name)) throw invalidField("body.file", `names the column "${name}" twice in its header row`);
    seen.add(name);
  }
  return { delimiter: chosen, headers, rows };
}
