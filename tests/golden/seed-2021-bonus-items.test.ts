// Source: shared/spec/reference-method.md §6, bonus items (Seed, the city bureau's 2021 work plan):
//   | emergency medical supplies | `emergencySupplier` is true | +5 | 提档 |
//   | key industrial-chain link | `keyChainLink` is true | +5 | 提档 |
//   | large export share | exportValue / revenue ≥ 0.5 | +5 | 提档 |
//   | export share | 0.3 ≤ exportValue / revenue < 0.5 | +3 | no |
//   | national high-tech enterprise | `highTech` is true | +2 | no |
//   | 专精特新 | `specialized` = `province` / `national` | +2 / +4 | no |
//   "Export share is the unrounded exportValue / revenue; with revenue missing or 0, or exportValue missing,
//   no export item applies. The bonus total is capped at 10" and
//   "totalScore = Σ indicator scores + min(bonus, 10) − penalty".
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { Exact } from '../support/oracle.js';
import { above, below } from '../support/records.js';
import { resultFor, without } from '../support/results.js';

const reference = presetScheme('reference');

function bonusOf(subject: EnterpriseRecord) {
  const result = resultFor(grade([subject, above(90), below(91)], reference), subject);
  const scores = Exact.sum(...Object.values(result.indicators).map((indicator) => indicator.score));
  // The total is the indicator scores plus the capped bonus less the penalty.
  expect(result.totalScore).toBe(
    scores
      .plus(result.bonus ?? 'NaN')
      .minus(result.penalty ?? 'NaN')
      .toFixed(2),
  );
  return { items: result.bonusItems.map((item) => `${item.id} ${item.points}`), bonus: result.bonus };
}

describe('each bonus item alone', () => {
  it.each([
    ['emergencySupplier', { emergencySupplier: true }, 'emergencySupplier 5.00'],
    ['keyChainLink', { keyChainLink: true }, 'keyChainLink 5.00'],
    ['highTech', { highTech: true }, 'highTech 2.00'],
    ['specialized province', { specialized: 'province' }, 'specializedProvince 2.00'],
    ['specialized national', { specialized: 'national' }, 'specializedNational 4.00'],
  ] as const)('%s', (_, figures, item) => {
    expect(bonusOf(above(1, figures))).toEqual({ items: [item], bonus: item.split(' ')[1] });
  });

  it('规下 enterprises earn them too', () => {
    expect(bonusOf(below(1, { highTech: true })).bonus).toBe('2.00');
  });
});

describe('export share boundaries, on the unrounded share (revenue 2000)', () => {
  it.each([
    ['1000', '0.5 exactly', ['exportLarge 5.00']],
    ['999.999', '0.4999995', ['exportShare 3.00']],
    ['1999.999', '0.9999995', ['exportLarge 5.00']],
    ['600', '0.3 exactly', ['exportShare 3.00']],
    ['599.999', '0.2999995', []],
    ['0', '0', []],
  ] as const)('exportValue %s (share %s)', (exportValue, _, items) => {
    expect(bonusOf(above(1, { exportValue })).items).toEqual(items);
  });

  it('revenue 0: no export item', () => {
    expect(bonusOf(above(1, { exportValue: '1000', revenue: '0' })).items).toEqual([]);
  });

  it('revenue missing (a 规下 enterprise): no export item', () => {
    expect(bonusOf(without(below(1, { exportValue: '1000' }), 'revenue')).items).toEqual([]);
  });

  it('exportValue missing: no export item', () => {
    expect(bonusOf(above(1)).items).toEqual([]);
  });
});

describe('the cap of 10', () => {
  it('5 + 5 + 4 + 2 = 16 → 10, every item still listed with its points', () => {
    const subject = above(1, {
      emergencySupplier: true,
      keyChainLink: true,
      specialized: 'national',
      highTech: true,
    });
    const result = resultFor(grade([subject, above(2)], reference), subject);
    expect(result.bonusItems.map((item) => item.points)).toEqual(['5.00', '5.00', '2.00', '4.00']);
    expect(result.bonus).toBe('10.00');
    expect(result.trace).toContainEqual(expect.objectContaining({ rule: 'bonusCap', cap: '10.00' }));
  });

  it('exactly 10 is not over the cap', () => {
    const subject = above(1, { emergencySupplier: true, keyChainLink: true });
    const result = resultFor(grade([subject, above(2)], reference), subject);
    expect(result.bonus).toBe('10.00');
    expect(result.trace.filter((entry) => entry.rule === 'bonusCap')).toEqual([]);
  });

  it('3 + 2 + 4 = 9 stays 9', () => {
    expect(bonusOf(above(1, { exportValue: '600', highTech: true, specialized: 'national' })).bonus).toBe(
      '9.00',
    );
  });
});
