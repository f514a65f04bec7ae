// Grading.decided (toNextClass's probes read it instead of writing each result): the same decisions as
// the result `result()` writes, for every enterprise of generated cohorts with ties at the band edges.
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { REFERENCE_METHOD } from '../support/oracle.js';

describe('Grading.decided', () => {
  it('equals what result() writes: rated, cohort, total, final class and each indicator score', () => {
    const scheme = presetScheme('reference');
    const classes = scheme.classes.map((c) => c.id);
    const dp = scheme.rounding.score;
    let rated = 0;
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD), (records) => {
        const grading = grade(records, scheme);
        for (const result of grading.results()) {
          const decided = grading.decided(result.uscc);
          expect(decided?.rated).toBe(result.status === 'rated');
          if (result.status !== 'rated') continue;
          rated++;
          expect(decided?.cohort).toBe(result.cohort);
          expect(((decided?.totalUnits ?? Number.NaN) / 10 ** dp).toFixed(dp)).toBe(result.totalScore);
          expect(classes[decided?.finalClass ?? -1]).toBe(result.finalClass);
          const indicators = Object.values(result.indicators);
          expect(decided?.scores.map((units) => (units / 10 ** dp).toFixed(dp))).toEqual(
            indicators.map((indicator) => indicator.score),
          );
          expect(decided?.applicable).toEqual(indicators.map((indicator) => indicator.applicable));
        }
        expect(grading.decided('not a code')).toBeUndefined();
      }),
      { seed: 0x64656364, numRuns: 40 },
    );
    expect(rated).toBeGreaterThan(100);
  });
});
