import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';
import type { Run } from './support/mujun.js';

const FOUR_DECIMALS = /^-?(0|[1-9]\d*)\.\d{4}$/;
const TWO_DECIMALS = /^-?(0|[1-9]\d*)\.\d{2}$/;

/** The sample's codes and names, read as plain lines: the sample has no quoted line breaks. */
async function sampleRows(): Promise<{ uscc: string; name: string }[]> {
  const text = (await readFile(join(ROOT, SAMPLE), 'utf8')).replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [uscc = '', name = ''] = line.split(',');
      return { uscc, name };
    });
}

describe('mujun grade on the sample, JSON out', () => {
  let dir: Awaited<ReturnType<typeof tempDirectory>>;
  let run: Run;
  let bytes: string;
  let report: GradeReport;

  beforeAll(async () => {
    dir = await tempDirectory();
    run = await mujun('grade', '--input', SAMPLE, '--out', join(dir.path, 'result.json'));
    bytes = await readFile(join(dir.path, 'result.json'), 'utf8');
    report = JSON.parse(bytes) as GradeReport;
  });
  afterAll(() => dir.cleanup());

  it('exits 0, says what it wrote, and leaves only the result file', async () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('result.json');
    expect(await listing(dir.path)).toEqual(['result.json']);
  });

  it('writes the report with the reference scheme by default, compact, one enterprise per line', () => {
    expect(report.scheme.id).toBe('reference');
    expect(Object.keys(report)).toEqual(['scheme', 'warnings', 'counts', 'cohorts', 'enterprises']);
    const lines = bytes.split('\n');
    const start = lines.indexOf('"enterprises":[');
    expect(lines.slice(1, start).map((line) => line.slice(0, line.indexOf(':')))).toEqual([
      '"scheme"',
      '"warnings"',
      '"counts"',
      '"cohorts"',
    ]);
    expect(lines.slice(start + 1, -3).map((line) => JSON.parse(line.replace(/,$/, '')) as unknown)).toEqual(
      report.enterprises,
    );
    expect(lines.slice(-3)).toEqual([']', '}', '']);
  });

  it('lists every enterprise of the input exactly once', async () => {
    const rows = await sampleRows();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    const codes = report.enterprises.map((enterprise) => enterprise.uscc);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(rows.map((row) => row.uscc).sort());
    const { rated, exempt, outOfScope } = report.counts;
    expect(rated + exempt + outOfScope).toBe(rows.length);
  });

  it('gives exempt enterprises class T and out-of-scope ones no class', () => {
    const exempt = report.enterprises.filter((enterprise) => enterprise.status === 'exempt');
    const outOfScope = report.enterprises.filter((enterprise) => enterprise.status === 'out_of_scope');
    expect(exempt.length).toBe(report.counts.exempt);
    expect(exempt.length).toBeGreaterThanOrEqual(2);
    expect(outOfScope.length).toBeGreaterThanOrEqual(1);
    for (const enterprise of exempt) {
      expect(enterprise).toMatchObject({ cohort: null, finalClass: 'T', totalScore: null, rank: null });
    }
    for (const enterprise of outOfScope) {
      expect(enterprise).toMatchObject({ cohort: null, finalClass: null, totalScore: null, rank: null });
    }
    const rated = report.enterprises.filter((enterprise) => enterprise.status === 'rated');
    for (const enterprise of rated) expect(['A', 'B', 'C', 'D']).toContain(enterprise.finalClass);
  });

  it('keeps every figure a decimal string: values and benchmarks with 4 decimals, scores with 2', () => {
    for (const cohort of Object.values(report.cohorts)) {
      for (const benchmark of Object.values(cohort.benchmarks)) expect(benchmark).toMatch(FOUR_DECIMALS);
    }
    expect(report.cohorts['above']?.benchmarks['taxPerMu']).toMatch(FOUR_DECIMALS);
    for (const enterprise of report.enterprises) {
      if (enterprise.status !== 'rated') {
        // never scored, which is not a score of 0
        expect([enterprise.bonus, enterprise.penalty, enterprise.totalScore]).toEqual([null, null, null]);
        continue;
      }
      expect(enterprise.bonus).toMatch(TWO_DECIMALS);
      expect(enterprise.penalty).toMatch(TWO_DECIMALS);
      expect(enterprise.totalScore).toMatch(TWO_DECIMALS);
      for (const indicator of Object.values(enterprise.indicators)) {
        expect(indicator.score).toMatch(TWO_DECIMALS);
        if (indicator.applicable) expect(indicator.value).toMatch(FOUR_DECIMALS);
        else expect(indicator.value).toBeNull();
      }
    }
    // No figure anywhere became a JSON number: the only numbers are counts and ranks.
    expect(bytes).not.toMatch(/"(value|score|benchmark|totalScore|bonus|penalty|weight)":\s*-?\d/);
  });

  it('shows every override the sample was written to demonstrate, with its reason', () => {
    const steps = new Set(
      report.enterprises.flatMap((enterprise) => enterprise.overrides.map((override) => override.step)),
    );
    expect([...steps].sort()).toEqual(['protection', 'taxFloor', 'upgrade', 'veto']);
    for (const enterprise of report.enterprises) {
      for (const override of enterprise.overrides) expect(override.reason).not.toBe('');
      if (enterprise.status === 'rated') expect(enterprise.trace.length).toBeGreaterThan(0);
    }
  });
});
