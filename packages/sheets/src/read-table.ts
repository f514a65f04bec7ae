import { isUtf8 } from 'node:buffer';
import { csvRows, csvRowsUtf8 } from './csv/read-csv.js';
import { decodeText } from './encoding/decode.js';
import type { Encoding } from './encoding/decode.js';
import { SheetError, SheetErrorCode, SheetLimitError } from './errors.js';
import { detectFormat } from './format/detect.js';
import { readLimits } from './limits.js';
import type { ReadLimits } from './limits.js';
import type { GridRows } from './table/grid.js';
import { sourceTable } from './table/source-table.js';
import type { DeclaredHeader, SourceTable } from './table/source-table.js';
import { openXlsxSheet } from './xlsx/read-xlsx.js';

export interface ReadOptions {
  /** The file's name as the user gave it: every issue and warning carries it. */
  readonly file: string;
  /** A workbook's sheet; the first (visible) one when absent. Ignored for CSV. */
  readonly sheet?: string;
  /** A CSV's encoding; `auto` (the default) tells UTF-8 from GB18030 by the bytes. Ignored for XLSX. */
  readonly encoding?: Encoding;
  /** Limits other than the defaults (DEFAULT_READ_LIMITS), each on its own. */
  readonly limits?: Partial<ReadLimits>;
  /** Figures the scheme declares: their columns are read by header, like the data dictionary's. */
  readonly figures?: readonly DeclaredHeader[];
}

/** A file's rows before any header is known, and its sheet when it is a workbook. */
export interface FileRows {
  readonly sheet?: string;
  /** A CSV's are all in memory; a workbook's stream from the zip and are read once. */
  readonly rows: GridRows;
}

/**
 * One file's bytes as rows of cell texts: XLSX or CSV told apart by content, not by name (a clerk's
 * `数据.csv` may be a workbook renamed). Throws SheetError when the file is no table at all, or is over
 * one of the limits (SheetLimitError, before anything past the limit is read); `.xls` is refused with
 * the advice to save it as .xlsx.
 */
export async function readRows(bytes: Uint8Array, options: ReadOptions): Promise<FileRows> {
  const { file } = options;
  const limits = readLimits(options.limits);
  if (bytes.length > limits.maxFileBytes) {
    throw new SheetLimitError(file, 'maxFileBytes', limits.maxFileBytes, { zh: '', en: 'the file' });
  }
  switch (detectFormat(bytes)) {
    case 'legacy':
      throw new SheetError(
        SheetErrorCode.LegacyWorkbook,
        file,
        `${file} 是旧版 .xls 工作簿或加了密码的工作簿，请在 Excel 或 WPS 中另存为 .xlsx（或 CSV）并取消密码 ` +
          `(an old .xls or a password-protected workbook: save it as .xlsx or CSV without a password)`,
      );
    case 'xlsx':
      return openXlsxSheet(bytes, file, options.sheet, limits);
    case 'text': {
      const encoding = options.encoding ?? 'auto';
      // UTF-8 (what decodeText would find) is read from the bytes themselves, without decoding them first.
      if ((encoding === 'auto' || encoding === 'utf8') && isUtf8(bytes)) {
        return { rows: csvRowsUtf8(bytes, file, limits) };
      }
      const { text } = decodeText(bytes, encoding, file);
      return { rows: csvRows(text, file, limits) };
    }
  }
}

/**
 * One file's bytes as a SourceTable (see readRows). Problems inside the table are the result's issues and
 * warnings, each kind listed up to the limits' maxIssuesPerKind.
 */
export async function readTable(bytes: Uint8Array, options: ReadOptions): Promise<SourceTable> {
  const { file } = options;
  const { sheet, rows } = await readRows(bytes, options);
  const limits = readLimits(options.limits);
  return sourceTable(rows, sheet === undefined ? { file } : { file, sheet }, limits, options.figures);
}
