// shared/spec/reference-method.md §8: "Flooring the cumulative boundaries keeps A at most 20% and D at least
// 5% (the Shandong principle)." For any n ≥ 1 rated in a cohort under the reference bands, the band classes
// (before overrides) put at most 20% in A and at least 5% in D, and every rank gets exactly one band.
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { positiveText } from '../support/arbitraries.js';
import { above, below } from '../support/records.js';
import { classCounts, cohortOf } from '../support/results.js';

const reference = presetScheme('reference');

const cohorts = fc.record({
  aboveTaxes: fc.array(positiveText(1_000n), { minLength: 1, maxLength: 250 }),
  belowTaxes: fc.array(positiveText(1_000n), { maxLength: 250 }),
});

describe('band shares before overrides', () => {
  it('A ≤ 20% and D ≥ 5% of each cohort', () => {
    fc.assert(
      fc.property(cohorts, ({ aboveTaxes, belowTaxes }) => {
        const records = [
          ...aboveTaxes.map((tax, i) => above(i + 1, { tax, vetoReasons: i % 7 === 0 ? ['事故'] : [] })),
          ...belowTaxes.map((tax, i) => below(1000 + i, { tax, emergencySupplier: i % 5 === 0 })),
        ];
        const grading = grade(records, reference);
        for (const [id, n] of [
          ['above', aboveTaxes.length],
          ['below', belowTaxes.length],
        ] as const) {
          const counts = classCounts(grading, id, 'bandClass');
          expect(cohortOf(grading, id).bandCounts).toEqual(counts);
          const { A = 0, B = 0, C = 0, D = 0 } = counts;
          expect(A + B + C + D).toBe(n);
          expect(5 * A).toBeLessThanOrEqual(n);
          expect(20 * D).toBeGreaterThanOrEqual(n);
        }
      }),
      { seed: 0x62616e64, numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });
});
