// The others' standings under a moved benchmark (packages/scoring/src/whatif/standings.ts), which
// toNextClass counts from sorted totals at the graded benchmarks or at a rung of a geometric grid, scoring
// again only a window, and stopping once the caller's decision is known. Checked against the plain count:
// every other member's total worked out afresh at the probe's benchmarks and ordered one by one. Cohorts are
// generated with ties at the band edges (equal totals, tie-break figures), benchmarks moved near and far
// (far ones take a rung), and the enterprise's own total set equal to others' totals.
import fc from 'fast-check';
import { Dec, fixed, grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { compileScheme } from '../../packages/scoring/src/engine/compile.js';
import type { CompiledIndicator } from '../../packages/scoring/src/engine/compile.js';
import { CohortStandings, standingOrder } from '../../packages/scoring/src/whatif/standings.js';
import type { GradedMember, MovedIndicator, Standing } from '../../packages/scoring/src/whatif/standings.js';
import { cohortArbitrary } from '../support/arbitraries.js';
import { REFERENCE_METHOD } from '../support/oracle.js';

const scheme = presetScheme('reference');
const compiled = compileScheme(scheme);
const units = (score: string): number => Number(score.replace('.', ''));

interface Case {
  readonly standings: CohortStandings;
  readonly members: readonly GradedMember[];
  readonly moved: readonly MovedIndicator[];
}

/** The standings of each cohort for the indicators 税收 moves, with what they were built from. */
function cases(records: readonly EnterpriseRecord[]): Case[] {
  const grading = grade(records, scheme);
  const out: Case[] = [];
  for (const cohort of compiled.cohorts) {
    const results = [...grading.results()].filter(
      (r) => r.status === 'rated' && r.cohort === cohort.cohort.id,
    );
    if (results.length < 2) continue;
    const indicators = cohort.indicators.filter((c) => c.indicator.numerator === 'tax');
    const benchmarks = grading.cohorts()[cohort.cohort.id]?.benchmarks ?? {};
    const moved: MovedIndicator[] = indicators.map((c: CompiledIndicator) => ({
      compiled: c,
      graded: benchmarks[c.indicator.key] ?? null,
      meanMissing: c.indicator.notApplicable.method === 'cohortMean',
    }));
    const byCode = new Map(records.map((r) => [r.uscc, r]));
    const members: GradedMember[] = results.map((result) => {
      const record = byCode.get(result.uscc) as EnterpriseRecord;
      return {
        record,
        total: units(result.totalScore ?? '0'),
        ties: scheme.tieBreak.map(
          (key) => new Dec((record as unknown as Record<string, string>)[key] ?? '0'),
        ),
        scores: indicators.map((c) => units(result.indicators[c.indicator.key]?.score ?? '0')),
        applies: indicators.map((c) => result.indicators[c.indicator.key]?.applicable === true),
      };
    });
    out.push({
      standings: new CohortStandings(members, moved, 2, (a, b) => standingOrder(a, b, 0)),
      members,
      moved,
    });
  }
  return out;
}

/** Each member's total at `texts` (a missing one's graded mean out, `shiftOf` its pattern in), afresh. */
function totalsAt(
  { standings, members, moved }: Case,
  texts: readonly (string | null)[],
  shiftOf: (pattern: number) => number,
): { standing: Standing; shift: number }[] {
  return members.map((member) => {
    let total = member.total;
    let pattern = 0;
    moved.forEach((indicator, k) => {
      const graded = member.scores[k] ?? 0;
      if (member.applies[k] === true) total += standings.score(k, member.record, texts[k] ?? null) - graded;
      else if (indicator.meanMissing) {
        pattern |= 1 << k;
        total -= graded;
      }
    });
    return {
      standing: { total, ties: member.ties, code: member.record.uscc },
      shift: shiftOf(pattern),
    };
  });
}

const factors = fc.constantFrom(1, 1.00001, 0.9999, 1.004, 1.3, 0.6, 3, 47, 1e4);

describe('toNextClass standings: windows from the graded totals or a rung count as the plain count', () => {
  it('count ahead (exact, and stopped at a decision) and the k-th total, on generated cohorts', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        cohortArbitrary(REFERENCE_METHOD, { maxAbove: 12, maxBelow: 10 }),
        fc.array(factors, { minLength: 2, maxLength: 2 }),
        fc.array(fc.integer({ min: -300, max: 300 }), { minLength: 2, maxLength: 2 }),
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: -40, max: 40 }),
        (records, factor, means, limit, offset) => {
          for (const c of cases(records)) {
            const texts = c.moved.map(({ graded }, k) =>
              graded === null ? null : fixed(new Dec(graded).times(factor[k] ?? 1), 4),
            );
            const shiftOf = (pattern: number): number =>
              (pattern & 1 ? (means[0] ?? 0) : 0) + (pattern & 2 ? (means[1] ?? 0) : 0);
            const all = totalsAt(c, texts, shiftOf);
            for (const [s, self] of all.entries()) {
              // The enterprise's own (new) total: an other's total (a tie), or its own moved a little.
              const other = all[(s + 1) % all.length] as (typeof all)[number];
              for (const total of [other.standing.total + other.shift, self.standing.total + offset]) {
                const me: Standing = { ...self.standing, total };
                const plain = all.filter(
                  (o, i) => i !== s && standingOrder(o.standing, me, o.shift) < 0,
                ).length;
                const exact = c.standings.countAhead(me, texts, shiftOf, standingOrder);
                expect(exact).toEqual({ lo: plain, hi: plain });
                // A decision: is the rank within the first `limit`? The range may stay open, not wrong.
                const decided = c.standings.countAhead(
                  me,
                  texts,
                  shiftOf,
                  standingOrder,
                  (lo, hi) => lo + 1 > limit === hi + 1 > limit,
                );
                expect(decided.lo).toBeLessThanOrEqual(plain);
                expect(decided.hi).toBeGreaterThanOrEqual(plain);
                expect(decided.lo + 1 > limit).toBe(plain + 1 > limit);
                compared++;
              }
              // The k-th highest total of the others (null only where the hint is given up).
              const others = all
                .filter((_, i) => i !== s)
                .map((o) => o.standing.total + o.shift)
                .sort((a, b) => b - a);
              const k = Math.min(limit, others.length);
              const kth = c.standings.kthTotal(k, self.standing.code, texts, shiftOf, self.standing.total);
              if (kth !== null) expect(kth).toBe(others[k - 1]);
            }
          }
        },
      ),
      { seed: 0x57a4d, numRuns: 60 },
    );
    expect(compared, 'counts compared').toBeGreaterThan(500);
  });
});
