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
  const { indicator, capUnits } = compiled;
  const higher = indicator.direction === 'higher';
  if (signOf(numerator) * signOf(denominator) <= 0) return higher ? 0 : (capUnits ?? 0);
  if (!exactOnly) {
    const value = (approx(numerator) * compiled.factor) / approx(denominator);
    const ratio = higher ? value / benchmark.approx : benchmark.approx / value;
    const overCap = compiled.cap === null ? -1 : compareEstimate(ratio, compiled.cap);
    if (overCap !== undefined) {
      if (overCap >= 0 && capUnits !== null) return capUnits;
      const units = roundEstimate(ratio * compiled.weight * 10 ** dp);
      if (units !== undefined) return units;
    }
  }
  const top = dec(numerator).times(dec(indicator.factor));
  const bottom = dec(denominator).times(dec(benchmark.text));
  const [over, under] = higher ? [top, bottom] : [bottom, top];
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
