// Source: shared/spec/reference-method.md §1: "Rounding is half-up (四舍五入, ties away from zero, as Excel's
//   ROUND), and happens only at the points this page names. Published indicator values and benchmarks have 4
//   decimals; scores have 2 decimals." … "A figure that rounds to zero is written without a sign (`0.0000`,
//   never `-0.0000`)."
// Scores under huangyan-2022-reference use its published (fixed) benchmarks, so each tie is built by hand:
//   30 × 9.9159155 / 24.097 = 12.345 exactly; 50 × (0.05807088 × 10000 / 10000) / 0.2352 = 12.345 exactly.
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { cohortOf, indicatorOf, resultFor } from '../support/results.js';

const huangyan = presetScheme('huangyan-2022-reference');
const reference = presetScheme('reference');

describe('a score landing exactly on x.xx5 rounds up', () => {
  it('规上 亩均税收: 30 × 9.9159155 / 24.097 = 12.345 → 12.35', () => {
    const tie = above(1, { landMu: '1', tax: '9.9159155' });
    const under = above(2, { landMu: '1', tax: '9.9159154' }); // 12.34499… → 12.34
    const grading = grade([tie, under], huangyan);
    expect(indicatorOf(resultFor(grading, tie), 'taxPerMu').score).toBe('12.35');
    expect(indicatorOf(resultFor(grading, under), 'taxPerMu').score).toBe('12.34');
  });

  it('规下 单位电耗税收: 50 × 0.05807088 / 0.2352 = 12.345 → 12.35', () => {
    const tie = below(1, { landMu: '3', tax: '0.05807088', electricityKwh: '10000' });
    const grading = grade([tie], huangyan);
    expect(indicatorOf(resultFor(grading, tie), 'taxPerKwh')).toMatchObject({
      value: '0.0581',
      score: '12.35',
    });
  });
});

describe('values are published half-up on both signs, and never as -0.0000', () => {
  const cases = [
    ['0.00005', '0.0001'],
    ['-0.00005', '-0.0001'],
    ['1.23455', '1.2346'],
    ['-1.23455', '-1.2346'],
    ['-1.234549999', '-1.2345'],
    ['-0.00004', '0.0000'],
    ['-0.000049999999999', '0.0000'],
    ['0', '0.0000'],
  ] as const;

  it.each(cases)('tax %s on 1 亩 publishes 亩均税收 %s', (tax, published) => {
    const subject = above(1, { landMu: '1', tax });
    const grading = grade([subject, above(2)], reference);
    expect(indicatorOf(resultFor(grading, subject), 'taxPerMu').value).toBe(published);
  });

  it('a negative value scores 0.00, not a negative score', () => {
    const subject = above(1, { landMu: '1', tax: '-0.00005' });
    expect(indicatorOf(resultFor(grade([subject, above(2)], reference), subject), 'taxPerMu').score).toBe(
      '0.00',
    );
  });
});

describe('benchmarks are published half-up on both signs', () => {
  it('Σ tax / Σ land = 12.3455 / 10 = 1.23455 → 1.2346', () => {
    const grading = grade([below(1, { landMu: '10', tax: '12.3455' })], reference);
    expect(cohortOf(grading, 'below').benchmarks['taxPerMu']).toBe('1.2346');
  });

  it('Σ tax / Σ land = −1.23455 → −1.2346: ≤ 0, so every score on it is 0, with a warning', () => {
    const records = [below(1, { landMu: '10', tax: '-22.3455' }), below(2, { landMu: '10', tax: '-2.3455' })];
    const grading = grade(records, reference);
    // −24.691 / 20 = −1.23455; −24.691 × 10000 / 1000000 = −0.24691
    expect(cohortOf(grading, 'below').benchmarks).toEqual({ taxPerMu: '-1.2346', taxPerKwh: '-0.2469' });
    for (const record of records) expect(resultFor(grading, record).totalScore).toBe('0.00');
    expect(grading.warnings).toHaveLength(2);
  });

  it('a benchmark between −0.00005 and 0 is published 0.0000 (and is ≤ 0)', () => {
    const grading = grade([below(1, { landMu: '10', tax: '-0.0004' })], reference);
    expect(cohortOf(grading, 'below').benchmarks['taxPerMu']).toBe('0.0000');
    expect(grading.warnings.length).toBeGreaterThan(0);
  });
});

describe('total scores', () => {
  it('may be negative, and are written with 2 decimals', () => {
    // Every score 0 (negative tax), sub-letting to 3 tenants as a 规下 enterprise: 10 + 5 × 2 = 20.
    const subject = below(1, { tax: '-5', subletTenants: 3 });
    const result = resultFor(grade([subject, below(2)], reference), subject);
    expect(result.totalScore).toBe('-20.00');
  });
});
