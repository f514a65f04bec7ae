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

/** The smallest change (cents, in [1, max]) at which the own total passes the target's, or null. */
export function estimateCents(
  indicators: readonly EstimatedIndicator[],
  own: EnterpriseRecord,
  ownApplies: readonly boolean[],
  target: EnterpriseRecord,
  targetApplies: readonly boolean[],
  /** The target's total minus the own total now (units); the own must gain more than this. */
  gap: number,
  sign: 1 | -1,
  max: number,
): number | null {
  const gain = (cents: number): number => {
    const delta = (sign * cents) / 100;
    let total = 0;
    indicators.forEach((indicator, k) => {
      const benchmark = movedBenchmark(indicator, delta, ownApplies[k] === true);
      if (!(benchmark > 0)) return;
      const before = indicator.benchmark;
      if (ownApplies[k] === true) {
        total += score(indicator, own, delta, benchmark) - score(indicator, own, 0, before);
      }
      if (targetApplies[k] === true) {
        total -= score(indicator, target, 0, benchmark) - score(indicator, target, 0, before);
      }
    });
    return total;
  };
  // Half a unit past the target: rounding decides the rest, and the exact search finds it.
  const needed = gap + 0.5;
  if (!(gain(max) >= needed)) return null;
  let lo = 0;
  let hi = max;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (gain(mid) >= needed) hi = mid;
    else lo = mid;
  }
  return hi;
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
