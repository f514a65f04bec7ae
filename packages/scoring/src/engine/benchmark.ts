import { Dec, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator } from '../scheme/scheme.js';
import { approx, formatUnits, roundEstimate } from './exact.js';
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
    return published(fixed(dec(method.value).times(dec(method.multiplier ?? '1')), dp));
  }
  if (applicable.count === 0) return null;
  if (method.method === 'aggregateRatio') return aggregateRatio(indicator, applicable, dp);
  const values = exactValues(indicator, applicable);
  if (method.method === 'max') return published(fixed(Dec.max(...values), dp));
  return published(fixed(Dec.sum(...values).div(values.length), dp));
}

/** The indicator's values at 40 significant digits (for the methods that need every value). */
export function exactValues(indicator: Indicator, applicable: Applicable): Dec[] {
  const { records, members, applies } = applicable;
  const values: Dec[] = [];
  for (let s = 0; s < members.length; s++) {
    if (applies[s] === 1)
      values.push(exactValue(indicator, records[members[s] as number] as EnterpriseRecord));
  }
  return values;
}

/** The indicator's value at 40 significant digits. */
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
  let exactN = new Dec(0);
  let exactD = new Dec(0);
  for (let s = 0; s < members.length; s++) {
    if (applies[s] !== 1) continue;
    const record = records[members[s] as number] as EnterpriseRecord;
    exactN = exactN.plus(dec(figure(record, indicator.numerator)));
    exactD = exactD.plus(dec(figure(record, indicator.denominator)));
  }
  if (exactD.isZero()) return null;
  return published(fixed(exactN.times(dec(indicator.factor)).div(exactD), dp));
}
