// Source: shared/spec/reference-method.md §2, "Scope and cohorts": the first matching rule decides:
//   | `out_of_scope` (不纳入评价) | land area = 0; or a 规下 enterprise with land area < 3 亩 (exact, unrounded). |
//   | `exempt` (暂不评价, class `T`) | `exemptReason` counts (below). |
//   | `rated` | everything else. |
//   "Exempt and out-of-scope enterprises take part in no benchmark, rank or share; their cohort is null, an
//   exempt record's class is `T` and an out-of-scope record has none."
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { cohortOf, resultFor } from '../support/results.js';

const rated = above(1, { tax: '100', landMu: '10' });
const smallAbove = above(2, { tax: '50', landMu: '2' }); // the 3 亩 rule is for 规下 only
const exempt = above(3, { tax: '99999', landMu: '1', exemptReason: ['破产清算'] });
const noLand = above(4, { landMu: '0' });
const justUnderThree = below(5, { landMu: '2.99999999999999999999' });
const exactlyThree = below(6, { landMu: '3' });
const noLandAndExempt = below(7, { landMu: '0', exemptReason: ['停产'] });

const grading = grade(
  [rated, smallAbove, exempt, noLand, justUnderThree, exactlyThree, noLandAndExempt],
  presetScheme('reference'),
);

describe('scope', () => {
  it('counts each status once', () => {
    expect(grading.counts()).toEqual({ rated: 3, exempt: 1, outOfScope: 3 });
    expect(cohortOf(grading, 'above').rated).toBe(2);
    expect(cohortOf(grading, 'below').rated).toBe(1);
  });

  it('exempt: class T, no cohort, no score, no rank, no band', () => {
    expect(resultFor(grading, exempt)).toMatchObject({
      status: 'exempt',
      cohort: null,
      indicators: {},
      totalScore: null,
      rank: null,
      bandClass: null,
      finalClass: 'T',
      finalClassLabel: '暂不评价',
      overrides: [],
    });
  });

  it('the exempt enterprise is in no benchmark: Σ tax / Σ land = 150 / 12', () => {
    expect(cohortOf(grading, 'above').benchmarks['taxPerMu']).toBe('12.5000');
  });

  it('land 0 is out of scope, even with an exempt reason (the first rule decides)', () => {
    for (const record of [noLand, noLandAndExempt]) {
      expect(resultFor(grading, record)).toMatchObject({
        status: 'out_of_scope',
        cohort: null,
        totalScore: null,
        rank: null,
        bandClass: null,
        finalClass: null,
      });
    }
  });

  it('规下 under 3 亩 on the exact figure is out of scope; 3 亩 itself is rated', () => {
    expect(resultFor(grading, justUnderThree).status).toBe('out_of_scope');
    expect(resultFor(grading, exactlyThree)).toMatchObject({ status: 'rated', cohort: 'below', rank: 1 });
  });

  it('规上 under 3 亩 is rated', () => {
    expect(resultFor(grading, smallAbove)).toMatchObject({ status: 'rated', cohort: 'above' });
  });

  it('ranks and band limits count rated enterprises only', () => {
    expect([resultFor(grading, rated).rank, resultFor(grading, smallAbove).rank].sort()).toEqual([1, 2]);
    expect(cohortOf(grading, 'above').bandLimits).toEqual({ A: 0, B: 1, C: 1 });
  });
});
