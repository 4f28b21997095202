/**
 * Encoding and delimiter detection for uploaded CSV files. UTF-8 (with or without a byte-order
 * mark) is checked over the whole file as it streams in; a file that is not valid UTF-8 is read
 * as Windows-1252, the encoding of Excel's "CSV" export on Western Windows.
 */

export type CsvEncoding = "utf-8" | "utf-16le" | "windows-1252";

/** Watches bytes go by and tells at the end which encoding they are in. */
export class EncodingDetector {
  private decoder = new TextDecoder("utf-8", { fatal: true });
  private isUtf8 = true;
  private first: Buffer | undefined;

  push(chunk: Buffer) {
    if (!this.first) this.first = chunk.subarray(0, 4);
    if (!this.isUtf8) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.isUtf8 = false;
    }
  }

  result(): CsvEncoding {
    if (this.first && this.first[0] === 0xff && this.first[1] === 0xfe) return "utf-16le";
    if (!this.isUtf8) return "windows-1252";
    try {
      this.decoder.decode();
    } catch {
      // A file cut in the middle of a character: still UTF-8 for all that came before.
    }
    return "utf-8";
  }
}

export function detectEncoding(bytes: Buffer): CsvEncoding {
  const detector = new EncodingDetector();
  detector.push(bytes);
  return detector.result();
}

export const delimiters = [",", ";", "\t"] as const;

/** Counts a delimiter on one line, outside quoted text. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let isQuoted = false;
  for (const character of line) {
    if (character === '"') isQuoted = !isQuoted;
    else if (character === delimiter && !isQuoted) count += 1;
  }
  return count;
}

/**
 * The delimiter that splits the first lines most consistently: the one whose count on the header
 * line is repeated on the most following lines, the higher count winning a tie. A file with one
 * column has none of them and reads as comma-separated.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== "").slice(0, 20);
  if (lines.length === 0) return ",";
  let best: { delimiter: string; score: number; count: number } = { delimiter: ",", score: -1, count: 0 };
  for (const delimiter of delimiters) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const header = counts[0];
    if (header === 0) continue;
    const score = counts.filter((count) => count === header).length;
    if (score > best.score || (score === best.score && header > best.count)) best = { delimiter, score, count: header };
  }
  return best.delimiter;
}

export const delimiterName = (delimiter: string) => (delimiter === "\t" ? "tab" : delimiter);
