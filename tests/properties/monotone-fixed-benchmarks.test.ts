// Under fixed published benchmarks (huangyan-2022-reference, shared/spec/reference-method.md "What else a scheme must
// be able to say"), an enterprise's own total score depends on its own figures only (and, for a
// not-applicable indicator, on the others' scores, which do not move): raising one figure in its "better"
// direction never lowers that total. Better: more tax, added value, R&D or export value; less land, staff,
// energy, emissions or electricity (kept above zero, so that applicability does not change).
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary, positiveText, withFigures } from '../support/arbitraries.js';
import { canonicalText, Exact, HUANGYAN_2022_METHOD } from '../support/oracle.js';
import type { OracleFigure } from '../support/oracle.js';

const scheme = presetScheme('huangyan-2022-reference');

const MORE_IS_BETTER = ['tax', 'addedValue', 'rdExpense', 'exportValue'] as const;
const LESS_IS_BETTER = ['landMu', 'employees', 'energyTce', 'emissionsTon', 'electricityKwh'] as const;

interface Move {
  readonly target: number;
  readonly figure: OracleFigure;
  /** Added for a more-is-better figure; for a less-is-better one, the fraction (0, 1] kept. */
  readonly amount: string;
}

const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({
    target: fc.nat({ max: 40 }),
    figure: fc.constantFrom(...MORE_IS_BETTER),
    amount: positiveText(10n ** 9n),
  }),
  fc.record({
    target: fc.nat({ max: 40 }),
    figure: fc.constantFrom(...LESS_IS_BETTER),
    amount: fc
      .integer({ min: 1, max: 1_000_000 })
      .map((millionths) => canonicalText(new Exact(millionths).div(1_000_000))),
  }),
);

function improved(record: EnterpriseRecord, { figure, amount }: Move): EnterpriseRecord | null {
  const current = record[figure];
  if ((MORE_IS_BETTER as readonly string[]).includes(figure)) {
    return withFigures(record, { [figure]: canonicalText(new Exact(current ?? '0').plus(amount)) });
  }
  if (current === undefined || new Exact(current).isZero()) return null;
  return withFigures(record, { [figure]: canonicalText(new Exact(current).times(amount)) });
}

describe('under fixed benchmarks, a better figure never lowers its own total', () => {
  it('huangyan-2022-reference', () => {
    fc.assert(
      fc.property(cohortArbitrary(HUANGYAN_2022_METHOD), move, (records, change) => {
        const at = change.target % records.length;
        const record = records[at];
        if (record === undefined) return;
        const better = improved(record, change);
        if (better === null) return;
        const before = grade(records, scheme).result(record.uscc);
        const after = grade(
          records.map((r, i) => (i === at ? better : r)),
          scheme,
        ).result(record.uscc);
        if (before?.totalScore == null || after?.totalScore == null) return; // not rated (before or after)
        expect(
          new Exact(after.totalScore).gte(before.totalScore),
          `${change.figure}: ${before.totalScore} → ${after.totalScore}`,
        ).toBe(true);
      }),
      { seed: 0x6d6f6e6f, numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });
});
