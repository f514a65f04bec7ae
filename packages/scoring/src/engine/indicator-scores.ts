import { Dec, dec } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { Scheme } from '../scheme/scheme.js';
import { computeBenchmark, exactRationals } from './benchmark.js';
import type { Applicable, Benchmark } from './benchmark.js';
import type { CompiledIndicator } from './compile.js';
import type { ConditionInput } from './conditions.js';
import type { FigureTable } from './figures.js';
import { divideHalfUp, roundEstimate } from './exact.js';
import { compare } from './rational.js';
import type { Rational } from './rational.js';
import {
  estimateRatioScoreUnits,
  exactRatioScoreUnits,
  minMaxScoreUnits,
  nonPositiveScoreUnits,
} from './score.js';

/** One indicator of one cohort: where it applies, its benchmark, and every member's score. */
export interface IndicatorScores {
  readonly benchmark: Benchmark | null;
  /** Score units by slot; members it does not apply to hold the scheme's not-applicable score. */
  readonly scores: Float64Array;
  readonly applies: Uint8Array;
  readonly meanUnits: number;
  /** A ratio indicator's benchmark when it is ≤ 0 (everyone scores 0 on it), else null. */
  readonly nonPositiveBenchmark: DecimalString | null;
}

export function scoreIndicator(
  compiled: CompiledIndicator,
  input: ConditionInput,
  members: Int32Array,
  rounding: Scheme['rounding'],
  given?: Benchmark | null,
): IndicatorScores {
  const { indicator } = compiled;
  const dp = rounding.score;
  const { applies, applicable } = applicability(compiled, input, members);
  // A benchmark from last year's result is worked out before the run (previous.ts).
  const benchmark = given !== undefined ? given : computeBenchmark(indicator, applicable, rounding.benchmark);
  const scores = new Float64Array(members.length);
  const scoring = indicator.scoring;
  let nonPositiveBenchmark: DecimalString | null = null;
  if (scoring.method === 'ratio') {
    if (benchmark !== null && dec(benchmark.text).lte(0)) nonPositiveBenchmark = benchmark.text;
    else if (benchmark !== null) ratioScores(compiled, benchmark, input, members, applies, scores, dp);
  } else if (applicable.count > 0) {
    minMaxScores(compiled, scoring.floor, exactRationals(indicator, applicable), applies, scores, dp);
  }
  const meanUnits = notApplicableUnits(compiled, applies, scores, applicable.count, dp);
  fillNotApplicable(applies, scores, meanUnits);
  return { benchmark, scores, applies, meanUnits, nonPositiveBenchmark };
}

/** Min–max scores of the applicable members (their exact values in slot order). */
function minMaxScores(
  compiled: CompiledIndicator,
  floor: DecimalString,
  values: readonly Rational[],
  applies: Uint8Array,
  scores: Float64Array,
  dp: number,
): void {
  let [min, max] = [values[0] as Rational, values[0] as Rational];
  for (const value of values) {
    if (compare(value, min) < 0) min = value;
    if (compare(value, max) > 0) max = value;
  }
  let next = 0;
  for (let s = 0; s < applies.length; s++) {
    if (applies[s] !== 1) continue;
    const value = values[next++] as Rational;
    scores[s] = minMaxScoreUnits(compiled, floor, value, min, max, dp);
  }
}

/** The not-applicable score for every member the indicator does not apply to (its own small loop). */
function fillNotApplicable(applies: Uint8Array, scores: Float64Array, units: number): void {
  for (let s = 0; s < applies.length; s++) if (applies[s] !== 1) scores[s] = units;
}

/**
 * The published value (rounded to `dp` decimals) of each member the indicator applies to, by slot, in
 * units of 10^-dp, where the float estimate decides it (quotientString in exact.ts says why that is
 * safe); NaN where decimal.js must decide, and where the indicator does not apply.
 */
export function estimateValues(
  compiled: CompiledIndicator,
  figures: FigureTable,
  dp: number,
  members: Int32Array,
  applies: Uint8Array,
): Float64Array {
  const numerators = figures.column(compiled.indicator.numerator);
  const denominators = figures.column(compiled.indicator.denominator);
  const { factor } = compiled;
  const scale = 10 ** dp;
  const values = new Float64Array(members.length);
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    const estimate = (((numerators[i] as number) * factor) / (denominators[i] as number)) * scale;
    values[s] = applies[s] === 1 ? (roundEstimate(estimate) ?? Number.NaN) : Number.NaN;
  }
  return values;
}

/** The members the indicator applies to: numerator given, denominator given and not zero. */
function applicability(
  compiled: CompiledIndicator,
  input: ConditionInput,
  members: Int32Array,
): { applies: Uint8Array; applicable: Applicable } {
  const { numerator, denominator } = compiled.indicator;
  const { figures } = input;
  const numerators = figures.column(numerator);
  const denominators = figures.column(denominator);
  const applies = new Uint8Array(members.length);
  let count = 0;
  for (let s = 0; s < members.length; s++) {
    const i = members[s] as number;
    if (!Number.isNaN(numerators[i]) && figures.isDivisor(i, denominator, denominators[i] as number)) {
      applies[s] = 1;
      count++;
    }
  }
  return { applies, applicable: { figures, records: input.records, members, applies, count } };
}

/** Ratio scores from the float images where the estimate decides, else from the exact figures. */
function ratioScores(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  input: ConditionInput,
  members: Int32Array,
  applies: Uint8Array,
  scores: Float64Array,
  dp: number,
): void {
  const { numerator: numeratorKey, denominator: denominatorKey } = compiled.indicator;
  const { figures } = input;
  const numerators = figures.column(numeratorKey);
  const denominators = figures.column(denominatorKey);
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const i = members[s] as number;
    const numerator = numerators[i] as number;
    const denominator = denominators[i] as number;
    const sign = figures.signAt(i, numeratorKey, numerator) * figures.signAt(i, denominatorKey, denominator);
    if (sign <= 0) {
      scores[s] = nonPositiveScoreUnits(
        compiled,
        benchmark,
        figures.text(i, numeratorKey) ?? '0',
        figures.text(i, denominatorKey) ?? '1',
        dp,
      );
      continue;
    }
    scores[s] =
      estimateRatioScoreUnits(compiled, benchmark, numerator, denominator, dp) ??
      exactRatioScoreUnits(
        compiled,
        benchmark,
        figures.text(i, numeratorKey) ?? '0',
        figures.text(i, denominatorKey) ?? '1',
        dp,
      );
  }
}

/** The score of a member the indicator does not apply to: the cohort mean, 0, or the scheme's figure. */
function notApplicableUnits(
  compiled: CompiledIndicator,
  applies: Uint8Array,
  scores: Float64Array,
  applicableCount: number,
  dp: number,
): number {
  const missing = compiled.indicator.notApplicable;
  if (missing.method === 'cohortMean' && applicableCount > 0) {
    let sum = 0;
    for (let s = 0; s < applies.length; s++) if (applies[s] === 1) sum += scores[s] as number;
    return divideHalfUp(sum, applicableCount);
  }
  if (missing.method === 'fixed') return dec(missing.score).times(new Dec(10).pow(dp)).toNumber();
  return 0;
}
