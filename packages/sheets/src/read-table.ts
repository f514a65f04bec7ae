import { csvRows } from './csv/read-csv.js';
import { decodeText } from './encoding/decode.js';
import type { Encoding } from './encoding/decode.js';
import { SheetError, SheetErrorCode } from './errors.js';
import { detectFormat } from './format/detect.js';
import { sourceTable } from './table/source-table.js';
import type { SourceTable } from './table/source-table.js';
import { openXlsxSheet } from './xlsx/read-xlsx.js';

export interface ReadOptions {
  /** The file's name as the user gave it: every issue and warning carries it. */
  readonly file: string;
  /** A workbook's sheet; the first (visible) one when absent. Ignored for CSV. */
  readonly sheet?: string;
  /** A CSV's encoding; `auto` (the default) tells UTF-8 from GB18030 by the bytes. Ignored for XLSX. */
  readonly encoding?: Encoding;
}

/**
 * One file's bytes as a SourceTable: XLSX or CSV told apart by content, not by name (a clerk's
 * `数据.csv` may be a workbook renamed). Throws SheetError when the file is no table at all; problems
 * inside the table are the result's issues and warnings.
 */
export async function readTable(bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  const { file } = options;
  switch (detectFormat(bytes)) {
    case 'legacy':
      throw new SheetError(
        SheetErrorCode.LegacyWorkbook,
        file,
        `${file} 是旧版 .xls 工作簿或加了密码的工作簿，请在 Excel 中另存为 .xlsx（或 CSV）并取消密码 ` +
          `(an old .xls or a password-protected workbook: save it as .xlsx or CSV without a password)`,
      );
    case 'xlsx': {
      const { sheet, rows } = await openXlsxSheet(bytes, file, options.sheet);
      return sourceTable(rows, { file, sheet });
    }
    case 'text': {
      const { text } = decodeText(bytes, options.encoding ?? 'auto', file);
      return sourceTable(csvRows(text, file), { file });
    }
  }
}
