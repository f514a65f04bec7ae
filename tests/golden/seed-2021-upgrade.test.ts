// Source: shared/spec/reference-method.md §8, step 2: "提档: any bonus item marked 提档 applies → one class up
//   (D→C, C→B, B→A; at most one class in all; it lifts a floor-D too)."
// and §6 (Seed: the city bureau's 2021 work plan orders bonus-and-upgrade treatment for emergency
//   medical-supply producers, enterprises with a large export share and key industrial-chain enterprises):
//   "The bonus total is capped at 10; a 提档 item lifts the class even when the cap has absorbed its points."
import { grade, presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { ladder, strongButUnderFloor } from '../support/ladder.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');

const upgradeItems = [
  { item: 'emergencySupplier', label: '应急医疗物资重点生产企业', figures: { emergencySupplier: true } },
  { item: 'keyChainLink', label: '产业链关键环节企业', figures: { keyChainLink: true } },
  // exportValue / revenue = 1000 / 2000 = 0.5 exactly
  { item: 'exportLarge', label: '出口交货值占营业收入 50% 及以上', figures: { exportValue: '1000' } },
] as const;

describe('提档 alone', () => {
  it.each(upgradeItems)('$item lifts band D to C', ({ item, label, figures }) => {
    const records = ladder({ 5: figures });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(result.bonusItems.map((b) => [b.id, b.points, b.classShift])).toEqual([[item, '5.00', 1]]);
    expect(result.bandClass).toBe('D');
    expect(result.finalClass).toBe('C');
    expect(result.overrides.map((o) => [o.step, o.from, o.to])).toEqual([['upgrade', 'D', 'C']]);
    expect(result.overrides[0]?.reason).toContain(label);
  });

  it.each([
    [4, 'C', 'B'],
    [2, 'B', 'A'],
  ] as const)('lifts rank %i from %s to %s', (rank, from, to) => {
    const records = ladder({ [rank]: { keyChainLink: true } });
    const result = resultFor(grade(records, reference), records[rank - 1] ?? '');
    expect([result.rank, result.bandClass, result.finalClass]).toEqual([rank, from, to]);
  });

  it('A has nowhere to go: no override is listed', () => {
    const records = ladder({ 1: { emergencySupplier: true } });
    const result = resultFor(grade(records, reference), records[0] ?? '');
    expect([result.bandClass, result.finalClass, result.overrides]).toEqual(['A', 'A', []]);
  });

  it('three 提档 items lift one class in all, and their 15 points are capped at 10', () => {
    const records = ladder({ 5: { emergencySupplier: true, keyChainLink: true, exportValue: '1000' } });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(result.bonusItems.map((b) => b.id)).toEqual(['emergencySupplier', 'keyChainLink', 'exportLarge']);
    expect(result.bonus).toBe('10.00');
    expect(result.trace).toContainEqual(expect.objectContaining({ rule: 'bonusCap', cap: '10.00' }));
    expect([result.bandClass, result.finalClass]).toEqual(['D', 'C']);
    expect(result.overrides).toHaveLength(1);
  });

  it('a 提档 item whose points the cap absorbed still lifts (高新 2 + 国家级专精特新 4 + 应急 5 = 11 → 10)', () => {
    const records = ladder({ 5: { highTech: true, specialized: 'national', emergencySupplier: true } });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(result.bonus).toBe('10.00');
    expect([result.bandClass, result.finalClass]).toEqual(['D', 'C']);
  });

  it('bonus items without 提档 do not lift (高新 2 + 国家级专精特新 4 + 出口 30% 3)', () => {
    // exportValue / revenue = 600 / 2000 = 0.3 exactly: +3, no 提档
    const records = ladder({ 5: { highTech: true, specialized: 'national', exportValue: '600' } });
    const result = resultFor(grade(records, reference), records[4] ?? '');
    expect(result.bonus).toBe('9.00');
    expect([result.bandClass, result.finalClass, result.overrides]).toEqual(['D', 'D', []]);
  });

  it('lifts a floor-D: A → D (floor) → C (提档)', () => {
    const subject = strongButUnderFloor(9, { keyChainLink: true });
    const result = resultFor(grade([subject, ...ladder()], reference), subject);
    expect(result.bandClass).toBe('A');
    expect(result.overrides.map((o) => [o.step, o.from, o.to])).toEqual([
      ['taxFloor', 'A', 'D'],
      ['upgrade', 'D', 'C'],
    ]);
    expect(result.finalClass).toBe('C');
  });
});
