import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import type { RawRow, RawTable } from '@mujun/scoring';
import { CsvError, parse } from 'csv-parse/sync';
import { CliError, CliErrorCode } from '../errors.js';

const BOM = '\uFEFF';

function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/**
 * Reads a CSV file into a raw table, leaving every judgement about cells to `parseRecords`. Rows are
 * numbered as a spreadsheet shows them (the header is row 1): a blank line in the middle keeps its number,
 * a quoted cell spanning lines is one row, so "第 N 行" in a message is the row the clerk sees in Excel.
 */
export function readCsvTable(path: string): RawTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取输入文件 ${path} (cannot read the input file: ${reason})`,
    );
  }
  // Excel's plain "CSV" is GBK on Chinese Windows: say so rather than grading mojibake.
  if (!isUtf8(bytes)) {
    throw new CliError(
      CliErrorCode.InvalidInput,
      `${path} 不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8(逗号分隔)” ` +
        `(the file is not UTF-8; save it as "CSV UTF-8" in Excel)`,
    );
  }
  return csvTable(bytes.toString('utf8'), path);
}

/** The table in a CSV text (UTF-8 already decoded, BOM or not). */
export function csvTable(text: string, file: string): RawTable {
  let records: string[][];
  try {
    records = parse(text.startsWith(BOM) ? text.slice(BOM.length) : text, { relax_column_count: true });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new CliError(
      CliErrorCode.InvalidInput,
      `${file} 不是有效的 CSV (not a valid CSV file: ${error.message})`,
    );
  }
  // Spreadsheets often save a tail of empty rows (`,,,,`); they are no one's data.
  while (records.length > 0 && isBlank(records[records.length - 1] ?? [])) records.pop();
  const [headers, ...data] = records;
  if (headers === undefined) {
    throw new CliError(
      CliErrorCode.InvalidInput,
      `${file} 是空文件，缺少表头行 (the file is empty: no header row)`,
    );
  }
  const rows = data.map((cells, index): RawRow => ({ row: index + 2, cells }));
  return { headers, rows, file };
}
