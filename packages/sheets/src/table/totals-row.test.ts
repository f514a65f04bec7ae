import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeKey, isTotalsRow } from './totals-row.js';

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

describe('a code cell already spelled as a code (the fast path)', () => {
  // Near-codes: 16 to 20 characters of digits, letters of either case, spaces and tabs, and the odd 合.
  const spelled = fc.oneof(
    fc.stringMatching(/^[0-9A-Za-z \t合]{16,20}$/),
    fc.constantFrom('91331003MA209HKA5H', ' 91331003MA209HKA5H', '91331003ma209hka5h', '91331003MA209HKA5'),
  );

  it('is keyed as trimming and upper-casing it would key it', () => {
    fc.assert(
      fc.property(spelled, (text) => {
        expect(codeKey(text)).toBe(text.trim().toUpperCase());
      }),
      { numRuns: 2000 },
    );
  });

  it('is a totals row exactly when the plain test says so', () => {
    const plain = (cells: readonly string[]) =>
      !/^[0-9A-Z]{18}$/.test((cells[0] ?? '').trim().toUpperCase()) && cells.some((c) => /合\s*计/.test(c));
    fc.assert(
      fc.property(spelled, fc.constantFrom('合计', '某企业'), (code, name) => {
        expect(isTotalsRow([code, name], 0)).toBe(plain([code, name]));
      }),
      { numRuns: 2000 },
    );
  });
});
