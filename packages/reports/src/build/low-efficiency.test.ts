import { describe, expect, it } from 'vitest';
import { tinyCounty } from '../testing/tiny-county.js';
import { lowEfficiencyList } from './low-efficiency.js';

describe('low-efficiency screening list', () => {
  const data = tinyCounty();

  it('lists the rated below the threshold by town, lowest first', () => {
    // 亩均税收: 甲 5, 乙 1.5, 丙 0.1333…, 丁 4, 戊 0.75, A&B 2; exempt 己 (0.125) is not rated.
    const list = lowEfficiencyList(data, '1');
    expect(list.towns.map((town) => [town.town, town.enterprises.map((e) => [e.name, e.taxPerMu])])).toEqual([
      ['西城街道', [['戊厂', '0.7500']]],
      ['（未填）', [['丙公司', '0.1333']]],
    ]);
    expect(list).toMatchObject({ threshold: '1', count: 2, rated: 6 });
  });

  it('compares exactly: 1.5 is not below 1.5, and is below 1.5001', () => {
    // 乙: 30 / 20 = 1.5 exactly.
    const at = lowEfficiencyList(data, '1.5');
    expect(at.towns.flatMap((town) => town.enterprises.map((e) => e.name))).toEqual(['戊厂', '丙公司']);
    const above = lowEfficiencyList(data, '1.5001');
    expect(above.towns[0]?.enterprises.map((e) => e.name)).toEqual(['戊厂', '乙公司']);
    // Σ of the listed in 西城: land 4 + 20 = 24, tax 3 + 30 = 33.
    expect(above.towns[0]).toMatchObject({ landMu: '24', tax: '33' });
  });

  it('decides on the unrounded quotient, not on the published 4 decimals', () => {
    // 丙: 4 / 30 = 0.13333…, published 0.1333, but it is not below 0.13333 (4 < 0.13333 × 30 = 3.9999 is false)
    // and it is below 0.133334 (0.133334 × 30 = 4.00002 > 4).
    expect(lowEfficiencyList(data, '0.13333').count).toBe(0);
    expect(lowEfficiencyList(data, '0.133334').count).toBe(1);
  });
});
