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
