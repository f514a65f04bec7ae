import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../testing/tiny-county.js';
import { aggregates } from './aggregates.js';

describe('regional aggregates: Σ numerator × factor / Σ denominator over the rated it applies to', () => {
  const data = tinyCounty();
  const result = aggregates(data);

  it('puts 亩均税收 first, then the scheme’s other indicators once each', () => {
    expect(result.columns.map((column) => column.key)).toEqual([
      'taxPerMu',
      'addedValuePerMu',
      'laborProductivity',
      'addedValuePerEnergy',
      'addedValuePerEmission',
      'rdIntensity',
      'taxPerKwh',
    ]);
  });

  it('equals the benchmark for each cohort under aggregate-ratio benchmarks', () => {
    for (const row of result.byCohort.rows) {
      for (const [key, benchmark] of Object.entries(data.cohorts[row.key]?.benchmarks ?? {})) {
        expect(row.indicators[key]?.value).toBe(benchmark);
      }
    }
  });

  it('computes the 规上 cohort by hand', () => {
    const above = result.byCohort.rows[0];
    // Σ land 10 + 20 + 30 = 60; Σ tax 50 + 30 + 4 = 84; 84 / 60 = 1.4.
    expect(above).toMatchObject({ rated: 3, landMu: '60', tax: '84' });
    expect(above?.indicators['taxPerMu']).toEqual({
      enterprises: 3,
      numerator: '84',
      denominator: '60',
      value: '1.4000',
    });
    // Σ added value 200 + 150 + 90 = 440 over Σ employees 20 + 15 + 18 = 53: 8.30188… → 8.3019.
    expect(above?.indicators['laborProductivity']?.value).toBe('8.3019');
    // Emissions: 乙 has none, so (200 + 90) / (2 + 3) = 58 over two enterprises.
    expect(above?.indicators['addedValuePerEmission']).toMatchObject({ enterprises: 2, value: '58.0000' });
    // R&D: (30 + 12 + 5) / (1000 + 600 + 500) = 47 / 2100 = 0.022380… → 0.0224.
    expect(above?.indicators['rdIntensity']?.value).toBe('0.0224');
    // 规下 indicators do not apply to 规上 enterprises.
    expect(above?.indicators['taxPerKwh']).toEqual({
      enterprises: 0,
      numerator: '0',
      denominator: '0',
      value: null,
    });
  });

  it('computes a town across both cohorts, each enterprise by its own cohort’s indicators', () => {
    const [east, west, none] = result.byTown.rows;
    // 东城: 甲 (规上) and 丁 (规下) rated; exempt 己 and out-of-scope 庚 are not in any sum.
    // 亩均税收 (50 + 20) / (10 + 5) = 70 / 15 = 4.6666… → 4.6667.
    expect(east).toMatchObject({ label: '东城街道', rated: 2, landMu: '15', tax: '70' });
    expect(east?.indicators['taxPerMu']?.value).toBe('4.6667');
    // 亩均增加值 applies to 甲 only: 200 / 10 = 20.
    expect(east?.indicators['addedValuePerMu']).toMatchObject({ enterprises: 1, value: '20.0000' });
    // 单位电耗税收 (factor 10000) applies to 丁 only: 20 × 10000 / 100000 = 2.
    expect(east?.indicators['taxPerKwh']).toMatchObject({
      numerator: '200000',
      denominator: '100000',
      value: '2.0000',
    });
    // 西城: 乙, 戊, A&B. 亩均税收 (30 + 3 + 12) / (20 + 4 + 6) = 45 / 30 = 1.5.
    expect(west?.indicators['taxPerMu']?.value).toBe('1.5000');
    // 单位电耗税收 (3 + 12) × 10000 / (50000 + 80000) = 150000 / 130000 = 1.153846… → 1.1538.
    expect(west?.indicators['taxPerKwh']?.value).toBe('1.1538');
    // Emissions apply to nobody in 西城 (乙 reports none): no figure, not 0.
    expect(west?.indicators['addedValuePerEmission']?.value).toBeNull();
    // The unnamed town: 丙 alone, 4 / 30 = 0.1333….
    expect(none?.indicators['taxPerMu']?.value).toBe('0.1333');
  });

  it('totals the county: Σ tax 119 over Σ land 75 of the six rated', () => {
    // 84 + 35 = 119; 60 + 15 = 75; 119 / 75 = 1.58666… → 1.5867.
    expect(result.byTown.total).toMatchObject({ rated: 6, landMu: '75', tax: '119' });
    expect(result.byTown.total.indicators['taxPerMu']?.value).toBe('1.5867');
  });

  it('groups by industry 大类', () => {
    const c36 = result.byIndustry.rows.find((row) => row.key === 'C36');
    // 甲 and 丙 (己 is exempt): (50 + 4) / (10 + 30) = 1.35.
    expect(c36?.indicators['taxPerMu']?.value).toBe('1.3500');
  });
});
