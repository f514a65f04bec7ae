// shared/spec/reference-method.md §1: "Every result must equal what exact rational arithmetic gives".
// The engine (float estimates with exact fall-backs) against tests/support/oracle.ts (decimal.js at 60
// digits, written from the spec): every benchmark, published value, score, bonus, penalty, total, rank,
// band class and final class, on small cohorts whose figures are drawn to sit on rounding ties.
import fc from 'fast-check';
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord, Grading } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { HUANGYAN_2022_METHOD, oracleGrade, REFERENCE_METHOD } from '../support/oracle.js';
import type { OracleMethod } from '../support/oracle.js';

function engineView(grading: Grading): unknown[] {
  return [...grading.results()].map((result) => ({
    uscc: result.uscc,
    status: result.status,
    cohort: result.cohort,
    indicators: Object.fromEntries(
      Object.entries(result.indicators).map(([key, indicator]) => [
        key,
        {
          value: indicator.value,
          applicable: indicator.applicable,
          benchmark: indicator.benchmark,
          score: indicator.score,
        },
      ]),
    ),
    // What a non-rated result says of bonus and penalty is no part of the method: compared only when rated.
    bonus: result.status === 'rated' ? result.bonus : null,
    penalty: result.status === 'rated' ? result.penalty : null,
    totalScore: result.totalScore,
    rank: result.rank,
    bandClass: result.bandClass,
    finalClass: result.finalClass,
  }));
}

function compare(
  records: readonly EnterpriseRecord[],
  method: OracleMethod,
  preset: 'reference' | 'huangyan-2022-reference',
): void {
  const grading = grade(records, presetScheme(preset));
  const oracle = oracleGrade(records, method);
  const engine = engineView(grading);
  const expected = engine.map((entry) => {
    const uscc = (entry as { uscc: string }).uscc;
    return oracle.results.get(uscc);
  });
  expect(engine).toEqual(expected);
  expect(engine).toHaveLength(records.length);
  const cohorts = grading.cohorts();
  for (const cohort of ['above', 'below'] as const) {
    const summary = cohorts[cohort];
    if (summary === undefined) throw new Error(`no cohort ${cohort}`);
    expect(summary.benchmarks).toEqual(oracle.benchmarks[cohort]);
  }
  expect(grading.warnings).toHaveLength(oracle.nonPositiveBenchmarks);
}

describe('the engine agrees with an independent exact oracle', () => {
  it('under the reference preset (cohort aggregate-ratio benchmarks)', () => {
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD), (records) => {
        compare(records, REFERENCE_METHOD, 'reference');
      }),
      { seed: 0x6d756a75, numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('under huangyan-2022-reference (fixed published benchmarks)', () => {
    fc.assert(
      fc.property(cohortArbitrary(HUANGYAN_2022_METHOD), (records) => {
        compare(records, HUANGYAN_2022_METHOD, 'huangyan-2022-reference');
      }),
      { seed: 0x68796e32, numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  });
});
