import { Dec, dec } from '../decimal/decimal.js';
import { InvalidRecordsError } from '../errors/errors.js';
import type { RecordIssue } from '../errors/errors.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Scheme } from '../scheme/scheme.js';
import { computeBenchmark, exactValue } from './benchmark.js';
import type { Benchmark } from './benchmark.js';
import { compileScheme } from './compile.js';
import type { CompiledCohort, CompiledItem, CompiledScheme } from './compile.js';
import { figureOf } from './conditions.js';
import { headerOf } from './describe.js';
import { approx, compareDecimals, divideHalfUp } from './exact.js';
import { Grading } from './grading.js';
import { itemPointsUnits } from './items.js';
import { applyOverrides } from './overrides.js';
import type { OverrideChange } from './overrides.js';
import { minMaxScoreUnits, ratioScoreUnits } from './score.js';

export const STATUS = { rated: 0, exempt: 1, outOfScope: 2 } as const;

/** Everything a run decided, held compactly (typed arrays by record index) until results are written. */
export interface RunState {
  readonly compiled: CompiledScheme;
  readonly records: readonly EnterpriseRecord[];
  readonly status: Uint8Array;
  /** Index of the scope rule that decided an out-of-scope or exempt record. */
  readonly scopeRule: Int16Array;
  readonly cohortOf: Int16Array;
  readonly slot: Int32Array;
  readonly total: Float64Array;
  readonly bonusUnits: Float64Array;
  readonly bonusRawUnits: Float64Array;
  readonly penaltyUnits: Float64Array;
  readonly penaltyRawUnits: Float64Array;
  readonly bonusMask: Int32Array;
  readonly penaltyMask: Int32Array;
  readonly rank: Int32Array;
  readonly bandClass: Int8Array;
  readonly finalClass: Int8Array;
  readonly overrides: Map<number, OverrideChange[]>;
  readonly cohorts: readonly CohortState[];
  readonly warnings: string[];
}

export interface CohortState {
  readonly compiled: CompiledCohort;
  /** Record indices of the cohort's rated enterprises, in rank order once ranked. */
  members: Int32Array;
  readonly benchmarks: (Benchmark | null)[];
  /** Per indicator, by slot (the member's position before ranking). */
  readonly scores: Float64Array[];
  readonly applicable: Uint8Array[];
  readonly meanUnits: number[];
  readonly bandLimits: number[];
}

/**
 * Grades validated records under a scheme. Pure: the same records in any order give the same results.
 * Throws InvalidRecordsError, listing every problem, when a record cannot be graded (a duplicate code,
 * or a figure its cohort requires missing).
 */
export function grade(records: readonly EnterpriseRecord[], scheme: Scheme): Grading {
  const compiled = compileScheme(scheme);
  const n = records.length;
  const state: RunState = {
    compiled,
    records,
    status: new Uint8Array(n),
    scopeRule: new Int16Array(n).fill(-1),
    cohortOf: new Int16Array(n).fill(-1),
    slot: new Int32Array(n).fill(-1),
    total: new Float64Array(n),
    bonusUnits: new Float64Array(n),
    bonusRawUnits: new Float64Array(n),
    penaltyUnits: new Float64Array(n),
    penaltyRawUnits: new Float64Array(n),
    bonusMask: new Int32Array(n),
    penaltyMask: new Int32Array(n),
    rank: new Int32Array(n),
    bandClass: new Int8Array(n).fill(-1),
    finalClass: new Int8Array(n).fill(-1),
    overrides: new Map(),
    cohorts: [],
    warnings: [],
  };
  const members = assignStatus(state);
  const cohorts = compiled.cohorts.map((cohort, c) => gradeCohort(state, cohort, members[c] ?? []));
  return new Grading({ ...state, cohorts });
}

function assignStatus(state: RunState): number[][] {
  const { compiled, records } = state;
  const members: number[][] = compiled.cohorts.map(() => []);
  const issues: RecordIssue[] = [];
  const seen = new Map<string, number>();
  const noIndicators = new Map<string, never>();
  records.forEach((record, i) => {
    const row = record.source?.row ?? i + 1;
    const file = record.source?.file;
    const issue = (column: string, value: string, reason: string): void => {
      issues.push({
        row,
        column,
        header: headerOf(column),
        value,
        reason,
        ...(file === undefined ? {} : { file }),
      });
    };
    const first = seen.get(record.uscc);
    if (first !== undefined) {
      issue(
        'uscc',
        record.uscc,
        `统一社会信用代码重复（与第 ${records[first]?.source?.row ?? first + 1} 行相同）`,
      );
      return;
    }
    seen.set(record.uscc, i);
    const outOfScope = compiled.outOfScope.findIndex((rule) => rule.test(record, noIndicators));
    if (outOfScope >= 0) {
      state.status[i] = STATUS.outOfScope;
      state.scopeRule[i] = outOfScope;
      return;
    }
    const exempt = compiled.exempt.findIndex((rule) => rule.test(record, noIndicators));
    if (exempt >= 0) {
      state.status[i] = STATUS.exempt;
      state.scopeRule[i] = exempt;
      return;
    }
    const cohort = compiled.cohorts.findIndex((candidate) => candidate.when(record, noIndicators));
    if (cohort < 0) {
      issue('scale', record.scale, '不属于评价办法的任何评价组 (no cohort of the scheme takes this record)');
      return;
    }
    for (const key of compiled.cohorts[cohort]?.cohort.requiredFields ?? []) {
      if (figureOf(record, key) === undefined) {
        issue(
          key,
          '',
          `参评企业必填 (required for a rated enterprise in cohort ${compiled.cohorts[cohort]?.cohort.id ?? ''})`,
        );
      }
    }
    const list = members[cohort] ?? [];
    state.cohortOf[i] = cohort;
    state.slot[i] = list.length;
    list.push(i);
  });
  if (issues.length > 0) throw new InvalidRecordsError(issues);
  return members;
}

function gradeCohort(
  state: RunState,
  compiledCohort: CompiledCohort,
  memberList: readonly number[],
): CohortState {
  const { compiled, records } = state;
  const dp = compiled.scoreDp;
  const members = Int32Array.from(memberList);
  const size = members.length;
  const cohort: CohortState = {
    compiled: compiledCohort,
    members,
    benchmarks: [],
    scores: [],
    applicable: [],
    meanUnits: [],
    bandLimits: [],
  };
  const totals = new Float64Array(size);

  for (const indicator of compiledCohort.indicators) {
    const { numerator, denominator } = indicator.indicator;
    const applies = new Uint8Array(size);
    const applicableRecords: EnterpriseRecord[] = [];
    for (let s = 0; s < size; s++) {
      const record = records[members[s] ?? 0] as EnterpriseRecord;
      const den = figureOf(record, denominator);
      if (figureOf(record, numerator) !== undefined && den !== undefined && den !== '0') {
        applies[s] = 1;
        applicableRecords.push(record);
      }
    }
    const benchmark = computeBenchmark(
      indicator.indicator,
      applicableRecords,
      compiled.scheme.rounding.benchmark,
    );
    const scores = new Float64Array(size);
    const scoring = indicator.indicator.scoring;
    const label = `${compiledCohort.cohort.label} ${indicator.indicator.label}`;
    if (scoring.method === 'ratio') {
      if (benchmark !== null && dec(benchmark.text).lte(0)) {
        state.warnings.push(`${label}的基准值 ${benchmark.text} ≤ 0，该项全部记 0 分`);
      } else if (benchmark !== null) {
        for (let s = 0; s < size; s++) {
          if (applies[s] !== 1) continue;
          const record = records[members[s] ?? 0] as EnterpriseRecord;
          scores[s] = ratioScoreUnits(
            indicator,
            benchmark,
            figureOf(record, numerator) ?? '0',
            figureOf(record, denominator) ?? '1',
            dp,
          );
        }
      }
    } else if (applicableRecords.length > 0) {
      const values = new Map(
        applicableRecords.map((record) => [record, exactValue(indicator.indicator, record)]),
      );
      const all = [...values.values()];
      const [min, max] = [Dec.min(...all), Dec.max(...all)];
      for (let s = 0; s < size; s++) {
        const value = values.get(records[members[s] ?? 0] as EnterpriseRecord);
        if (value !== undefined) scores[s] = minMaxScoreUnits(indicator, scoring.floor, value, min, max, dp);
      }
    }
    const missing = indicator.indicator.notApplicable;
    let mean = 0;
    if (missing.method === 'cohortMean' && applicableRecords.length > 0) {
      let sum = 0;
      for (let s = 0; s < size; s++) if (applies[s] === 1) sum += scores[s] ?? 0;
      mean = divideHalfUp(sum, applicableRecords.length);
    } else if (missing.method === 'fixed') {
      mean = dec(missing.score).times(new Dec(10).pow(dp)).toNumber();
    }
    for (let s = 0; s < size; s++) {
      if (applies[s] !== 1) scores[s] = mean;
      totals[s] = (totals[s] ?? 0) + (scores[s] ?? 0);
    }
    cohort.benchmarks.push(benchmark);
    cohort.scores.push(scores);
    cohort.applicable.push(applies);
    cohort.meanUnits.push(mean);
  }

  for (let s = 0; s < size; s++) {
    const i = members[s] ?? 0;
    const record = records[i] as EnterpriseRecord;
    const bonus = applyItems(compiled.bonus, record, compiledCohort, dp);
    const penalty = applyItems(compiled.penalty, record, compiledCohort, dp);
    state.bonusMask[i] = bonus.mask;
    state.penaltyMask[i] = penalty.mask;
    state.bonusRawUnits[i] = bonus.units;
    state.penaltyRawUnits[i] = penalty.units;
    const bonusUnits =
      compiled.bonusCapUnits === null ? bonus.units : Math.min(bonus.units, compiled.bonusCapUnits);
    const penaltyUnits =
      compiled.penaltyCapUnits === null ? penalty.units : Math.min(penalty.units, compiled.penaltyCapUnits);
    state.bonusUnits[i] = bonusUnits;
    state.penaltyUnits[i] = penaltyUnits;
    state.total[i] = (totals[s] ?? 0) + bonusUnits - penaltyUnits;
  }

  cohort.members = rankMembers(state, members);
  classify(state, cohort);
  return cohort;
}

function applyItems(
  items: readonly CompiledItem[],
  record: EnterpriseRecord,
  cohort: CompiledCohort,
  dp: number,
): { mask: number; units: number } {
  let mask = 0;
  let units = 0;
  for (const item of items) {
    if (item.cohorts !== null && !item.cohorts.has(cohort.cohort.id)) continue;
    if (!item.when(record, cohort.indicatorMap)) continue;
    const points = itemPointsUnits(item.item, record, dp);
    if (points === 0 && item.item.classShift === undefined) continue;
    mask |= 1 << item.bit;
    units += points;
  }
  return { mask, units };
}

/**
 * Orders by total score, then the scheme's tie-break figures (descending, missing as 0), then the code
 * ascending, so the order is total and never depends on the input's.
 */
function rankMembers(state: RunState, members: Int32Array): Int32Array {
  const { records, total } = state;
  const keys = state.compiled.scheme.tieBreak;
  const figures = keys.map((key) =>
    Array.from(members, (i) => figureOf(records[i] as EnterpriseRecord, key) ?? '0'),
  );
  const floats = figures.map((column) => Float64Array.from(column, approx));
  const slots = Array.from(members.keys());
  slots.sort((a, b) => {
    const byTotal = (total[members[b] ?? 0] ?? 0) - (total[members[a] ?? 0] ?? 0);
    if (byTotal !== 0) return byTotal;
    for (let k = 0; k < keys.length; k++) {
      const x = floats[k]?.[a] ?? 0;
      const y = floats[k]?.[b] ?? 0;
      if (x !== y) return y - x;
      const order = compareDecimals(figures[k]?.[b] ?? '0', figures[k]?.[a] ?? '0');
      if (order !== 0) return order;
    }
    const codeA = records[members[a] ?? 0]?.uscc ?? '';
    const codeB = records[members[b] ?? 0]?.uscc ?? '';
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
  });
  const ranked = Int32Array.from(slots, (s) => members[s] ?? 0);
  ranked.forEach((i, position) => (state.rank[i] = position + 1));
  return ranked;
}

/** Band class by rank (floored cumulative shares), score thresholds, then the override steps. */
function classify(state: RunState, cohort: CohortState): void {
  const { bands, thresholdUnits } = cohort.compiled;
  const size = cohort.members.length;
  const last = state.compiled.classIds.length - 1;
  if (bands !== null) {
    for (const share of bands) cohort.bandLimits.push(dec(share).times(size).floor().toNumber());
  }
  cohort.members.forEach((i, position) => {
    let band = bands === null ? 0 : bandOf(cohort.bandLimits, position + 1, last);
    if (thresholdUnits !== null) {
      const total = state.total[i] ?? 0;
      const byScore = thresholdUnits.findIndex((minimum) => total >= minimum);
      band = Math.max(band, byScore < 0 ? last : byScore);
    }
    state.bandClass[i] = band;
    const record = state.records[i] as EnterpriseRecord;
    const { finalClass, changes } = applyOverrides(state.compiled, cohort.compiled, record, band, {
      bonus: state.bonusMask[i] ?? 0,
      penalty: state.penaltyMask[i] ?? 0,
    });
    state.finalClass[i] = finalClass;
    if (changes.length > 0) state.overrides.set(i, changes);
  });
}

function bandOf(limits: readonly number[], rank: number, last: number): number {
  for (let c = 0; c < limits.length; c++) if (rank <= (limits[c] ?? 0)) return c;
  return last;
}
