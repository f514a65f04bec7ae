import { Dec, dec } from '../decimal/decimal.js';
import { compare, fixedRational, quotient, rational } from './rational.js';
import type { DecimalString } from '../decimal/decimal.js';

/**
 * Exact results at float speed. Every rounded figure here is "round half-up of an exact quotient". A
 * float64 estimate of the quotient is within a few ulps (relative 1e-15) of the exact value, so whenever
 * the estimate is further than 1e-12 (relative) from a rounding tie, or from the value it is compared
 * with, it is on the same side as the exact value and decides the result. Only the rare estimate that
 * lands that close falls back to decimal.js. No float is ever returned as a figure: results are integers
 * in units of 10^-dp, or decimal strings.
 */

const SAFE = 2 ** 52;
const MARGIN = 1e-12;

/** 10^k for k ≤ 22, each a float exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/**
 * The float image of a canonical decimal string: the nearest float, as Number() gives. Monotone: distinct
 * floats order like the exact values. Figures of at most 15 digits, the usual ones, are read here rather
 * than by Number() (a call into the runtime): their digits form an integer below 2^53 and 10^k is exact
 * for k ≤ 22, so the one division is correctly rounded and gives the very float Number() gives.
 */
export function approx(value: DecimalString): number {
  const length = value.length;
  const negative = value.charCodeAt(0) === MINUS;
  let digits = 0;
  let mantissa = 0;
  let point = -1;
  for (let c = negative ? 1 : 0; c < length; c++) {
    const code = value.charCodeAt(c);
    if (code === POINT && point < 0) {
      point = c;
      continue;
    }
    const digit = code - ZERO;
    if (digit < 0 || digit > 9 || ++digits > 15) return Number(value);
    mantissa = mantissa * 10 + digit;
  }
  if (digits === 0) return Number(value);
  const magnitude = point < 0 ? mantissa : mantissa / (POWERS_OF_TEN[length - point - 1] as number);
  return negative ? -magnitude : magnitude;
}

export function signOf(value: DecimalString): -1 | 0 | 1 {
  if (value === '0') return 0;
  return value.startsWith('-') ? -1 : 1;
}

/**
 * Rounds an estimate half-up to an integer when it is clear of a tie; undefined when the exact value
 * must decide. `slack` is the estimate's absolute error bound beyond the relative float error.
 */
export function roundEstimate(estimate: number, slack = 0): number | undefined {
  const magnitude = Math.abs(estimate);
  if (!(magnitude < SAFE)) return undefined;
  const whole = Math.floor(magnitude);
  const distance = Math.abs(magnitude - whole - 0.5);
  if (distance <= magnitude * MARGIN + 2 * slack + Number.MIN_VALUE) return undefined;
  const rounded = magnitude - whole > 0.5 ? whole + 1 : whole;
  return estimate < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Rounds an estimate down to an integer when it is clear of the integers around it; else undefined. */
export function floorEstimate(estimate: number): number | undefined {
  const magnitude = Math.abs(estimate);
  if (!(magnitude < SAFE)) return undefined;
  const floor = Math.floor(estimate);
  const distance = Math.min(estimate - floor, floor + 1 - estimate);
  if (distance <= magnitude * MARGIN + Number.MIN_VALUE) return undefined;
  return floor;
}

/** Sign of (estimate − target), or undefined when the two are too close for the estimate to decide. */
export function compareEstimate(estimate: number, target: number, slack = 0): -1 | 0 | 1 | undefined {
  const difference = estimate - target;
  const bound = Math.max(Math.abs(estimate), Math.abs(target)) * MARGIN + 2 * slack;
  // Written so that NaN and infinities (figures beyond float range) also fall back to the exact path.
  if (!(Math.abs(difference) > bound) || !Number.isFinite(bound)) return undefined;
  return difference < 0 ? -1 : 1;
}

/** Round half-up of an exact Decimal to an integer count of 10^-dp units. */
export function unitsOf(value: Dec, dp: number): number {
  return value.times(new Dec(10).pow(dp)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
}

/** Writes an integer count of 10^-dp units as a decimal string with exactly dp decimals. */
export function formatUnits(units: number, dp: number): DecimalString {
  if (!Number.isSafeInteger(units)) throw new RangeError(`not a safe integer: ${units}`);
  const digits = Math.abs(units)
    .toString()
    .padStart(dp + 1, '0');
  const whole = digits.slice(0, digits.length - dp);
  const sign = units < 0 ? '-' : '';
  return dp === 0 ? sign + whole : `${sign}${whole}.${digits.slice(digits.length - dp)}`;
}

/** Round half-up of a / b for integers (b > 0), ties away from zero. */
export function divideHalfUp(a: number, b: number): number {
  const rounded = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * numerator × factor / denominator (denominator ≠ 0) rounded half-up to dp decimals, as a string.
 * The estimate decides when it can; otherwise decimal.js does the one division.
 */
export function quotientString(
  numerator: DecimalString,
  denominator: DecimalString,
  factor: DecimalString,
  dp: number,
): DecimalString {
  const units = roundEstimate(((approx(numerator) * approx(factor)) / approx(denominator)) * 10 ** dp);
  if (units !== undefined) return formatUnits(units, dp);
  return fixedRational(quotient(numerator, denominator, factor), dp);
}

/** Sign of numerator × factor / denominator − target (denominator ≠ 0). */
export function compareQuotient(
  numerator: DecimalString,
  denominator: DecimalString,
  factor: DecimalString,
  target: DecimalString,
): -1 | 0 | 1 {
  const fast = compareEstimate((approx(numerator) * approx(factor)) / approx(denominator), approx(target));
  if (fast !== undefined) return fast;
  return compare(quotient(numerator, denominator, factor), rational(target));
}

/** Orders two canonical decimal strings exactly (equal strings are equal values). */
export function compareDecimals(a: DecimalString, b: DecimalString): -1 | 0 | 1 {
  if (a === b) return 0;
  const x = approx(a);
  const y = approx(b);
  if (x !== y) return x < y ? -1 : 1;
  return dec(a).comparedTo(dec(b)) as -1 | 0 | 1;
}
