// The public surface of @mujun/scoring: records and a scheme in, explained grades out. Pure: no I/O.
export { Dec, dec, fixed, roundHalfUp, canonical, DECIMAL_STRING } from './decimal/decimal.js';
export type { DecimalString } from './decimal/decimal.js';

export {
  ErrorCode,
  MujunError,
  InvalidRecordsError,
  InvalidSchemeError,
  UnknownPresetError,
  PreviousResultNeededError,
} from './errors/errors.js';
export type { RecordIssue, SchemeIssue } from './errors/errors.js';

export { FIELDS, FIGURE_KEYS } from './records/fields.js';
export type { FieldKey, FieldSpec, FigureKey } from './records/fields.js';
export type { EnterpriseRecord, Scale, Specialized } from './records/record.js';

export { schemeSchema } from './scheme/scheme.js';
export type {
  Scheme,
  SchemeInput,
  Indicator,
  Cohort,
  Item,
  OverrideStep,
  DeclaredFigure,
} from './scheme/scheme.js';
export type { Condition } from './scheme/condition.js';
export { parseScheme, presetDocument, presetScheme, PRESET_IDS } from './scheme/load.js';
export { checkScheme } from './scheme/check.js';
export type { SchemeCheck, SchemeProblem } from './scheme/check.js';
export { explainScheme } from './explain/explain.js';
export type { Explanation, ExplanationLine, ExplanationSection } from './explain/explain.js';
export { explanationMarkdown, explanationText } from './explain/render.js';

export { grade } from './engine/grade.js';
export type { GradeOptions } from './engine/grade.js';
export type { PreviousResult } from './engine/previous.js';
export { parsePreviousResult } from './engine/previous.js';
export { Grading } from './engine/grading.js';
export type {
  CohortSummary,
  EnterpriseResult,
  GradeReport,
  IndicatorResult,
  ItemResult,
  OverrideResult,
  Status,
  TraceEntry,
} from './engine/result.js';

export { toNextClass } from './whatif/next-class.js';
export type {
  FigureMove,
  MoveFigure,
  NextClassOptions,
  SearchReport,
  ToNextClass,
} from './whatif/next-class.js';
export { publishedCohorts, publishedScheme, PublishedTally } from './whatif/published.js';
export type { PublishedCohort } from './whatif/published.js';

export { parseRecords } from './records/parse.js';
export { CodeIndex } from './records/code-index.js';
export type {
  RawRow,
  RawTable,
  RecordWarning,
  ParsedRecords,
  DeclaredColumn,
  ParseOptions,
} from './records/parse.js';
export { fieldForHeader, normaliseHeader } from './records/headers.js';
export { usccCheckCharacter, usccProblem } from './records/uscc.js';
