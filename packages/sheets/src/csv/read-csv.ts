import { CsvError, parse } from 'csv-parse/sync';
import { SheetError, SheetErrorCode } from '../errors.js';
import type { GridRow } from '../table/grid.js';

/**
 * The rows of a CSV text (already decoded, BOM dropped), parsed by csv-parse: quoted cells with commas,
 * doubled quotes and line breaks. Rows are numbered as Excel shows the file, one per record, so a quoted
 * cell spanning lines is one row and a blank line keeps its number.
 */
export function csvRows(text: string, file: string): GridRow[] {
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new SheetError(
      SheetErrorCode.InvalidCsv,
      file,
      `${file} 不是有效的 CSV (not a valid CSV file: ${error.message})`,
    );
  }
  return records.map((cells, index) => ({ row: index + 1, cells }));
}
