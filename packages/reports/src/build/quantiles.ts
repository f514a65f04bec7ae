import { count, dec, fixed } from '../decimal.js';
import type { Dec, DecimalString } from '../decimal.js';

/**
 * Five-number summary of a sample, exact: quantiles by linear interpolation between order statistics
 * (Hyndman–Fan type 7, Excel's QUARTILE.INC and R's default), h = (n − 1) p, q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋+1 − x⌊h⌋).
 * With p a multiple of 1/4 and decimal inputs every step is exact in Dec; rounding (half-up) happens once,
 * at the end, to `dp` decimals.
 */

export interface FiveNumbers {
  readonly n: number;
  readonly min: DecimalString;
  readonly q1: DecimalString;
  readonly median: DecimalString;
  readonly q3: DecimalString;
  readonly max: DecimalString;
}

/** The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values, unrounded. */
export function quantile(sorted: readonly Dec[], p: Dec): Dec {
  const first = sorted[0];
  if (first === undefined) throw new RangeError('the quantile of no values');
  const h = p.times(count(sorted.length - 1));
  const low = h.floor();
  // An index, an integer below the sample's length: the one place a Decimal becomes a number here.
  const i = low.toNumber();
  const below = sorted[i] ?? first;
  const above = sorted[i + 1] ?? below;
  return below.plus(h.minus(low).times(above.minus(below)));
}

export function fiveNumbers(values: readonly DecimalString[], dp: number): FiveNumbers | null {
  if (values.length === 0) return null;
  const sorted = values.map((value) => dec(value)).sort((a, b) => a.comparedTo(b));
  const q = (p: string): DecimalString => fixed(quantile(sorted, dec(p)), dp);
  return {
    n: sorted.length,
    min: q('0'),
    q1: q('0.25'),
    median: q('0.5'),
    q3: q('0.75'),
    max: q('1'),
  };
}
