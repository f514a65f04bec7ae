// The public surface of @mujun/surcharges: the differentiated price list (差别化电价, reference-method.md
// §10) from a year's final classes. Pure: no file system, no clock; files come in as bytes, documents go
// out as text or into a stream, so the CLI and the server build the same list.
export {
  SurchargeErrorCode,
  SurchargeError,
  NoPolicyError,
  InvalidDateError,
  InvalidArgumentError,
  InvalidHistoryError,
} from './errors.js';

export {
  surchargeTable,
  tierFor,
  surchargePerUnit,
  formatPrice,
  landTaxReliefShare,
  describeTiers,
  surchargedClasses,
} from './policy/policy.js';
export type { Policy, SurchargeTable, SurchargeTier, Utility } from './policy/policy.js';
export { priceText } from './policy/price.js';

export { HISTORY_COLUMNS, parseHistory, readHistory } from './history/parse-history.js';
export type { ClassHistoryEntry, ParsedHistory } from './history/parse-history.js';
export { classHistory, consecutiveYears, historyFromResults } from './history/history.js';
export { PAST_RESULT_COLUMNS, parsePastResults, readPastResults } from './history/parse-past-results.js';
export type { ParsedPastResults, PastResult } from './history/parse-past-results.js';
export type { ClassHistory } from './history/history.js';

export { executionPeriod, parseIsoDate } from './period/period.js';
export type { ExecutionPeriod, IsoDate } from './period/period.js';

export { subjectsFromGrading } from './list/subjects.js';
export type { SurchargeSubject } from './list/subjects.js';
export { noStacking, noStackingNote } from './list/no-stacking.js';
export type { AppliedPrice, PriceBasis } from './list/no-stacking.js';
export { newIndustries } from './list/new-industries.js';
export type { NewIndustry, NewlySurcharged } from './list/new-industries.js';
export { surchargeList } from './list/build.js';
export type {
  PolicyClass,
  SurchargeList,
  SurchargeListInput,
  SurchargeRow,
  SurchargedEnterprise,
} from './list/build.js';

export { LIST_COLUMNS, parsePreviousList, readPreviousList } from './diff/previous-list.js';
export type { ParsedPreviousList, PreviousListRow } from './diff/previous-list.js';
export { diffLists } from './diff/diff.js';
export type { DiffEntry, ListDiff, PriceChange } from './diff/diff.js';

export { readGrid } from './table/read-grid.js';
export type { GridTable } from './table/read-grid.js';

export { listHeaders, listCells } from './write/columns.js';
export { surchargeCsv } from './write/csv.js';
export { writeSurchargeWorkbook, LIST_SHEET, NEW_SHEET, DIFF_SHEET, NOTES_SHEET } from './write/xlsx.js';
export { renderSurchargePage, surchargePageTitle } from './write/html.js';
