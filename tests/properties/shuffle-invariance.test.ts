// shared/spec/reference-method.md §7: "The order of the input rows never matters." The whole report,
// serialised, is byte-identical for any permutation of the same records, under both presets, with equal
// totals (duplicated figures under other codes), exempt and out-of-scope records in the mix.
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { HUANGYAN_2022_METHOD, REFERENCE_METHOD } from '../support/oracle.js';
import type { OracleMethod } from '../support/oracle.js';

const withPermutation = (method: OracleMethod): fc.Arbitrary<[EnterpriseRecord[], EnterpriseRecord[]]> =>
  cohortArbitrary(method, { maxAbove: 9, maxBelow: 7 }).chain((records) =>
    fc.tuple(
      fc.constant(records),
      fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
    ),
  );

describe('shuffled input gives a byte-identical report', () => {
  it.each([
    ['reference', REFERENCE_METHOD],
    ['huangyan-2022-reference', HUANGYAN_2022_METHOD],
  ] as const)('%s', (preset, method) => {
    const scheme = presetScheme(preset);
    fc.assert(
      fc.property(withPermutation(method), ([records, shuffled]) => {
        const original = JSON.stringify(grade(records, scheme).report());
        expect(JSON.stringify(grade(shuffled, scheme).report())).toBe(original);
      }),
      { seed: 0x73687566, numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });
});
