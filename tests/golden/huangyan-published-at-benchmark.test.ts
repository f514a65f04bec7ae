// Source: shared/spec/county-methods.md, "Huangyan 黄岩区, Taizhou (2021 and 2022 data) [C]", the 计算说明
// published with each year's result notice:
//   规上: 亩均税收 ÷ B1 × 30 + 亩均增加值 ÷ B2 × 20 + 单位能耗增加值 ÷ B3 × 20 + 单位排放增加值 ÷ B4 × 10 +
//         全员劳动生产率 ÷ B5 × 10 + R&D经费支出占主营业务收入之比 ÷ B6 × 10
//   规下: 亩均税收 ÷ B7 × 50 + 单位用电税收 ÷ B8 × 50
//   2021: B1 26.01, B2 132.27, B3 2.54, B4 4861.08, B5 17.45, B6 0.0305, B7 16.601058, B8 0.236565
//   2022: B1 24.097, B2 136.16, B3 2.694, B4 4929.81, B5 18.14, B6 0.0302, B7 11.5932, B8 0.2352
// "no cap and no floor at 0: a net tax refund gives a negative 亩均税收 score. An enterprise exactly at every
// benchmark scores 100 (规上) and 100 (规下)." "The R&D denominator is 主营业务收入, distinct from 营业收入."
import { canonical, dec, grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below, without } from '../support/records.js';
import { resultFor, scoresOf } from '../support/results.js';

const PUBLISHED = {
  2021: ['26.01', '132.27', '2.54', '4861.08', '17.45', '0.0305', '16.601058', '0.236565'],
  2022: ['24.097', '136.16', '2.694', '4929.81', '18.14', '0.0302', '11.5932', '0.2352'],
} as const;

const times = (...factors: string[]): string =>
  canonical(factors.reduce((product, factor) => product.times(dec(factor)), dec('1')));

/**
 * 规上 figures exactly at every benchmark: added value B2·B3·B4·B5 makes each of its four quotients exact
 * (land B3·B4·B5, energy B2·B4·B5, emissions B2·B3·B5, employees B2·B3·B4); R&D is B6 of 主营业务收入,
 * while 营业收入 is another figure altogether.
 */
function atBenchmarkAbove(n: number, b: readonly string[]): EnterpriseRecord {
  const [b1 = '', b2 = '', b3 = '', b4 = '', b5 = '', b6 = ''] = b;
  const landMu = times(b3, b4, b5);
  return above(n, {
    landMu,
    tax: times(b1, landMu),
    addedValue: times(b2, b3, b4, b5),
    energyTce: times(b2, b4, b5),
    emissionsTon: times(b2, b3, b5),
    employees: times(b2, b3, b4),
    revenue: '99999',
    rdExpense: times(b6, '10000'),
    extra: { mainBusinessRevenue: '10000' },
  });
}

/** 规下 at both benchmarks: land = B8 × 1000 亩, tax = B7 × land, kWh = B7 × 10000 × 1000. */
function atBenchmarkBelow(n: number, b: readonly string[]): EnterpriseRecord {
  const [b7 = '', b8 = ''] = b.slice(6);
  const landMu = times(b8, '1000');
  return below(n, { landMu, tax: times(b7, landMu), electricityKwh: times(b7, '10000000') });
}

/** A record's figures without its identity, to build another enterprise from them. */
function figuresOf(record: EnterpriseRecord): Omit<EnterpriseRecord, 'uscc' | 'name'> {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => key !== 'uscc' && key !== 'name'),
  ) as Omit<EnterpriseRecord, 'uscc' | 'name'>;
}

describe.each([2021, 2022] as const)('Huangyan %i as published: at every benchmark is 100', (year) => {
  const scheme = presetScheme(`huangyan-${String(year)}`);
  const b = PUBLISHED[year];
  const top = atBenchmarkAbove(1, b);
  const small = atBenchmarkBelow(2, b);
  const grading = grade([top, small], scheme);

  it('规上 scores each weight (30/20/20/10/10/10) and 100 in all', () => {
    const result = resultFor(grading, top);
    expect(scoresOf(result)).toEqual({
      taxPerMu: '30.00',
      addedValuePerMu: '20.00',
      addedValuePerEnergy: '20.00',
      addedValuePerEmission: '10.00',
      laborProductivity: '10.00',
      rdIntensity: '10.00',
    });
    expect(result.totalScore).toBe('100.00');
    expect(dec(result.indicators['rdIntensity']?.benchmark ?? '0').equals(dec(b[5]))).toBe(true);
  });

  it('规下 scores 50 + 50 = 100, with the published benchmarks as given', () => {
    const result = resultFor(grading, small);
    expect(scoresOf(result)).toEqual({ taxPerMu: '50.00', taxPerKwh: '50.00' });
    expect(result.totalScore).toBe('100.00');
    expect(dec(result.indicators['taxPerMu']?.benchmark ?? '0').equals(dec(b[6]))).toBe(true);
    expect(dec(result.indicators['taxPerKwh']?.benchmark ?? '0').equals(dec(b[7]))).toBe(true);
  });

  it('has no cap: three times every benchmark scores three times every weight', () => {
    const triple = above(3, {
      ...figuresOf(top),
      tax: times(top.tax, '3'),
      addedValue: times(top.addedValue ?? '', '3'),
      rdExpense: times(top.rdExpense ?? '', '3'),
    });
    expect(resultFor(grade([top, triple], scheme), triple).totalScore).toBe('300.00');
  });

  it('has no floor at 0: a net refund of one benchmark’s worth scores −30 on 亩均税收', () => {
    const refund = above(4, { ...figuresOf(top), tax: times(top.tax, '-1') });
    const result = resultFor(grade([top, refund], scheme), refund);
    expect(result.indicators['taxPerMu']?.score).toBe('-30.00');
    expect(result.totalScore).toBe('40.00');
  });

  it('gives a 规上 enterprise without emission data the mean of the others’ emission scores', () => {
    const cleaner = above(6, { ...figuresOf(top), emissionsTon: times(top.emissionsTon ?? '', '0.5') });
    const missing = without(above(7, figuresOf(top)), 'emissionsTon');
    const result = resultFor(grade([top, cleaner, missing], scheme), missing);
    expect(result.indicators['addedValuePerEmission']).toMatchObject({ applicable: false, score: '15.00' });
  });

  it('divides R&D by 主营业务收入, not by 营业收入', () => {
    const other = above(5, { ...figuresOf(top), revenue: '1', extra: { mainBusinessRevenue: '20000' } });
    expect(resultFor(grade([top, other], scheme), other).indicators['rdIntensity']?.score).toBe('5.00');
  });
});
