import type { DecimalString } from '../decimal/decimal.js';
import type { Benchmark } from './benchmark.js';
import type { CompiledIndicator } from './compile.js';
import { approx, compareEstimate, roundEstimate, signOf } from './exact.js';
import { add, compare, div, integer, isZero, mul, rational, roundUnits, sub } from './rational.js';
import type { Rational } from './rational.js';

/**
 * Ratio scoring, in integer units of 10^-dp: round(weight × min(max(value / benchmark, floor), cap)), with
 * value / benchmark turned over for lower-is-better indicators. The floor is 0 unless the scheme says
 * otherwise (none: a net refund scores negative, as Huangyan publishes). Callers pass a positive benchmark
 * and a non-zero denominator. `exactOnly` skips the float estimate (the tests compare both paths).
 */
export function ratioScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: DecimalString,
  denominator: DecimalString,
  dp: number,
  exactOnly = false,
): number {
  if (signOf(numerator) * signOf(denominator) <= 0) {
    return nonPositiveScoreUnits(compiled, benchmark, numerator, denominator, dp);
  }
  if (!exactOnly) {
    const estimate = estimateRatioScoreUnits(compiled, benchmark, approx(numerator), approx(denominator), dp);
    if (estimate !== undefined) return estimate;
  }
  return exactRatioScoreUnits(compiled, benchmark, numerator, denominator, dp);
}

/**
 * The score of a value ≤ 0 (a refund, a loss). Lower is better: the cap. Higher is better: the floor's
 * score when the floor is ≥ 0 (0 by default); without a floor, or below 0, the exact ratio decides.
 */
export function nonPositiveScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: DecimalString,
  denominator: DecimalString,
  dp: number,
): number {
  if (compiled.indicator.direction !== 'higher') return compiled.capUnits ?? 0;
  if (compiled.floor !== null && compiled.floor >= 0) return compiled.floorUnits ?? 0;
  return exactRatioScoreUnits(compiled, benchmark, numerator, denominator, dp);
}

/**
 * The ratio score from the figures' float images (both figures positive), or undefined when the estimate
 * is too close to the cap, the floor or a rounding tie to decide (exact.ts says why it is safe otherwise).
 */
export function estimateRatioScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: number,
  denominator: number,
  dp: number,
): number | undefined {
  const { capUnits } = compiled;
  const value = (numerator * compiled.factor) / denominator;
  const ratio =
    compiled.indicator.direction === 'higher' ? value / benchmark.approx : benchmark.approx / value;
  const overCap = compiled.cap === null ? -1 : compareEstimate(ratio, compiled.cap);
  if (overCap === undefined) return undefined;
  if (overCap >= 0 && capUnits !== null) return capUnits;
  // The ratio is positive here, so a floor ≤ 0 (the default 0) never binds.
  if (compiled.floor !== null && compiled.floor > 0) {
    const underFloor = compareEstimate(ratio, compiled.floor);
    if (underFloor === undefined) return undefined;
    if (underFloor <= 0) return compiled.floorUnits ?? 0;
  }
  return roundEstimate(ratio * compiled.weight * 10 ** dp);
}

/** The ratio score as one half-up rounding of the exact rational (any signs; denominator ≠ 0). */
export function exactRatioScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: DecimalString,
  denominator: DecimalString,
  dp: number,
): number {
  const { indicator, exact } = compiled;
  const value = div(mul(rational(numerator), exact.factor), rational(denominator));
  const published = rational(benchmark.text);
  const ratio = indicator.direction === 'higher' ? div(value, published) : div(published, value);
  if (exact.cap !== null && compare(ratio, exact.cap) >= 0) return compiled.capUnits ?? 0;
  if (exact.floor !== null && compare(ratio, exact.floor) <= 0) return compiled.floorUnits ?? 0;
  return roundUnits(mul(ratio, exact.weight), dp);
}

/**
 * Min–max scoring (Jingde): weight × [floor + (100 − floor) × (x − min)/(max − min)] / 100, with
 * (max − x) for lower-is-better; everyone at one value scores the full weight. Values are exact
 * rationals and the score is rounded once, so a tie such as 6.675 is 6.68.
 */
export function minMaxScoreUnits(
  compiled: CompiledIndicator,
  floor: DecimalString,
  value: Rational,
  min: Rational,
  max: Rational,
  dp: number,
): number {
  const { indicator, exact } = compiled;
  const span = sub(max, min);
  const hundred = integer(100);
  const floorValue = rational(floor);
  const position = isZero(span)
    ? integer(1)
    : div(indicator.direction === 'higher' ? sub(value, min) : sub(max, value), span);
  const percent = add(floorValue, mul(sub(hundred, floorValue), position));
  return roundUnits(div(mul(exact.weight, percent), hundred), dp);
}
