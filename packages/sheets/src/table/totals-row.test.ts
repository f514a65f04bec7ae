import { describe, expect, it } from 'vitest';
import { isTotalsRow } from './totals-row.js';

describe('isTotalsRow', () => {
  it('finds 合计, 总计 and 小计 rows without a code', () => {
    expect(isTotalsRow(['合计', '', '12345.6'], 0)).toBe(true);
    expect(isTotalsRow(['', '总 计', '12345.6'], 0)).toBe(true);
    expect(isTotalsRow(['—', '东城街道小计', '99'], 0)).toBe(true);
  });

  it('never takes an enterprise with a code for a total, whatever its name', () => {
    expect(isTotalsRow(['91331003MA209HKA5H', '台州合计电子有限公司', '5'], 0)).toBe(false);
    expect(isTotalsRow(['91331003ma209hka5h', '合计', '5'], 0)).toBe(false);
  });

  it('leaves other rows without a code to validation', () => {
    expect(isTotalsRow(['', '某企业', '5'], 0)).toBe(false);
  });
});
