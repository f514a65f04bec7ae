// Source: shared/spec/reference-method.md, "What else a scheme must be able to say": benchmarks may be
//   "a fixed published value (Huangyan 2022: 亩均税收 24.097, 亩均增加值 136.16, 单位能耗增加值 2.694,
//   单位排放增加值 4929.81, 全员劳动生产率 18.14, R&D 0.0302 with weights 30/20/20/10/10/10; 规下 11.5932 and
//   0.2352 at 50/50)"
// and §5 (Huangyan's published formula): "score = weight × min(max(value / benchmark, 0), 2), rounded half-up
// to 2 decimals". An enterprise exactly at every benchmark therefore scores each weight, 100 in all.
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { cohortOf, resultFor, scoresOf } from '../support/results.js';

const scheme = presetScheme('huangyan-2022-reference');

// Added value is divided by 136.16, 18.14, 2.694 and 4929.81, whose numerators carry the primes 23·37, 907,
// 3·449 and 3·101·1627: only a multiple of their product (170849365236933) gives four exact quotients.
const atBenchmarkFigures = {
  addedValue: '17084.9365236933',
  landMu: '125.476913364375', // addedValue / 136.16
  tax: '3023.617181341344375', // 24.097 × landMu
  employees: '941.837735595', // addedValue / 18.14
  energyTce: '6341.84726195', // addedValue / 2.694
  emissionsTon: '3.46563793', // addedValue / 4929.81
  revenue: '10000',
  rdExpense: '302', // 0.0302 × revenue
};
const atBenchmarkAbove = above(1, atBenchmarkFigures);

// 规下: tax / land = 11.5932 and tax × 10000 / kWh = 0.2352 (land 49 亩 clears the 49 in 0.2352 = 2352/10000).
const atBenchmarkBelow = below(2, { landMu: '49', tax: '568.0668', electricityKwh: '24152500' });

describe('Huangyan 2022: an enterprise exactly at every published benchmark scores 100', () => {
  const grading = grade([atBenchmarkAbove, atBenchmarkBelow], scheme);

  it('规上: each value equals its benchmark and scores its weight (30/20/10/20/10/10)', () => {
    const result = resultFor(grading, atBenchmarkAbove);
    expect(result.status).toBe('rated');
    const values = Object.fromEntries(
      Object.entries(result.indicators).map(([key, i]) => [key, [i.value, i.benchmark]]),
    );
    expect(values).toEqual({
      taxPerMu: ['24.0970', '24.0970'],
      addedValuePerMu: ['136.1600', '136.1600'],
      laborProductivity: ['18.1400', '18.1400'],
      addedValuePerEnergy: ['2.6940', '2.6940'],
      addedValuePerEmission: ['4929.8100', '4929.8100'],
      rdIntensity: ['0.0302', '0.0302'],
    });
    expect(scoresOf(result)).toEqual({
      taxPerMu: '30.00',
      addedValuePerMu: '20.00',
      laborProductivity: '10.00',
      addedValuePerEnergy: '20.00',
      addedValuePerEmission: '10.00',
      rdIntensity: '10.00',
    });
    expect(result.totalScore).toBe('100.00');
  });

  it('规下: 亩均税收 11.5932 and 单位电耗税收 0.2352 at 50/50', () => {
    const result = resultFor(grading, atBenchmarkBelow);
    expect(result.indicators['taxPerMu']?.value).toBe('11.5932');
    expect(result.indicators['taxPerKwh']?.value).toBe('0.2352');
    expect(scoresOf(result)).toEqual({ taxPerMu: '50.00', taxPerKwh: '50.00' });
    expect(result.totalScore).toBe('100.00');
  });

  it('the benchmarks are the published figures, whoever else is in the cohort', () => {
    const half = above(3, {
      ...atBenchmarkFigures,
      tax: '1511.8085906706721875',
      addedValue: '8542.46826184665',
      rdExpense: '151',
    });
    const withHalf = grade([atBenchmarkAbove, half], scheme);
    expect(cohortOf(withHalf, 'above').benchmarks).toEqual({
      taxPerMu: '24.0970',
      addedValuePerMu: '136.1600',
      laborProductivity: '18.1400',
      addedValuePerEnergy: '2.6940',
      addedValuePerEmission: '4929.8100',
      rdIntensity: '0.0302',
    });
    expect(cohortOf(withHalf, 'below').benchmarks).toEqual({ taxPerMu: '11.5932', taxPerKwh: '0.2352' });
    // Half of every numerator: half of every weight.
    expect(resultFor(withHalf, half).totalScore).toBe('50.00');
    expect(resultFor(withHalf, atBenchmarkAbove).totalScore).toBe('100.00');
  });
});
