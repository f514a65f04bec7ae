import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkScheme, dec, grade, parsePreviousResult, parseScheme } from '@mujun/scoring';
import type { EnterpriseResult, PreviousResult, Scheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { above, below } from '../support/records.js';
import { sampleRecords } from '../support/sample.js';

/**
 * The example scheme files of docs/schemes (county methods that are not presets, with every number their
 * sources do not give marked as an assumption) load, check clean and grade the CLI's sample year; and each
 * does what its published source says (shared/spec/county-methods.md).
 */

const DIRECTORY = new URL('../../docs/schemes/', import.meta.url);
const FILES = readdirSync(fileURLToPath(DIRECTORY)).filter((name) => name.endsWith('.json'));

function documentOf(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, DIRECTORY), 'utf8'));
}

const scheme = (name: string): Scheme => parseScheme(documentOf(name));
const rated = (results: Iterable<EnterpriseResult>): EnterpriseResult[] =>
  [...results].filter((result) => result.status === 'rated');

/** Last year's result as mujun grade writes it, from the rated enterprises' indicator values given here. */
function lastYear(rows: readonly { cohort: string; values: Record<string, string> }[]): PreviousResult {
  const parsed = parsePreviousResult({
    cohorts: Object.fromEntries(rows.map((row) => [row.cohort, { benchmarks: {} }])),
    enterprises: rows.map((row) => ({
      status: 'rated',
      cohort: row.cohort,
      indicators: Object.fromEntries(
        Object.entries(row.values).map(([key, value]) => [key, { value, applicable: true }]),
      ),
    })),
  });
  if ('problem' in parsed) throw new Error(parsed.problem);
  return parsed.previous;
}

/** A stand-in last year for the sample (its 规下 rows have no 营业收入, so its own grading could not serve). */
const SAMPLE_LAST_YEAR = lastYear([
  { cohort: 'above', values: { taxPerMu: '12', revenuePerMu: '300', taxPerEnergy: '0.8' } },
  { cohort: 'below', values: { taxPerMu: '5', revenuePerMu: '150', taxPerKwh: '0.15' } },
]);

describe('example scheme files', () => {
  it('has the four counties whose methods are examples, not presets', () => {
    expect(FILES.sort()).toEqual([
      'changle-2023.json',
      'huaian-2024.json',
      'jingde.json',
      'wenling-2022.json',
    ]);
  });

  it.each(FILES)('%s checks clean and says what it assumes', (name) => {
    const checked = checkScheme(documentOf(name));
    expect(checked.problems).toEqual([]);
    expect(checked.warnings).toEqual([]);
    expect(checked.scheme?.assumptions.length).toBeGreaterThan(0);
    expect(checked.scheme?.name).toContain('示例文件');
  });

  it.each(FILES)('%s grades the sample year, every rated enterprise in a class', (name) => {
    const county = scheme(name);
    const grading = grade(sampleRecords(), county, { previous: SAMPLE_LAST_YEAR });
    const classes = county.classes.map((c) => c.id);
    const results = rated(grading.results());
    expect(results.length).toBeGreaterThan(20);
    for (const result of results) expect(classes).toContain(result.finalClass);
  });
});

describe('Jingde (旌德县办法 [C])', () => {
  const jingde = scheme('jingde.json');
  const grading = grade(sampleRecords(), jingde);

  it('gives every applicable indicator at least 20% of its weight and the best value the full weight', () => {
    // score = w × [20 + 80 × (x − min)/(max − min)] / 100: every enterprise gets at least 20% of each weight
    for (const [setName, set] of Object.entries(jingde.indicatorSets)) {
      for (const indicator of set) {
        const scores = rated(grading.results())
          .filter((result) => result.cohort === setName)
          .map((result) => result.indicators[indicator.key])
          .filter((result) => result?.applicable === true)
          .map((result) => dec(result?.score ?? '0'));
        if (scores.length === 0) continue;
        const weight = dec(indicator.weight);
        for (const score of scores) expect(score.gte(weight.times('0.2')), indicator.key).toBe(true);
        expect(
          scores.some((score) => score.equals(weight)),
          indicator.key,
        ).toBe(true);
        expect(
          scores.some((score) => score.equals(weight.times('0.2'))),
          indicator.key,
        ).toBe(true);
      }
    }
  });

  it('bands A top 25% (含), B to 70%, C to 95% (Anhui)', () => {
    for (const summary of Object.values(grading.cohorts())) {
      const n = summary.rated;
      const a = Math.floor(0.25 * n);
      const b = Math.floor(0.7 * n) - a;
      const c = Math.floor(0.95 * n) - a - b;
      expect(summary.bandCounts).toEqual({ A: a, B: b, C: c, D: n - a - b - c });
    }
  });

  it('leaves utilities and enterprises with a reason 不定等级 (class U)', () => {
    const utility = above(1, { industryCode: 'D4411' });
    const startUp = above(2, { exemptReason: ['初创企业'] });
    const result = grade([utility, startUp, above(3), above(4)], jingde);
    expect(result.result(utility.uscc)?.finalClass).toBe('U');
    expect(result.result(startUp.uscc)?.finalClass).toBe('U');
  });
});

describe('Huai’an 2024 (淮安市 2024 办法 [C])', () => {
  const huaian = scheme('huaian-2024.json');

  it('scores an enterprise at last year’s average half of each weight: the benchmark is 2 × that average', () => {
    // 规上 last year: two enterprises averaging 亩均税收 12, 亩均营业收入 300, 单位能耗税收 0.8
    const previous = lastYear([
      { cohort: 'above', values: { taxPerMu: '10', revenuePerMu: '200', taxPerEnergy: '0.6' } },
      { cohort: 'above', values: { taxPerMu: '14', revenuePerMu: '400', taxPerEnergy: '1' } },
      { cohort: 'below', values: { taxPerMu: '5', revenuePerMu: '150', taxPerKwh: '0.15' } },
    ]);
    const average = above(1, { landMu: '10', tax: '120', revenue: '3000', energyTce: '150' });
    const grading = grade([average, above(2)], huaian, { previous });
    const result = grading.result(average.uscc);
    expect(grading.cohorts()['above']?.benchmarks['taxPerMu']).toBe('24.0000');
    expect(result?.indicators['taxPerMu']?.score).toBe('22.50');
    expect(result?.indicators['revenuePerMu']?.score).toBe('17.50');
    expect(result?.indicators['taxPerEnergy']?.score).toBe('10.00');
  });

  it('puts an enterprise in production less than 2 years in T, and adds the flagged bonus items', () => {
    const previous = SAMPLE_LAST_YEAR;
    const young = above(1, { extra: { productionStart: '2023-06-01' } });
    const safe = above(2, { extra: { safetyExcellent: '1', innovation: '1' } });
    const grading = grade([young, safe, above(3)], huaian, { previous });
    expect(grading.result(young.uscc)?.finalClass).toBe('T');
    expect(grading.result(safe.uscc)?.bonus).toBe('4.00');
  });

  it('bands A top 20%, B to 60%, C to 95%', () => {
    const graded = grade(sampleRecords(), huaian, { previous: SAMPLE_LAST_YEAR });
    for (const summary of Object.values(graded.cohorts())) {
      const n = summary.rated;
      expect(summary.bandCounts['A']).toBe(Math.floor(0.2 * n));
      expect((summary.bandCounts['A'] ?? 0) + (summary.bandCounts['B'] ?? 0)).toBe(Math.floor(0.6 * n));
    }
  });
});

describe('Changle 2023 (昌乐县 2023 办法 [C])', () => {
  const changle = scheme('changle-2023.json');

  it('never rates a vetoed enterprise A or B, and never a protected one D unless vetoed', () => {
    const records = [
      above(1, { tax: '900', vetoReasons: ['安全生产事故'] }),
      ...Array.from({ length: 18 }, (_, k) => above(k + 2, { tax: String(100 + k) })),
      above(20, { tax: '1', protectedReason: ['上年小升规'] }),
      above(21, { tax: '0.5', protectedReason: ['新建'], vetoReasons: ['未完成节能任务'] }),
    ];
    const grading = grade(records, changle);
    const [vetoed, protectedOne, both] = [records[0], records[19], records[20]].map((record) =>
      grading.result(record?.uscc ?? ''),
    );
    expect(vetoed?.bandClass).toBe('A');
    expect(vetoed?.finalClass).toBe('C');
    expect(protectedOne?.finalClass).toBe('C');
    expect(both?.finalClass).toBe('D');
  });

  it('does not rate utilities', () => {
    const utility = below(1, { industryCode: '4610' });
    expect(grade([utility, below(2)], changle).result(utility.uscc)?.status).toBe('out_of_scope');
  });
});

describe('Wenling 2022 (温岭市 2022 办法 [C])', () => {
  const wenling = scheme('wenling-2022.json');

  it('takes 0 for the first 规下 tenant of a 规上 enterprise and 5 for each more; 10 then 5 for a 规下 one', () => {
    const records = [
      above(1, { extra: { belowScaleTenants: '1' } }),
      above(2, { extra: { belowScaleTenants: '3' } }),
      below(3, { extra: { belowScaleTenants: '1' } }),
      below(4, { extra: { belowScaleTenants: '3' } }),
    ];
    const grading = grade(records, wenling);
    expect(records.map((record) => grading.result(record.uscc)?.penalty)).toEqual([
      '0.00',
      '10.00',
      '10.00',
      '20.00',
    ]);
  });

  it('sets benchmarks county-wide per scale and bands within each industry group', () => {
    const grading = grade(sampleRecords(), wenling);
    const cohorts = Object.values(grading.cohorts());
    const above = cohorts.filter((c) => c.id.startsWith('above-') && c.rated > 0);
    expect(above.length).toBeGreaterThan(1);
    const [first] = above;
    for (const summary of above) expect(summary.benchmarks).toEqual(first?.benchmarks);
    const shares = { above: [0.2, 0.8, 0.95], below: [0.05, 0.75, 0.95] } as const;
    for (const summary of cohorts) {
      const [a, b, c] = summary.id.startsWith('above-') ? shares.above : shares.below;
      const n = summary.rated;
      const counts = summary.bandCounts;
      expect(counts['A'], summary.id).toBe(Math.floor(a * n));
      expect((counts['A'] ?? 0) + (counts['B'] ?? 0), summary.id).toBe(Math.floor(b * n));
      expect((counts['A'] ?? 0) + (counts['B'] ?? 0) + (counts['C'] ?? 0), summary.id).toBe(
        Math.floor(c * n),
      );
    }
  });
});
