import { createReadStream } from "node:fs";

/** One record of a CSV file: its cells, or, when its quoting is broken, the raw line it was rejected with. */
export type CsvRecord = { values: string[]; brokenLine?: undefined } | { values?: undefined; brokenLine: string };

const quote = 34;
const carriageReturn = 13;
const lineFeed = 10;

type Step = { record: CsvRecord; next: number } | "incomplete";

/**
 * A streaming CSV parser (RFC 4180 plus what real exports do) that never gives up on a file:
 * a quoted field may span lines, `""` is a quote, a quote inside an unquoted field is kept as
 * text, and a record whose quoting is broken (a quote that never closes, or text right after a
 * closing quote) is rejected alone: its physical line is returned as `brokenLine` and parsing
 * goes on from the next line. Text is fed in pieces of any size; records come out in order.
 */
export class CsvParser {
  private pending = "";
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    /** A quoted field longer than this is taken as an unclosed quote. */
    private readonly maxRecordChars = 1_000_000,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string): CsvRecord[] {
    this.pending = this.pending.length ? this.pending + text : text;
    return this.drain(false);
  }

  end(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(isFinal: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const buffer = this.pending;
    let start = 0;
    while (start < buffer.length) {
      const step = this.parseRecord(buffer, start, isFinal);
      if (step === "incomplete") break;
      start = step.next;
      // A blank line is no record.
      if (step.record.values && step.record.values.length === 1 && step.record.values[0] === "") continue;
      records.push(step.record);
    }
    this.pending = start === 0 ? buffer : buffer.slice(start);
    if (isFinal) this.pending = "";
    return records;
  }

  private parseRecord(buffer: string, start: number, isFinal: boolean): Step {
    const length = buffer.length;
    const values: string[] = [];
    let position = start;
    for (;;) {
      if (position >= length) {
        if (!isFinal) return "incomplete";
        values.push("");
        return { record: { values }, next: length };
      }
      if (buffer.charCodeAt(position) === quote) {
        let value = "";
        let from = position + 1;
        for (;;) {
          const closing = buffer.indexOf('"', from);
          if (closing === -1 || (closing === length - 1 && !isFinal)) {
            if (!isFinal && length - start <= this.maxRecordChars) return "incomplete";
            return this.broken(buffer, start, isFinal);
          }
          if (buffer.charCodeAt(closing + 1) === quote) {
            value += buffer.slice(from, closing + 1);
            from = closing + 2;
            continue;
          }
          value += buffer.slice(from, closing);
          position = closing + 1;
          break;
        }
        if (position - start > this.maxRecordChars) return this.broken(buffer, start, isFinal);
        if (position >= length) {
          if (!isFinal) return "incomplete";
          values.push(value);
          return { record: { values }, next: length };
        }
        const after = buffer.charCodeAt(position);
        if (after === this.delimiter) {
          values.push(value);
          position += 1;
          continue;
        }
        if (after === lineFeed || after === carriageReturn) {
          values.push(value);
          const next = this.afterLineBreak(buffer, position, isFinal);
          if (next === undefined) return "incomplete";
          return { record: { values }, next };
        }
        return this.broken(buffer, start, isFinal);
      }
      let end = position;
      while (end < length) {
        const code = buffer.charCodeAt(end);
        if (code === this.delimiter || code === lineFeed || code === carriageReturn) break;
        end += 1;
      }
      if (end >= length) {
        if (!isFinal) return "incomplete";
        values.push(buffer.slice(position, end));
        return { record: { values }, next: length };
      }
      values.push(buffer.slice(position, end));
      if (buffer.charCodeAt(end) === this.delimiter) {
        position = end + 1;
        continue;
      }
      const next = this.afterLineBreak(buffer, end, isFinal);
      if (next === undefined) return "incomplete";
      return { record: { values }, next };
    }
  }

  /** Where the next record starts after the line break at `position` (CRLF, LF or CR). */
  private afterLineBreak(buffer: string, position: number, isFinal: boolean): number | undefined {
    if (buffer.charCodeAt(position) === carriageReturn) {
      if (position + 1 >= buffer.length) return isFinal ? position + 1 : undefined;
      return buffer.charCodeAt(position + 1) === lineFeed ? position + 2 : position + 1;
    }
    return position + 1;
  }

  /** Rejects the physical line the record started on; parsing resumes on the next line. */
  private broken(buffer: string, start: number, isFinal: boolean): Step {
    let end = start;
    while (end < buffer.length && buffer.charCodeAt(end) !== lineFeed && buffer.charCodeAt(end) !== carriageReturn) end += 1;
    if (end >= buffer.length) {
      if (!isFinal) return "incomplete";
      return { record: { brokenLine: buffer.slice(start) }, next: buffer.length };
    }
    const next = this.afterLineBreak(buffer, end, isFinal);
    if (next === undefined) return "incomplete";
    return { record: { brokenLine: buffer.slice(start, end) }, next };
  }
}

/** The file's text, decoded piece by piece (a character split across two reads is kept whole). */
export async function* readText(file: string, encoding: string, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of createReadStream(file, { highWaterMark: chunkBytes })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Every record of a CSV file, the header row first; memory stays at one read chunk plus one record. */
export async function* readCsv(file: string, encoding: string, delimiter: string): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(delimiter);
  for await (const text of readText(file, encoding)) yield* parser.push(text);
  yield* parser.end();
}
