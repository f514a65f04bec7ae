import type { CellValue } from 'exceljs';
import { SheetError, SheetErrorCode } from '../errors.js';
import type { GridRow } from '../table/grid.js';
import { cellText } from './cell-text.js';
import { discardSheet, streamingReader } from './streaming-reader.js';

/** What the streaming reader has that its type declarations leave out. */
interface StreamedSheet extends AsyncIterable<StreamedRow> {
  readonly name: string;
}
interface StreamedRow {
  readonly number: number;
  /** 1-based and sparse, as exceljs gives it: `values[1]` is column A. */
  readonly values: readonly CellValue[] | Readonly<Record<string, CellValue>>;
}
interface SheetModel {
  readonly name: string;
  readonly state?: string;
}

export interface XlsxSheet {
  /** The sheet's name as its tab shows it. */
  readonly sheet: string;
  /** Its non-empty rows, streamed: read them once, before anything else is asked of the workbook. */
  readonly rows: AsyncIterable<GridRow>;
}

function invalid(file: string, error: unknown): SheetError {
  if (error instanceof SheetError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SheetError(
    SheetErrorCode.InvalidXlsx,
    file,
    `${file} 不是有效的 XLSX 工作簿 (not a readable XLSX workbook: ${reason})`,
  );
}

function gridRow(row: StreamedRow): GridRow {
  const values = Array.isArray(row.values) ? (row.values as readonly CellValue[]) : [];
  const cells: string[] = [];
  for (let column = 1; column < values.length; column += 1) cells.push(cellText(values[column]));
  return { row: row.number, cells };
}

async function* rowsOf(sheet: StreamedSheet, file: string, done: () => Promise<void>) {
  try {
    for await (const row of sheet) yield gridRow(row);
  } catch (error) {
    throw invalid(file, error);
  } finally {
    await done();
  }
}

/** The sheet a clerk means by "the first": the first tab that is not hidden. */
function firstSheetName(sheets: readonly SheetModel[] | undefined): string | undefined {
  return (sheets?.find((sheet) => sheet.state === undefined || sheet.state === 'visible') ?? sheets?.[0])
    ?.name;
}

/**
 * Opens one sheet of an XLSX workbook, chosen by name or else the first, with exceljs's streaming reader:
 * rows are read from the zip as they are needed and never held as a workbook model, which keeps a
 * 100,000-row file to a few hundred megabytes (the full reader needs over a gigabyte). Number formats are
 * read so that date cells come as dates; merged cells have their value in the first cell only. See
 * streaming-reader.ts for the reader's fixes (Chinese text split across zip chunks, temporary files).
 */
export async function openXlsxSheet(bytes: Uint8Array, file: string, wanted?: string): Promise<XlsxSheet> {
  const reader = streamingReader(bytes);
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done === true) break;
      const sheet = next.value as unknown as StreamedSheet;
      const model = (reader as unknown as { model?: { sheets?: SheetModel[] } }).model?.sheets;
      const target = wanted ?? firstSheetName(model) ?? sheet.name;
      seen.push(sheet.name);
      if (sheet.name === target || (wanted !== undefined && sheet.name.trim() === wanted.trim())) {
        // Read to the end once the rows are in, so exceljs removes its temporary files.
        const done = async () => {
          for (let rest = await sheets.next(); rest.done !== true; rest = await sheets.next()) {
            discardSheet(rest.value);
          }
        };
        return { sheet: sheet.name, rows: rowsOf(sheet, file, done) };
      }
      discardSheet(sheet);
    }
  } catch (error) {
    throw invalid(file, error);
  }
  if (wanted === undefined) {
    throw new SheetError(
      SheetErrorCode.InvalidXlsx,
      file,
      `${file} 中没有工作表 (the workbook has no sheet)`,
    );
  }
  throw new SheetError(
    SheetErrorCode.NoSuchSheet,
    file,
    `${file} 中没有名为「${wanted}」的工作表，现有：${seen.join('、')} ` +
      `(no sheet named "${wanted}"; the workbook has: ${seen.join(', ')})`,
  );
}
