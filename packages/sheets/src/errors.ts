import { isSizeLimit, limitText } from './limits.js';
import type { LimitName } from './limits.js';

/** Why a file could not be read as a table at all, as opposed to the bad cells inside a readable one. */
export const SheetErrorCode = {
  /** An old binary .xls workbook, or an encrypted .xlsx (both are OLE compound files, not zips). */
  LegacyWorkbook: 'LEGACY_WORKBOOK',
  /** A zip that is not a readable workbook. */
  InvalidXlsx: 'INVALID_XLSX',
  /** `--sheet` names no sheet of the workbook. */
  NoSuchSheet: 'NO_SUCH_SHEET',
  /** Bytes that are not text in the encoding the user named. */
  InvalidEncoding: 'INVALID_ENCODING',
  /** Text that is no CSV, e.g. an unclosed quote. */
  InvalidCsv: 'INVALID_CSV',
  /** A file over one of the ReadLimits: a SheetLimitError says which. */
  LimitExceeded: 'LIMIT_EXCEEDED',
} as const;
export type SheetErrorCode = (typeof SheetErrorCode)[keyof typeof SheetErrorCode];

/**
 * A file that is not a readable table. The message is a clerk's (Chinese first, English beside it) and
 * names the file, so a caller can print it as it is.
 */
export class SheetError extends Error {
  constructor(
    readonly code: SheetErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * A file over one of the ReadLimits, refused as soon as the reader saw it: `limit` names the limit and
 * `value` is the limit's value (not the file's, which the reader stopped counting). The message names the
 * limit in Chinese: `data.xlsx 的工作表超过行数上限（200,000 行）`.
 */
export class SheetLimitError extends SheetError {
  constructor(
    file: string,
    readonly limit: LimitName,
    readonly value: number,
    /** What went over, as the message says it: `的工作表`, `压缩包内的 xl/worksheets/sheet1.xml 解压后`. */
    subject: { readonly zh: string; readonly en: string },
  ) {
    const text = limitText(limit, value);
    super(
      SheetErrorCode.LimitExceeded,
      file,
      `${file} ${subject.zh}超过${text.zh} (${subject.en} exceeds ${text.en})`,
    );
  }

  /** A limit on size (a server answers 413), not on the table's shape (rows, columns, cells: 422). */
  get tooLarge(): boolean {
    return isSizeLimit(this.limit);
  }
}
