// The public surface of @mujun/sheets: spreadsheet bytes in, validated enterprise tables out, and the
// workbooks and CSV a clerk gets back (error report, input template, safe CSV). No file system: callers
// pass bytes.
export { SheetError, SheetErrorCode, SheetLimitError } from './errors.js';
export { capIssues } from './issues.js';
export type { SheetIssue, SheetSource, SheetWarning } from './issues.js';
export { DEFAULT_READ_LIMITS, isSizeLimit, readLimits } from './limits.js';
export type { LimitName, ReadLimits } from './limits.js';

export { detectFormat } from './format/detect.js';
export type { FileFormat } from './format/detect.js';
export { decodeText, encodingNamed, ENCODINGS } from './encoding/decode.js';
export type { DecodedText, Encoding } from './encoding/decode.js';
export { csvRows } from './csv/read-csv.js';
export {
  CSV_BOM,
  CSV_RECORD_END,
  csvField,
  csvGuard,
  csvRecord,
  csvText,
  csvUnguard,
} from './csv/write-csv.js';
export type { CsvCell } from './csv/write-csv.js';
export { numberText } from './xlsx/number-text.js';
export { openXlsxSheet } from './xlsx/read-xlsx.js';
export type { XlsxSheet } from './xlsx/read-xlsx.js';

export type { GridRow, GridRows } from './table/grid.js';
export { columnLetter } from './table/grid.js';
export { findHeaderRow, secondHeaderRow } from './table/header-row.js';
export { isTotalsRow } from './table/totals-row.js';
export { sourceTable } from './table/source-table.js';
export type { SourceColumn, SourceTable } from './table/source-table.js';
export { readRows, readTable } from './read-table.js';
export type { FileRows, ReadOptions } from './read-table.js';

export { mergeTables } from './merge/merge.js';
export type { MergedTable } from './merge/merge.js';
export { Provenance } from './merge/provenance.js';
export type { SourceMeta } from './merge/provenance.js';
export { sameValue } from './merge/same-value.js';
export { validateTables } from './validate/validate.js';
export type { ValidatedTables } from './validate/validate.js';

export { workbookBytes } from './write/workbook.js';
export type { SheetSpec, ColumnSpec } from './write/workbook.js';
export { errorReport } from './write/error-report.js';
export { inputTemplate, TEMPLATE_SHEET, NOTES_SHEET } from './template/template.js';
export { FIELD_NOTES } from './template/field-notes.js';
export type { FieldNote } from './template/field-notes.js';
