import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { SheetError, SheetErrorCode, SheetLimitError } from '../errors.js';
import { grouped, sizeText } from '../limits.js';
import type { ReadLimits } from '../limits.js';

/**
 * Compressed bytes handed to the inflater at a time, one slice ahead at most: what the compression ratio
 * is measured against, so a part that inflates a thousandfold is stopped within its first few slices.
 */
const SLICE = 16 * 1024;
/** Unzipped bytes the inflater hands on at a time (and may run ahead by, while a chunk is parsed). */
const CHUNK = 64 * 1024;
/** Parts smaller than this are never refused for their ratio (a small styles.xml may compress 1:200). */
const RATIO_FLOOR = 1024 * 1024;
const STORED = 0;
const DEFLATED = 8;

export function invalidXlsx(file: string, reason: string): SheetError {
  return new SheetError(
    SheetErrorCode.InvalidXlsx,
    file,
    `${file} 不是有效的 XLSX 工作簿 (not a readable XLSX workbook: ${reason})`,
  );
}

/** The compressed slices of a part, counting what has been handed on. */
function* slices(data: Buffer, fed: { bytes: number }): Generator<Buffer> {
  for (let start = 0; start < data.length; start += SLICE) {
    const slice = data.subarray(start, start + SLICE);
    fed.bytes += slice.length;
    yield slice;
  }
}

/**
 * A workbook's zip, read with yauzl from the bytes in memory: its central directory once, then any part as
 * UTF-8 text, inflated as it is read (Node's zlib, 16 KiB at a time) and never written anywhere. Every limit
 * on bytes is checked as the bytes come: the part's size as declared and as unzipped, the workbook's unzipped
 * total and the compression ratio. Part names are matched without regard to case, as OPC says.
 */
export class XlsxZip {
  /** Unzipped bytes read from the workbook so far, all parts together. */
  private unzipped = 0;

  private constructor(
    private readonly zip: ZipFile,
    private readonly data: Buffer,
    private readonly entries: ReadonlyMap<string, Entry>,
    private readonly file: string,
    private readonly limits: ReadLimits,
  ) {}

  static async open(bytes: Uint8Array, file: string, limits: ReadLimits): Promise<XlsxZip> {
    const data = Buffer.isBuffer(bytes)
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let zip: ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(data, {
        lazyEntries: true,
        decodeStrings: true,
        validateEntrySizes: true,
      });
    } catch (error) {
      throw invalidXlsx(file, error instanceof Error ? error.message : String(error));
    }
    // yauzl reports trouble as 'error' events: with a listener always there, none can go uncaught.
    zip.on('error', () => undefined);
    if (zip.entryCount > limits.maxZipEntries) {
      throw new SheetLimitError(file, 'maxZipEntries', limits.maxZipEntries, {
        zh: `压缩包内有 ${grouped(zip.entryCount)} 个文件，`,
        en: `the zip's ${grouped(zip.entryCount)} files`,
      });
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) entries.set(entry.fileName.toLowerCase(), entry);
    } catch (error) {
      throw invalidXlsx(file, error instanceof Error ? error.message : String(error));
    }
    return new XlsxZip(zip, data, entries, file, limits);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Lets go of the zip (for bytes in memory, nothing is open: this only marks it closed). */
  close(): void {
    this.zip.close();
  }

  private overLimit(part: string, name: 'maxEntryBytes' | 'maxUnzippedBytes' | 'maxCompressionRatio') {
    const value = this.limits[name];
    const subject =
      name === 'maxUnzippedBytes'
        ? { zh: '解压后总计', en: 'the unzipped workbook' }
        : name === 'maxEntryBytes'
          ? { zh: `压缩包内的 ${part} 解压后`, en: `${part} unzipped` }
          : { zh: `压缩包内的 ${part} `, en: part };
    return new SheetLimitError(this.file, name, value, subject);
  }

  /**
   * A part's text, decoded as UTF-8 by one decoder for the whole part (so a character is never split
   * between chunks), as the inflater gives it. Throws SheetLimitError the moment a byte limit is passed and
   * SheetError (InvalidXlsx) for a part that is missing, encrypted, corrupt or bigger than it says.
   */
  async *text(part: string): AsyncGenerator<string> {
    const entry = this.entries.get(part.toLowerCase());
    if (entry === undefined) throw invalidXlsx(this.file, `no ${part}`);
    if (entry.isEncrypted()) throw invalidXlsx(this.file, `${part} is encrypted`);
    if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATED) {
      throw invalidXlsx(this.file, `${part} uses compression method ${entry.compressionMethod}`);
    }
    // Refused on what the zip declares, before a byte is inflated; what it inflates to is checked below.
    if (entry.uncompressedSize > this.limits.maxEntryBytes) throw this.overLimit(part, 'maxEntryBytes');
    if (this.unzipped + entry.uncompressedSize > this.limits.maxUnzippedBytes) {
      throw this.overLimit(part, 'maxUnzippedBytes');
    }
    let start: number;
    try {
      start = (await this.zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    } catch (error) {
      throw invalidXlsx(this.file, error instanceof Error ? error.message : String(error));
    }
    const stored = this.data.subarray(start, start + entry.compressedSize);
    const decoder = new StringDecoder('utf8');
    let inflated = 0;
    const count = (bytes: number, fed: number) => {
      inflated += bytes;
      this.unzipped += bytes;
      if (inflated > this.limits.maxEntryBytes) throw this.overLimit(part, 'maxEntryBytes');
      if (this.unzipped > this.limits.maxUnzippedBytes) throw this.overLimit(part, 'maxUnzippedBytes');
      if (inflated > RATIO_FLOOR && inflated > fed * this.limits.maxCompressionRatio) {
        throw this.overLimit(part, 'maxCompressionRatio');
      }
      if (inflated > entry.uncompressedSize) {
        throw invalidXlsx(
          this.file,
          `${part} unzips to more than the ${sizeText(entry.uncompressedSize)} it declares`,
        );
      }
    };

    if (entry.compressionMethod === STORED) {
      for (let at = 0; at < stored.length; at += SLICE) {
        const chunk = stored.subarray(at, at + SLICE);
        count(chunk.length, Number.POSITIVE_INFINITY);
        const text = decoder.write(chunk);
        if (text !== '') yield text;
      }
    } else {
      const fed = { bytes: 0 };
      const inflater = createInflateRaw({ chunkSize: CHUNK });
      // The pipeline ends (and destroys both streams) when the part is read, when the inflater fails, and
      // when the reader stops early: then the iterator below destroys the inflater, and the pipeline's
      // premature-close error is nobody's business.
      const piped = pipeline(Readable.from(slices(stored, fed), { highWaterMark: 1 }), inflater).catch(
        () => undefined,
      );
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          count(chunk.length, fed.bytes);
          const text = decoder.write(chunk);
          if (text !== '') yield text;
        }
      } catch (error) {
        if (error instanceof SheetError) throw error;
        throw invalidXlsx(this.file, `${part}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        inflater.destroy();
        await piped;
      }
    }
    if (inflated !== entry.uncompressedSize) {
      throw invalidXlsx(
        this.file,
        `${part} unzips to ${inflated} bytes, not the ${entry.uncompressedSize} it declares`,
      );
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }
}
