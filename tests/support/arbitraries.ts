// fast-check generators for small, adversarial cohorts: decimal figures with 0–6 decimals over many
// magnitudes, negative taxes and added values, zero and missing denominators, band edges of the scope
// rules, and, applied afterwards, deliberately constructed ties (scores on x.xx5, benchmarks and values on
// ±x.xxxx5, equal totals) so that every rounding and ordering rule is exercised at its edge.
import fc from 'fast-check';
import type { EnterpriseRecord } from '@mujun/scoring';
import { above, below } from './records.js';
import { applies, benchmarkOf, canonicalText, Exact, statusOf } from './oracle.js';
import type { OracleFigure, OracleIndicator, OracleMethod } from './oracle.js';

const TEN = new Exact(10);
const HALF_UNIT_4DP = new Exact('0.00005');

/**
 * A record draws one magnitude tier for all its figures, so that its ratios are of order one (and scores
 * are not all 0 or all capped), while tiers differ between records, up to 10^18 (beyond what a float holds
 * exactly).
 */
export const tier = fc.constantFrom(1_000n, 1_000n, 100_000n, 10n ** 9n, 10n ** 18n);

const decimals = fc.integer({ min: 0, max: 6 });

function scaled(units: bigint, places: number, negative: boolean): string {
  const value = new Exact(units.toString()).div(TEN.pow(places));
  return canonicalText(negative ? value.neg() : value);
}

/** A decimal string > 0 below `top`, with 0–6 decimals. */
export const positiveText = (top: bigint): fc.Arbitrary<string> =>
  fc
    .tuple(fc.bigInt({ min: 1n, max: top }), decimals, fc.nat({ max: 999_999 }))
    .map(([m, dp, fraction]) =>
      scaled(m * 10n ** BigInt(dp) + (BigInt(fraction) % 10n ** BigInt(dp)), dp, false),
    );

/** A decimal string ≥ 0 below `top`, with 0–6 decimals; zero now and then. */
export const nonNegativeText = (top: bigint): fc.Arbitrary<string> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant('0') }, { weight: 10, arbitrary: positiveText(top) });

/** A signed decimal string with 0–6 decimals (a net refund, a loss), mostly positive. */
export const signedText = (top: bigint): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant('0') },
    { weight: 8, arbitrary: positiveText(top) },
    { weight: 2, arbitrary: positiveText(top).map((text) => `-${text}`) },
  );

const optional = <T>(arbitrary: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight, arbitrary });

/** Replaces figures on a record; an `undefined` figure is removed (as a blank cell would be). */
export function withFigures(
  record: EnterpriseRecord,
  figures: Partial<Record<OracleFigure, string | undefined>>,
): EnterpriseRecord {
  const copy: Record<string, unknown> = { ...record };
  for (const [key, value] of Object.entries(figures)) {
    if (value === undefined) Reflect.deleteProperty(copy, key);
    else copy[key] = value;
  }
  return copy as EnterpriseRecord;
}

/** exportValue as a share of revenue, with the 0.3 and 0.5 boundaries hit exactly and just missed. */
const exportShare = fc.oneof(
  { weight: 3, arbitrary: fc.constant<string | null>(null) },
  { weight: 2, arbitrary: fc.constantFrom('0.3', '0.5', '0.299999', '0.499999', '0.500001', '1') },
  { weight: 1, arbitrary: fc.constant('random') },
);

const flags = fc.record({
  emergencySupplier: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  keyChainLink: fc.oneof(
    { weight: 6, arbitrary: fc.constant(false) },
    { weight: 1, arbitrary: fc.constant(true) },
  ),
  highTech: fc.boolean(),
  specialized: fc.constantFrom('none', 'none', 'province', 'national'),
  subletTenants: fc.integer({ min: 0, max: 3 }),
  vetoReasons: fc.oneof(
    { weight: 5, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant(['重大安全事故']) },
  ),
  protectedReason: fc.oneof(
    { weight: 4, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant(['新投产']) },
  ),
  exemptReason: fc.oneof(
    { weight: 12, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant(['破产重整']) },
  ),
});

function exportFor(mode: string | null, revenue: string | undefined, random: string): string | undefined {
  if (mode === null || revenue === undefined) return undefined;
  if (mode === 'random') return random;
  return canonicalText(new Exact(revenue).times(mode));
}

const aboveFigures = tier.chain((top) =>
  fc.record({
    landMu: fc.oneof(
      { weight: 12, arbitrary: positiveText(top) },
      { weight: 1, arbitrary: fc.constant('0') },
    ),
    tax: signedText(top),
    addedValue: signedText(top),
    revenue: nonNegativeText(top),
    employees: nonNegativeText(top),
    energyTce: nonNegativeText(top),
    emissionsTon: optional(nonNegativeText(top), 3),
    rdExpense: nonNegativeText(top),
    electricityKwh: optional(nonNegativeText(top)),
    exportMode: exportShare,
    exportRandom: nonNegativeText(top),
  }),
);

const belowFigures = tier.chain((top) =>
  fc.record({
    landMu: fc.oneof(
      { weight: 10, arbitrary: positiveText(top) },
      { weight: 2, arbitrary: fc.constantFrom('3', '2.999999', '3.000001', '0') },
    ),
    tax: signedText(top),
    electricityKwh: nonNegativeText(top * 10_000n),
    revenue: optional(nonNegativeText(top)),
    exportMode: exportShare,
    exportRandom: nonNegativeText(top),
  }),
);

type Draft = (n: number) => EnterpriseRecord;

const aboveDraft: fc.Arbitrary<Draft> = fc.tuple(aboveFigures, flags).map(([f, flag]) => (n: number) => {
  const { exportMode, exportRandom, ...figures } = f;
  return withFigures(above(n, flag), {
    ...figures,
    exportValue: exportFor(exportMode, f.revenue, exportRandom),
  });
});

const belowDraft: fc.Arbitrary<Draft> = fc.tuple(belowFigures, flags).map(([f, flag]) => (n: number) => {
  const { exportMode, exportRandom, ...figures } = f;
  return withFigures(below(n, flag), {
    ...figures,
    exportValue: exportFor(exportMode, f.revenue, exportRandom),
  });
});

/** A tie to construct after the records are drawn. */
export type Tweak =
  | { readonly kind: 'scoreTie'; readonly target: number; readonly indicator: number; readonly units: number }
  | {
      readonly kind: 'benchmarkTie';
      readonly target: number;
      readonly indicator: number;
      readonly up: boolean;
    }
  | {
      readonly kind: 'valueTie';
      readonly target: number;
      readonly indicator: number;
      readonly units: number;
      readonly negative: boolean;
    }
  | {
      readonly kind: 'duplicate';
      readonly target: number;
      readonly source: number;
      readonly how: 'same' | 'double' | 'revenue';
    }
  | { readonly kind: 'cancel'; readonly target: number; readonly source: number; readonly rest: string }
  /** 亩均税收 exactly at, or a hair below, the 1 万元/亩 floor. */
  | { readonly kind: 'floorEdge'; readonly target: number; readonly value: string }
  /** A negative value that rounds to 0.0000 (never published as -0.0000). */
  | {
      readonly kind: 'nearZero';
      readonly target: number;
      readonly indicator: number;
      readonly millionths: number;
    };

const index = fc.nat({ max: 40 });

export const tweak: fc.Arbitrary<Tweak> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('scoreTie' as const),
      target: index,
      indicator: index,
      units: fc.nat({ max: 20_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('benchmarkTie' as const),
      target: index,
      indicator: index,
      up: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('valueTie' as const),
      target: index,
      indicator: index,
      units: fc.oneof(fc.constant(0), fc.nat({ max: 2_000_000 })),
      negative: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      target: index,
      source: index,
      how: fc.constantFrom('same' as const, 'double' as const, 'revenue' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('cancel' as const),
      target: index,
      source: index,
      rest: signedText(1_000n),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('floorEdge' as const),
      target: index,
      value: fc.constantFrom('1', '0.99995', '0.9999999999', '1.0000000001'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('nearZero' as const),
      target: index,
      indicator: index,
      millionths: fc.integer({ min: 1, max: 50 }),
    }),
  },
);

const EXTENSIVE: readonly OracleFigure[] = [
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
];

function ratedPeers(
  records: readonly EnterpriseRecord[],
  scale: EnterpriseRecord['scale'],
): EnterpriseRecord[] {
  return records.filter((record) => record.scale === scale && statusOf(record) === 'rated');
}

function setNumerator(records: EnterpriseRecord[], at: number, ind: OracleIndicator, value: Exact): boolean {
  const record = records[at];
  if (record === undefined) return false;
  if (ind.numerator === 'rdExpense' && value.isNegative()) return false;
  // A quotient that used every digit of the oracle's precision was rounded: it only looks like a tie at
  // that precision (the exact value lies beside it), so it would test the oracle's rounding, not the engine.
  if (value.sd() >= Exact.precision) return false;
  records[at] = withFigures(record, { [ind.numerator]: canonicalText(value) });
  return true;
}

/** Moves one numerator so that weight × value / benchmark lands exactly on a half cent (x.xx5). */
function scoreTie(records: EnterpriseRecord[], at: number, ind: OracleIndicator, units: number): void {
  for (let attempt = 0; attempt < 4; attempt++) {
    const record = records[at];
    if (record === undefined || !applies(record, ind)) return;
    const benchmark = benchmarkOf(ratedPeers(records, record.scale), ind);
    if (benchmark === null || benchmark.lte(0)) return;
    const weight = new Exact(ind.weight);
    const den = new Exact(record[ind.denominator] ?? '1');
    const top = weight.times(200).toNumber();
    let done = false;
    for (let k = 0; k < 3 && !done; k++) {
      const half = new Exact((units + k) % top).plus('0.5');
      const num = half.times(den).times(benchmark).div(weight.times(100).times(ind.factor));
      const check = num.times(ind.factor).times(weight).times(100).div(den.times(benchmark));
      if (check.eq(half)) done = setNumerator(records, at, ind, num);
    }
    if (!done) return;
    const after = records[at];
    if (after === undefined) return;
    const again = benchmarkOf(ratedPeers(records, after.scale), ind);
    if (again?.eq(benchmark)) return;
  }
}

/** Moves one numerator so that the cohort's Σ numerator × factor / Σ denominator lands on ±x.xxxx5. */
function benchmarkTie(records: EnterpriseRecord[], at: number, ind: OracleIndicator, up: boolean): void {
  const record = records[at];
  if (record === undefined || ind.fixed !== null || statusOf(record) !== 'rated' || !applies(record, ind))
    return;
  const peers = ratedPeers(records, record.scale).filter((peer) => applies(peer, ind));
  const current = benchmarkOf(peers, ind);
  if (current === null) return;
  const target = up ? current.plus(HALF_UNIT_4DP) : current.minus(HALF_UNIT_4DP);
  let others = new Exact(0);
  let den = new Exact(0);
  for (const peer of peers) {
    den = den.plus(peer[ind.denominator] ?? '0');
    if (peer.uscc !== record.uscc) others = others.plus(peer[ind.numerator] ?? '0');
  }
  const num = target.times(den).div(ind.factor).minus(others);
  if (num.times(ind.factor).plus(others.times(ind.factor)).div(den).eq(target))
    setNumerator(records, at, ind, num);
}

/** Moves one numerator so that the exact value is `value`. */
function setValue(records: EnterpriseRecord[], at: number, ind: OracleIndicator, value: Exact): void {
  const record = records[at];
  if (record === undefined || !applies(record, ind)) return;
  const num = value.times(record[ind.denominator] ?? '1').div(ind.factor);
  if (
    num
      .times(ind.factor)
      .div(record[ind.denominator] ?? '1')
      .eq(value)
  )
    setNumerator(records, at, ind, num);
}

/** Moves one numerator so that the published value lands on ±x.xxxx5. */
function valueTie(
  records: EnterpriseRecord[],
  at: number,
  ind: OracleIndicator,
  units: number,
  negative: boolean,
): void {
  const magnitudeValue = new Exact(units).div(10_000).plus(HALF_UNIT_4DP);
  setValue(records, at, ind, negative ? magnitudeValue.neg() : magnitudeValue);
}

function duplicate(
  records: EnterpriseRecord[],
  at: number,
  from: number,
  how: 'same' | 'double' | 'revenue',
): void {
  const target = records[at];
  const source = records[from];
  if (target === undefined || source === undefined || at === from) return;
  const times = (key: OracleFigure): string | undefined => {
    const value = source[key];
    if (value === undefined) return undefined;
    if (how === 'same') return value;
    if (how === 'revenue' && !['revenue', 'rdExpense', 'exportValue'].includes(key)) return value;
    return canonicalText(new Exact(value).times(2));
  };
  const figures = Object.fromEntries(EXTENSIVE.map((key) => [key, times(key)]));
  const { uscc, name } = target;
  records[at] = withFigures({ ...source, uscc, name }, figures);
}

/** Makes two taxes (nearly) cancel, so the cohort's Σ tax is small beside its terms. */
function cancel(records: EnterpriseRecord[], at: number, from: number, rest: string): void {
  const target = records[at];
  const source = records[from];
  if (target === undefined || source === undefined || at === from || target.scale !== source.scale) return;
  records[at] = withFigures(target, { tax: canonicalText(new Exact(source.tax).neg().plus(rest)) });
}

export function applyTweaks(
  drafts: readonly EnterpriseRecord[],
  tweaks: readonly Tweak[],
  method: OracleMethod,
): EnterpriseRecord[] {
  const records = [...drafts];
  const count = records.length;
  if (count === 0) return records;
  const indicatorFor = (record: EnterpriseRecord | undefined, i: number): OracleIndicator | undefined => {
    if (record === undefined) return undefined;
    const list = method.indicators[record.scale];
    return list[i % list.length];
  };
  for (const t of tweaks) {
    const at = t.target % count;
    const ind = indicatorFor(records[at], 'indicator' in t ? t.indicator : 0);
    switch (t.kind) {
      case 'scoreTie':
        if (ind) scoreTie(records, at, ind, t.units);
        break;
      case 'benchmarkTie':
        if (ind) benchmarkTie(records, at, ind, t.up);
        break;
      case 'valueTie':
        if (ind) valueTie(records, at, ind, t.units, t.negative);
        break;
      case 'duplicate':
        duplicate(records, at, t.source % count, t.how);
        break;
      case 'cancel':
        cancel(records, at, t.source % count, t.rest);
        break;
      case 'floorEdge': {
        const record = records[at];
        if (record !== undefined)
          records[at] = withFigures(record, { tax: canonicalText(new Exact(record.landMu).times(t.value)) });
        break;
      }
      case 'nearZero':
        if (ind) setValue(records, at, ind, new Exact(t.millionths).div(-1_000_000));
        break;
    }
  }
  return records;
}

/** Up to `maxAbove` 规上 and `maxBelow` 规下 drafts, codes 1…n, then the tweaks, for a given method. */
export function cohortArbitrary(
  method: OracleMethod,
  { maxAbove = 7, maxBelow = 6, maxTweaks = 6 } = {},
): fc.Arbitrary<EnterpriseRecord[]> {
  return fc
    .tuple(
      fc.array(aboveDraft, { minLength: 1, maxLength: maxAbove }),
      fc.array(belowDraft, { maxLength: maxBelow }),
      fc.array(tweak, { maxLength: maxTweaks }),
    )
    .map(([aboves, belows, tweaks]) => {
      const drafts = [...aboves, ...belows].map((draft, i) => draft(i + 1));
      return applyTweaks(drafts, tweaks, method);
    });
}
