import { canonical, Dec, dec, fixed } from '@mujun/scoring';
import type { DecimalString } from '@mujun/scoring';

/**
 * The few decimal helpers the reports need, on the library's one constructor: sums are exact, a ratio is
 * one division at 40 digits then one half-up rounding (as the engine's benchmarks), a count becomes a
 * Decimal through its integer string so that no float ever enters.
 */

export const ZERO = dec('0');

export function count(n: number): Dec {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer count: ${String(n)}`);
  return dec(String(n));
}

/** Σ of decimal strings, exact. */
export function sum(values: Iterable<DecimalString>): Dec {
  let total = ZERO;
  for (const value of values) total = total.plus(dec(value));
  return total;
}

/** numerator / denominator rounded half-up to `dp`, or null when the denominator is 0. */
export function ratio(numerator: Dec, denominator: Dec, dp: number): DecimalString | null {
  return denominator.isZero() ? null : fixed(numerator.div(denominator), dp);
}

/** part / whole as a percentage with `dp` decimals (half-up), or null when the whole is 0. */
export function percent(part: number, whole: number, dp = 2): DecimalString | null {
  return whole === 0 ? null : fixed(count(part).times(100).div(count(whole)), dp);
}

/** A percentage string as the fraction Excel's `0.00%` format expects: "12.34" → "0.1234", exactly. */
export function percentToFraction(value: DecimalString): DecimalString {
  const decimals = value.includes('.') ? value.length - value.indexOf('.') - 1 : 0;
  return fixed(dec(value).div(100), decimals + 2);
}

/** Exact a / b < c / d for positive b and d, without dividing. */
export function quotientLess(a: Dec, b: Dec, c: Dec, d: Dec): boolean {
  return a.times(d).lessThan(c.times(b));
}

export { canonical, Dec, dec, fixed };
export type { DecimalString };
