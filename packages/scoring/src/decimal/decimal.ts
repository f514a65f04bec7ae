import { Decimal } from 'decimal.js';

/**
 * The one Decimal constructor. 40 significant digits is far more than any figure here needs: every
 * rounded result is computed as "exact products, then one division, then one rounding", so the single
 * inexact step is off by less than 1e-40 relative, far below the gap between a tie and its neighbours.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

/** A decimal figure on the wire: no exponent, no plus sign, no leading zeros, no float. */
export type DecimalString = string;

export const DECIMAL_STRING = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** Builds a Decimal from a validated decimal string; a float never enters. */
export function dec(value: DecimalString): Dec {
  if (!DECIMAL_STRING.test(value)) throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
  return new Dec(value);
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** Rounds half-up to `dp` decimals and writes it with exactly that many; zero is never `-0`. */
export function fixed(value: Dec, dp: number): DecimalString {
  const text = value.toFixed(dp, Dec.ROUND_HALF_UP);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Rounds half-up (ties away from zero) to `dp` decimals, as Excel's ROUND. */
export function roundHalfUp(value: Dec, dp: number): Dec {
  return value.toDecimalPlaces(dp, Dec.ROUND_HALF_UP);
}

/** The shortest canonical decimal string for a value: `007.50` becomes `7.5`. */
export function canonical(value: Dec): DecimalString {
  const text = value.toFixed();
  return text === '-0' ? '0' : text;
}
