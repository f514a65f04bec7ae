// shared/spec/county-methods.md, "So the scheme language must also say" 4–7: class counts rounded per
// boundary and small groups spared a D (Wenling), benchmarks from last year's result (Huai'an: 2 × last
// year's average), cohorts by any condition (Linhai: land ≥ 3 亩 whatever the scale), and class names and
// count as the county writes them (Nanjing's C- 警示类).
import { grade, parsePreviousResult, PreviousResultNeededError } from '@mujun/scoring';
import type { SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below, codeFor } from '../support/records.js';
import { referenceWith } from '../support/schemes.js';

type CohortInput = SchemeInput['cohorts'][number];

const tens = (n: number) => Array.from({ length: n }, (_, k) => above(k + 1, { tax: String(100 + 10 * k) }));

function counts(n: number, edit: (cohort: CohortInput) => void) {
  const scheme = referenceWith((document) => {
    edit(document.cohorts[0] as CohortInput);
  });
  return grade(tens(n), scheme).cohorts()['above']?.bandCounts;
}

describe('class counts', () => {
  it('floor (the default), nearest or ceil at each boundary: n = 13 with 0.20 / 0.75 / 0.95', () => {
    // 2.6, 9.75, 12.35: floor 2/9/12 → 2,7,3,1; nearest 3/10/12 → 3,7,2,1; ceil 3/10/13 → 3,7,3,0
    expect(counts(13, () => undefined)).toEqual({ A: 2, B: 7, C: 3, D: 1 });
    const rounded = (rounding: 'nearest' | 'ceil') => (cohort: CohortInput) => {
      for (const band of cohort.classification.bands ?? []) band.rounding = rounding;
    };
    expect(counts(13, rounded('nearest'))).toEqual({ A: 3, B: 7, C: 2, D: 1 });
    expect(counts(13, rounded('ceil'))).toEqual({ A: 3, B: 7, C: 3, D: 0 });
  });

  it('a group smaller than sparesLastClassBelow has no D by rank; a larger one keeps it', () => {
    const spare = (cohort: CohortInput) => {
      cohort.classification.sparesLastClassBelow = 10;
    };
    expect(counts(9, spare)).toEqual({ A: 1, B: 5, C: 3, D: 0 });
    expect(counts(10, spare)).toEqual({ A: 2, B: 5, C: 2, D: 1 });
  });
});

describe("benchmarks from last year's result (Huai'an: 2 × last year's average)", () => {
  const huaian = referenceWith((document) => {
    const set = document.indicatorSets['above'] ?? [];
    const first = set[0];
    if (first === undefined) throw new Error('no indicator');
    first.benchmark = { method: 'previousYear', statistic: 'meanOfValues', multiplier: '2' };
    document.indicatorSets['above'] = [first];
  });
  const lastYear = grade(
    [above(1, { tax: '100' }), above(2, { tax: '201' })],
    referenceWith(() => undefined),
  );

  it('averages last year’s published values: 2 × (10 + 20.1) / 2 = 30.1', () => {
    const parsed = parsePreviousResult(JSON.parse(JSON.stringify(lastYear.report())));
    if (!('previous' in parsed)) throw new Error(parsed.problem);
    const grading = grade([above(3, { tax: '301' })], huaian, parsed);
    expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe('30.1000');
    // 30.1 / 30.1 × 40 = 40
    expect(grading.result(codeFor(3))?.indicators['taxPerMu']?.score).toBe('40.00');
  });

  it('or takes last year’s benchmark, scaled', () => {
    const scheme = referenceWith((document) => {
      const first = document.indicatorSets['above']?.[0];
      if (first === undefined) throw new Error('no indicator');
      first.benchmark = { method: 'previousYear', statistic: 'benchmark', multiplier: '2' };
    });
    // last year: Σ tax / Σ land = 301 / 20 = 15.05
    const grading = grade([above(3)], scheme, { previous: lastYear.report() });
    expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe('30.1000');
  });

  it('refuses to grade without last year’s result, naming each benchmark', () => {
    expect(() => grade([above(3)], huaian)).toThrow(PreviousResultNeededError);
    expect(parsePreviousResult({ cohorts: [] })).toHaveProperty('problem');
  });
});

describe('cohorts by any condition and classes as the county writes them', () => {
  it('Linhai: land ≥ 3 亩 whatever the scale; five classes with a C- 警示类', () => {
    const scheme = referenceWith((document) => {
      document.classes = [
        { id: 'A', label: '优先发展类' },
        { id: 'B', label: '支持发展类' },
        { id: 'C', label: '提升发展类' },
        { id: 'C-', label: '警示类' },
        { id: 'D', label: '限制发展类' },
      ];
      const bands = ['A', 'B', 'C', 'C-'].map((id, b) => ({
        class: id,
        cumulativeShare: ['0.2', '0.6', '0.8', '0.9'][b] ?? '1',
      }));
      const taxPerMu = structuredClone(document.indicatorSets['below']?.[0]);
      if (taxPerMu === undefined) throw new Error('no indicator');
      document.indicatorSets['small'] = [taxPerMu];
      document.scope.outOfScope = document.scope.outOfScope.filter((rule) => rule.id !== 'smallBelowScale');
      document.cohorts = [
        {
          id: 'large',
          label: '用地 3 亩及以上',
          when: { figure: 'landMu', op: 'gte', value: '3' },
          indicators: 'small',
          classification: { bands },
        },
        {
          id: 'small',
          label: '用地 3 亩以下',
          when: { figure: 'landMu', op: 'lt', value: '3' },
          indicators: 'small',
          classification: { bands },
        },
      ];
      document.overrides = document.overrides.filter((step) => step.kind !== 'set');
      document.penalty.items = [];
    });
    const records = [
      ...Array.from({ length: 10 }, (_, k) => above(k + 1, { tax: String(10 * (k + 1)) })),
      below(11, { landMu: '2.5' }),
    ];
    const grading = grade(records, scheme);
    expect(grading.result(codeFor(11))?.cohort).toBe('small');
    expect(grading.cohorts()['large']?.bandCounts).toEqual({ A: 2, B: 4, C: 2, 'C-': 1, D: 1 });
    expect(grading.result(codeFor(2))?.finalClassLabel).toBe('警示类');
  });
});
