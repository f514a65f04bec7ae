// Source: shared/spec/reference-method.md §8 (Changle: "A top 20% 含, B 20–75%, C 75–95%, D bottom 5%"):
//   "with n rated enterprises in the cohort, kA = floor(0.20 n), kB = floor(0.75 n), kC = floor(0.95 n);
//   rank r is A if r ≤ kA, else B if r ≤ kB, else C if r ≤ kC, else D. … In a cohort of fewer than 20 there
//   is no A and exactly one D (n = 1 gives D)."
// Note: by the formula, "no A" holds only for n < 5 (floor(0.20 × 19) = 3); "exactly one D" holds for every
// n ≤ 20. These tests pin the formula, which the published 24/54/36/6 and 7/22/8/2 splits confirm.
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above } from '../support/records.js';
import { classCounts, cohortOf } from '../support/results.js';

const reference = presetScheme('reference');

function cohortOfSize(n: number) {
  return Array.from({ length: n }, (_, i) => above(i + 1, { tax: String(100 + 7 * i) }));
}

describe('the reference bands 0.20 / 0.75 / 0.95 (Changle)', () => {
  it('39 rated enterprises split 7 / 22 / 8 / 2', () => {
    const grading = grade(cohortOfSize(39), reference);
    // floor(7.8) = 7, floor(29.25) = 29, floor(37.05) = 37
    expect(cohortOf(grading, 'above').bandLimits).toEqual({ A: 7, B: 29, C: 37 });
    expect(cohortOf(grading, 'above').bandCounts).toEqual({ A: 7, B: 22, C: 8, D: 2 });
    expect(classCounts(grading, 'above')).toEqual({ A: 7, B: 22, C: 8, D: 2 });
  });

  it('n = 1 gives D', () => {
    const grading = grade(cohortOfSize(1), reference);
    expect([...grading.results()].map((r) => [r.rank, r.bandClass])).toEqual([[1, 'D']]);
  });

  it('fewer than 20: exactly one D, the last rank', () => {
    for (let n = 1; n < 20; n++) {
      const grading = grade(cohortOfSize(n), reference);
      const counts = classCounts(grading, 'above');
      expect(counts['D'], `n = ${n}`).toBe(1);
      const last = [...grading.results()].find((r) => r.rank === n);
      expect(last?.bandClass, `n = ${n}`).toBe('D');
    }
  });

  it('fewer than 5: no A; from 5 to 19 the floored share floor(0.20 n) is A', () => {
    for (let n = 1; n < 20; n++) {
      const counts = classCounts(grade(cohortOfSize(n), reference), 'above');
      expect(counts['A'], `n = ${n}`).toBe(Math.floor(n / 5));
    }
  });
});
