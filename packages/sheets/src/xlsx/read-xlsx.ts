import { SheetError, SheetErrorCode, SheetLimitError } from '../errors.js';
import { DEFAULT_READ_LIMITS } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import type { GridRow } from '../table/grid.js';
import { sheetRows } from './sheet-rows.js';
import { dateStyles, sharedStrings, workbookParts } from './workbook.js';
import type { SheetEntry } from './workbook.js';
import { invalidXlsx, XlsxZip } from './zip.js';

export interface XlsxSheet {
  /** The sheet's name as its tab shows it. */
  readonly sheet: string;
  /** Its non-empty rows, streamed: read them once. */
  readonly rows: AsyncIterable<GridRow>;
}

/** The sheet a clerk means by "the first": the first worksheet tab that is not hidden. */
function firstSheet(sheets: readonly SheetEntry[]): SheetEntry | undefined {
  const worksheets = sheets.filter((sheet) => sheet.part !== undefined);
  return worksheets.find((sheet) => sheet.state === 'visible') ?? worksheets[0];
}

function namedSheet(sheets: readonly SheetEntry[], wanted: string): SheetEntry | undefined {
  const usable = sheets.filter((sheet) => sheet.part !== undefined);
  return (
    usable.find((sheet) => sheet.name === wanted) ??
    usable.find((sheet) => sheet.name.trim() === wanted.trim())
  );
}

/** Anything that escapes the reader is a SheetError: a library's own error becomes InvalidXlsx. */
function asSheetError(file: string, error: unknown): SheetError {
  if (error instanceof SheetError) return error;
  return invalidXlsx(file, error instanceof Error ? error.message : String(error));
}

async function* guarded(rows: AsyncIterable<GridRow>, file: string, zip: XlsxZip): AsyncGenerator<GridRow> {
  try {
    yield* rows;
  } catch (error) {
    throw asSheetError(file, error);
  } finally {
    zip.close();
  }
}

/**
 * Opens one sheet of an XLSX workbook, chosen by name or else the first visible one. The bytes are read in
 * memory, never written anywhere: the zip's directory, then the workbook, its styles (for which number
 * formats are dates) and its shared strings, then the sheet's rows as they unzip, so that a 100,000-row
 * sheet is never held as XML. Every ReadLimits limit is checked on the way; whatever goes wrong, what is
 * thrown is a SheetError (a SheetLimitError for a limit).
 */
export async function openXlsxSheet(
  bytes: Uint8Array,
  file: string,
  wanted?: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<XlsxSheet> {
  if (bytes.length > limits.maxFileBytes) {
    throw new SheetLimitError(file, 'maxFileBytes', limits.maxFileBytes, { zh: '', en: 'the file' });
  }
  let zip: XlsxZip | undefined;
  try {
    zip = await XlsxZip.open(bytes, file, limits);
    const workbook = await workbookParts(zip, file, limits);
    const names = workbook.sheets.filter((sheet) => sheet.part !== undefined).map((sheet) => sheet.name);
    const sheet = wanted === undefined ? firstSheet(workbook.sheets) : namedSheet(workbook.sheets, wanted);
    if (sheet?.part === undefined) {
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
        `${file} 中没有名为「${wanted}」的工作表，现有：${names.join('、')} ` +
          `(no sheet named "${wanted}"; the workbook has: ${names.join(', ')})`,
      );
    }
    const styles = await dateStyles(zip, file, workbook.styles, limits);
    const shared = await sharedStrings(zip, file, workbook.sharedStrings, limits);
    const context = { shared, dateStyles: styles, date1904: workbook.date1904 };
    const rows = sheetRows(zip.text(sheet.part), file, sheet.part, context, limits);
    return { sheet: sheet.name, rows: guarded(rows, file, zip) };
  } catch (error) {
    zip?.close();
    throw asSheetError(file, error);
  }
}
