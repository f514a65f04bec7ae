import { DECIMAL_STRING } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';

/**
 * Exact rational arithmetic on BigInt fractions, for the paths where a rounded result depends on more
 * than one division (min–max positions, means of values, the cohort maximum, scaled benchmarks) and for
 * every exact fallback. Nothing here rounds until `roundUnits`, so every figure it yields is one half-up
 * rounding of the exact rational: 15 × (20 + 80 × 49/160) / 100 = 6.675 is 6.68, never 6.67.
 */
export interface Rational {
  /** Numerator; the sign lives here. */
  readonly n: bigint;
  /** Denominator, always > 0. */
  readonly d: bigint;
}

const TEN = 10n;

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function reduced(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d);
  return g <= 1n ? { n: n * sign, d: d * sign } : { n: (n / g) * sign, d: (d / g) * sign };
}

/** A validated decimal string as a fraction over a power of ten. */
export function rational(text: DecimalString): Rational {
  if (!DECIMAL_STRING.test(text)) throw new TypeError(`not a decimal string: ${JSON.stringify(text)}`);
  const point = text.indexOf('.');
  if (point < 0) return { n: BigInt(text), d: 1n };
  const decimals = text.length - point - 1;
  return reduced(BigInt(text.slice(0, point) + text.slice(point + 1)), TEN ** BigInt(decimals));
}

export function integer(value: number | bigint): Rational {
  return { n: BigInt(value), d: 1n };
}

export function add(a: Rational, b: Rational): Rational {
  if (a.d === b.d) return reduced(a.n + b.n, a.d);
  return reduced(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { n: -b.n, d: b.d });
}

export function mul(a: Rational, b: Rational): Rational {
  return reduced(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return reduced(a.n * b.d, a.d * b.n);
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.n === 0n;
}

/** numerator × factor / denominator of decimal strings (denominator ≠ 0): an indicator's exact value. */
export function quotient(numerator: DecimalString, denominator: DecimalString, factor = '1'): Rational {
  return div(mul(rational(numerator), rational(factor)), rational(denominator));
}

/** Half-up (ties away from zero) to an integer count of 10^-dp units, as a BigInt. */
export function roundUnitsBig(value: Rational, dp: number): bigint {
  const scaled = abs(value.n) * TEN ** BigInt(dp);
  const rounded = (2n * scaled + value.d) / (2n * value.d);
  return value.n < 0n ? -rounded : rounded;
}

/** Half-up to an integer count of 10^-dp units (scores are units held in floats: safe integers). */
export function roundUnits(value: Rational, dp: number): number {
  const units = roundUnitsBig(value, dp);
  const result = Number(units);
  if (!Number.isSafeInteger(result)) throw new RangeError(`a result beyond 2^53 units: ${units}`);
  return result === 0 ? 0 : result;
}

/** Half-up to dp decimals, written with exactly dp of them; zero is never `-0`. */
export function fixedRational(value: Rational, dp: number): DecimalString {
  const units = roundUnitsBig(value, dp);
  const digits = abs(units)
    .toString()
    .padStart(dp + 1, '0');
  const whole = digits.slice(0, digits.length - dp);
  const sign = units < 0n ? '-' : '';
  return dp === 0 ? sign + whole : `${sign}${whole}.${digits.slice(digits.length - dp)}`;
}
