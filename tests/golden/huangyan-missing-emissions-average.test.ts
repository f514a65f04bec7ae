// Source: shared/spec/reference-method.md §5: "Not applicable → the enterprise gets the mean of that
//   indicator's (rounded) scores over the cohort's rated enterprises to which it applies, rounded half-up to
//   2 decimals; 0 if it applies to nobody (Huangyan: an enterprise without emission data gets the average
//   score of all 规上 enterprises on that indicator)."
// and §3: "An indicator is not applicable to an enterprise when its denominator is missing or zero".
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { Exact } from '../support/oracle.js';
import { above } from '../support/records.js';
import { cohortOf, indicatorOf, resultFor, without } from '../support/results.js';

describe('an enterprise without emissions gets the cohort mean of the rounded 单位排放增加值 scores', () => {
  it('reference: benchmark over the applicable only; (12.50 + 8.33) / 2 = 10.415 → 10.42', () => {
    const e1 = above(1, { addedValue: '500', emissionsTon: '2' }); // 250 / 200 × 10 = 12.50
    const e2 = above(2, { addedValue: '500', emissionsTon: '3' }); // 166.67 / 200 × 10 = 8.333… → 8.33
    const missing = without(above(3, { addedValue: '500' }), 'emissionsTon');
    const zero = above(4, { addedValue: '500', emissionsTon: '0' });
    const grading = grade([e1, e2, missing, zero], presetScheme('reference'));
    // (500 + 500) / (2 + 3): the two without emissions are not in the aggregate.
    expect(cohortOf(grading, 'above').benchmarks['addedValuePerEmission']).toBe('200.0000');
    expect(indicatorOf(resultFor(grading, e1), 'addedValuePerEmission').score).toBe('12.50');
    expect(indicatorOf(resultFor(grading, e2), 'addedValuePerEmission').score).toBe('8.33');
    for (const record of [missing, zero]) {
      expect(indicatorOf(resultFor(grading, record), 'addedValuePerEmission')).toMatchObject({
        applicable: false,
        value: null,
        benchmark: '200.0000',
        score: '10.42',
      });
    }
  });

  it('huangyan-2022-reference: the mean of the rounded scores (1.00, 1.01 → 1.005 → 1.01), not of the unrounded ones (→ 1.00)', () => {
    // 10 × 494.952924 / 4929.81 = 1.004 → 1.00; 10 × 495.4952031 / 4929.81 = 1.0051 → 1.01.
    // Unrounded, (1.004 + 1.0051) / 2 = 1.00455 would give 1.00.
    const e1 = above(1, { addedValue: '494.952924', emissionsTon: '1' });
    const e2 = above(2, { addedValue: '495.4952031', emissionsTon: '1' });
    const missing = without(above(3), 'emissionsTon');
    // Exempt and out-of-scope enterprises take part in no mean.
    const exempt = above(4, { addedValue: '100000', emissionsTon: '1', exemptReason: ['停产'] });
    const grading = grade([e1, e2, missing, exempt], presetScheme('huangyan-2022-reference'));
    expect(indicatorOf(resultFor(grading, e1), 'addedValuePerEmission').score).toBe('1.00');
    expect(indicatorOf(resultFor(grading, e2), 'addedValuePerEmission').score).toBe('1.01');
    expect(indicatorOf(resultFor(grading, missing), 'addedValuePerEmission').score).toBe('1.01');
  });

  it('0, and no benchmark, when the indicator applies to nobody in the cohort', () => {
    const records = [1, 2, 3].map((n) => without(above(n), 'emissionsTon'));
    const grading = grade(records, presetScheme('reference'));
    expect(cohortOf(grading, 'above').benchmarks['addedValuePerEmission']).toBeNull();
    for (const record of records) {
      expect(indicatorOf(resultFor(grading, record), 'addedValuePerEmission')).toMatchObject({
        applicable: false,
        benchmark: null,
        score: '0.00',
      });
    }
    expect(grading.warnings).toEqual([]);
  });

  it('the mean enters the total like any score', () => {
    const e1 = above(1, { emissionsTon: '2' });
    const missing = without(above(2), 'emissionsTon');
    const result = resultFor(grade([e1, missing], presetScheme('reference')), missing);
    const sum = Exact.sum(...Object.values(result.indicators).map((indicator) => indicator.score));
    expect(result.totalScore).toBe(sum.toFixed(2));
  });
});
