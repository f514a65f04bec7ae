// Source: shared/spec/reference-method.md §6, penalty (Wenling 2022, sub-letting):
//   "`subletTenants` = t, the number of tenants on the enterprise's land, missing = 0 … `above`:
//   5 × max(0, t − 1); `below`: 0 if t = 0, else 10 + 5 × (t − 1). No cap."
//   "totalScore = Σ indicator scores + min(bonus, 10) − penalty (2 decimals; it may be negative)."
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { Exact } from '../support/oracle.js';
import { above, below } from '../support/records.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');

function penaltyOf(subject: EnterpriseRecord) {
  const result = resultFor(grade([subject, above(90), below(91)], reference), subject);
  const scores = Exact.sum(...Object.values(result.indicators).map((indicator) => indicator.score));
  expect(result.totalScore).toBe(
    scores
      .plus(result.bonus ?? 'NaN')
      .minus(result.penalty ?? 'NaN')
      .toFixed(2),
  );
  return result.penalty;
}

describe('sub-letting penalty', () => {
  it.each([
    [0, '0.00'],
    [1, '0.00'],
    [2, '5.00'],
    [3, '10.00'],
  ])('规上, t = %i: 5 × max(0, t − 1) = %s', (t, penalty) => {
    expect(penaltyOf(above(1, { subletTenants: t }))).toBe(penalty);
  });

  it.each([
    [0, '0.00'],
    [1, '10.00'],
    [2, '15.00'],
    [3, '20.00'],
  ])('规下, t = %i: 0 if t = 0, else 10 + 5 × (t − 1) = %s', (t, penalty) => {
    expect(penaltyOf(below(1, { subletTenants: t }))).toBe(penalty);
  });

  it('no cap: 规下 t = 10 → 55, 规上 t = 10 → 45', () => {
    expect(penaltyOf(below(1, { subletTenants: 10 }))).toBe('55.00');
    expect(penaltyOf(above(1, { subletTenants: 10 }))).toBe('45.00');
  });

  it('the penalty is listed with its points and the total may go negative', () => {
    const subject = below(1, { tax: '0', subletTenants: 3 });
    const result = resultFor(grade([subject, below(2)], reference), subject);
    expect(result.penaltyItems.map((item) => [item.id, item.points])).toEqual([['subletBelow', '20.00']]);
    expect(result.totalScore).toBe('-20.00');
  });
});
