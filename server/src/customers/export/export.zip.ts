import { once } from "node:events";
import zlib from "node:zlib";

/**
 * A minimal streaming ZIP writer (PKWARE APPNOTE): deflated entries whose data comes from an
 * async source, sizes and CRC in a data descriptor after the data, then the central directory.
 * Enough for an XLSX file; no ZIP64, so one entry stays under 4 GiB.
 */
const crcTable = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

export function crc32(data: Buffer, previous = 0): number {
  let crc = ~previous >>> 0;
  for (const byte of data) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}

export interface ZipEntry {
  name: string;
  content: AsyncIterable<string | Buffer>;
}

// 1980-01-01 00:00 in DOS format: the date is of no use to a download and keeps output deterministic.
const dosTime = 0;
const dosDate = (0 << 9) | (1 << 5) | 1;

export async function* zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  const central: Buffer[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0808, 6); // data descriptor follows; names are UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt16LE(name.length, 26);
    yield Buffer.concat([local, name]);
    const localOffset = offset;
    offset += local.length + name.length;

    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const deflate = zlib.createDeflateRaw();
    const feed = (async () => {
      for await (const part of entry.content) {
        const data = typeof part === "string" ? Buffer.from(part, "utf8") : part;
        crc = crc32(data, crc);
        size += data.length;
        if (!deflate.write(data)) await once(deflate, "drain");
      }
      deflate.end();
    })().catch((error: unknown) => deflate.destroy(error as Error));
    for await (const chunk of deflate) {
      compressedSize += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    await feed;
    if (size > 0xffffffff || compressedSize > 0xffffffff) throw new Error("the export is larger than a ZIP without ZIP64 can hold");

    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(compressedSize, 8);
    descriptor.writeUInt32LE(size, 12);
    yield descriptor;
    offset += compressedSize + descriptor.length;

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0808, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressedSize, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(localOffset, 42);
    central.push(header, name);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directory, end]);
}
