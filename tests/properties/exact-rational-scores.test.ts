// Issue 13: "every score must be one rounding of the exact rational". Each indicator formula the scheme
// language has (ratio with or without cap and floor, min–max with a floor; fixed, scaled, aggregate, mean
// and maximum benchmarks) against an independent computation in BigInt fractions written here from
// shared/spec/reference-method.md §4–§5 and county-methods.md (Jingde), on random figures of both signs.
import fc from 'fast-check';
import { grade } from '@mujun/scoring';
import type { SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above } from '../support/records.js';
import { aboveIndicators } from '../support/schemes.js';

type IndicatorInput = SchemeInput['indicatorSets'][string][number];
type Fraction = readonly [bigint, bigint];

function parse(text: string): Fraction {
  const [whole = '0', part = ''] = text.split('.');
  return [BigInt(whole + part), 10n ** BigInt(part.length)];
}
const sub = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] - b[0] * a[1], a[1] * b[1]];
const plus = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const times = (a: Fraction, b: Fraction): Fraction => [a[0] * b[0], a[1] * b[1]];
const over = (a: Fraction, b: Fraction): Fraction =>
  b[0] < 0n ? [-a[0] * b[1], a[1] * -b[0]] : [a[0] * b[1], a[1] * b[0]];
const cmp = (a: Fraction, b: Fraction): number => {
  const d = a[0] * b[1] - b[0] * a[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
/** Half-up (ties away from zero) to dp decimals, written with dp decimals. */
function round(a: Fraction, dp: number): string {
  const negative = a[0] < 0n;
  const n = (negative ? -a[0] : a[0]) * 10n ** BigInt(dp);
  const units = (2n * n + a[1]) / (2n * a[1]);
  const digits = units.toString().padStart(dp + 1, '0');
  const text = `${digits.slice(0, digits.length - dp)}.${digits.slice(digits.length - dp)}`;
  return negative && units !== 0n ? `-${text}` : text;
}

const figure = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), fc.integer({ min: 0, max: 5 })).map(([units, dp]) => {
    const negative = units < 0;
    const digits = Math.abs(units)
      .toString()
      .padStart(dp + 1, '0');
    const text = dp === 0 ? digits : `${digits.slice(0, digits.length - dp)}.${digits.slice(-dp)}`;
    const canonical = text
      .replace(/^0+(?=\d)/, '')
      .replace(/(\.\d*?)0+$/, '$1')
      .replace(/\.$/, '');
    return negative && /[1-9]/.test(canonical) ? `-${canonical}` : canonical;
  });

const benchmarkArbitrary = fc.oneof(
  fc.constant({ method: 'aggregateRatio' as const }),
  fc.constant({ method: 'meanOfValues' as const }),
  fc.constant({ method: 'max' as const }),
  fc.record({ method: fc.constant('fixed' as const), value: figure(1, 99_999), multiplier: figure(1, 300) }),
);
const scoringArbitrary = fc.oneof(
  fc.record({
    method: fc.constant('ratio' as const),
    cap: fc.constantFrom(null, '2', '1.5'),
    floor: fc.constantFrom(undefined, null, '0', '0.3'),
  }),
  fc.record({ method: fc.constant('minMax' as const), floor: fc.constantFrom('0', '20', '37.5') }),
);

const caseArbitrary = fc.record({
  figures: fc.array(fc.tuple(figure(-50_000, 200_000), figure(1, 30_000)), { minLength: 1, maxLength: 6 }),
  weight: fc.constantFrom('15', '30', '7.5', '40'),
  benchmark: benchmarkArbitrary,
  scoring: scoringArbitrary,
});

function expected(
  values: readonly Fraction[],
  taxes: readonly Fraction[],
  lands: readonly Fraction[],
  indicator: IndicatorInput,
): { benchmark: string; scores: string[] } {
  const b = indicator.benchmark;
  let bench: Fraction;
  if (b.method === 'fixed') bench = times(parse(b.value), parse(b.multiplier ?? '1'));
  else if (b.method === 'aggregateRatio')
    bench = over(taxes.reduce(plus, [0n, 1n]), lands.reduce(plus, [0n, 1n]));
  else if (b.method === 'meanOfValues')
    bench = over(values.reduce(plus, [0n, 1n]), [BigInt(values.length), 1n]);
  else bench = values.reduce((m, v) => (cmp(v, m) > 0 ? v : m));
  const benchmark = round(bench, 4);
  const published = parse(benchmark);
  const weight = parse(indicator.weight);
  const s = indicator.scoring;
  if (s.method === 'minMax') {
    const min = values.reduce((m, v) => (cmp(v, m) < 0 ? v : m));
    const max = values.reduce((m, v) => (cmp(v, m) > 0 ? v : m));
    const span = sub(max, min);
    const floor = parse(s.floor);
    return {
      benchmark,
      scores: values.map((v) => {
        const position: Fraction = span[0] === 0n ? [1n, 1n] : over(sub(v, min), span);
        const percent = plus(floor, times(sub([100n, 1n], floor), position));
        return round(over(times(weight, percent), [100n, 1n]), 2);
      }),
    };
  }
  if (cmp(published, [0n, 1n]) <= 0) return { benchmark, scores: values.map(() => '0.00') };
  const floorText = s.floor === undefined ? '0' : s.floor;
  return {
    benchmark,
    scores: values.map((v) => {
      let ratio = over(v, published);
      if (s.cap !== null && cmp(ratio, parse(s.cap)) > 0) ratio = parse(s.cap);
      if (floorText !== null && cmp(ratio, parse(floorText)) < 0) ratio = parse(floorText);
      return round(times(weight, ratio), 2);
    }),
  };
}

describe('every indicator score is one rounding of the exact rational', () => {
  it('ratio and min–max scores and every benchmark method, on figures of both signs', () => {
    fc.assert(
      fc.property(caseArbitrary, ({ figures, weight, benchmark, scoring }) => {
        const indicator: IndicatorInput = {
          key: 'taxPerMu',
          label: '亩均税收',
          unit: '万元/亩',
          numerator: 'tax',
          denominator: 'landMu',
          weight,
          benchmark,
          scoring,
          notApplicable: { method: 'zero' },
        };
        const records = figures.map(([tax, landMu], k) => above(k + 1, { tax, landMu }));
        const grading = grade(records, aboveIndicators([indicator]));
        const taxes = figures.map(([tax]) => parse(tax));
        const lands = figures.map(([, land]) => parse(land));
        const values = taxes.map((tax, k) => over(tax, lands[k] as Fraction));
        const want = expected(values, taxes, lands, indicator);
        expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe(want.benchmark);
        const got = records.map((record) => grading.result(record.uscc)?.indicators['taxPerMu']?.score);
        expect(got).toEqual(want.scores);
      }),
      { seed: 13, numRuns: 400 },
    );
  });
});

describe('floors', () => {
  it('a floor-free score equals the clamped one whenever the value is positive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(figure(-50_000, 200_000), figure(1, 30_000)), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(null, '2'),
        ([...figures], cap) => {
          const records = figures.map(([tax, landMu], k) => above(k + 1, { tax, landMu }));
          const scores = (floor: null | undefined) => {
            const scoring =
              floor === undefined
                ? { method: 'ratio' as const, cap }
                : { method: 'ratio' as const, cap, floor };
            const grading = grade(
              records,
              aboveIndicators([
                {
                  key: 'taxPerMu',
                  label: '亩均税收',
                  unit: '万元/亩',
                  numerator: 'tax',
                  denominator: 'landMu',
                  weight: '30',
                  benchmark: { method: 'fixed', value: '24.097' },
                  scoring,
                  notApplicable: { method: 'zero' },
                },
              ]),
            );
            return records.map((record) => grading.result(record.uscc)?.indicators['taxPerMu']?.score ?? '');
          };
          const free = scores(null);
          const clamped = scores(undefined);
          figures.forEach(([tax], k) => {
            if (!tax.startsWith('-') && tax !== '0') expect(free[k]).toBe(clamped[k]);
            else expect(clamped[k]).toBe('0.00');
          });
        },
      ),
      { seed: 2022, numRuns: 200 },
    );
  });
});
