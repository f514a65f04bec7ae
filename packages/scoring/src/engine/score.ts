import { Dec, dec } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { Benchmark } from './benchmark.js';
import type { CompiledIndicator } from './compile.js';
import { approx, compareEstimate, roundEstimate, signOf } from './exact.js';

/**
 * Ratio scoring, in integer units of 10^-dp: round(weight × min(max(value / benchmark, 0), cap)), with
 * value / benchmark turned over for lower-is-better indicators. Callers pass a positive benchmark and a
 * non-zero denominator. `exactOnly` skips the float estimate (the tests compare both paths).
 */
export function ratioScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: DecimalString,
  denominator: DecimalString,
  dp: number,
  exactOnly = false,
): number {
  if (signOf(numerator) * signOf(denominator) <= 0) return nonPositiveScoreUnits(compiled);
  if (!exactOnly) {
    const estimate = estimateRatioScoreUnits(compiled, benchmark, approx(numerator), approx(denominator), dp);
    if (estimate !== undefined) return estimate;
  }
  return exactRatioScoreUnits(compiled, benchmark, numerator, denominator, dp);
}

/** The score of a value ≤ 0 (a refund, a loss): 0, or the cap when lower is better. */
export function nonPositiveScoreUnits(compiled: CompiledIndicator): number {
  return compiled.indicator.direction === 'higher' ? 0 : (compiled.capUnits ?? 0);
}

/**
 * The ratio score from the figures' float images (both figures positive), or undefined when the estimate
 * is too close to the cap or to a rounding tie to decide (exact.ts says why it is safe otherwise).
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
  return roundEstimate(ratio * compiled.weight * 10 ** dp);
}

/** The ratio score with decimal.js (both figures positive). */
export function exactRatioScoreUnits(
  compiled: CompiledIndicator,
  benchmark: Benchmark,
  numerator: DecimalString,
  denominator: DecimalString,
  dp: number,
): number {
  const { indicator, capUnits } = compiled;
  const top = dec(numerator).times(dec(indicator.factor));
  const bottom = dec(denominator).times(dec(benchmark.text));
  const [over, under] = indicator.direction === 'higher' ? [top, bottom] : [bottom, top];
  if (capUnits !== null && indicator.scoring.method === 'ratio' && indicator.scoring.cap !== null) {
    if (over.div(under).gte(dec(indicator.scoring.cap))) return capUnits;
  }
  return over
    .times(dec(indicator.weight))
    .times(new Dec(10).pow(dp))
    .div(under)
    .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
    .toNumber();
}

/**
 * Min–max scoring (Jingde): weight × [floor + (100 − floor) × (x − min)/(max − min)] / 100, with
 * (max − x) for lower-is-better. Everyone at one value scores the full weight.
 */
export function minMaxScoreUnits(
  compiled: CompiledIndicator,
  floor: DecimalString,
  value: Dec,
  min: Dec,
  max: Dec,
  dp: number,
): number {
  const { indicator } = compiled;
  const span = max.minus(min);
  const position = span.isZero()
    ? new Dec(1)
    : (indicator.direction === 'higher' ? value.minus(min) : max.minus(value)).div(span);
  const hundred = new Dec(100);
  const floorValue = dec(floor);
  return dec(indicator.weight)
    .times(floorValue.plus(hundred.minus(floorValue).times(position)))
    .div(hundred)
    .times(new Dec(10).pow(dp))
    .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
    .toNumber();
}
