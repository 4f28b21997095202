import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import { PassThrough, pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";

/**
 * Reads single entries of a ZIP file on disk (PKWARE APPNOTE) through its central directory, so
 * only the parts asked for are read, in any order, whatever order the writer stored them in, and
 * sizes are known even when the writer put them in data descriptors after the data. Entries are
 * inflated as streams with node's zlib. ZIP64 is understood; encryption is not (XLSX never uses it).
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const zip64LocatorSignature = 0x07064b50;
const zip64EndSignature = 0x06064b50;
const directoryHeaderSignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const maxDirectoryBytes = 64 * 1024 * 1024;

async function readAt(handle: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  if (bytesRead < length) throw new Error("the ZIP file is cut short");
  return buffer;
}

interface Directory {
  offset: number;
  size: number;
  count: number;
}

async function findDirectory(handle: fs.FileHandle): Promise<Directory> {
  const { size: fileSize } = await handle.stat();
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let end = -1;
  for (let position = tail.length - 22; position >= 0 && end < 0; position--) if (tail.readUInt32LE(position) === endOfDirectorySignature) end = position;
  if (end < 0) throw new Error("no ZIP directory found");
  const directory = { count: tail.readUInt16LE(end + 10), size: tail.readUInt32LE(end + 12), offset: tail.readUInt32LE(end + 16) };
  if (directory.count !== 0xffff && directory.size !== 0xffffffff && directory.offset !== 0xffffffff) return directory;
  const locator = fileSize - tailLength + end - 20;
  const locatorRecord = locator >= 0 ? await readAt(handle, locator, 20) : undefined;
  if (locatorRecord?.readUInt32LE(0) !== zip64LocatorSignature) throw new Error("the ZIP64 directory is missing");
  const record = await readAt(handle, Number(locatorRecord.readBigUInt64LE(8)), 56);
  if (record.readUInt32LE(0) !== zip64EndSignature) throw new Error("the ZIP64 directory is damaged");
  return { count: Number(record.readBigUInt64LE(32)), size: Number(record.readBigUInt64LE(40)), offset: Number(record.readBigUInt64LE(48)) };
}

/** Sizes and offsets too large for 32 bits are 0xffffffff in the header and sit in the ZIP64 extra field, in this order. */
function zip64Values(extra: Buffer, uncompressed: number, compressed: number, offset: number) {
  const values = { compressed, offset };
  for (let position = 0; position + 4 <= extra.length; position += 4 + extra.readUInt16LE(position + 2)) {
    if (extra.readUInt16LE(position) !== 0x0001) continue;
    let field = position + 4;
    const next = () => Number(extra.readBigUInt64LE((field += 8) - 8));
    if (uncompressed === 0xffffffff) next();
    if (compressed === 0xffffffff) values.compressed = next();
    if (offset === 0xffffffff) values.offset = next();
  }
  return values;
}

export class ZipFile {
  private readonly byLowerName = new Map<string, ZipEntry>();

  private constructor(
    private readonly file: string,
    private readonly handle: fs.FileHandle,
    private readonly entries: Map<string, ZipEntry>,
  ) {
    for (const entry of entries.values()) this.byLowerName.set(entry.name.toLowerCase(), entry);
  }

  static async open(file: string): Promise<ZipFile> {
    const handle = await fs.open(file, "r");
    try {
      const directory = await findDirectory(handle);
      if (directory.size > maxDirectoryBytes) throw new Error("the ZIP directory is implausibly large");
      const data = await readAt(handle, directory.offset, directory.size);
      const entries = new Map<string, ZipEntry>();
      let position = 0;
      for (let index = 0; index < directory.count; index++) {
        if (position + 46 > data.length || data.readUInt32LE(position) !== directoryHeaderSignature) throw new Error("the ZIP directory is damaged");
        const flags = data.readUInt16LE(position + 8);
        const nameLength = data.readUInt16LE(position + 28);
        const extraLength = data.readUInt16LE(position + 30);
        const commentLength = data.readUInt16LE(position + 32);
        const name = data.toString(flags & 0x800 ? "utf8" : "latin1", position + 46, position + 46 + nameLength);
        const extra = data.subarray(position + 46 + nameLength, position + 46 + nameLength + extraLength);
        const sizes = zip64Values(extra, data.readUInt32LE(position + 24), data.readUInt32LE(position + 20), data.readUInt32LE(position + 42));
        entries.set(name, { name, flags, method: data.readUInt16LE(position + 10), compressedSize: sizes.compressed, localHeaderOffset: sizes.offset });
        position += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipFile(file, handle, entries);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The entry of that name; part names in OOXML are case-insensitive. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** The entry's content, inflated, as a stream; destroying the stream stops the reading. */
  async open(entry: ZipEntry): Promise<Readable> {
    if (entry.flags & 0x1) throw new Error(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8) throw new Error(`${entry.name} uses compression method ${entry.method}, which is not supported`);
    const header = await readAt(this.handle, entry.localHeaderOffset, 30);
    if (header.readUInt32LE(0) !== localHeaderSignature) throw new Error(`the ZIP entry ${entry.name} is damaged`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (entry.compressedSize === 0) return new PassThrough().end();
    const raw = createReadStream(this.file, { start, end: start + entry.compressedSize - 1 });
    if (entry.method === 0) return raw;
    // pipeline carries an error or an early stop from either side to the other.
    return pipeline(raw, zlib.createInflateRaw(), () => {});
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
