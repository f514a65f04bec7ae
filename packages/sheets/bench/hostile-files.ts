/**
 * Hostile spreadsheets, made in memory for the reader's tests and for `hostile-read.bench.ts`: a CSV of
 * one code repeated, a CSV of millions of invalid rows, and XLSX workbooks whose one sheet repeats a row
 * many times (a zip bomb when the rows add up to a gigabyte).
 *
 * The workbooks are written with fflate's Zip, and the sheet's deflate stream is built without ever
 * holding (or compressing) the whole sheet: a block of repeated rows is compressed once, from a fresh
 * state and flushed to a byte boundary, so the same compressed bytes can follow one another as often as
 * the rows repeat (each copy refers back only within itself). The CRC comes from zlib.crc32, block by block.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { strToU8, Zip, ZipPassThrough } from 'fflate';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';

/** The five columns every grading needs, as a clerk's file spells them. */
export const HEADERS = ['统一社会信用代码', '企业名称', '企业规模', '用地面积(亩)', '税收实际贡献(万元)'];

/** `header` then `row` `count` times, as CSV text. */
export function repeatedCsv(count: number, row = 'X,a,b,c,d'): string {
  return `${HEADERS.join(',')}\n${`${row}\n`.repeat(count)}`;
}

/** `count` rows, every one invalid (a distinct code that is no 统一社会信用代码, bad figures), as CSV bytes. */
export function invalidRowsCsv(count: number): Buffer {
  const parts: string[] = [`${HEADERS.join(',')}\n`];
  for (let i = 0; i < count; i += 1) parts.push(`${i},a,b,c,d\n`);
  return Buffer.from(parts.join(''));
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A row of inline-string cells. Without `row` neither the row nor its cells carry an `r` attribute (Excel
 * numbers them in order); with it, every copy of the row claims that number, as a file crafted to repeat
 * one row exactly would (exceljs needs the cells' references).
 */
export function inlineRow(cells: readonly string[], row?: number): string {
  const xml = cells
    .map((cell, i) => {
      const ref = row === undefined ? '' : ` r="${String.fromCharCode(65 + i)}${row}"`;
      return `<c${ref} t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
    })
    .join('');
  return row === undefined ? `<row>${xml}</row>` : `<row r="${row}">${xml}</row>`;
}

/** A deflate stream in pieces: compressed, non-final and byte-aligned, so pieces may be concatenated. */
function segment(text: string, final = false): Uint8Array<ArrayBuffer> {
  const flush = final ? constants.Z_FINISH : constants.Z_FULL_FLUSH;
  return new Uint8Array(deflateRawSync(Buffer.from(text), { level: 9, finishFlush: flush }));
}

/** A zip entry whose deflate stream is given as ready pieces, with its size and CRC worked out ahead. */
class PrecompressedEntry implements ZipInputFile {
  readonly compression = 8;
  ondata: AsyncFlateStreamHandler = () => undefined;

  constructor(
    readonly filename: string,
    readonly size: number,
    readonly crc: number,
  ) {}

  push(deflated: Uint8Array<ArrayBuffer>, final = false): void {
    this.ondata(null, deflated, final);
  }
}

export interface RepeatedSheet {
  /** The header row's cells; none when absent. */
  readonly header?: readonly string[];
  /** One row's XML, repeated `count` times (see inlineRow). */
  readonly row: string;
  readonly count: number;
  /** Number the header row 1 (its cells A1, B1, …); give `row` its own number (see inlineRow). */
  readonly refs?: boolean;
}

/**
 * An XLSX workbook (one visible sheet, 数据) whose sheet XML is the header row, then `row` `count` times.
 * The sheet may unpack to gigabytes while the workbook stays a few hundred kilobytes per 100 MB of rows.
 */
export function repeatedRowsXlsx(sheet: RepeatedSheet): Buffer {
  const chunks: Uint8Array[] = [];
  const failures: Error[] = [];
  const zip = new Zip((error, chunk) => {
    if (error !== null) failures.push(error);
    else chunks.push(chunk);
  });
  const file = (name: string, text: string) => {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  file(
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  );
  file(
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" ` +
      `Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  file(
    'xl/workbook.xml',
    `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      '<sheet name="数据" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  file(
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" ` +
      `Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" ` +
      `Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  file(
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/></font></fonts>` +
      '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
      '<borders count="1"><border/></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
      '</styleSheet>',
  );

  // The sheet: a head, the repeated rows in blocks of about 1 MiB, a tail.
  const header =
    sheet.header === undefined ? '' : inlineRow(sheet.header, sheet.refs === true ? 1 : undefined);
  const head = `${XML}<worksheet xmlns="${MAIN}"><sheetData>${header}`;
  const tail = '</sheetData></worksheet>';
  const perBlock = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(sheet.row)));
  const blockOf = (rows: number) => ({ text: Buffer.from(sheet.row.repeat(rows)), rows });
  const full = blockOf(Math.min(perBlock, sheet.count));
  const fullBlocks = Math.floor(sheet.count / full.rows);
  const rest = blockOf(sheet.count - fullBlocks * full.rows);
  let crc = crc32(head);
  for (let i = 0; i < fullBlocks; i += 1) crc = crc32(full.text, crc);
  crc = crc32(tail, crc32(rest.text, crc));
  const size =
    Buffer.byteLength(head) + fullBlocks * full.text.length + rest.text.length + Buffer.byteLength(tail);
  const entry = new PrecompressedEntry('xl/worksheets/sheet1.xml', size, crc);
  zip.add(entry);
  entry.push(segment(head));
  const compressedBlock = segment(full.text.toString());
  for (let i = 0; i < fullBlocks; i += 1) entry.push(compressedBlock);
  if (rest.rows > 0) entry.push(segment(rest.text.toString()));
  entry.push(segment(tail, true), true);
  zip.end();
  if (failures[0] !== undefined) throw failures[0];
  return Buffer.concat(chunks);
}

/**
 * A workbook of about 1 MB whose sheet unpacks to `bytes` (default 1 GiB) of rows, each followed by 16 KiB
 * of blanks between the tags (ignored by XML, and what lets deflate reach its 1:1000 ratio; plain
 * repeated rows compress about 1:250).
 */
export function zipBombXlsx(bytes = 1024 ** 3): Buffer {
  const row = inlineRow(['', '某企业', '规上', '10', '5'], 2) + ' '.repeat(16 * 1024);
  const count = Math.floor(bytes / Buffer.byteLength(row));
  return repeatedRowsXlsx({ header: HEADERS, row, count, refs: true });
}
