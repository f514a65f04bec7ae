// An independent, slow reference for shared/spec/reference-method.md §2–§8, written from the spec text with
// decimal.js only (nothing of @mujun/scoring but its record type). Every rounded figure is one exact division
// (products first) rounded half-up, at 60 significant digits. It reads no scheme file: the two methods it
// knows are spelled out below from the spec's own tables, so a slip in a preset shows up as a disagreement.
import { Decimal } from 'decimal.js';
import type { EnterpriseRecord } from '@mujun/scoring';

export const Exact = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -100,
  toExpPos: 100,
});
export type Exact = InstanceType<typeof Exact>;

const ZERO = new Exact(0);

export type OracleFigure =
  | 'landMu'
  | 'tax'
  | 'addedValue'
  | 'revenue'
  | 'employees'
  | 'energyTce'
  | 'emissionsTon'
  | 'rdExpense'
  | 'electricityKwh'
  | 'exportValue';

export interface OracleIndicator {
  readonly key: string;
  readonly numerator: OracleFigure;
  readonly denominator: OracleFigure;
  readonly factor: string;
  readonly weight: string;
  /** A published fixed benchmark, or null for the cohort aggregate ratio (§4). */
  readonly fixed: string | null;
}

export type OracleCohort = 'above' | 'below';

export interface OracleMethod {
  readonly indicators: Readonly<Record<OracleCohort, readonly OracleIndicator[]>>;
  /** Cumulative shares for A, B and C (§8). */
  readonly bands: readonly [string, string, string];
}

const indicator = (
  key: string,
  numerator: OracleFigure,
  denominator: OracleFigure,
  weight: string,
  fixed: string | null = null,
  factor = '1',
): OracleIndicator => ({ key, numerator, denominator, factor, weight, fixed });

/** §3 tables, §4 aggregate ratio, §8 bands 0.20 / 0.75 / 0.95. */
export const REFERENCE_METHOD: OracleMethod = {
  indicators: {
    above: [
      indicator('taxPerMu', 'tax', 'landMu', '40'),
      indicator('addedValuePerMu', 'addedValue', 'landMu', '20'),
      indicator('laborProductivity', 'addedValue', 'employees', '10'),
      indicator('addedValuePerEnergy', 'addedValue', 'energyTce', '10'),
      indicator('addedValuePerEmission', 'addedValue', 'emissionsTon', '10'),
      indicator('rdIntensity', 'rdExpense', 'revenue', '10'),
    ],
    below: [
      indicator('taxPerMu', 'tax', 'landMu', '50'),
      indicator('taxPerKwh', 'tax', 'electricityKwh', '50', null, '10000'),
    ],
  },
  bands: ['0.20', '0.75', '0.95'],
};

/** "What else a scheme must be able to say": Huangyan 2022's published benchmarks and weights. */
export const HUANGYAN_2022_METHOD: OracleMethod = {
  indicators: {
    above: [
      indicator('taxPerMu', 'tax', 'landMu', '30', '24.097'),
      indicator('addedValuePerMu', 'addedValue', 'landMu', '20', '136.16'),
      indicator('laborProductivity', 'addedValue', 'employees', '10', '18.14'),
      indicator('addedValuePerEnergy', 'addedValue', 'energyTce', '20', '2.694'),
      indicator('addedValuePerEmission', 'addedValue', 'emissionsTon', '10', '4929.81'),
      indicator('rdIntensity', 'rdExpense', 'revenue', '10', '0.0302'),
    ],
    below: [
      indicator('taxPerMu', 'tax', 'landMu', '50', '11.5932'),
      indicator('taxPerKwh', 'tax', 'electricityKwh', '50', '0.2352', '10000'),
    ],
  },
  bands: ['0.20', '0.75', '0.95'],
};

export interface OracleIndicatorResult {
  readonly value: string | null;
  readonly applicable: boolean;
  readonly benchmark: string | null;
  readonly score: string;
}

export interface OracleResult {
  readonly uscc: string;
  readonly status: 'rated' | 'exempt' | 'out_of_scope';
  readonly cohort: OracleCohort | null;
  readonly indicators: Readonly<Record<string, OracleIndicatorResult>>;
  /** After the cap; null when not rated. */
  readonly bonus: string | null;
  readonly penalty: string | null;
  readonly totalScore: string | null;
  readonly rank: number | null;
  readonly bandClass: string | null;
  readonly finalClass: string | null;
}

export interface OracleRun {
  readonly results: ReadonlyMap<string, OracleResult>;
  readonly benchmarks: Readonly<Record<OracleCohort, Readonly<Record<string, string | null>>>>;
  /** How many (cohort, indicator) benchmarks are published ≤ 0 (each gives a warning, §4). */
  readonly nonPositiveBenchmarks: number;
}

/** Half-up to `dp` decimals, written with exactly `dp` of them, and never `-0.00…` (§1). */
export function print(value: Exact, dp: number): string {
  const rounded = value.toDecimalPlaces(dp, Exact.ROUND_HALF_UP);
  return (rounded.isZero() ? ZERO : rounded).toFixed(dp, Exact.ROUND_HALF_UP);
}

/** The canonical decimal string of a value: no exponent, no trailing zeros, no `-0`. */
export function canonicalText(value: Exact): string {
  return value.isZero() ? '0' : value.toFixed();
}

function figure(record: EnterpriseRecord, key: OracleFigure): Exact | undefined {
  const text = record[key];
  return text === undefined ? undefined : new Exact(text);
}

/** §3: applicable when numerator and denominator are present and the denominator is not zero. */
export function applies(record: EnterpriseRecord, ind: OracleIndicator): boolean {
  const den = figure(record, ind.denominator);
  return figure(record, ind.numerator) !== undefined && den !== undefined && !den.isZero();
}

/** The exact (unrounded) value numerator × factor / denominator. */
export function exactValue(record: EnterpriseRecord, ind: OracleIndicator): Exact {
  const num = figure(record, ind.numerator) ?? ZERO;
  const den = figure(record, ind.denominator) ?? ZERO;
  return num.times(ind.factor).div(den);
}

/** §2, the first matching rule decides. Reason arrays arrive with the non-counting items already dropped. */
export function statusOf(record: EnterpriseRecord): OracleResult['status'] {
  const land = new Exact(record.landMu);
  if (land.isZero()) return 'out_of_scope';
  if (record.scale === 'below' && land.lt(3)) return 'out_of_scope';
  if (record.exemptReason.length > 0) return 'exempt';
  return 'rated';
}

/** §4: the published (rounded) benchmark, or null when the indicator applies to nobody. */
export function benchmarkOf(members: readonly EnterpriseRecord[], ind: OracleIndicator): Exact | null {
  if (ind.fixed !== null) return new Exact(ind.fixed).toDecimalPlaces(4, Exact.ROUND_HALF_UP);
  const applicable = members.filter((record) => applies(record, ind));
  if (applicable.length === 0) return null;
  let num = ZERO;
  let den = ZERO;
  for (const record of applicable) {
    num = num.plus(figure(record, ind.numerator) ?? ZERO);
    den = den.plus(figure(record, ind.denominator) ?? ZERO);
  }
  if (den.isZero()) return null;
  return num.times(ind.factor).div(den).toDecimalPlaces(4, Exact.ROUND_HALF_UP);
}

/** §5 for an applicable enterprise: weight × min(max(value / benchmark, 0), 2), half-up to 2 decimals. */
export function scoreOf(record: EnterpriseRecord, ind: OracleIndicator, benchmark: Exact | null): Exact {
  if (benchmark === null || benchmark.lte(0)) return ZERO;
  const num = figure(record, ind.numerator) ?? ZERO;
  const den = figure(record, ind.denominator) ?? ZERO;
  const weight = new Exact(ind.weight);
  // One division: (num × factor × weight) / (den × benchmark).
  const raw = num.times(ind.factor).times(weight).div(den.times(benchmark));
  const clamped = Exact.min(Exact.max(raw, ZERO), weight.times(2));
  return clamped.toDecimalPlaces(2, Exact.ROUND_HALF_UP);
}

interface Bonus {
  readonly points: Exact;
  readonly upgrade: boolean;
}

/** §6 bonus items (before the cap) and whether any 提档 item applies. */
export function bonusOf(record: EnterpriseRecord): Bonus {
  let points = ZERO;
  let upgrade = false;
  if (record.emergencySupplier) {
    points = points.plus(5);
    upgrade = true;
  }
  if (record.keyChainLink) {
    points = points.plus(5);
    upgrade = true;
  }
  const exportValue = figure(record, 'exportValue');
  const revenue = figure(record, 'revenue');
  if (exportValue !== undefined && revenue !== undefined && !revenue.isZero()) {
    const share = exportValue.div(revenue);
    if (share.gte('0.5')) {
      points = points.plus(5);
      upgrade = true;
    } else if (share.gte('0.3')) {
      points = points.plus(3);
    }
  }
  if (record.highTech) points = points.plus(2);
  if (record.specialized === 'province') points = points.plus(2);
  if (record.specialized === 'national') points = points.plus(4);
  return { points, upgrade };
}

/** §6 Wenling sub-letting penalty. */
export function penaltyOf(record: EnterpriseRecord, cohort: OracleCohort): Exact {
  const t = record.subletTenants;
  if (cohort === 'above') return new Exact(5).times(Math.max(0, t - 1));
  return t === 0 ? ZERO : new Exact(10).plus(new Exact(5).times(t - 1));
}

const CLASSES = ['A', 'B', 'C', 'D'] as const;

/** §8 overrides on a band class index (0 = A): floor, 提档, veto, protection, in that order. */
export function finalClassOf(record: EnterpriseRecord, band: number, upgrade: boolean): number {
  let current = band;
  const taxPerMu = new Exact(record.tax).div(record.landMu);
  if (taxPerMu.lt(1)) current = 3;
  if (upgrade) current = Math.max(0, current - 1);
  const vetoed = record.vetoReasons.length > 0;
  if (vetoed) current = Math.max(current, 2);
  if (!vetoed && record.protectedReason.length > 0 && current === 3) current = 2;
  return current;
}

function compareCodes(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Grades records by the method, from scratch. */
export function oracleGrade(records: readonly EnterpriseRecord[], method: OracleMethod): OracleRun {
  const results = new Map<string, OracleResult>();
  const benchmarks: Record<OracleCohort, Record<string, string | null>> = { above: {}, below: {} };
  let nonPositiveBenchmarks = 0;
  const statuses = new Map(records.map((record) => [record.uscc, statusOf(record)]));

  for (const record of records) {
    const status = statuses.get(record.uscc) ?? 'rated';
    if (status === 'rated') continue;
    results.set(record.uscc, {
      uscc: record.uscc,
      status,
      cohort: null,
      indicators: {},
      bonus: null,
      penalty: null,
      totalScore: null,
      rank: null,
      bandClass: null,
      finalClass: status === 'exempt' ? 'T' : null,
    });
  }

  for (const cohort of ['above', 'below'] as const) {
    const members = records.filter(
      (record) => record.scale === cohort && statuses.get(record.uscc) === 'rated',
    );
    const indicators = new Map<string, Record<string, OracleIndicatorResult>>(
      members.map((r) => [r.uscc, {}]),
    );
    const totals = new Map<string, Exact>(members.map((r) => [r.uscc, ZERO]));

    for (const ind of method.indicators[cohort]) {
      const benchmark = benchmarkOf(members, ind);
      const published = benchmark === null ? null : print(benchmark, 4);
      benchmarks[cohort][ind.key] = published;
      if (benchmark?.lte(0)) nonPositiveBenchmarks++;
      const scores = new Map<string, Exact>();
      for (const record of members)
        if (applies(record, ind)) scores.set(record.uscc, scoreOf(record, ind, benchmark));
      let mean = ZERO;
      if (scores.size > 0) {
        mean = Exact.sum(...scores.values())
          .div(scores.size)
          .toDecimalPlaces(2, Exact.ROUND_HALF_UP);
      }
      for (const record of members) {
        const applicable = scores.has(record.uscc);
        const score = scores.get(record.uscc) ?? mean;
        const entry = indicators.get(record.uscc);
        if (entry !== undefined) {
          entry[ind.key] = {
            value: applicable ? print(exactValue(record, ind), 4) : null,
            applicable,
            benchmark: published,
            score: print(score, 2),
          };
        }
        totals.set(record.uscc, (totals.get(record.uscc) ?? ZERO).plus(score));
      }
    }

    const extras = new Map(
      members.map((record) => {
        const bonus = bonusOf(record);
        const capped = Exact.min(bonus.points, 10);
        const penalty = penaltyOf(record, cohort);
        const total = (totals.get(record.uscc) ?? ZERO).plus(capped).minus(penalty);
        return [record.uscc, { capped, upgrade: bonus.upgrade, penalty, total }] as const;
      }),
    );
    const totalOf = (record: EnterpriseRecord): Exact => extras.get(record.uscc)?.total ?? ZERO;
    const ranked = [...members].sort((a, b) => {
      const byTotal = totalOf(b).comparedTo(totalOf(a));
      if (byTotal !== 0) return byTotal;
      const byTax = new Exact(b.tax).comparedTo(a.tax);
      if (byTax !== 0) return byTax;
      const byRevenue = new Exact(b.revenue ?? '0').comparedTo(a.revenue ?? '0');
      if (byRevenue !== 0) return byRevenue;
      return compareCodes(a.uscc, b.uscc);
    });
    const n = ranked.length;
    const limits = method.bands.map((share) => new Exact(share).times(n).floor().toNumber());
    ranked.forEach((record, position) => {
      const rank = position + 1;
      const found = limits.findIndex((limit) => rank <= limit);
      const band = found < 0 ? 3 : found;
      const extra = extras.get(record.uscc);
      const final = finalClassOf(record, band, extra?.upgrade ?? false);
      results.set(record.uscc, {
        uscc: record.uscc,
        status: 'rated',
        cohort,
        indicators: indicators.get(record.uscc) ?? {},
        bonus: print(extra?.capped ?? ZERO, 2),
        penalty: print(extra?.penalty ?? ZERO, 2),
        totalScore: print(extra?.total ?? ZERO, 2),
        rank,
        bandClass: CLASSES[band] ?? null,
        finalClass: CLASSES[final] ?? null,
      });
    });
  }
  return { results, benchmarks, nonPositiveBenchmarks };
}
