// Issue 13's laws for two new constructs of the scheme language (shared/spec/county-methods.md 3 and 4):
// a benchmark pool split into banding groups scores exactly as the plain cohort, and with one group is the
// plain cohort; class counts rounded down, to nearest and up bracket each other.
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import type { SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { REFERENCE_METHOD } from '../support/oracle.js';
import { above } from '../support/records.js';
import { referenceWith } from '../support/schemes.js';

type CohortInput = SchemeInput['cohorts'][number];

/** The reference's 规上 cohort split by a condition into two banding groups of one pool (Wenling). */
function split(document: SchemeInput): void {
  const plain = document.cohorts[0] as CohortInput;
  const big: CohortInput = {
    ...structuredClone(plain),
    id: 'aboveBig',
    label: '规上（税收 ≥ 100 万元）',
    when: { all: [{ scale: 'above' }, { figure: 'tax', op: 'gte', value: '100' }] },
    pool: 'above',
  };
  const rest: CohortInput = {
    ...structuredClone(plain),
    id: 'aboveRest',
    label: '规上（其他）',
    pool: 'above',
  };
  document.cohorts.splice(0, 1, big, rest);
  for (const item of [...document.bonus.items, ...document.penalty.items]) {
    if (item.cohorts?.includes('above')) item.cohorts = [...item.cohorts, 'aboveBig', 'aboveRest'];
    if (item.cohorts) item.cohorts = item.cohorts.filter((id) => id !== 'above');
  }
}

describe('a benchmark pool apart from the banding groups', () => {
  it('with one group equals the plain cohort, byte for byte', () => {
    const pooled = referenceWith((document) => {
      (document.cohorts[0] as CohortInput).pool = 'above';
    });
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD), (records) => {
        const plain = JSON.stringify(grade(records, presetScheme('reference')).report());
        expect(JSON.stringify(grade(records, pooled).report())).toBe(plain);
      }),
      { seed: 4, numRuns: 60 },
    );
  });

  it('split into groups, scores every enterprise as the plain cohort does; ranks and bands within its group', () => {
    const groups = referenceWith(split);
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD), (records) => {
        const plain = grade(records, presetScheme('reference'));
        const grouped = grade(records, groups);
        const sizes = new Map<string, number>();
        for (const result of grouped.results()) {
          if (result.cohort !== null) sizes.set(result.cohort, (sizes.get(result.cohort) ?? 0) + 1);
        }
        for (const result of grouped.results()) {
          const before = plain.result(result.uscc);
          expect(result.indicators).toEqual(before?.indicators);
          expect(result.totalScore).toBe(before?.totalScore);
          if (result.cohort !== null) expect(result.rank).toBeLessThanOrEqual(sizes.get(result.cohort) ?? 0);
        }
      }),
      { seed: 5, numRuns: 60 },
    );
  });
});

describe('class-count rounding per boundary', () => {
  it('rounding up never gives a worse class than to nearest, nor nearest than down', () => {
    const schemeWith = (rounding: 'floor' | 'nearest' | 'ceil', shares: readonly string[]) =>
      referenceWith((document) => {
        const cohort = document.cohorts[0] as CohortInput;
        cohort.classification.bands = ['A', 'B', 'C'].map((id, b) => ({
          class: id,
          cumulativeShare: shares[b] ?? '1',
          rounding,
        }));
      });
    const shares = fc
      .uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 3, maxLength: 3 })
      .map((list) => list.sort((a, b) => a - b).map((x) => `0.${String(x).padStart(3, '0')}`));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), shares, (n, cumulative) => {
        const records = Array.from({ length: n }, (_, k) => above(k + 1, { tax: String(10 + k) }));
        const classes = (rounding: 'floor' | 'nearest' | 'ceil') => {
          const grading = grade(records, schemeWith(rounding, cumulative));
          return records.map((record) => grading.result(record.uscc)?.bandClass ?? '');
        };
        const [down, nearest, up] = [classes('floor'), classes('nearest'), classes('ceil')];
        records.forEach((_, k) => {
          expect((up[k] ?? '') <= (nearest[k] ?? '')).toBe(true);
          expect((nearest[k] ?? '') <= (down[k] ?? '')).toBe(true);
        });
      }),
      { seed: 6, numRuns: 150 },
    );
  });
});
