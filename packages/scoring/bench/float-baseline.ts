/**
 * The benchmark's yardstick: the reference method (shared/spec/reference-method.md §2–§8) written the
 * plain way, in float64. Figures are parsed with Number(), benchmarks and scores are rounded with
 * Math.round on floats, and nothing falls back to exact arithmetic, so a float-rounding tie can come out
 * differently from the exact engine. It is hard-wired to the `reference` preset on purpose: a fair,
 * reasonably efficient straightforward implementation, neither deliberately slow nor heroically tuned.
 * Never use it for a published result.
 */
import type { EnterpriseRecord } from '../src/records/record.js';

/** Final class per record index: 0 A, 1 B, 2 C, 3 D, 4 T (exempt), -1 none (out of scope). */
export const CLASS_IDS = ['A', 'B', 'C', 'D', 'T'] as const;
const B = 1;
const C = 2;
const D = 3;
const T = 4;

export interface BaselineResult {
  readonly finalClass: Int8Array;
  readonly total: Float64Array;
  readonly rank: Int32Array;
  readonly benchmarks: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
}

const FIGURES = [
  'landMu',
  'tax',
  'addedValue',
  'revenue',
  'employees',
  'energyTce',
  'emissionsTon',
  'rdExpense',
  'electricityKwh',
  'exportValue',
] as const;
type Figure = (typeof FIGURES)[number];

interface IndicatorDef {
  readonly key: string;
  readonly numerator: Figure;
  readonly denominator: Figure;
  readonly factor: number;
  readonly weight: number;
}

const ABOVE: readonly IndicatorDef[] = [
  { key: 'taxPerMu', numerator: 'tax', denominator: 'landMu', factor: 1, weight: 40 },
  { key: 'addedValuePerMu', numerator: 'addedValue', denominator: 'landMu', factor: 1, weight: 20 },
  { key: 'laborProductivity', numerator: 'addedValue', denominator: 'employees', factor: 1, weight: 10 },
  { key: 'addedValuePerEnergy', numerator: 'addedValue', denominator: 'energyTce', factor: 1, weight: 10 },
  {
    key: 'addedValuePerEmission',
    numerator: 'addedValue',
    denominator: 'emissionsTon',
    factor: 1,
    weight: 10,
  },
  { key: 'rdIntensity', numerator: 'rdExpense', denominator: 'revenue', factor: 1, weight: 10 },
];

const BELOW: readonly IndicatorDef[] = [
  { key: 'taxPerMu', numerator: 'tax', denominator: 'landMu', factor: 1, weight: 50 },
  { key: 'taxPerKwh', numerator: 'tax', denominator: 'electricityKwh', factor: 10000, weight: 50 },
];

/** Cumulative band shares in percent (A 20%, B 75%, C 95%), floored on the integer n × percent / 100. */
const BAND_PERCENT = [20, 75, 95] as const;
const BONUS_CAP = 1000; // score units (hundredths)

const parse = (text: string | undefined): number => (text === undefined ? Number.NaN : Number(text));
const round4 = (value: number): number => Math.round(value * 10000) / 10000;

/** Grades records with the reference method in float64. Returns the final class of every record by index. */
export function floatBaseline(records: readonly EnterpriseRecord[]): BaselineResult {
  const n = records.length;
  const finalClass = new Int8Array(n).fill(-1);
  const total = new Float64Array(n);
  const rank = new Int32Array(n);
  const above: number[] = [];
  const below: number[] = [];
  for (let i = 0; i < n; i++) {
    const record = records[i] as EnterpriseRecord;
    const land = Number(record.landMu);
    if (land === 0 || (record.scale === 'below' && land < 3)) continue; // out of scope
    if (record.exemptReason.length > 0) {
      finalClass[i] = T;
      continue;
    }
    (record.scale === 'above' ? above : below).push(i);
  }
  const benchmarks = {
    above: gradeCohort(records, Int32Array.from(above), ABOVE, 'above', finalClass, total, rank),
    below: gradeCohort(records, Int32Array.from(below), BELOW, 'below', finalClass, total, rank),
  };
  return { finalClass, total, rank, benchmarks };
}

function gradeCohort(
  records: readonly EnterpriseRecord[],
  members: Int32Array,
  indicators: readonly IndicatorDef[],
  cohort: 'above' | 'below',
  finalClass: Int8Array,
  total: Float64Array,
  rank: Int32Array,
): Record<string, number | null> {
  const size = members.length;
  // Every figure, parsed once with Number() (NaN where missing), one record at a time.
  const columns = {} as Record<Figure, Float64Array>;
  for (const key of FIGURES) columns[key] = new Float64Array(size);
  const {
    landMu,
    tax,
    addedValue,
    revenue,
    employees,
    energyTce,
    emissionsTon,
    rdExpense,
    electricityKwh,
    exportValue,
  } = columns;
  for (let s = 0; s < size; s++) {
    const record = records[members[s] as number] as EnterpriseRecord;
    landMu[s] = Number(record.landMu);
    tax[s] = Number(record.tax);
    addedValue[s] = parse(record.addedValue);
    revenue[s] = parse(record.revenue);
    employees[s] = parse(record.employees);
    energyTce[s] = parse(record.energyTce);
    emissionsTon[s] = parse(record.emissionsTon);
    rdExpense[s] = parse(record.rdExpense);
    electricityKwh[s] = parse(record.electricityKwh);
    exportValue[s] = parse(record.exportValue);
  }

  /** Totals in score units (hundredths), so sums of 2-decimal scores stay exact. */
  const totals = new Float64Array(size);
  const benchmarks: Record<string, number | null> = {};
  const scores = new Float64Array(size);
  for (const indicator of indicators) {
    const numerators = columns[indicator.numerator];
    const denominators = columns[indicator.denominator];
    let sumN = 0;
    let sumD = 0;
    let count = 0;
    for (let s = 0; s < size; s++) {
      const denominator = denominators[s] as number;
      const numerator = numerators[s] as number;
      if (Number.isNaN(numerator) || Number.isNaN(denominator) || denominator === 0) continue;
      sumN += numerator;
      sumD += denominator;
      count++;
    }
    const benchmark = count === 0 || sumD === 0 ? null : round4((sumN * indicator.factor) / sumD);
    benchmarks[indicator.key] = benchmark;

    let sum = 0;
    for (let s = 0; s < size; s++) {
      const denominator = denominators[s] as number;
      const numerator = numerators[s] as number;
      if (Number.isNaN(numerator) || Number.isNaN(denominator) || denominator === 0) {
        scores[s] = Number.NaN; // not applicable
        continue;
      }
      let units = 0;
      if (benchmark !== null && benchmark > 0) {
        const ratio = Math.min(Math.max((numerator * indicator.factor) / denominator / benchmark, 0), 2);
        units = Math.round(indicator.weight * ratio * 100);
      }
      scores[s] = units;
      sum += units;
    }
    const mean = count === 0 ? 0 : Math.round(sum / count);
    for (let s = 0; s < size; s++) {
      const score = scores[s] as number;
      totals[s] = (totals[s] as number) + (Number.isNaN(score) ? mean : score);
    }
  }

  const upgrade = new Uint8Array(size);
  for (let s = 0; s < size; s++) {
    const record = records[members[s] as number] as EnterpriseRecord;
    let bonus = 0;
    let shift = false;
    if (record.emergencySupplier) {
      bonus += 500;
      shift = true;
    }
    if (record.keyChainLink) {
      bonus += 500;
      shift = true;
    }
    const share = (exportValue[s] as number) / (revenue[s] as number); // NaN or ±Infinity when not applicable
    if (Number.isFinite(share)) {
      if (share >= 0.5) {
        bonus += 500;
        shift = true;
      } else if (share >= 0.3) bonus += 300;
    }
    if (record.highTech) bonus += 200;
    if (record.specialized === 'province') bonus += 200;
    else if (record.specialized === 'national') bonus += 400;
    const tenants = record.subletTenants;
    const penalty =
      cohort === 'above' ? 500 * Math.max(0, tenants - 1) : tenants === 0 ? 0 : 1000 + 500 * (tenants - 1);
    totals[s] = (totals[s] as number) + Math.min(bonus, BONUS_CAP) - penalty;
    upgrade[s] = shift ? 1 : 0;
  }

  for (let s = 0; s < size; s++) if (Number.isNaN(revenue[s])) revenue[s] = 0; // missing revenue ranks as 0
  const order = Array.from({ length: size }, (_, s) => s);
  order.sort((a, b) => {
    const byTotal = (totals[b] as number) - (totals[a] as number);
    if (byTotal !== 0) return byTotal;
    const byTax = (tax[b] as number) - (tax[a] as number);
    if (byTax !== 0) return byTax;
    const byRevenue = (revenue[b] as number) - (revenue[a] as number);
    if (byRevenue !== 0) return byRevenue;
    const codeA = (records[members[a] as number] as EnterpriseRecord).uscc.toUpperCase();
    const codeB = (records[members[b] as number] as EnterpriseRecord).uscc.toUpperCase();
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
  });

  const limits = BAND_PERCENT.map((percent) => Math.floor((size * percent) / 100));
  for (let position = 0; position < size; position++) {
    const s = order[position] as number;
    const i = members[s] as number;
    const record = records[i] as EnterpriseRecord;
    const r = position + 1;
    let cls =
      r <= (limits[0] as number) ? 0 : r <= (limits[1] as number) ? B : r <= (limits[2] as number) ? C : D;
    if ((tax[s] as number) / (landMu[s] as number) < 1) cls = D; // floor on unrounded 亩均税收
    if (upgrade[s] === 1 && cls > 0) cls -= 1; // 提档
    const vetoed = record.vetoReasons.length > 0;
    if (vetoed && cls < C) cls = C;
    if (!vetoed && record.protectedReason.length > 0 && cls === D) cls = C;
    finalClass[i] = cls;
    total[i] = (totals[s] as number) / 100;
    rank[i] = r;
  }
  return benchmarks;
}
