import type { Writable } from 'node:stream';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * The smallest zip writer an XLSX needs: entries one after another, each deflated as its bytes come and
 * written to the stream at once, so that a 100k-row sheet never exists in memory as XML. Written here
 * rather than taken from a library because what is needed is small and synchronous: the workbook's rows
 * arrive from a synchronous loop, and a stream-based zip (archiver, as exceljs uses) would queue every
 * row's XML until that loop ends.
 *
 * Each slice of an entry is deflated on its own by zlib and ended with a sync flush (an empty stored
 * block, byte-aligned, not final), so the slices concatenate into one valid deflate stream that an empty
 * final block closes. Each slice starts with an empty window, which costs well under 1% of size at the
 * slice sizes used. Sizes and CRC go in a data descriptor after each entry (general-purpose flag bit 3),
 * as every streaming zip writer does. No ZIP64: an entry or a file over 4 GiB, or more than 65,535 entries,
 * is refused rather than written wrong.
 */

const LOCAL_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Sizes and CRC in a data descriptor (bit 3); names in UTF-8 (bit 11). */
const FLAGS = 0x0008 | 0x0800;
const DEFLATED = 8;
/** 2.0: deflate. */
const VERSION = 20;
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** A final fixed-Huffman block holding only its end code: closes the sync-flushed slices. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/**
 * zlib level 3: on sheet XML it takes half the CPU of the default level 6 for files about 14% larger
 * (measured on a 56 MB result sheet: 0.43 s against 0.87 s, 8.5 MB against 7.5 MB).
 */
const LEVEL = 3;

interface EntryRecord {
  readonly name: Buffer;
  readonly offset: number;
  readonly crc: number;
  readonly compressed: number;
  readonly size: number;
}

/** MS-DOS date and time, as zip headers keep them (local time, 2-second steps, from 1980). */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

export class ZipWriter {
  readonly #stream: Writable;
  readonly #entries: EntryRecord[] = [];
  readonly #stamp = dosDateTime(new Date());
  #offset = 0;
  #open: ZipEntry | null = null;
  #finished = false;

  constructor(stream: Writable) {
    this.#stream = stream;
  }

  /** Starts an entry; the one before must be ended. */
  entry(name: string): ZipEntry {
    if (this.#finished) throw new Error('the zip is finished');
    if (this.#open !== null) throw new Error(`zip entry ${this.#open.name} is still open`);
    if (this.#entries.length >= MAX_ENTRIES)
      throw new RangeError('more zip entries than a zip without ZIP64 holds');
    const encoded = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATED, 8);
    header.writeUInt16LE(this.#stamp.time, 10);
    header.writeUInt16LE(this.#stamp.date, 12);
    // CRC and sizes (14–25) stay 0: the data descriptor carries them.
    header.writeUInt16LE(encoded.length, 26);
    const offset = this.#offset;
    this.#emit(header);
    this.#emit(encoded);
    const entry = new ZipEntry(
      name,
      (compressed) => {
        this.#emit(compressed);
      },
      (crc, compressedSize, size) => {
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressedSize, 8);
        descriptor.writeUInt32LE(size, 12);
        this.#emit(descriptor);
        this.#entries.push({ name: encoded, offset, crc, compressed: compressedSize, size });
        this.#open = null;
      },
    );
    this.#open = entry;
    return entry;
  }

  /** One whole entry at once. */
  add(name: string, content: string): void {
    const entry = this.entry(name);
    entry.text(content);
    entry.end();
  }

  /** Writes the central directory and ends the stream; resolves once the stream has taken every byte. */
  async finish(): Promise<void> {
    if (this.#open !== null) throw new Error(`zip entry ${this.#open.name} is still open`);
    this.#finished = true;
    const start = this.#offset;
    for (const entry of this.#entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(FLAGS, 8);
      header.writeUInt16LE(DEFLATED, 10);
      header.writeUInt16LE(this.#stamp.time, 12);
      header.writeUInt16LE(this.#stamp.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressed, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      // Extra field, comment, disk number, attributes (30–41): none.
      header.writeUInt32LE(entry.offset, 42);
      this.#emit(header);
      this.#emit(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.#entries.length, 8);
    end.writeUInt16LE(this.#entries.length, 10);
    end.writeUInt32LE(this.#offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.#emit(end);
    const stream = this.#stream;
    await new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => {
        reject(error);
      };
      stream.once('error', failed);
      stream.end((error?: Error | null) => {
        stream.off('error', failed);
        if (error) reject(error);
        else resolve();
      });
    });
  }

  #emit(bytes: Buffer): void {
    this.#offset += bytes.length;
    if (this.#offset > MAX_32)
      throw new RangeError('a zip over 4 GiB needs ZIP64, which this writer does not write');
    this.#stream.write(bytes);
  }
}

/** Bytes of text gathered before they are deflated as one slice: large enough to compress well. */
const SLICE = 256 * 1024;
const encoder = new TextEncoder();

/** One entry being written: its text piece by piece (or bytes), then `end`. */
export class ZipEntry {
  #crc = 0;
  #size = 0;
  #compressed = 0;
  #ended = false;
  /** Text encoded as UTF-8 and not yet deflated. */
  readonly #pending = Buffer.allocUnsafe(SLICE);
  #used = 0;

  constructor(
    readonly name: string,
    private readonly out: (compressed: Buffer) => void,
    private readonly done: (crc: number, compressed: number, size: number) => void,
  ) {}

  /**
   * Appends text, encoded straight into the slice buffer: joining a sheet's pieces into large strings
   * first would only give the collector more to trace.
   */
  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4 bytes).
    if (this.#used + text.length * 3 > SLICE) {
      this.#flush();
      if (text.length * 3 > SLICE) {
        this.write(encoder.encode(text));
        return;
      }
    }
    this.#used += encoder.encodeInto(text, this.#pending.subarray(this.#used)).written;
  }

  #flush(): void {
    if (this.#used === 0) return;
    const used = this.#used;
    this.#used = 0;
    this.write(this.#pending.subarray(0, used));
  }

  /** Appends bytes (after any text before them), deflated at once. */
  write(bytes: Uint8Array): void {
    this.#flush();
    if (this.#ended) throw new Error(`zip entry ${this.name} is ended`);
    if (bytes.length === 0) return;
    this.#crc = crc32(bytes, this.#crc);
    this.#size += bytes.length;
    const compressed = deflateRawSync(bytes, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
    this.#compressed += compressed.length;
    if (this.#size > MAX_32 || this.#compressed > MAX_32) {
      throw new RangeError(`zip entry ${this.name} is over 4 GiB, which needs ZIP64`);
    }
    this.out(compressed);
  }

  end(): void {
    if (this.#ended) return;
    this.#flush();
    this.#ended = true;
    this.out(FINAL_BLOCK);
    this.#compressed += FINAL_BLOCK.length;
    this.done(this.#crc >>> 0, this.#compressed, this.#size);
  }
}
