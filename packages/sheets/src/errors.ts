/** Why a file could not be read as a table at all, as opposed to the bad cells inside a readable one. */
export const SheetErrorCode = {
  /** An old binary .xls workbook, or an encrypted .xlsx (both are OLE compound files, not zips). */
  LegacyWorkbook: 'LEGACY_WORKBOOK',
  /** A zip that exceljs cannot read as a workbook. */
  InvalidXlsx: 'INVALID_XLSX',
  /** `--sheet` names no sheet of the workbook. */
  NoSuchSheet: 'NO_SUCH_SHEET',
  /** Bytes that are not text in the encoding the user named. */
  InvalidEncoding: 'INVALID_ENCODING',
  /** Text that csv-parse rejects, e.g. an unclosed quote. */
  InvalidCsv: 'INVALID_CSV',
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
