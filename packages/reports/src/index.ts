// The public surface of @mujun/reports: a grading run (records + Grading) in, the documents a county
// publishes out. Builders are pure and return plain data with exact decimal strings; writers turn that
// data into XLSX (streamed) or printable HTML.
export { dataset, datasetEntry, indicatorColumns, taxPerMuOf, UNSPECIFIED } from './dataset.js';
export type { Dataset, Entry, LeanResult, TaxPerMu } from './dataset.js';
export { majorGroupOf, majorGroupLabel } from './industry/gbt4754.js';
export type { MajorGroup } from './industry/gbt4754.js';

export { summary, classTable } from './build/summary.js';
export type { ClassCountRow, ClassShare, ClassTable, Summary } from './build/summary.js';
export { aggregates, aggregateTable } from './build/aggregates.js';
export type {
  AggregateColumn,
  AggregateRow,
  AggregateTable,
  Aggregates,
  IndicatorAggregate,
} from './build/aggregates.js';
export { fiveNumbers, quantile } from './build/quantiles.js';
export type { FiveNumbers } from './build/quantiles.js';
export { taxPerMuDistribution } from './build/distribution.js';
export type { TaxPerMuDistribution, TownDistribution } from './build/distribution.js';
export {
  InvalidPreviousReportError,
  parsePreviousReport,
  PreviousReportErrorCode,
} from './build/previous-report.js';
export type { PreviousEnterprise, PreviousReport, PreviousReportIssue } from './build/previous-report.js';
export { NO_CLASS, yearOverYear } from './build/year-over-year.js';
export type { Move, YearOverYear, YoyEntry } from './build/year-over-year.js';
export { publicationList } from './build/publication.js';
export type {
  ExemptEnterprise,
  ListedEnterprise,
  ProtectedEnterprise,
  PublicationClass,
  PublicationCohort,
  PublicationList,
  PublicationOrder,
} from './build/publication.js';
export { chineseDate, noticeParagraphs, noticeTitle } from './build/notice.js';
export type { PublicationNotice } from './build/notice.js';
export { landNotice } from './build/land-notice.js';
export type { LandNotice, LandNoticeRow } from './build/land-notice.js';
export { lowEfficiencyList } from './build/low-efficiency.js';
export type {
  LowEfficiencyEnterprise,
  LowEfficiencyList,
  LowEfficiencyTown,
} from './build/low-efficiency.js';
export { confirmationOrder, confirmationSheet, confirmationSheets } from './build/confirmation.js';
export type { ConfirmationFigure, ConfirmationIndicator, ConfirmationSheet } from './build/confirmation.js';

export { writeResultWorkbook } from './xlsx/result-workbook.js';
export { writePublicationWorkbook, PUBLICATION_TITLE } from './xlsx/publication.js';
export { writeSummaryWorkbook } from './xlsx/summary.js';
export type { SummaryReport } from './xlsx/summary.js';
export { writeLandNoticeWorkbook } from './xlsx/land-notice.js';
export { writeLowEfficiencyWorkbook } from './xlsx/low-efficiency.js';
export { LEDGER_SHEETS, writeLedgerWorkbook } from './xlsx/ledger.js';
export type {
  LedgerWorkbook,
  LedgerWorkbookFile,
  LedgerWorkbookNote,
  LedgerWorkbookProgress,
} from './xlsx/ledger.js';

export { escapeHtml, Html, markup, trusted } from './html/html.js';
export type { HtmlValue } from './html/html.js';
export { renderPublicationPage } from './html/publication.js';
export { renderSummaryPage, SUMMARY_TITLE } from './html/summary.js';
export type { SummaryPageOptions } from './html/summary.js';
export {
  confirmationPageFrame,
  renderConfirmationPage,
  renderConfirmationSheet,
  CONFIRMATION_TITLE,
} from './html/confirmation.js';
export type { ActivationNotice } from './html/confirmation.js';

// The page and workbook helpers, for documents built in other packages (@mujun/surcharges).
export { page, col, num } from './html/page.js';
export { classBars } from './html/charts.js';
export type { StackedRow } from './html/charts.js';
export { XlsxWriter, SheetWriter, TEXT, INTEGER, EXACT, decimal } from './xlsx/workbook.js';
export type { Cell, Column, ColumnKind, RowStyle, SheetOptions } from './xlsx/workbook.js';
