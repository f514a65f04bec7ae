// Issue 13: "every score must be one rounding of the exact rational", with ties on both signs for every
// formula (shared/spec/reference-method.md §1: half-up, ties away from zero). Each case below is built so
// that the exact result lies on a tie while a rounded intermediate (1/3 at 40 digits) lies beside it.
import { grade } from '@mujun/scoring';
import type { EnterpriseRecord, SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, without } from '../support/records.js';
import { aboveIndicators } from '../support/schemes.js';

type IndicatorInput = SchemeInput['indicatorSets'][string][number];

const indicator = (overrides: Partial<IndicatorInput>): IndicatorInput => ({
  key: 'taxPerMu',
  label: '亩均税收',
  unit: '万元/亩',
  numerator: 'tax',
  denominator: 'landMu',
  weight: '15',
  benchmark: { method: 'fixed', value: '8' },
  scoring: { method: 'ratio', cap: null, floor: null },
  notApplicable: { method: 'zero' },
  ...overrides,
});

function run(records: readonly EnterpriseRecord[], overrides: Partial<IndicatorInput>) {
  const grading = grade(records, aboveIndicators([indicator(overrides)]));
  return {
    benchmark: grading.cohorts()['above']?.benchmarks['taxPerMu'],
    scores: records.map((record) => grading.result(record.uscc)?.indicators['taxPerMu']?.score),
  };
}

describe('ratio: 15 × (±1/3) / 8 = ±0.625', () => {
  it('rounds to 0.63 and, without a floor, −0.63', () => {
    const records = [above(1, { tax: '1', landMu: '3' }), above(2, { tax: '-1', landMu: '3' })];
    expect(run(records, {}).scores).toEqual(['0.63', '-0.63']);
  });

  it('with the default floor at 0 the refund scores 0', () => {
    const records = [above(1, { tax: '1', landMu: '3' }), above(2, { tax: '-1', landMu: '3' })];
    expect(run(records, { scoring: { method: 'ratio', cap: null } }).scores).toEqual(['0.63', '0.00']);
  });
});

describe('benchmarks on a tie', () => {
  it('the mean of values: (1/3 + 1.0001/3) / 2 = 0.33335 → 0.3334, and −0.3334', () => {
    const positive = [above(1, { tax: '1', landMu: '3' }), above(2, { tax: '1.0001', landMu: '3' })];
    const negative = [above(1, { tax: '-1', landMu: '3' }), above(2, { tax: '-1.0001', landMu: '3' })];
    expect(run(positive, { benchmark: { method: 'meanOfValues' } }).benchmark).toBe('0.3334');
    expect(run(negative, { benchmark: { method: 'meanOfValues' } }).benchmark).toBe('-0.3334');
  });

  it('the maximum: 0.37035 exactly is 0.3704, and 1.1110499…(45 digits)/3 just below it is 0.3703', () => {
    const tie = [above(1, { tax: '1.11105', landMu: '3' })];
    const below = [above(1, { tax: `1.11104${'9'.repeat(40)}`, landMu: '3' })];
    expect(run(tie, { benchmark: { method: 'max' } }).benchmark).toBe('0.3704');
    expect(run(below, { benchmark: { method: 'max' } }).benchmark).toBe('0.3703');
    const negative = [above(1, { tax: '-1.11105', landMu: '3' })];
    expect(run(negative, { benchmark: { method: 'max' } }).benchmark).toBe('-0.3704');
  });

  it('a fixed figure scaled: 0.000025 × 3 = 0.000075 → 0.0001, and −0.0001', () => {
    const records = [above(1)];
    expect(
      run(records, { benchmark: { method: 'fixed', value: '0.000025', multiplier: '3' } }).benchmark,
    ).toBe('0.0001');
    expect(
      run(records, { benchmark: { method: 'fixed', value: '-0.000025', multiplier: '3' } }).benchmark,
    ).toBe('-0.0001');
  });
});

describe('the cohort mean for missing data', () => {
  it('(0.01 + 0.02) / 2 = 0.015 → 0.02, and (−0.01 − 0.02) / 2 → −0.02', () => {
    const emissions: Partial<IndicatorInput> = {
      numerator: 'tax',
      denominator: 'emissionsTon',
      weight: '1',
      benchmark: { method: 'fixed', value: '1' },
      notApplicable: { method: 'cohortMean' },
    };
    const positive = [
      above(1, { tax: '0.01', emissionsTon: '1' }),
      above(2, { tax: '0.02', emissionsTon: '1' }),
      without(above(3), 'emissionsTon'),
    ];
    expect(run(positive, emissions).scores).toEqual(['0.01', '0.02', '0.02']);
    const negative = [
      above(1, { tax: '-0.01', emissionsTon: '1' }),
      above(2, { tax: '-0.02', emissionsTon: '1' }),
      without(above(3), 'emissionsTon'),
    ];
    expect(run(negative, emissions).scores).toEqual(['-0.01', '-0.02', '-0.02']);
  });
});
