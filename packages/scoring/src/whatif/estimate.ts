import type { CompiledIndicator } from '../engine/compile.js';
import { approx } from '../engine/exact.js';
import type { EnterpriseRecord } from '../records/record.js';
import { figureText } from './standings.js';

/**
 * A float estimate of a search's answer, only to start the exact search near it (the search confirms
 * every answer by probes, so an estimate that is off costs probes, never exactness).
 *
 * Ratio scoring over aggregate-ratio or fixed benchmarks: the enterprise's own score on each indicator
 * the figure moves, and the score of the member now at the better band's last rank, are worked out in
 * floats with the benchmark moving with the figure (Σ numerator / Σ denominator), and the change is found
 * by bisection where its total passes that member's.
 *
 * Where the change moves a benchmark so far that the others' scores move too (a 规上 enterprise whose own
 * tax score is already capped moves up only by lowering everyone else's), the member at that rank changes
 * and a fixed target misleads (last session: 20–44 probes). There a cohort model (`rankEstimate`) scores
 * every other member in floats under the moved, rounded benchmarks and counts who stays ahead.
 */

export interface EstimatedIndicator {
  readonly compiled: CompiledIndicator;
  /** The figure is the indicator's numerator (else its denominator). */
  readonly inNumerator: boolean;
  /** Σ numerator × factor and Σ denominator over the applicable members (aggregate ratio), or null (fixed). */
  readonly sums: { readonly numerator: number; readonly denominator: number } | null;
  /** The benchmark as graded (fixed benchmarks never move). */
  readonly benchmark: number;
  readonly dp: number;
}

/** The float model of one search: its own score change, and the target's, as the figure moves. */
export interface Model {
  readonly indicators: readonly EstimatedIndicator[];
  readonly own: EnterpriseRecord;
  readonly ownApplies: readonly boolean[];
  readonly sign: 1 | -1;
  readonly max: number;
}

/**
 * The most any other member's score can move (units) when the change is `cents`: its benchmark's relative
 * move times the capped weight. Below a unit the others keep their totals and a fixed target is right.
 */
export function othersMove(model: Model, cents: number): number {
  const delta = (model.sign * cents) / 100;
  let most = 0;
  model.indicators.forEach((indicator, k) => {
    const before = indicator.benchmark;
    const after = movedBenchmark(indicator, delta, model.ownApplies[k] === true);
    const low = Math.min(before, after);
    const cap = indicator.compiled.cap;
    if (!(low > 0) || cap === null) {
      most = Number.POSITIVE_INFINITY;
      return;
    }
    most = Math.max(
      most,
      (indicator.compiled.weight * 10 ** indicator.dp * cap * Math.abs(after - before)) / low,
    );
  });
  return most;
}

/** The own total's change (units, unrounded) at a change of `cents`, the benchmarks moving with it. */
export function ownGain(model: Model, cents: number): number {
  return gain(model, cents, null);
}

function gain(
  model: Model,
  cents: number,
  target: { readonly record: EnterpriseRecord; readonly applies: readonly boolean[] } | null,
): number {
  const delta = (model.sign * cents) / 100;
  let total = 0;
  model.indicators.forEach((indicator, k) => {
    const applies = model.ownApplies[k] === true;
    const benchmark = movedBenchmark(indicator, delta, applies);
    if (!(benchmark > 0)) return;
    const before = indicator.benchmark;
    if (applies)
      total += score(indicator, model.own, delta, benchmark) - score(indicator, model.own, 0, before);
    if (target?.applies[k] === true) {
      total -= score(indicator, target.record, 0, benchmark) - score(indicator, target.record, 0, before);
    }
  });
  return total;
}

/** The smallest cents in (from, model.max] where `f` reaches `needed` (f rising), or null. */
export function solve(model: Model, f: (cents: number) => number, needed: number, from = 0): number | null {
  if (!(f(model.max) >= needed)) return null;
  let lo = from;
  let hi = model.max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (f(mid) >= needed) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The change (cents, in [1, max]) at which the own total passes that of `target` (the member now at the
 * better band's last rank), its score moving with the benchmark too, or null.
 */
export function estimateCents(
  model: Model,
  target: { readonly record: EnterpriseRecord; readonly applies: readonly boolean[] },
  /** The target's total minus the own total now (units); the own must gain more than this. */
  gap: number,
): number | null {
  // Half a unit past the target: rounding decides the rest, and the exact search finds it.
  return solve(model, (cents) => gain(model, cents, target), gap + 0.5);
}

/**
 * From a probe at `cents` whose exact own total was `need` units short of the lowest total that reaches
 * the better band (negative: to spare), the change the model says closes it, or null.
 */
export function refineCents(model: Model, cents: number, need: number): number | null {
  const base = ownGain(model, cents);
  return solve(model, (c) => ownGain(model, c) - base, need - 0.5);
}

function movedBenchmark(indicator: EstimatedIndicator, delta: number, applies: boolean): number {
  if (indicator.sums === null || !applies) return indicator.benchmark;
  const { numerator, denominator } = indicator.sums;
  const factor = indicator.compiled.factor;
  return indicator.inNumerator
    ? (numerator + delta * factor) / denominator
    : numerator / (denominator + delta);
}

/**
 * The cohort's other members in floats for `rankEstimate`, built once per cohort and figure: each member's
 * graded total without the moved indicators' scores, and by moved indicator its ratio value (NaN: the
 * indicator does not apply, so it takes the cohort mean), and its tie-break figures.
 */
export interface CohortModel {
  readonly codes: readonly string[];
  readonly base: Float64Array;
  /** By moved indicator (in the model's order): each member's value, NaN where it does not apply. */
  readonly values: readonly Float64Array[];
  /** By tie-break figure: each member's float image (missing as 0). */
  readonly ties: readonly Float64Array[];
  /** By moved indicator: not-applicable members take the applicable members' mean. */
  readonly meanMissing: readonly boolean[];
  /** Scratch, by member: the current evaluation's moved scores, in all and of one indicator. */
  readonly scratch: Float64Array;
  readonly scores: Float64Array;
}

/** The own enterprise in the cohort model: its index there, and its total without the moved scores. */
export interface OwnInModel {
  readonly index: number;
  readonly base: number;
  readonly ties: readonly number[];
  /** Which tie-break figure is the moved one (-1: none). */
  readonly tieMoved: number;
}

/**
 * The smallest change (cents, in [1, max]) at which the own record ranks `lastRank` or better among the
 * others as the cohort model scores them (benchmarks moved and rounded to `benchmarkDp`, scores rounded
 * to units, missing-data means recomputed, ties broken by the tie figures and the code); null when not
 * even the largest change does. About 37 evaluations of O(members × moved indicators), floats only.
 */
export function rankEstimate(
  model: Model,
  cohort: CohortModel,
  own: OwnInModel,
  lastRank: number,
  benchmarkDp: number,
): number | null {
  return solve(model, (cents) => (ahead(model, cohort, own, cents, benchmarkDp) < lastRank ? 1 : 0), 1);
}

/** How many others rank before the own record at a change of `cents`, in the cohort model. */
function ahead(
  model: Model,
  cohort: CohortModel,
  own: OwnInModel,
  cents: number,
  benchmarkDp: number,
): number {
  const delta = (model.sign * cents) / 100;
  const n = cohort.base.length;
  const { scratch } = cohort;
  scratch.fill(0);
  const scale = 10 ** benchmarkDp;
  let ownTotal = own.base;
  model.indicators.forEach((indicator, k) => {
    const ownApplies = model.ownApplies[k] === true;
    const benchmark = Math.round(movedBenchmark(indicator, delta, ownApplies) * scale) / scale;
    const values = cohort.values[k] as Float64Array;
    let sum = 0;
    let count = 0;
    let ownScore = 0;
    if (ownApplies) {
      ownScore = benchmark > 0 ? roundUnits(score(indicator, model.own, delta, benchmark)) : 0;
      sum += ownScore;
      count++;
    }
    const { scores } = cohort;
    for (let i = 0; i < n; i++) {
      const value = values[i] as number;
      if (i === own.index || Number.isNaN(value)) continue;
      const units = benchmark > 0 ? roundUnits(scoreOfValue(indicator, value, benchmark)) : 0;
      scores[i] = units;
      sum += units;
      count++;
    }
    const mean = cohort.meanMissing[k] === true && count > 0 ? Math.round(sum / count) : 0;
    for (let i = 0; i < n; i++) {
      scratch[i] = (scratch[i] as number) + (Number.isNaN(values[i]) ? mean : (scores[i] as number));
    }
    ownTotal += ownApplies ? ownScore : mean;
  });
  let count = 0;
  const ownCode = cohort.codes[own.index] ?? '';
  for (let i = 0; i < n; i++) {
    if (i === own.index) continue;
    const total = (cohort.base[i] as number) + (scratch[i] as number);
    if (total > ownTotal) count++;
    else if (total === ownTotal && tiedAhead(cohort, own, i, delta, ownCode)) count++;
  }
  return count;
}

/** At equal totals: whether member i comes first by the tie figures (higher first), then the code. */
function tiedAhead(cohort: CohortModel, own: OwnInModel, i: number, delta: number, ownCode: string): boolean {
  for (let t = 0; t < cohort.ties.length; t++) {
    const mine = (own.ties[t] as number) + (t === own.tieMoved ? delta : 0);
    const theirs = (cohort.ties[t] as Float64Array)[i] as number;
    if (theirs !== mine) return theirs > mine;
  }
  return (cohort.codes[i] ?? '') < ownCode;
}

/** Half-up to whole units (the engine rounds each score once, exactly; this is its float image). */
function roundUnits(units: number): number {
  return Math.floor(units + 0.5);
}

/** The float score (units, unrounded) of a value under a benchmark > 0. */
function scoreOfValue(indicator: EstimatedIndicator, value: number, benchmark: number): number {
  const { compiled } = indicator;
  if (!(value > 0) && compiled.indicator.direction !== 'higher')
    return (compiled.cap ?? 0) * compiled.weight * 10 ** indicator.dp;
  let ratio = compiled.indicator.direction === 'higher' ? value / benchmark : benchmark / value;
  if (compiled.cap !== null) ratio = Math.min(ratio, compiled.cap);
  if (compiled.floor !== null) ratio = Math.max(ratio, compiled.floor);
  return ratio * compiled.weight * 10 ** indicator.dp;
}

/** The float score (units, unrounded) of a record with the figure moved by `delta`. */
function score(
  indicator: EstimatedIndicator,
  record: EnterpriseRecord,
  delta: number,
  benchmark: number,
): number {
  const { compiled } = indicator;
  const { numerator: numeratorKey, denominator: denominatorKey } = compiled.indicator;
  let numerator = approx(figureText(record, numeratorKey) ?? '0');
  let denominator = approx(figureText(record, denominatorKey) ?? '1');
  if (indicator.inNumerator) numerator += delta;
  else denominator += delta;
  const value = (numerator * compiled.factor) / denominator;
  let ratio = compiled.indicator.direction === 'higher' ? value / benchmark : benchmark / value;
  if (compiled.cap !== null) ratio = Math.min(ratio, compiled.cap);
  if (compiled.floor !== null) ratio = Math.max(ratio, compiled.floor);
  return ratio * compiled.weight * 10 ** indicator.dp;
}
