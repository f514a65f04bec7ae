// Source: shared/spec/reference-method.md §2: "`invalid`: the record fails validation (see
//   data-dictionary.md). The run refuses to grade while any record is invalid, because one silently dropped
//   record moves every benchmark and percentile."
// and data-dictionary.md: "the rest of a column's 'required' only on records that end up rated (an exempt
//   utility or an out-of-scope workshop need not carry energy or R&D figures). A missing required figure
//   makes the record invalid." (规上: addedValue, revenue, employees, energyTce, rdExpense; 规下: electricityKwh.)
import { ErrorCode, grade, InvalidRecordsError, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { without } from '../support/results.js';

const reference = presetScheme('reference');

function invalidRecords(records: readonly EnterpriseRecord[]): InvalidRecordsError {
  try {
    grade(records, reference);
  } catch (error) {
    if (error instanceof InvalidRecordsError) return error;
    throw error;
  }
  throw new Error('grade did not throw');
}

describe('a rated record missing a figure its cohort requires', () => {
  it('规上 without energyTce: grade throws InvalidRecordsError naming the row and the column', () => {
    const error = invalidRecords([above(1), without(above(2), 'energyTce')]);
    expect(error.code).toBe(ErrorCode.InvalidRecords);
    expect(error.issues).toEqual([expect.objectContaining({ row: 2, column: 'energyTce' })]);
  });

  it('every missing figure of every record is listed at once', () => {
    const error = invalidRecords([
      without(above(1), 'energyTce', 'rdExpense'),
      above(2),
      without(below(3), 'electricityKwh'),
      without(above(4), 'addedValue'),
    ]);
    expect(error.issues.map((issue) => [issue.row, issue.column])).toEqual([
      [1, 'energyTce'],
      [1, 'rdExpense'],
      [3, 'electricityKwh'],
      [4, 'addedValue'],
    ]);
  });

  it('an exempt or out-of-scope record need not carry it', () => {
    const exempt = without(above(1, { exemptReason: ['停产'] }), 'energyTce', 'rdExpense');
    const outOfScope = without(below(2, { landMu: '2' }), 'electricityKwh');
    const grading = grade([exempt, outOfScope, above(3)], reference);
    expect(grading.counts()).toEqual({ rated: 1, exempt: 1, outOfScope: 1 });
  });

  it('a duplicate 统一社会信用代码 is refused too, since either record would move the benchmarks', () => {
    const error = invalidRecords([above(1), above(2), above(1, { tax: '5' })]);
    expect(error.issues).toEqual([expect.objectContaining({ row: 3, column: 'uscc' })]);
  });

  it('an optional figure may be missing (规上 without emissions or electricity)', () => {
    expect(() => grade([without(above(1), 'emissionsTon', 'electricityKwh')], reference)).not.toThrow();
  });
});
