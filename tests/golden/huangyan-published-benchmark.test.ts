// Source: shared/spec/reference-method.md §4: "the benchmark is the cohort's aggregate ratio … Σ numerator /
//   Σ denominator … It is then rounded half-up to 4 decimals, and that published figure is the one used in
//   every score, so that any enterprise can recompute its own score from its own figures and the published
//   benchmark with a calculator (Huangyan publishes its formula exactly so)."
// Here Σ tax / Σ land = 2 / 6 = 0.3333…, published 0.3333. With the published figure,
//   40 × 0.5 / 0.3333 = 60.006… → 60.01; the unrounded 1/3 would have given 40 × 1.5 = 60.00.
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above } from '../support/records.js';
import { cohortOf, indicatorOf, resultFor } from '../support/results.js';

describe('scores use the published (rounded) benchmark', () => {
  const e1 = above(1, { tax: '1', landMu: '2' }); // 0.5 万元/亩
  const e2 = above(2, { tax: '1', landMu: '4' }); // 0.25 万元/亩
  const grading = grade([e1, e2], presetScheme('reference'));

  it('publishes Σ tax / Σ land = 2 / 6 as 0.3333', () => {
    expect(cohortOf(grading, 'above').benchmarks['taxPerMu']).toBe('0.3333');
    expect(indicatorOf(resultFor(grading, e1), 'taxPerMu').benchmark).toBe('0.3333');
  });

  it('40 × 0.5 / 0.3333 = 60.006… → 60.01 (not 60.00 from 1/3)', () => {
    expect(indicatorOf(resultFor(grading, e1), 'taxPerMu')).toMatchObject({
      value: '0.5000',
      score: '60.01',
    });
  });

  it('40 × 0.25 / 0.3333 = 30.003… → 30.00', () => {
    expect(indicatorOf(resultFor(grading, e2), 'taxPerMu').score).toBe('30.00');
  });
});
