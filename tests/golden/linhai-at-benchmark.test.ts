// Source: shared/spec/county-methods.md, "Linhai 临海市 (2014–2016 practice) [S]": "Fixed benchmarks and
// weights, two sets chosen by land area, whatever the scale; score = value ÷ benchmark × weight:
// ≥ 3 亩: 亩均税收 15 万元/亩 (40); 亩均销售收入 300 万元/亩 (10); 单位能耗 3 万元/吨标煤 (20); 单位COD排放
// 500 万元/吨COD (15); 全员劳动生产率 15 万元/人·年 (10); 单位用水量增加值 0.1 万元/吨水 (5).
// < 3 亩: 亩均税收 15 (50); 亩均销售收入 300 (20); 单位电耗税收 2 元/度 (30)." Water and COD are figures the
// data dictionary lacks, declared by the preset.
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { resultFor, scoresOf } from '../support/results.js';

const linhai = presetScheme('linhai');

describe('Linhai: two sets of fixed benchmarks by land area, whatever the scale', () => {
  // 10 亩, added value 300: 亩均税收 150/10 = 15, 亩均销售收入 3000/10 = 300, 300/100 = 3 万元/吨标煤,
  // 300/0.6 = 500 万元/吨 COD, 300/20 = 15 万元/人, 300/3000 = 0.1 万元/吨水.
  const atBenchmark = {
    landMu: '10',
    tax: '150',
    revenue: '3000',
    addedValue: '300',
    energyTce: '100',
    employees: '20',
    extra: { codTon: '0.6', waterTon: '3000' },
  };

  it('scores 100 at every benchmark on 3 亩 or more, 规上 or 规下 alike', () => {
    const big = above(1, atBenchmark);
    const bigBelow = below(2, atBenchmark);
    const grading = grade([big, bigBelow], linhai);
    for (const record of [big, bigBelow]) {
      const result = resultFor(grading, record);
      expect(result.cohort).toBe('large');
      expect(scoresOf(result)).toEqual({
        taxPerMu: '40.00',
        revenuePerMu: '10.00',
        addedValuePerEnergy: '20.00',
        addedValuePerCod: '15.00',
        laborProductivity: '10.00',
        addedValuePerWater: '5.00',
      });
      expect(result.totalScore).toBe('100.00');
    }
  });

  it('scores 100 at every benchmark under 3 亩, 规上 or 规下 alike (2 元/度 = tax × 10000 ÷ kWh)', () => {
    const figures = { landMu: '2', tax: '30', revenue: '600', electricityKwh: '150000' };
    const small = below(3, figures);
    const smallAbove = above(4, figures);
    const grading = grade([small, smallAbove], linhai);
    for (const record of [small, smallAbove]) {
      const result = resultFor(grading, record);
      expect(result.cohort).toBe('small');
      expect(scoresOf(result)).toEqual({ taxPerMu: '50.00', revenuePerMu: '20.00', taxPerKwh: '30.00' });
      expect(result.totalScore).toBe('100.00');
    }
  });
});
