// Source: shared/spec/reference-method.md §8: "kA = floor(0.20 n), kB = floor(0.75 n), kC = floor(0.95 n) …
//   Example: n = 120 with bands 0.20/0.65/0.95 gives 24/54/36/6 (Chaohu 2021's published counts)."
// The bands are scheme data: the reference preset with Chaohu's cumulative shares, validated by parseScheme.
import { grade } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above } from '../support/records.js';
import { classCounts, cohortOf, referenceWithBands } from '../support/results.js';

const chaohu = referenceWithBands('above', ['0.20', '0.65', '0.95']);

// 120 规上 enterprises, identical but for tax (10.0 … 21.9 万元/亩), so every total differs.
const records = Array.from({ length: 120 }, (_, i) => above(i + 1, { tax: String(100 + i) }));

describe('Chaohu 2021: 120 rated enterprises, bands 0.20 / 0.65 / 0.95', () => {
  const grading = grade(records, chaohu);

  it('publishes 24 / 54 / 36 / 6', () => {
    const cohort = cohortOf(grading, 'above');
    expect(cohort.rated).toBe(120);
    expect(cohort.bandLimits).toEqual({ A: 24, B: 78, C: 114 });
    expect(cohort.bandCounts).toEqual({ A: 24, B: 54, C: 36, D: 6 });
    expect(classCounts(grading, 'above')).toEqual({ A: 24, B: 54, C: 36, D: 6 });
  });

  it('cuts at ranks 24, 78 and 114', () => {
    const bandByRank = new Map([...grading.results()].map((result) => [result.rank, result.bandClass]));
    expect([24, 25, 78, 79, 114, 115].map((rank) => bandByRank.get(rank))).toEqual([
      'A',
      'B',
      'B',
      'C',
      'C',
      'D',
    ]);
    // The highest tax ranks first.
    expect(grading.result(records[119]?.uscc ?? '')?.rank).toBe(1);
  });

  it('no override applies, so the final counts are the band counts', () => {
    expect(cohortOf(grading, 'above').finalCounts).toEqual({ A: 24, B: 54, C: 36, D: 6 });
  });
});
