// Source: shared/spec/reference-method.md §7: "Within a cohort, rated enterprises are ordered by
//   `totalScore` descending, then raw `tax` (万元, signed: a refund ranks below 0) descending, then `revenue`
//   descending (missing counts as 0), then the upper-cased 统一社会信用代码 ascending by code point (Huancui
//   ties by tax, then revenue; the code makes the order total). Rank 1 is the best. The order of the input
//   rows never matters."
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { resultFor } from '../support/results.js';

const reference = presetScheme('reference');

// Five 规上 enterprises with the same ratios, so the same indicator scores and the same total.
const base = above(1); // land 10, tax 100, added value 500, revenue 2000, R&D 60, …
const doubled = above(2, {
  landMu: '20',
  tax: '200',
  addedValue: '1000',
  revenue: '4000',
  employees: '100',
  energyTce: '200',
  emissionsTon: '4',
  rdExpense: '120',
}); // everything × 2: same ratios, more tax
const moreRevenue = above(3, { revenue: '3000', rdExpense: '90' }); // same tax, more revenue
const twinA = above(4);
const twinB = above(5);
const aboveRecords = [base, doubled, moreRevenue, twinA, twinB];

function ranks(records: readonly EnterpriseRecord[]) {
  const grading = grade(records, reference);
  return records.map((record) => {
    const result = resultFor(grading, record);
    return { code: record.uscc, total: result.totalScore, rank: result.rank };
  });
}

describe('rank tie-breaks', () => {
  it('equal totals: more tax first, then more revenue, then the code ascending', () => {
    const result = ranks(aboveRecords);
    expect(new Set(result.map((r) => r.total)).size).toBe(1);
    expect(result.map((r) => r.rank)).toEqual([3, 1, 2, 4, 5]);
  });

  it('the input order never matters', () => {
    const reversed = ranks([...aboveRecords].reverse());
    expect(reversed.map((r) => r.rank)).toEqual([5, 4, 2, 1, 3]);
  });

  it('a refund ranks below 0; missing revenue counts as 0', () => {
    const positive = below(1, { tax: '50' });
    const refund = below(2, { tax: '-5' }); // a smaller code than zeroTax, yet ranked after it
    const zeroTax = below(3, { tax: '0' });
    const zeroTaxWithRevenue = below(4, { tax: '0', revenue: '1' });
    const zeroTaxRevenueZero = below(5, { tax: '0', revenue: '0' });
    const records = [refund, zeroTax, zeroTaxWithRevenue, zeroTaxRevenueZero, positive];
    const grading = grade(records, reference);
    const rankOf = (record: EnterpriseRecord) => resultFor(grading, record).rank;
    // Tax 0 and tax −5 both score 0 on both indicators: equal totals.
    expect(resultFor(grading, refund).totalScore).toBe(resultFor(grading, zeroTax).totalScore);
    expect([positive, zeroTaxWithRevenue, zeroTax, zeroTaxRevenueZero, refund].map(rankOf)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });
});
