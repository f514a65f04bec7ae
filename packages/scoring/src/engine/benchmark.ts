import { Dec, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator } from '../scheme/scheme.js';
import { approx, formatUnits, roundEstimate } from './exact.js';
import { add, compare, div, fixedRational, integer, isZero, mul, quotient, rational } from './rational.js';
import type { Rational } from './rational.js';
import { figureOf } from './figures.js';
import type { FigureTable } from './figures.js';

/** A published benchmark: the rounded figure every score uses, and its float image for estimates. */
export interface Benchmark {
  readonly text: DecimalString;
  readonly approx: number;
}

/** Where an indicator applies in one cohort: its members (record indices) and, by slot, 1 where it applies. */
export interface Applicable {
  readonly figures: FigureTable;
  readonly records: readonly EnterpriseRecord[];
  readonly members: Int32Array;
  readonly applies: Uint8Array;
  readonly count: number;
}

const EPSILON = 2 ** -52;

/**
 * The cohort benchmark for one indicator over the records it applies to, rounded half-up to `dp`
 * decimals; null when it applies to nobody (or the denominators sum to zero).
 */
export function computeBenchmark(indicator: Indicator, applicable: Applicable, dp: number): Benchmark | null {
  const method = indicator.benchmark;
  if (method.method === 'fixed') {
    return published(fixedRational(mul(rational(method.value), rational(method.multiplier ?? '1')), dp));
  }
  if (method.method === 'previousYear') throw new Error('a previous-year benchmark is given by the run');
  if (applicable.count === 0) return null;
  if (method.method === 'aggregateRatio') return aggregateRatio(indicator, applicable, dp);
  if (method.method === 'max') {
    const values = exactRationals(indicator, applicable);
    let max = values[0] as Rational;
    for (const value of values) if (compare(value, max) > 0) max = value;
    return published(fixedRational(max, dp));
  }
  return published(meanOfValues(indicator, applicable, dp));
}

/** The indicator's exact values, in slot order, where it applies. */
export function exactRationals(indicator: Indicator, applicable: Applicable): Rational[] {
  const { records, members, applies } = applicable;
  const values: Rational[] = [];
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const record = records[members[s] as number] as EnterpriseRecord;
    values.push(
      quotient(figure(record, indicator.numerator), figure(record, indicator.denominator), indicator.factor),
    );
  }
  return values;
}

/**
 * The mean of the values rounded half-up to dp. The sum at 40 digits carries a proven error bound (each
 * value within 2 × 10^-39 of itself relative, each addition within one unit of the 40th digit): when both
 * ends of the interval round alike, that is the exact mean's rounding; otherwise (a tie or next to one)
 * the exact rational sum decides.
 */
function meanOfValues(indicator: Indicator, applicable: Applicable, dp: number): DecimalString {
  const { records, members, applies, count } = applicable;
  let sum = new Dec(0);
  let size = new Dec(0);
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const record = records[members[s] as number] as EnterpriseRecord;
    const value = dec(figure(record, indicator.numerator))
      .times(dec(indicator.factor))
      .div(dec(figure(record, indicator.denominator)));
    sum = sum.plus(value);
    size = size.plus(value.abs());
  }
  const error = size.times(count + 3).times(new Dec(10).pow(-38));
  const low = fixed(sum.minus(error).div(count), dp);
  if (low === fixed(sum.plus(error).div(count), dp)) return low;
  let exact = integer(0);
  for (const value of exactRationals(indicator, applicable)) exact = add(exact, value);
  return fixedRational(div(exact, integer(count)), dp);
}

function figure(record: EnterpriseRecord, key: string): DecimalString {
  const value = figureOf(record, key);
  if (value === undefined) throw new Error(`figure ${key} missing on an applicable record`);
  return value;
}

export function published(text: DecimalString): Benchmark {
  return { text, approx: approx(text) };
}

/**
 * Σ numerator × factor / Σ denominator. Float sums carry a proven error bound ((n + 1) ulps of the sum
 * of magnitudes); when the rounding could go either way within it, the sums are redone exactly.
 */
function aggregateRatio(indicator: Indicator, applicable: Applicable, dp: number): Benchmark | null {
  const { figures, records, members, applies, count } = applicable;
  const numerators = figures.column(indicator.numerator);
  const denominators = figures.column(indicator.denominator);
  let sumN = 0;
  let sizeN = 0;
  let sumD = 0;
  let sizeD = 0;
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const i = members[s] as number;
    const n = numerators[i] as number;
    const d = denominators[i] as number;
    sumN += n;
    sizeN += Math.abs(n);
    sumD += d;
    sizeD += Math.abs(d);
  }
  const errorN = (count + 1) * EPSILON * sizeN;
  const errorD = (count + 1) * EPSILON * sizeD;
  const factor = approx(indicator.factor);
  const scale = 10 ** dp;
  if (Math.abs(sumD) > 2 * errorD && Number.isFinite(sumN) && Number.isFinite(sumD)) {
    const estimate = ((sumN * factor) / sumD) * scale;
    const slack = (scale * factor * (errorN + Math.abs(sumN / sumD) * errorD)) / (Math.abs(sumD) - errorD);
    const units = roundEstimate(estimate, slack);
    if (units !== undefined) return published(formatUnits(units, dp));
  }
  // Figures are fractions over powers of ten: their exact sums stay small.
  let exactN = integer(0);
  let exactD = integer(0);
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const record = records[members[s] as number] as EnterpriseRecord;
    exactN = add(exactN, rational(figure(record, indicator.numerator)));
    exactD = add(exactD, rational(figure(record, indicator.denominator)));
  }
  if (isZero(exactD)) return null;
  return published(fixedRational(div(mul(exactN, rational(indicator.factor)), exactD), dp));
}
