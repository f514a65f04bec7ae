import { PassThrough } from 'node:stream';
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

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

export interface ColumnSpec {
  readonly header: string;
  /** In characters, as Excel counts them (a Chinese character is about two). */
  readonly width?: number;
  /** Format the column as text (`@`), so Excel keeps what a clerk types in it (codes, leading zeros). */
  readonly text?: boolean;
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  /** Further header rows under the first one, such as the template's English keys. */
  readonly subHeaders?: readonly (readonly string[])[];
  /** The rows under the headers: strings stay text (a `12万` stays as typed), numbers are numbers. */
  readonly rows: Iterable<readonly (string | number)[]>;
  /** An AutoFilter on the header row, for a list a clerk sorts and filters. */
  readonly filter?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SUB_HEADER_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };
/** Fixed, so that the same content gives the same document properties. */
const CREATED = new Date(Date.UTC(2025, 0, 1));

/**
 * Writes sheets to XLSX bytes with exceljs's streaming writer, a row at a time, so a report of a hundred
 * thousand bad cells does not build a workbook model first. The header rows are bold (the first) and
 * italic (the rest) and stay in view when scrolling.
 */
export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new (excel().stream.xlsx.WorkbookWriter)({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'mujun';
  workbook.created = CREATED;
  workbook.modified = CREATED;
  for (const spec of sheets) {
    const headerRows = 1 + (spec.subHeaders?.length ?? 0);
    const sheet = workbook.addWorksheet(spec.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: headerRows }],
    });
    sheet.columns = spec.columns.map((column) => ({
      width: column.width ?? Math.max(10, Math.min(40, column.header.length * 2 + 2)),
      ...(column.text === true ? { style: { numFmt: '@' } } : {}),
    }));
    if (spec.filter === true)
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
    const header = sheet.addRow(spec.columns.map((column) => column.header));
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
    });
    header.commit();
    for (const cells of spec.subHeaders ?? []) {
      const row = sheet.addRow([...cells]);
      row.font = SUB_HEADER_FONT;
      row.commit();
    }
    for (const cells of spec.rows) sheet.addRow([...cells]).commit();
    sheet.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
