// shared/spec/reference-method.md §2: a run refuses to grade while two records carry one 统一社会信用代码
// (either would move the benchmarks). grade() first asks whether any code repeats (a CodeIndex,
// status.ts) and only then finds which: a wrong "no" there would grade duplicates silently.
import fc from 'fast-check';
import { grade, InvalidRecordsError, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';

const reference = presetScheme('reference');

/** The rows (1-based) grade() refuses for their code; [] when it grades the records. */
function refusedRows(records: readonly EnterpriseRecord[]): number[] {
  try {
    grade(records, reference);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidRecordsError)) throw error;
    return error.issues.filter((issue) => issue.column === 'uscc').map((issue) => issue.row);
  }
}

/** Every row whose code an earlier row already carries. */
function laterRepeats(numbers: readonly number[]): number[] {
  return numbers.flatMap((n, i) => (numbers.indexOf(n) < i ? [i + 1] : []));
}

const recordsOf = (numbers: readonly number[]): EnterpriseRecord[] =>
  numbers.map((n, i) => (i % 2 === 0 ? above(n) : below(n)));

describe('duplicate codes', () => {
  it('are refused exactly where an earlier row carries the code, and unique codes graded', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 60 }), (numbers) => {
        expect(refusedRows(recordsOf(numbers))).toEqual(laterRepeats(numbers));
      }),
      { numRuns: 200 },
    );
  });

  it('one repeat among thousands of codes (long probes in the table) is found', () => {
    const numbers = Array.from({ length: 3000 }, (_, i) => i + 1);
    expect(refusedRows(recordsOf(numbers))).toEqual([]);
    expect(refusedRows(recordsOf([...numbers, 1777]))).toEqual([3001]);
  });
});
