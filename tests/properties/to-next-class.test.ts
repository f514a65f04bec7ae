// toNextClass (issue 15): "the smallest increase of 税收 which, with every other figure of every enterprise
// unchanged and the whole cohort graded again, gives a better final class". Checked through the public
// grading only: grade every record again with the stated change (the class must be the stated, better one)
// and with 0.01 less (the class must not be better than now); a `null` is checked at the search's limit.
// Cohorts are generated with ties at the band edges and both 规上 and 规下 (tests/support/arbitraries.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Dec, grade, parseRecords, presetScheme, toNextClass } from '@mujun/scoring';
import type { EnterpriseRecord, Scheme, ToNextClass } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { cohortArbitrary } from '../support/arbitraries.js';
import { HUANGYAN_2022_METHOD, REFERENCE_METHOD } from '../support/oracle.js';

type Figure = 'tax' | 'addedValue' | 'landMu';

function classAfter(
  records: readonly EnterpriseRecord[],
  scheme: Scheme,
  uscc: string,
  figure: Figure,
  change: Dec,
): string | null {
  const moved = records.map((record) => {
    if (record.uscc !== uscc) return record;
    const value = new Dec(record[figure] ?? '0').plus(change);
    return { ...record, [figure]: value.toFixed() };
  });
  return grade(moved, scheme).result(uscc)?.finalClass ?? null;
}

/** Every answer checked by grading again; returns how many answers were checked. */
function checkAll(records: readonly EnterpriseRecord[], scheme: Scheme, wholeCohortUpTo = 0): number {
  const grading = grade(records, scheme);
  // 0: every probe through the three parts (benchmarks, the others' standings, its own grading).
  const answers = toNextClass(records, scheme, grading, { wholeCohortUpTo });
  const classes = scheme.classes.map((c) => c.id);
  const better = (found: string | null, than: string): boolean =>
    found !== null && classes.includes(found) && classes.indexOf(found) < classes.indexOf(than);
  let checked = 0;
  for (const result of grading.results()) {
    if (result.status !== 'rated') {
      expect(answers.has(result.uscc)).toBe(false);
      continue;
    }
    const now = result.finalClass ?? '';
    const answer: ToNextClass | null | undefined = answers.get(result.uscc);
    expect(answer, result.uscc).not.toBeUndefined();
    if (now === classes[0]) expect(answer).toBeNull();
    const moves: [Figure, 1 | -1, string | null, string | null][] = [
      ['tax', 1, answer?.taxIncrease ?? null, answer?.class ?? null],
      [
        'addedValue',
        1,
        answer?.addedValueIncrease?.change ?? null,
        answer?.addedValueIncrease?.class ?? null,
      ],
      ['landMu', -1, answer?.landReduction?.change ?? null, answer?.landReduction?.class ?? null],
    ];
    for (const [figure, sign, change, reached] of moves) {
      if (change === null) {
        if (figure === 'tax' && now !== classes[0]) {
          // No increase up to 10^9 万元 moves it up.
          const at = classAfter(records, scheme, result.uscc, 'tax', new Dec('1000000000'));
          expect(better(at, now), `${result.uscc} tax +1e9 → ${at}`).toBe(false);
        }
        continue;
      }
      const amount = new Dec(change).times(sign);
      const at = classAfter(records, scheme, result.uscc, figure, amount);
      expect(at, `${result.uscc} ${figure} ${change}`).toBe(reached);
      expect(better(at, now), `${result.uscc} ${figure} ${change}: ${now} → ${at}`).toBe(true);
      const less = new Dec(change).minus('0.01');
      if (less.gt(0)) {
        const before = classAfter(records, scheme, result.uscc, figure, less.times(sign));
        expect(better(before, now), `${result.uscc} ${figure} ${less.toFixed()}: ${now} → ${before}`).toBe(
          false,
        );
      }
      checked++;
    }
  }
  return checked;
}

/** The bundled sample's records (it has no quoted cells: one comma-separated line per row after the BOM). */
function sampleRecords(): EnterpriseRecord[] {
  const sample = new URL('../../apps/cli/samples/sample-2025.csv', import.meta.url);
  const [header, ...lines] = readFileSync(sample, 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const { records, issues } = parseRecords({
    headers: (header ?? '').split(','),
    rows: lines.map((line, k) => ({ row: k + 2, cells: line.split(',') })),
  });
  expect(issues).toEqual([]);
  return records;
}

describe('toNextClass: graded again at the stated change it moves up, at 0.01 less it does not', () => {
  it('the bundled sample, reference method', () => {
    const records = sampleRecords();
    const scheme = presetScheme('reference');
    expect(checkAll(records, scheme, 0)).toBeGreaterThan(10);
    // Graded again whole per probe, the same answers.
    const grading = grade(records, scheme);
    expect(toNextClass(records, scheme, grading, { wholeCohortUpTo: 1000 })).toEqual(
      toNextClass(records, scheme, grading, { wholeCohortUpTo: 0 }),
    );
  });

  it('generated cohorts with ties at the band edges, reference method', () => {
    const scheme = presetScheme('reference');
    let checked = 0;
    fc.assert(
      fc.property(cohortArbitrary(REFERENCE_METHOD, { maxAbove: 6, maxBelow: 5 }), (records) => {
        checked += checkAll(records, scheme);
      }),
      { seed: 0x6e657874, numRuns: 12 },
    );
    expect(checked, 'answers checked by grading again').toBeGreaterThan(12);
  });

  it('generated cohorts under fixed benchmarks (huangyan-2022-reference)', () => {
    const scheme = presetScheme('huangyan-2022-reference');
    let checked = 0;
    fc.assert(
      fc.property(cohortArbitrary(HUANGYAN_2022_METHOD, { maxAbove: 6, maxBelow: 5 }), (records) => {
        checked += checkAll(records, scheme);
      }),
      { seed: 0x75700a, numRuns: 8 },
    );
    expect(checked, 'answers checked by grading again').toBeGreaterThan(8);
  });
});

describe('toNextClass: the fast path (others counted in a window) equals the cohort graded again whole', () => {
  const cases = [
    { name: 'reference', scheme: presetScheme('reference'), method: REFERENCE_METHOD, seed: 0x77a1 },
    {
      name: 'huangyan-2022-reference',
      scheme: presetScheme('huangyan-2022-reference'),
      method: HUANGYAN_2022_METHOD,
      seed: 0x77a2,
    },
  ];
  for (const { name, scheme, method, seed } of cases) {
    it(`generated cohorts, ${name}`, () => {
      let answered = 0;
      fc.assert(
        fc.property(cohortArbitrary(method, { maxAbove: 9, maxBelow: 8 }), (records) => {
          const grading = grade(records, scheme);
          const fast = toNextClass(records, scheme, grading, { wholeCohortUpTo: 0 });
          const whole = toNextClass(records, scheme, grading, { wholeCohortUpTo: 1000 });
          expect(fast).toEqual(whole);
          for (const way of fast.values()) if (way?.taxIncrease != null) answered++;
        }),
        { seed, numRuns: 6 },
      );
      expect(answered, 'answers compared').toBeGreaterThan(6);
    });
  }

  it('cohorts with land beyond 2^53 cents (seed 0x5eeb stalled the search) finish and check out', () => {
    const scheme = presetScheme('reference');
    const cohorts = fc.sample(
      cohortArbitrary(REFERENCE_METHOD, { maxAbove: 14, maxBelow: 12, maxTweaks: 10 }),
      { seed: 0x5eeb, numRuns: 3 },
    );
    let checked = 0;
    for (const records of cohorts) checked += checkAll(records, scheme);
    expect(checked).toBeGreaterThan(3);
  });
});

describe('toNextClass: a search that runs out of its probe budget says so instead of answering', () => {
  it('with one probe per search, unfinished figures are null and named in `unanswered`', () => {
    const scheme = presetScheme('reference');
    const records = sampleRecords();
    const grading = grade(records, scheme);
    const full = toNextClass(records, scheme, grading);
    const cut = toNextClass(records, scheme, grading, { probeBudget: 1 });
    let named = 0;
    for (const [uscc, way] of full) {
      expect(way?.unanswered ?? null, uscc).toBeNull();
      const short = cut.get(uscc);
      if (way?.taxIncrease == null) continue;
      // One probe pins an answer only when it lands on 0.01 and moves it up; else the answer is withheld.
      if (short?.taxIncrease != null) expect(short.taxIncrease).toBe(way.taxIncrease);
      else {
        expect(short?.unanswered ?? '', uscc).toContain('税收');
        named++;
      }
    }
    expect(named, 'searches cut short').toBeGreaterThan(0);
  });
});
