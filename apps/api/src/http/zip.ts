import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A ZIP archive (PKWARE APPNOTE 6.3, the subset every unzipper reads): deflated, names in UTF-8 (general purpose flag bit 11, which Windows' Explorer and 7-Zip honour for
 * Chinese names). For answers that must carry several files at once, such as activation codes, which
 * exist in plain text only in the response that issues them. Written as a stream: each file is asked
 * for, deflated and sent in turn, so only one file and the central directory (a few dozen bytes a file)
 * are held at once, however many files the archive has.
 */

export const ZIP_TYPE = 'application/zip';

/** A file of the archive: its bytes, or its bytes deflated already (see deflated). */
export type ZipEntry = { readonly name: string } & (
  { readonly bytes: Uint8Array } | { readonly deflated: Deflated }
);

/** A file's bytes as the archive stores them, made where the file is (a worker thread): see zipStream. */
export interface Deflated {
  readonly data: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

export function deflated(bytes: Uint8Array): Deflated {
  return { data: deflateRawSync(bytes), crc: crc32(bytes), size: bytes.length };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** DOS date and time of an instant, in the archive's local time (Asia/Shanghai for our readers). */
function dosTime(at: Date): { time: number; date: number } {
  const local = new Date(at.getTime() + 8 * 3600_000);
  return {
    time: (local.getUTCHours() << 11) | (local.getUTCMinutes() << 5) | Math.floor(local.getUTCSeconds() / 2),
    date: ((local.getUTCFullYear() - 1980) << 9) | ((local.getUTCMonth() + 1) << 5) | local.getUTCDate(),
  };
}

/** What an entry's local header and central directory record say of it. */
export interface EntryFacts {
  /** The name as UTF-8. */
  readonly name: Buffer;
  readonly crc: number;
  /** Deflated and whole sizes in bytes (no zip64: each under 4 GiB). */
  readonly compressedSize: number;
  readonly size: number;
  /** Where the entry's local header starts in the archive. */
  readonly offset: number;
  /** DOS time and date. */
  readonly time: number;
  readonly date: number;
}

/** An entry's local header (followed by its name and data) and its central directory record (by its name). */
export function entryRecords(entry: EntryFacts): { local: Buffer; central: Buffer } {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  local.writeUInt16LE(UTF8_NAMES, 6);
  local.writeUInt16LE(DEFLATE, 8);
  local.writeUInt16LE(entry.time, 10);
  local.writeUInt16LE(entry.date, 12);
  local.writeUInt32LE(entry.crc >>> 0, 14);
  local.writeUInt32LE(entry.compressedSize, 18);
  local.writeUInt32LE(entry.size, 22);
  local.writeUInt16LE(entry.name.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by: 2.0
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(UTF8_NAMES, 8);
  central.writeUInt16LE(DEFLATE, 10);
  central.writeUInt16LE(entry.time, 12);
  central.writeUInt16LE(entry.date, 14);
  central.writeUInt32LE(entry.crc >>> 0, 16);
  central.writeUInt32LE(entry.compressedSize, 20);
  central.writeUInt32LE(entry.size, 24);
  central.writeUInt16LE(entry.name.length, 28);
  central.writeUInt32LE(entry.offset, 42);
  return { local, central };
}

/** The end of central directory record: `count` entries, the directory's length and where it starts. */
export function endRecord(count: number, directoryLength: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/**
 * The archive's bytes as each entry is taken from `entries`: the entry's local header and deflated data
 * (sizes and CRC known, since the entry is whole), then, after the last, the central directory.
 */
export async function* zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  at: Date,
): AsyncGenerator<Uint8Array> {
  const { time, date } = dosTime(at);
  const centrals: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for await (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const { data, crc, size } = 'deflated' in entry ? entry.deflated : deflated(entry.bytes);
    const { local, central } = entryRecords({
      name,
      crc,
      compressedSize: data.length,
      size,
      offset,
      time,
      date,
    });
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
    count += 1;
    yield Buffer.concat([local, name, data]);
  }
  const directory = Buffer.concat(centrals);
  yield Buffer.concat([directory, endRecord(count, directory.length, offset)]);
}
