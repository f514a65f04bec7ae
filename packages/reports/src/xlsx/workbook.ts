import type { Writable } from 'node:stream';
import { DECIMAL_STRING } from '@mujun/scoring';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { percentToFraction } from '../decimal.js';

/**
 * exceljs (a CommonJS package of some hundred modules) is loaded on the first workbook written, not
 * when this package is imported: `mujun grade --out r.json` never pays its ~0.5 s of start-up.
 */
const requireModule = createRequire(import.meta.url);
let excelModule: typeof ExcelJS | undefined;
function excel(): typeof ExcelJS {
  excelModule ??= requireModule('exceljs') as typeof ExcelJS;
  return excelModule;
}

/**
 * The one way the reports write XLSX: exceljs's streaming writer, row by row, so a workbook of 100k
 * enterprises never exists in memory at once. A column declares what it holds; a figure column turns the
 * library's decimal strings into real numeric cells with a number format of the method's decimals, so that
 * Excel sums them (a text "12.3400" it would not).
 */

export type ColumnKind =
  | { readonly kind: 'text' }
  /** A count or a rank. */
  | { readonly kind: 'integer' }
  /** A figure rounded to `dp` decimals (values 4, scores 2): format `0.0000`. */
  | { readonly kind: 'decimal'; readonly dp: number }
  /** A figure as given (land, tax, sums of them): at least 2 decimals shown, up to 6 more if it has them. */
  | { readonly kind: 'exact' }
  /** A percentage string ("12.34") shown as 12.34%: the cell holds the fraction 0.1234. */
  | { readonly kind: 'percent'; readonly dp: number };

export interface Column {
  readonly header: string;
  /** In characters; a CJK character counts two. */
  readonly width: number;
  readonly type: ColumnKind;
}

/** A cell as the builders give it: text, a decimal string for a figure column, an integer, or nothing. */
export type Cell = string | number | null | undefined;

export type RowStyle = 'plain' | 'total' | 'group';

export const TEXT: ColumnKind = { kind: 'text' };
export const INTEGER: ColumnKind = { kind: 'integer' };
export const EXACT: ColumnKind = { kind: 'exact' };
export function decimal(dp: number): ColumnKind {
  return { kind: 'decimal', dp };
}
export function percentColumn(dp = 2): ColumnKind {
  return { kind: 'percent', dp };
}

function numberFormat(type: ColumnKind): string {
  switch (type.kind) {
    case 'text':
      return '@';
    case 'integer':
      return '0';
    case 'decimal':
      return type.dp === 0 ? '0' : `0.${'0'.repeat(type.dp)}`;
    case 'exact':
      return '0.00######';
    case 'percent':
      return type.dp === 0 ? '0%' : `0.${'0'.repeat(type.dp)}%`;
  }
}

/**
 * The cell-writing boundary, and the only place a figure becomes a JavaScript number: an xlsx numeric cell
 * *is* an IEEE double, so there is no exact alternative but text, which Excel would not sum. Number() of a
 * decimal string gives the double nearest to it, and a decimal of at most 15 significant digits (every
 * published figure here: 4-decimal values, 2-decimal scores, land and tax in 亩 and 万元) survives the
 * round trip string → double → 15-digit string exactly, which is what Excel shows and computes from.
 * Everything upstream of this function is exact decimal arithmetic.
 */
function cellValue(value: Cell, type: ColumnKind): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return value;
  if (type.kind === 'text' || !DECIMAL_STRING.test(value)) return value;
  if (type.kind === 'percent') return Number(percentToFraction(value));
  return Number(value);
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB0B7C3' } };
const FONT = '宋体';
/** exceljs's PaperSize is a const enum, which an isolated-modules build cannot read: A4 is 9. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the enum's own value, see above
const A4 = 9 as ExcelJS.PaperSize;

export interface SheetOptions {
  /** A title row above the header (merged across the columns), for a sheet meant to be printed. */
  readonly title?: string;
  /** Columns kept in view when scrolling right (e.g. rank, code, name). */
  readonly freezeColumns?: number;
  readonly landscape?: boolean;
}

type CellStyle = Partial<ExcelJS.Style>;

export class SheetWriter {
  readonly #sheet: ExcelJS.Worksheet;
  readonly #columns: readonly Column[];
  /**
   * One style object per column and row style, shared by every cell that has it: exceljs caches a style's
   * id by object identity, so a shared object is looked up once per sheet rather than rendered per cell
   * (a fresh object per cell made styling most of the cost of a 100k-row sheet).
   */
  readonly #styles: Readonly<Record<RowStyle, readonly CellStyle[]>>;

  constructor(sheet: ExcelJS.Worksheet, columns: readonly Column[], options: SheetOptions) {
    this.#sheet = sheet;
    this.#columns = columns;
    const styled = (extra: CellStyle): CellStyle[] =>
      columns.map((column) => ({ numFmt: numberFormat(column.type), ...extra }));
    this.#styles = {
      plain: styled({}),
      group: styled({ font: { name: FONT, size: 11, bold: true } }),
      total: styled({ font: { name: FONT, size: 11, bold: true }, fill: TOTAL_FILL }),
    };
    sheet.columns = columns.map((column) => ({ width: column.width }));
    if (options.title !== undefined) {
      const title = sheet.addRow([options.title]);
      title.height = 28;
      title.getCell(1).style = {
        font: { name: FONT, size: 14, bold: true },
        alignment: { vertical: 'middle', horizontal: 'center' },
      };
      sheet.mergeCells(1, 1, 1, Math.max(columns.length, 1));
      title.commit();
    }
    const header = sheet.addRow(columns.map((column) => column.header));
    header.height = 32;
    const headerStyle: CellStyle = {
      font: { name: FONT, size: 11, bold: true },
      fill: HEADER_FILL,
      alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
      border: { top: THIN, bottom: THIN, left: THIN, right: THIN },
    };
    header.eachCell((cell) => {
      cell.style = headerStyle;
    });
    header.commit();
  }

  row(cells: readonly Cell[], style: RowStyle = 'plain'): void {
    const row = this.#sheet.addRow(cells.map((cell, i) => cellValue(cell, this.#columns[i]?.type ?? TEXT)));
    const styles = this.#styles[style];
    row.eachCell({ includeEmpty: style !== 'plain' }, (cell, column) => {
      const shared = styles[column - 1];
      if (shared !== undefined) cell.style = shared;
    });
    row.commit();
  }

  commit(): void {
    this.#sheet.commit();
  }
}

const FORBIDDEN = /[[\]:*?/\\]/g;

/** The whole workbook, streamed to `stream`; `commit()` resolves when the last byte is handed to it. */
export class XlsxWriter {
  readonly #workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  readonly #names = new Set<string>();

  constructor(stream: Writable) {
    // Inline strings, not the shared-string table: the table would hold every distinct name until the end.
    this.#workbook = new (excel().stream.xlsx.WorkbookWriter)({
      stream,
      useStyles: true,
      useSharedStrings: false,
    });
    this.#workbook.creator = 'mujun';
  }

  /** A new sheet; the previous one must be committed first (rows stream into one sheet at a time). */
  sheet(name: string, columns: readonly Column[], options: SheetOptions = {}): SheetWriter {
    const freezeRows = options.title === undefined ? 1 : 2;
    const sheet = this.#workbook.addWorksheet(this.#uniqueName(name), {
      views: [{ state: 'frozen', xSplit: options.freezeColumns ?? 0, ySplit: freezeRows }],
      pageSetup: {
        paperSize: A4,
        orientation: options.landscape === false ? 'portrait' : 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    return new SheetWriter(sheet, columns, options);
  }

  async commit(): Promise<void> {
    await this.#workbook.commit();
  }

  /** Excel's rules: at most 31 characters, none of []:*?/\, unique ignoring case. */
  #uniqueName(wanted: string): string {
    const base = wanted.replace(FORBIDDEN, '_').trim().slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; this.#names.has(name.toLowerCase()); n++) name = `${base.slice(0, 28)}(${String(n)})`;
    this.#names.add(name.toLowerCase());
    return name;
  }
}
