import { InvalidRecordsError } from '../errors/errors.js';
import type { RecordIssue } from '../errors/errors.js';
import { FIGURE_KEYS } from '../records/fields.js';
import { CodeIndex } from '../records/code-index.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Condition } from '../scheme/condition.js';
import type { Cohort } from '../scheme/scheme.js';
import type { CompiledCohort, CompiledScheme } from './compile.js';
import { conditionColumn } from './conditions.js';
import type { ConditionInput } from './conditions.js';
import { declaredHeaders, headerOf } from './describe.js';
import type { DeclaredHeaders } from './describe.js';
import { FigureTable, figureOf } from './figures.js';
import { STATUS } from './run-state.js';
import type { RunState } from './run-state.js';

/**
 * Status, scope rule and cohort of every record; returns each cohort's members by record index. Throws
 * InvalidRecordsError, listing every problem, for a duplicate code, a record no cohort takes, or a
 * figure a rated record's cohort requires missing.
 */
export function assignStatus(state: RunState, input: ConditionInput): Int32Array[] {
  const { compiled, records } = state;
  const place = placer(compiled, input);
  const placement = newPlacement();
  const members: number[][] = compiled.cohorts.map(() => []);
  const issues: RecordIssue[] = [];
  const firstOf = firstOfDuplicates(records);
  const declared = declaredHeaders(compiled.scheme);
  const lacking = compiled.cohorts.map((cohort) => lacksRequired(input, cohort.cohort));
  for (let i = 0; i < records.length; i++) {
    const first = firstOf?.get((records[i] as EnterpriseRecord).uscc);
    if (first !== undefined && first !== i) {
      issues.push(duplicateIssue(records, i, first));
      continue;
    }
    const { status, rule, cohort } = place(i, placement);
    if (setScope(state, status, rule, i)) continue;
    if (cohort < 0) {
      const reason = '不属于评价办法的任何评价组 (no cohort of the scheme takes this record)';
      issues.push(issueAt(records, i, 'scale', (records[i] as EnterpriseRecord).scale, reason));
      continue;
    }
    if ((lacking[cohort] as Uint8Array)[i] === 1) {
      checkRequired(input, (compiled.cohorts[cohort] as CompiledCohort).cohort, i, issues, declared);
    }
    state.cohortOf[i] = cohort;
    (members[cohort] as number[]).push(i);
  }
  if (issues.length > 0) throw new InvalidRecordsError(issues);
  return members.map((list) => Int32Array.from(list));
}

/** Where the scope rules and cohort conditions put one record: its status, the rule that set it, its cohort. */
export interface Placement {
  status: number;
  /** The out-of-scope or exempt rule that matched (-1: rated). */
  rule: number;
  /** The cohort taking a rated record (-1: none, or not rated). */
  cohort: number;
}

function newPlacement(): Placement {
  return { status: STATUS.rated, rule: -1, cohort: -1 };
}

/**
 * The scope rules and cohort conditions, each evaluated for every record in one pass, then tried top to
 * bottom for record i; the answer is written into `out` (one object reused for every record of a run,
 * so grading a million allocates none).
 */
function placer(compiled: CompiledScheme, input: ConditionInput): (i: number, out: Placement) => Placement {
  const everyone = Int32Array.from(input.records.keys());
  const columns = (conditions: readonly Condition[]): Uint8Array[] =>
    conditions.map((condition) => conditionColumn(condition, input, everyone) as Uint8Array);
  const outOfScope = columns(compiled.outOfScope.map((rule) => rule.when));
  const exempt = columns(compiled.exempt.map((rule) => rule.when));
  const cohortTests = columns(compiled.cohorts.map((cohort) => cohort.cohort.when));
  return (i, out) => {
    out.cohort = -1;
    out.rule = firstMatch(outOfScope, i);
    out.status = STATUS.outOfScope;
    if (out.rule >= 0) return out;
    out.rule = firstMatch(exempt, i);
    out.status = STATUS.exempt;
    if (out.rule >= 0) return out;
    out.status = STATUS.rated;
    out.cohort = firstMatch(cohortTests, i);
    return out;
  };
}

/**
 * Each record's placement by the scope rules and cohort conditions alone, without the run's checks
 * (duplicate codes, required figures): what toNextClass asks of a record with one figure changed.
 */
export function placeRecords(compiled: CompiledScheme, records: readonly EnterpriseRecord[]): Placement[] {
  const input: ConditionInput = {
    records,
    figures: new FigureTable(records, compiled.figureKeys),
    indicators: new Map(),
  };
  const place = placer(compiled, input);
  return records.map((_, i) => place(i, newPlacement()));
}

/** Records an out-of-scope or exempt status when a rule matched (rule ≥ 0). */
function setScope(state: RunState, status: number, rule: number, i: number): boolean {
  if (rule < 0) return false;
  state.status[i] = status;
  state.scopeRule[i] = rule;
  return true;
}

/** The first rule that holds for record i, or -1. */
function firstMatch(holds: readonly Uint8Array[], i: number): number {
  for (let r = 0; r < holds.length; r++) if ((holds[r] as Uint8Array)[i] === 1) return r;
  return -1;
}

function checkRequired(
  input: ConditionInput,
  cohort: Cohort,
  i: number,
  issues: RecordIssue[],
  declared: DeclaredHeaders,
): void {
  for (const key of cohort.requiredFields) {
    if (hasField(input, i, key)) continue;
    const reason = `参评企业必填 (required for a rated enterprise in cohort ${cohort.id})`;
    issues.push(issueAt(input.records, i, key, '', reason, declared));
  }
}

const FIGURES: ReadonlySet<string> = new Set(FIGURE_KEYS);

/**
 * 1 where record i lacks a figure the cohort requires, found one figure at a time over every record (a
 * small loop on its float images); checkRequired then words the issues for the few records marked.
 */
function lacksRequired(input: ConditionInput, cohort: Cohort): Uint8Array {
  const { records, figures } = input;
  const lacks = new Uint8Array(records.length);
  for (const key of cohort.requiredFields) {
    if (FIGURES.has(key)) markMissing(figures.column(key), lacks);
    else
      records.forEach((record, i) => {
        if (figureOf(record, key) === undefined) lacks[i] = 1;
      });
  }
  return lacks;
}

function markMissing(images: Float64Array, lacks: Uint8Array): void {
  for (let i = 0; i < images.length; i++) if (Number.isNaN(images[i])) lacks[i] = 1;
}

function hasField(input: ConditionInput, i: number, key: string): boolean {
  if (FIGURES.has(key)) return !Number.isNaN(input.figures.column(key)[i]);
  return figureOf(input.records[i] as EnterpriseRecord, key) !== undefined;
}

function duplicateIssue(records: readonly EnterpriseRecord[], i: number, first: number): RecordIssue {
  const uscc = (records[i] as EnterpriseRecord).uscc;
  const row = records[first]?.source?.row ?? first + 1;
  return issueAt(records, i, 'uscc', uscc, `统一社会信用代码重复（与第 ${row} 行相同）`);
}

function issueAt(
  records: readonly EnterpriseRecord[],
  i: number,
  column: string,
  value: string,
  reason: string,
  declared?: DeclaredHeaders,
): RecordIssue {
  const source = records[i]?.source;
  const file = source?.file;
  return {
    row: source?.row ?? i + 1,
    column,
    header: headerOf(column, declared),
    value,
    reason,
    ...(file === undefined ? {} : { file }),
  };
}

/**
 * For each code that more than one record carries, the index of its first record; null when every code
 * is unique (the usual case), which anyDuplicateCode answers; only then is a Map of the codes built.
 */
function firstOfDuplicates(records: readonly EnterpriseRecord[]): Map<string, number> | null {
  if (!anyDuplicateCode(records)) return null;
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const { uscc } of records) {
    if (seen.has(uscc)) duplicated.add(uscc);
    else seen.add(uscc);
  }
  const firstOf = new Map<string, number>();
  records.forEach((record, i) => {
    if (duplicated.has(record.uscc) && !firstOf.has(record.uscc)) firstOf.set(record.uscc, i);
  });
  return firstOf;
}

/** Whether two records carry one code (CodeIndex: a Set of the codes cost grade() ~30 ms more at 100k). */
function anyDuplicateCode(records: readonly EnterpriseRecord[]): boolean {
  const index = new CodeIndex(records.length);
  for (let i = 0; i < records.length; i++) {
    if (index.add((records[i] as EnterpriseRecord).uscc, i) !== i) return true;
  }
  return false;
}
