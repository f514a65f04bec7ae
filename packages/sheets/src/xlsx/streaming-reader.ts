import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { utf8Chunks } from './utf8-chunks.js';

/**
 * exceljs's streaming WorkbookReader, made safe for Chinese text and tidy with its temporary files.
 *
 * Text: exceljs 4.4.0 decodes every zip chunk as UTF-8 on its own, so a character split across two 16 KB
 * chunks becomes `��` (exceljs/exceljs#2063 and #2084, open; fixes proposed in #1665, #1821 and #2894,
 * none merged). On a real county file that is a few names in every thousand, silently. As those reports
 * propose, each XML part reaches the SAX parser as text decoded by one StringDecoder (`setEncoding` on a
 * zip entry, utf8Chunks on a worksheet); the reader passes strings through unchanged.
 *
 * Files: a worksheet that comes before the shared strings in the zip (as Excel and exceljs write them) is
 * parked in a temporary file, removed only when the reader moves past the sheet. A sheet that is skipped
 * unread has its file stream destroyed, so that nothing stays open once the workbook is read to the end.
 */

/** The reader's undeclared parts that read XML: zip entries (streams), worksheets (iterables). */
interface ReaderParts {
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<{ value: unknown }>;
}

const ENTRY_PARTS = ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings'] as const;

/** Each worksheet reader's raw source: a zip entry's iterator or a temporary file's stream. */
const SOURCES = new WeakMap<object, AsyncIterable<Buffer | string>>();

export type StreamingReader = ExcelJS.stream.xlsx.WorkbookReader;

export function streamingReader(bytes: Uint8Array): StreamingReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Number formats, so that date cells come as dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const parts = reader as unknown as ReaderParts;
  for (const name of ENTRY_PARTS) {
    const original = parts[name].bind(reader) as (entry: NodeJS.ReadableStream) => unknown;
    (parts as unknown as Record<string, unknown>)[name] = (entry: NodeJS.ReadableStream) => {
      entry.setEncoding('utf8');
      return original(entry);
    };
  }
  const parseWorksheet = parts._parseWorksheet.bind(reader);
  parts._parseWorksheet = function* (iterator, sheetNo) {
    for (const event of parseWorksheet(utf8Chunks(iterator), sheetNo)) {
      if (typeof event.value === 'object' && event.value !== null) SOURCES.set(event.value, iterator);
      yield event;
    }
  };
  return reader;
}

/** Lets go of a worksheet that will not be read: a temporary file's stream is closed. */
export function discardSheet(sheet: object): void {
  const source = SOURCES.get(sheet);
  if (source instanceof Readable) source.destroy();
}
