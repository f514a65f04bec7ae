import { Dec, dec } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Scheme } from '../scheme/scheme.js';
import { classify } from './classes.js';
import { compileScheme } from './compile.js';
import type { CompiledCohort, CompiledItem } from './compile.js';
import { conditionColumn } from './conditions.js';
import type { ConditionInput } from './conditions.js';
import type { Benchmark } from './benchmark.js';
import { FigureTable } from './figures.js';
import { Grading } from './grading.js';
import { estimateValues, scoreIndicator } from './indicator-scores.js';
import type { IndicatorScores } from './indicator-scores.js';
import { applyItems, capped } from './items.js';
import type { BoundItem } from './items.js';
import { previousBenchmarks } from './previous.js';
import type { PreviousResult } from './previous.js';
import { rankMembers } from './rank.js';
import type { CohortState, RunState } from './run-state.js';
import { assignStatus } from './status.js';

/**
 * Grades validated records under a scheme. Pure: the same records in any order give the same results.
 * Throws InvalidRecordsError, listing every problem, when a record cannot be graded (a duplicate code,
 * or a figure its cohort requires missing).
 */
export function grade(
  records: readonly EnterpriseRecord[],
  scheme: Scheme,
  options: GradeOptions = {},
): Grading {
  const compiled = compileScheme(scheme);
  const given = previousBenchmarks(scheme, options.previous);
  const n = records.length;
  const state: RunState = {
    compiled,
    records,
    status: new Uint8Array(n),
    scopeRule: new Int16Array(n).fill(-1),
    cohortOf: new Int16Array(n).fill(-1),
    total: new Float64Array(n),
    bonusRawUnits: new Float64Array(n),
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
  const input: ConditionInput = {
    records,
    figures: new FigureTable(records, compiled.figureKeys),
    indicators: new Map(),
  };
  const members = assignStatus(state, input);
  const scored = scorePools(state, input, members, given);
  const cohorts = compiled.cohorts.map((cohort, c) =>
    gradeCohort(
      state,
      { ...input, indicators: cohort.indicatorMap },
      cohort,
      members[c] ?? new Int32Array(),
      scored[c] ?? [],
    ),
  );
  return new Grading({ ...state, cohorts });
}

export interface GradeOptions {
  /** Last year's result, for benchmarks the scheme takes from it (`previousYear`). */
  readonly previous?: PreviousResult;
}

/**
 * Every cohort's indicator scores. A cohort scores its own members; cohorts naming one `pool` are scored
 * together (benchmarks, min–max ranges and missing-data means over all their members) and each then
 * takes its own members' scores.
 */
function scorePools(
  state: RunState,
  input: ConditionInput,
  members: readonly Int32Array[],
  given: ReadonlyMap<string, ReadonlyMap<string, Benchmark>>,
): IndicatorScores[][] {
  const { compiled } = state;
  const result: IndicatorScores[][] = [];
  const groups = new Map<string, number[]>();
  compiled.cohorts.forEach((cohort, c) => {
    const key = cohort.cohort.pool === undefined ? `\u0000${c}` : cohort.cohort.pool;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [c]);
    else group.push(c);
  });
  for (const group of groups.values()) {
    const first = compiled.cohorts[group[0] as number] as CompiledCohort;
    const lists = group.map((c) => members[c] ?? new Int32Array());
    const union = lists.length === 1 ? (lists[0] as Int32Array) : concatenate(lists);
    const cohortInput = { ...input, indicators: first.indicatorMap };
    const pooled = first.indicators.map((indicator) => {
      const fromLastYear = given.get(first.cohort.id)?.get(indicator.indicator.key);
      const scored = scoreIndicator(indicator, cohortInput, union, compiled.scheme.rounding, fromLastYear);
      if (scored.nonPositiveBenchmark !== null) {
        const label = group.map((c) => compiled.cohorts[c]?.cohort.label ?? '').join('、');
        state.warnings.push(
          `${label} ${indicator.indicator.label}的基准值 ${scored.nonPositiveBenchmark} ≤ 0，该项全部记 0 分`,
        );
      }
      return scored;
    });
    let offset = 0;
    group.forEach((c, g) => {
      const size = (lists[g] as Int32Array).length;
      const end = offset + size;
      result[c] =
        group.length === 1
          ? pooled
          : pooled.map((scored) => ({
              ...scored,
              scores: scored.scores.subarray(offset, end),
              applies: scored.applies.subarray(offset, end),
            }));
      offset = end;
    });
  }
  return result;
}

function concatenate(lists: readonly Int32Array[]): Int32Array {
  const union = new Int32Array(lists.reduce((size, list) => size + list.length, 0));
  let offset = 0;
  for (const list of lists) {
    union.set(list, offset);
    offset += list.length;
  }
  return union;
}

/**
 * The last rank of each band class: share × n rounded as the boundary says (floor unless told), never
 * beyond n; a cohort smaller than `sparesLastClassBelow` puts nobody in the last class by rank.
 */
export function bandLimitsOf(cohort: CompiledCohort, n: number): number[] {
  const limits = (cohort.bands ?? []).map((share, b) => {
    const product = dec(share).times(n);
    const rounding = cohort.bandRounding[b] ?? 'floor';
    const count =
      rounding === 'floor'
        ? product.floor()
        : rounding === 'ceil'
          ? product.ceil()
          : product.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
    return Math.min(count.toNumber(), n);
  });
  const spares = cohort.cohort.classification.sparesLastClassBelow;
  if (spares !== undefined && n < spares && limits.length > 0) limits[limits.length - 1] = n;
  return limits;
}

function gradeCohort(
  state: RunState,
  input: ConditionInput,
  compiledCohort: CompiledCohort,
  members: Int32Array,
  indicators: readonly IndicatorScores[],
): CohortState {
  for (const scored of indicators) addScores(state.total, members, scored.scores);
  addItems(state, input, compiledCohort, members);
  const slots = rankMembers(state, input.figures, members);
  const bandLimits = bandLimitsOf(compiledCohort, members.length);
  classify(state, input, compiledCohort, members, bandLimits);
  return {
    compiled: compiledCohort,
    members: recordsByRank(members, slots),
    benchmarks: indicators.map((scored) => scored.benchmark),
    ...byRank(state, input.figures, compiledCohort, members, indicators),
    meanUnits: indicators.map((scored) => scored.meanUnits),
    bandLimits,
  };
}

function recordsByRank(members: Int32Array, slots: Int32Array): Int32Array {
  const ranked = new Int32Array(slots.length);
  for (let position = 0; position < slots.length; position++) {
    ranked[position] = members[slots[position] as number] as number;
  }
  return ranked;
}

/**
 * Every member's indicator scores and applicability, moved from slot order into rank order (indicator k
 * of the member ranked r at (r − 1) × indicators + k), with the published values the estimate decides.
 * One small loop per indicator and array, each compiled once for the run.
 */
function byRank(
  state: RunState,
  figures: FigureTable,
  cohort: CompiledCohort,
  members: Int32Array,
  indicators: readonly IndicatorScores[],
): { scores: Float64Array; applicable: Uint8Array; valueUnits: Float64Array } {
  const count = indicators.length;
  const dp = state.compiled.scheme.rounding.value;
  const starts = rankStarts(state.rank, members, count);
  const scores = new Float64Array(members.length * count);
  const applicable = new Uint8Array(members.length * count);
  const valueUnits = new Float64Array(members.length * count);
  indicators.forEach((scored, k) => {
    const compiled = cohort.indicators[k] as CompiledCohort['indicators'][number];
    const values = estimateValues(compiled, figures, dp, members, scored.applies);
    floatsToRank(starts, k, scored.scores, scores);
    bytesToRank(starts, k, scored.applies, applicable);
    floatsToRank(starts, k, values, valueUnits);
  });
  return { scores, applicable, valueUnits };
}

/** Where each slot's row starts in arrays by rank: (rank − 1) × count. */
function rankStarts(rank: Int32Array, members: Int32Array, count: number): Int32Array {
  const starts = new Int32Array(members.length);
  for (let s = 0; s < members.length; s++) starts[s] = ((rank[members[s] as number] as number) - 1) * count;
  return starts;
}

/**
 * Writes one indicator's values (by slot) into its column of an array by rank. One function per array
 * type: a generic one saw both, and was deoptimised and compiled again when the second came.
 */
function floatsToRank(starts: Int32Array, k: number, bySlot: Float64Array, byRank: Float64Array): void {
  for (let s = 0; s < starts.length; s++) byRank[(starts[s] as number) + k] = bySlot[s] as number;
}

function bytesToRank(starts: Int32Array, k: number, bySlot: Uint8Array, byRank: Uint8Array): void {
  for (let s = 0; s < starts.length; s++) byRank[(starts[s] as number) + k] = bySlot[s] as number;
}

/** Adds one indicator's scores (by slot) to the members' totals (by record). */
function addScores(total: Float64Array, members: Int32Array, scores: Float64Array): void {
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    total[i] = (total[i] as number) + (scores[s] as number);
  }
}

/** Bonus and penalty items of every member, added to the total capped. */
function addItems(state: RunState, input: ConditionInput, cohort: CompiledCohort, members: Int32Array): void {
  const { compiled, records } = state;
  const bind = (items: readonly CompiledItem[]): BoundItem[] =>
    items
      .filter((item) => item.cohorts === null || item.cohorts.has(cohort.cohort.id))
      .map((item) => ({
        compiled: item,
        holds: conditionColumn(item.when, input, members),
      }));
  const bonusItems = bind(compiled.bonus);
  const penaltyItems = bind(compiled.penalty);
  const dp = compiled.scoreDp;
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    const record = records[i] as EnterpriseRecord;
    const bonus = applyItems(bonusItems, s, i, record, dp, state.bonusMask);
    const penalty = applyItems(penaltyItems, s, i, record, dp, state.penaltyMask);
    state.bonusRawUnits[i] = bonus;
    state.penaltyRawUnits[i] = penalty;
    state.total[i] =
      (state.total[i] as number) +
      capped(bonus, compiled.bonusCapUnits) -
      capped(penalty, compiled.penaltyCapUnits);
  }
}
