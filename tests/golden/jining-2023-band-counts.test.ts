// Source: shared/spec/reference-method.md §8 ("percentile bands (any shares)", "What else a scheme must be
//   able to say"): 100 rated 规下 enterprises with cumulative shares 0.20 / 0.60 / 0.95 split 20/40/35/5
//   (Jining 2023, 规下): floor(0.20 × 100) = 20, floor(0.60 × 100) = 60, floor(0.95 × 100) = 95.
import { grade } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { below } from '../support/records.js';
import { classCounts, cohortOf, referenceWithBands } from '../support/results.js';

const jining = referenceWithBands('below', ['0.20', '0.60', '0.95']);

// 100 规下 enterprises on 10 亩 each, tax 20 … 119 万元 (all above the 1 万元/亩 floor).
const records = Array.from({ length: 100 }, (_, i) => below(i + 1, { tax: String(20 + i) }));

describe('Jining 2023: 100 rated 规下 enterprises, bands 0.20 / 0.60 / 0.95', () => {
  const grading = grade(records, jining);

  it('publishes 20 / 40 / 35 / 5', () => {
    const cohort = cohortOf(grading, 'below');
    expect(cohort.rated).toBe(100);
    expect(cohort.bandLimits).toEqual({ A: 20, B: 60, C: 95 });
    expect(cohort.bandCounts).toEqual({ A: 20, B: 40, C: 35, D: 5 });
    expect(classCounts(grading, 'below')).toEqual({ A: 20, B: 40, C: 35, D: 5 });
    expect(cohort.finalCounts).toEqual({ A: 20, B: 40, C: 35, D: 5 });
  });

  it('the 规上 cohort keeps the reference bands', () => {
    expect(cohortOf(grading, 'above').rated).toBe(0);
    expect(
      grading.scheme.cohorts
        .find((c) => c.id === 'above')
        ?.classification.bands?.map((b) => b.cumulativeShare),
    ).toEqual(['0.20', '0.75', '0.95']);
  });
});
