// Source: shared/spec/reference-method.md §10: "Execution runs from the first day of the month after final
//   publication, for 12 months." So the period ends the day before the same date 12 months later.
import { presetScheme } from '@mujun/scoring';
import { executionPeriod, InvalidDateError, surchargeList } from '@mujun/surcharges';
import { describe, expect, it } from 'vitest';
import { codeFor } from '../support/records.js';

describe('the execution period from the final publication date', () => {
  it.each([
    ['2026-03-15', '2026-04-01', '2027-03-31'],
    ['2026-03-01', '2026-04-01', '2027-03-31'],
    ['2026-03-31', '2026-04-01', '2027-03-31'],
    ['2026-11-30', '2026-12-01', '2027-11-30'],
    ['2026-12-01', '2027-01-01', '2027-12-31'],
    ['2026-12-31', '2027-01-01', '2027-12-31'],
    ['2027-02-28', '2027-03-01', '2028-02-29'],
    ['2028-01-15', '2028-02-01', '2029-01-31'],
  ])('published %s → %s … %s', (published, start, end) => {
    expect(executionPeriod(published)).toEqual({ start, end });
  });

  it('is on every row of the list', () => {
    const list = surchargeList({
      scheme: presetScheme('reference'),
      year: 2025,
      subjects: [1, 2].map((n) => ({
        uscc: codeFor(n),
        name: `企业${String(n)}`,
        finalClass: 'D',
        powerAccounts: [String(n)],
      })),
      history: [],
      publishedOn: '2026-12-20',
      documentNumber: '文号',
    });
    expect(list.rows.map((row) => [row.start, row.end])).toEqual([
      ['2027-01-01', '2027-12-31'],
      ['2027-01-01', '2027-12-31'],
    ]);
  });

  it('a date that is no day is an error, never a guess', () => {
    expect(() => executionPeriod('2026-02-29')).toThrow(InvalidDateError);
  });
});
