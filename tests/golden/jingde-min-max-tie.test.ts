// shared/spec/county-methods.md, Jingde 旌德县: `score = w × [20 + 80 × (x − min)/(max − min)] / 100`, "the
// result must be the exact rational rounded once (a tie such as 6.675 is 6.68, never 6.67)". The figures
// are issue 13's: three 规下 enterprises, weight 15, floor 20, 亩均税收 100/3, 4900/480 and 0.
import { grade } from '@mujun/scoring';
import type { Grading, SchemeInput } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { below } from '../support/records.js';
import { referenceWith } from '../support/schemes.js';

type IndicatorInput = SchemeInput['indicatorSets'][string][number];

const taxPerMu = (direction: 'higher' | 'lower'): IndicatorInput => ({
  key: 'taxPerMu',
  label: '亩均税收',
  unit: '万元/亩',
  numerator: 'tax',
  denominator: 'landMu',
  weight: '15',
  direction,
  benchmark: { method: 'aggregateRatio' },
  scoring: { method: 'minMax', floor: '20' },
  notApplicable: { method: 'zero' },
});

function jingde(direction: 'higher' | 'lower') {
  return referenceWith((document) => {
    document.indicatorSets['below'] = [taxPerMu(direction)];
  });
}

function scores(grading: Grading, codes: readonly string[]): (string | undefined)[] {
  return codes.map((code) => grading.result(code)?.indicators['taxPerMu']?.score);
}

describe('Jingde min–max: one rounding of the exact rational', () => {
  const records = [
    below(1, { tax: '100', landMu: '3' }),
    below(2, { tax: '4900', landMu: '480' }),
    below(3, { tax: '0', landMu: '10' }),
  ];
  const codes = records.map((record) => record.uscc);

  it('the middle enterprise: 15 × (20 + 80 × 49/160) / 100 = 6.675 → 6.68', () => {
    expect(scores(grade(records, jingde('higher')), codes)).toEqual(['15.00', '6.68', '3.00']);
  });

  it('the mirror image, lower is better: 15 × (20 + 80 × 111/160) / 100 = 11.325 → 11.33', () => {
    expect(scores(grade(records, jingde('lower')), codes)).toEqual(['3.00', '11.33', '15.00']);
  });

  it('the mirror image on negative values (net refunds): −100/3, −4900/480, 0 → 3.00, 11.33, 15.00', () => {
    const refunds = [
      below(1, { tax: '-100', landMu: '3' }),
      below(2, { tax: '-4900', landMu: '480' }),
      below(3, { tax: '0', landMu: '10' }),
    ];
    expect(scores(grade(refunds, jingde('higher')), codes)).toEqual(['3.00', '11.33', '15.00']);
  });
});
