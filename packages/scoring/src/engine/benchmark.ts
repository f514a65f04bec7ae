import { Dec, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator } from '../scheme/scheme.js';
import { figureOf } from './conditions.js';
import { approx, formatUnits, roundEstimate } from './exact.js';

/** A published benchmark: the rounded figure every score uses, and its float image for estimates. */
export interface Benchmark {
  readonly text: DecimalString;
  readonly approx: number;
}

const EPSILON = 2 ** -52;

/**
 * The cohort benchmark for one indicator over the records it applies to, rounded half-up to `dp`
 * decimals; null when it applies to nobody (or the denominators sum to zero).
 */
export function computeBenchmark(
  indicator: Indicator,
  applicable: readonly EnterpriseRecord[],
  dp: number,
): Benchmark | null {
  const method = indicator.benchmark;
  if (method.method === 'fixed') {
    return published(fixed(dec(method.value).times(dec(method.multiplier ?? '1')), dp));
  }
  if (applicable.length === 0) return null;
  if (method.method === 'aggregateRatio') return aggregateRatio(indicator, applicable, dp);
  const values = applicable.map((record) => exactValue(indicator, record));
  if (method.method === 'max') return published(fixed(Dec.max(...values), dp));
  return published(fixed(Dec.sum(...values).div(values.length), dp));
}

/** The indicator's value at 40 significant digits (for the methods that need every value). */
export function exactValue(indicator: Indicator, record: EnterpriseRecord): Dec {
  return dec(figure(record, indicator.numerator))
    .times(dec(indicator.factor))
    .div(dec(figure(record, indicator.denominator)));
}

function figure(record: EnterpriseRecord, key: string): DecimalString {
  const value = figureOf(record, key);
  if (value === undefined) throw new Error(`figure ${key} missing on an applicable record`);
  return value;
}

function published(text: DecimalString): Benchmark {
  return { text, approx: approx(text) };
}

/**
 * Σ numerator × factor / Σ denominator. Float sums carry a proven error bound ((n + 1) ulps of the sum
 * of magnitudes); when the rounding could go either way within it, the sums are redone exactly.
 */
function aggregateRatio(
  indicator: Indicator,
  applicable: readonly EnterpriseRecord[],
  dp: number,
): Benchmark | null {
  let sumN = 0;
  let sizeN = 0;
  let sumD = 0;
  let sizeD = 0;
  for (const record of applicable) {
    const n = approx(figure(record, indicator.numerator));
    const d = approx(figure(record, indicator.denominator));
    sumN += n;
    sizeN += Math.abs(n);
    sumD += d;
    sizeD += Math.abs(d);
  }
  const errorN = (applicable.length + 1) * EPSILON * sizeN;
  const errorD = (applicable.length + 1) * EPSILON * sizeD;
  const factor = approx(indicator.factor);
  const scale = 10 ** dp;
  if (Math.abs(sumD) > 2 * errorD && Number.isFinite(sumN) && Number.isFinite(sumD)) {
    const estimate = ((sumN * factor) / sumD) * scale;
    const slack = (scale * factor * (errorN + Math.abs(sumN / sumD) * errorD)) / (Math.abs(sumD) - errorD);
    const units = roundEstimate(estimate, slack);
    if (units !== undefined) return published(formatUnits(units, dp));
  }
  let exactN = new Dec(0);
  let exactD = new Dec(0);
  for (const record of applicable) {
    exactN = exactN.plus(dec(figure(record, indicator.numerator)));
    exactD = exactD.plus(dec(figure(record, indicator.denominator)));
  }
  if (exactD.isZero()) return null;
  return published(fixed(exactN.times(dec(indicator.factor)).div(exactD), dp));
}
