// Issue 16, "Proof": a simulation equals two independent grades of the same data, enterprise by enterprise.
// For generated cohorts (ties, band edges, exempt and out-of-scope records), `simulate` under a current and
// a proposed method says of each enterprise exactly what `grade` under each method says; its matrix counts
// the pairs of classes; an enterprise has a reason exactly when its class changed; and swapping the two
// methods swaps the sides and transposes the matrix.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { grade, parseScheme, presetScheme } from '@mujun/scoring';
import type { EnterpriseResult, Scheme } from '@mujun/scoring';
import { NO_CLASS, simulate } from '@mujun/simulation';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { REFERENCE_METHOD } from '../support/oracle.js';

const DRAFT = parseScheme(
  JSON.parse(readFileSync(new URL('../fixtures/simulation/proposed-2026.json', import.meta.url), 'utf8')),
);

function side(result: EnterpriseResult | undefined) {
  if (result === undefined) throw new Error('missing result');
  return {
    finalClass: result.finalClass,
    totalScore: result.totalScore,
    rank: result.rank,
    status: result.status,
    cohort: result.cohort,
    bandClass: result.bandClass,
  };
}

const PAIRS: readonly (readonly [string, Scheme, Scheme])[] = [
  ['reference → draft-2026', presetScheme('reference'), DRAFT],
  ['draft-2026 → shandong-2022', DRAFT, presetScheme('shandong-2022')],
];

describe('simulate equals two independent grades', () => {
  it.each(PAIRS)('%s', (_name, current, proposed) => {
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD, { maxAbove: 9, maxBelow: 7 }), (records) => {
        const simulation = simulate({ records, current, proposed });
        const a = grade(records, current);
        const b = grade(records, proposed);
        expect(simulation.enterprises.map((e) => e.uscc).sort()).toEqual(records.map((r) => r.uscc).sort());
        const pairs = new Map<string, number>();
        for (const e of simulation.enterprises) {
          expect(e.current).toEqual(side(a.result(e.uscc)));
          expect(e.proposed).toEqual(side(b.result(e.uscc)));
          const changed = e.current.finalClass !== e.proposed.finalClass;
          expect(e.move !== 'same').toBe(changed);
          expect(e.reasons.length > 0).toBe(changed);
          expect(e.rules.length > 0).toBe(changed);
          const key = `${e.current.finalClass ?? NO_CLASS}>${e.proposed.finalClass ?? NO_CLASS}`;
          pairs.set(key, (pairs.get(key) ?? 0) + 1);
        }
        for (const from of simulation.classOrder) {
          for (const to of simulation.classOrder) {
            expect(simulation.matrix[from]?.[to]).toBe(pairs.get(`${from}>${to}`) ?? 0);
          }
        }
        expect(simulation.totals.moved).toBe(simulation.enterprises.filter((e) => e.move !== 'same').length);

        const swapped = simulate({ records, current: proposed, proposed: current });
        const byCode = new Map(swapped.enterprises.map((e) => [e.uscc, e]));
        for (const e of simulation.enterprises) {
          expect(byCode.get(e.uscc)?.current).toEqual(e.proposed);
          expect(byCode.get(e.uscc)?.proposed).toEqual(e.current);
        }
        for (const from of simulation.classOrder) {
          for (const to of simulation.classOrder) {
            expect(swapped.matrix[to]?.[from]).toBe(simulation.matrix[from]?.[to]);
          }
        }
      }),
      { seed: 0x73696d75, numRuns: 60, interruptAfterTimeLimit: 20_000 },
    );
  });
});
