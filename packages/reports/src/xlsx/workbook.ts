import type { Writable } from 'node:stream';
import { DECIMAL_STRING } from '@mujun/scoring';
import { percentToFraction } from '../decimal.js';
import { Styles } from './styles.js';
import type { CellStyle } from './styles.js';
import { columnLetters, escapeXml } from './xml-text.js';
import { ZipWriter } from './zip-writer.js';
import type { ZipEntry } from './zip-writer.js';

/**
 * The one way the reports write XLSX: SpreadsheetML written row by row straight into a zip stream, so a
 * workbook of 100k enterprises never exists in memory at once. A column declares what it holds; a figure
 * column turns the library's decimal strings into real numeric cells with a number format of the method's
 * decimals, so that Excel sums them (a text "12.3400" it would not). Text cells are written in the cell
 * (`t="str"`), never as formulas, and not in a shared-string table, which would hold every distinct name
 * until the end: a name that starts with = + - @ stays text in Excel, WPS and LibreOffice.
 *
 * This replaced exceljs's streaming writer, which built a model object per cell and rendered it through
 * generic XML builders: most of `mujun grade --out result.xlsx`'s time (see the README's figures).
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
 * Everything upstream of this function is exact decimal arithmetic. The cell holds the shortest text of
 * that double (`12.34` for `12.3400`), which reads back as the same double everywhere.
 */
function numberText(value: string, type: ColumnKind): string {
  return type.kind === 'percent' ? String(Number(percentToFraction(value))) : shortestText(value);
}

const ZERO_CHAR = 48;
const MAX_EXACT_DIGITS = 15;

/**
 * `String(Number(decimal))` without the round trip, for the decimals the engine writes: when a decimal
 * has at most 15 digits, the shortest text of its double is the decimal itself without trailing zeros
 * (15 digits always survive string → double → string), unless it is below 1e-6, where String() turns
 * to exponent notation: those, and longer decimals, take the round trip.
 */
function shortestText(decimal: string): string {
  const negative = decimal.charCodeAt(0) === 45; /* - */
  const point = decimal.indexOf('.');
  const digits = decimal.length - (negative ? 1 : 0) - (point < 0 ? 0 : 1);
  if (digits > MAX_EXACT_DIGITS) return String(Number(decimal));
  let text = decimal;
  if (point >= 0) {
    let end = decimal.length;
    while (decimal.charCodeAt(end - 1) === ZERO_CHAR) end--;
    text = decimal.slice(0, end === point + 1 ? point : end);
  }
  if (text === '-0') return '0';
  if (text.startsWith(negative ? '-0.000000' : '0.000000')) return String(Number(decimal));
  return text;
}

const HEADER_FILL = 'FFDCE6F1';
const TOTAL_FILL = 'FFF2F2F2';
const THIN_BORDER = 'FFB0B7C3';
const FONT = '宋体';
/** A4 in pageSetup's paperSize numbering. */
const A4 = 9;
const BOLD = { name: FONT, size: 11, bold: true } as const;
const TITLE_STYLE: CellStyle = {
  font: { name: FONT, size: 14, bold: true },
  alignment: { vertical: 'center', horizontal: 'center' },
};
const HEADER_STYLE: CellStyle = {
  font: BOLD,
  fill: HEADER_FILL,
  alignment: { vertical: 'center', horizontal: 'center', wrapText: true },
  border: THIN_BORDER,
};
const ROW_STYLES: Readonly<Record<RowStyle, Omit<CellStyle, 'numFmt'>>> = {
  plain: {},
  group: { font: BOLD },
  total: { font: BOLD, fill: TOTAL_FILL },
};
const ROW_STYLE_NAMES: readonly RowStyle[] = ['plain', 'group', 'total'];

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface SheetOptions {
  /** A title row above the header (merged across the columns), for a sheet meant to be printed. */
  readonly title?: string;
  /** Columns kept in view when scrolling right (e.g. rank, code, name). */
  readonly freezeColumns?: number;
  readonly landscape?: boolean;
}

/** What writing one column's cells needs, worked out once per sheet. */
interface ColumnPlan {
  readonly type: ColumnKind;
  readonly letters: string;
  /** ` s="7"` for each row style, or '' for the default style. */
  readonly style: Readonly<Record<RowStyle, string>>;
}

const styleAttribute = (index: number) => (index === 0 ? '' : ` s="${String(index)}"`);
const NO_STYLE: Readonly<Record<RowStyle, string>> = { plain: '', group: '', total: '' };

export class SheetWriter {
  readonly #part: ZipEntry;
  readonly #plans: ColumnPlan[];
  readonly #merge: string | null;
  readonly #landscape: boolean;
  #rows = 0;
  #committed = false;

  /** @internal Made by XlsxWriter.sheet. */
  constructor(part: ZipEntry, styles: Styles, columns: readonly Column[], options: SheetOptions) {
    this.#part = part;
    this.#landscape = options.landscape !== false;
    this.#plans = columns.map((column, i) => {
      const numFmt = numberFormat(column.type);
      const style = {} as Record<RowStyle, string>;
      for (const name of ROW_STYLE_NAMES) {
        style[name] = styleAttribute(styles.index({ numFmt, ...ROW_STYLES[name] }));
      }
      return { type: column.type, letters: columnLetters(i), style };
    });
    const width = Math.max(columns.length, 1);
    this.#merge = options.title === undefined ? null : `A1:${columnLetters(width - 1)}1`;

    const xSplit = options.freezeColumns ?? 0;
    const ySplit = options.title === undefined ? 1 : 2;
    const pane = xSplit > 0 ? 'bottomRight' : 'bottomLeft';
    const cols = columns
      .map((column, i) => {
        const at = String(i + 1);
        return `<col min="${at}" max="${at}" width="${String(column.width)}" customWidth="1"/>`;
      })
      .join('');
    part.text(
      `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
        '<sheetViews><sheetView workbookViewId="0">' +
        `<pane${xSplit > 0 ? ` xSplit="${String(xSplit)}"` : ''} ySplit="${String(ySplit)}" ` +
        `topLeftCell="${columnLetters(xSplit)}${String(ySplit + 1)}" activePane="${pane}" state="frozen"/>` +
        `<selection pane="${pane}"/></sheetView></sheetViews>` +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        (cols === '' ? '' : `<cols>${cols}</cols>`) +
        '<sheetData>',
    );
    if (options.title !== undefined) {
      // The merged cells beside the title share its style, as Excel gives them when it merges.
      const title = styleAttribute(styles.index(TITLE_STYLE));
      let row = `<row r="1" ht="28" customHeight="1"><c r="A1"${title} t="str"><v>${escapeXml(options.title)}</v></c>`;
      for (let i = 1; i < width; i++) row += `<c r="${columnLetters(i)}1"${title}/>`;
      this.#rows = 1;
      part.text(`${row}</row>`);
    }
    const header = styleAttribute(styles.index(HEADER_STYLE));
    this.#rows += 1;
    const r = String(this.#rows);
    let row = `<row r="${r}" ht="32" customHeight="1">`;
    columns.forEach((column, i) => {
      row += `<c r="${columnLetters(i)}${r}"${header} t="str"><v>${escapeXml(column.header)}</v></c>`;
    });
    part.text(`${row}</row>`);
  }

  row(cells: readonly Cell[], style: RowStyle = 'plain'): void {
    if (this.#committed) throw new Error('a row after the sheet was committed');
    this.#rows += 1;
    const r = String(this.#rows);
    // Empty cells are written only where the row's style shows (a total row's fill).
    const keepEmpty = style !== 'plain';
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      const plan = this.#plans[i] ?? this.#extraColumn(i);
      const open = `<c r="${plan.letters}${r}"${plan.style[style]}`;
      if (value === null || value === undefined || value === '') {
        if (keepEmpty && plan.style[style] !== '') xml += `${open}/>`;
      } else if (typeof value === 'number') {
        xml += `${open}><v>${String(value)}</v></c>`;
      } else if (plan.type.kind !== 'text' && DECIMAL_STRING.test(value)) {
        xml += `${open}><v>${numberText(value, plan.type)}</v></c>`;
      } else {
        xml += `${open} t="str"><v>${escapeXml(value)}</v></c>`;
      }
    }
    this.#part.text(`${xml}</row>`);
  }

  /** A cell beyond the declared columns: text, default style. */
  #extraColumn(index: number): ColumnPlan {
    const plan = { type: TEXT, letters: columnLetters(index), style: NO_STYLE };
    this.#plans[index] = plan;
    return plan;
  }

  commit(): void {
    if (this.#committed) return;
    this.#committed = true;
    this.#part.text(
      '</sheetData>' +
        (this.#merge === null ? '' : `<mergeCells count="1"><mergeCell ref="${this.#merge}"/></mergeCells>`) +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        `<pageSetup paperSize="${String(A4)}" orientation="${this.#landscape ? 'landscape' : 'portrait'}" ` +
        'fitToWidth="1" fitToHeight="0"/></worksheet>',
    );
    this.#part.end();
  }
}

const FORBIDDEN = /[[\]:*?/\\]/g;

const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};
const RELATIONSHIP = {
  document: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  sheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
};

const relationships = (rels: readonly (readonly [string, string])[]) =>
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  rels
    .map(([type, target], i) => `<Relationship Id="rId${String(i + 1)}" Type="${type}" Target="${target}"/>`)
    .join('') +
  '</Relationships>';

/** The whole workbook, streamed to `stream`; `commit()` ends the stream and resolves once it has every byte. */
export class XlsxWriter {
  readonly #zip: ZipWriter;
  readonly #styles = new Styles();
  readonly #names = new Set<string>();
  readonly #sheets: string[] = [];
  #open: SheetWriter | null = null;

  constructor(stream: Writable) {
    this.#zip = new ZipWriter(stream);
  }

  /** A new sheet; the one before is committed now if it was not (rows stream into one sheet at a time). */
  sheet(name: string, columns: readonly Column[], options: SheetOptions = {}): SheetWriter {
    this.#open?.commit();
    this.#sheets.push(this.#uniqueName(name));
    const part = this.#zip.entry(`xl/worksheets/sheet${String(this.#sheets.length)}.xml`);
    this.#open = new SheetWriter(part, this.#styles, columns, options);
    return this.#open;
  }

  async commit(): Promise<void> {
    this.#open?.commit();
    this.#open = null;
    const sheets = this.#sheets;
    const zip = this.#zip;
    zip.add(
      'xl/workbook.xml',
      `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>` +
        sheets
          .map(
            (name, i) =>
              `<sheet name="${escapeXml(name)}" sheetId="${String(i + 1)}" r:id="rId${String(i + 2)}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    );
    zip.add(
      'xl/_rels/workbook.xml.rels',
      relationships([
        [RELATIONSHIP.styles, 'styles.xml'],
        ...sheets.map((_, i) => [RELATIONSHIP.sheet, `worksheets/sheet${String(i + 1)}.xml`] as const),
      ]),
    );
    zip.add('xl/styles.xml', this.#styles.xml());
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    zip.add(
      'docProps/core.xml',
      `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>mujun</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
    );
    zip.add(
      'docProps/app.xml',
      `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
        '<Application>mujun</Application></Properties>',
    );
    zip.add(
      '_rels/.rels',
      relationships([
        [RELATIONSHIP.document, 'xl/workbook.xml'],
        [RELATIONSHIP.core, 'docProps/core.xml'],
        [RELATIONSHIP.app, 'docProps/app.xml'],
      ]),
    );
    const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
    zip.add(
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        override('xl/workbook.xml', CONTENT_TYPE.workbook) +
        sheets
          .map((_, i) => override(`xl/worksheets/sheet${String(i + 1)}.xml`, CONTENT_TYPE.sheet))
          .join('') +
        override('xl/styles.xml', CONTENT_TYPE.styles) +
        override('docProps/core.xml', CONTENT_TYPE.core) +
        override('docProps/app.xml', CONTENT_TYPE.app) +
        '</Types>',
    );
    await zip.finish();
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
