import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';
import { readWorkbook, records, sheetNamed } from './support/xlsx.js';

/**
 * `mujun simulate` on the bundled sample (31 enterprises of 2025) under the reference method and a draft
 * that raises the 亩均税收 floor from 1 to 6 万元/亩 and drops 提档 (tests/fixtures/simulation/
 * proposed-2026.json). The report is checked against two independent `mujun grade` runs of the same file,
 * enterprise by enterprise, not against figures written down here.
 */
const PROPOSED = 'tests/fixtures/simulation/proposed-2026.json';

interface Side {
  finalClass: string | null;
  totalScore: string | null;
  rank: number | null;
}
interface Report {
  current: { id: string; name: string };
  proposed: { id: string; name: string };
  classOrder: string[];
  matrix: Record<string, Record<string, number>>;
  totals: { enterprises: number; moved: number };
  byTown: { group: string; enterprises: number }[];
  surcharges: {
    newlySurcharged: {
      uscc: string;
      proposedPrice: string;
      electricityKwh: string | null;
      proposedAmount: string | null;
    }[];
    newlyTotals: { enterprises: number; amount: string };
  } | null;
  enterprises: {
    uscc: string;
    name: string;
    current: Side;
    proposed: Side;
    move: string;
    rules: string[];
    reasons: string[];
  }[];
}
interface Graded {
  enterprises: {
    uscc: string;
    name: string;
    finalClass: string | null;
    totalScore: string | null;
    rank: number | null;
  }[];
}

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

describe('mujun simulate --out report.json', () => {
  let report: Report;
  let current: Graded;
  let proposed: Graded;

  beforeAll(async () => {
    const runs = await Promise.all([
      mujun(
        'simulate',
        '--input',
        SAMPLE,
        '--scheme',
        'reference',
        '--proposed',
        PROPOSED,
        '--out',
        join(dir.path, 'r.json'),
      ),
      mujun('grade', '--input', SAMPLE, '--scheme', 'reference', '--out', join(dir.path, 'a.json')),
      mujun('grade', '--input', SAMPLE, '--scheme', PROPOSED, '--out', join(dir.path, 'b.json')),
    ]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const read = async <T>(name: string) => JSON.parse(await readFile(join(dir.path, name), 'utf8')) as T;
    [report, current, proposed] = await Promise.all([
      read<Report>('r.json'),
      read<Graded>('a.json'),
      read<Graded>('b.json'),
    ]);
  });

  it('lists every enterprise as the two grades do, enterprise by enterprise', () => {
    expect(report.enterprises).toHaveLength(current.enterprises.length);
    const a = new Map(current.enterprises.map((e) => [e.uscc, e]));
    const b = new Map(proposed.enterprises.map((e) => [e.uscc, e]));
    for (const e of report.enterprises) {
      const now = a.get(e.uscc);
      const then = b.get(e.uscc);
      expect(e.name).toBe(now?.name);
      expect(e.current).toMatchObject({
        finalClass: now?.finalClass,
        totalScore: now?.totalScore,
        rank: now?.rank,
      });
      expect(e.proposed).toMatchObject({
        finalClass: then?.finalClass,
        totalScore: then?.totalScore,
        rank: then?.rank,
      });
    }
    expect(report.proposed.id).toBe('draft-2026');
  });

  it('names the rule behind every move, from the traces', () => {
    const movers = report.enterprises.filter((e) => e.move !== 'same');
    expect(movers.length).toBe(report.totals.moved);
    expect(movers.length).toBeGreaterThan(0);
    for (const e of movers) expect(e.rules.length).toBeGreaterThan(0);
    // Under the draft an enterprise below 6 万元/亩 that was not D before is moved by the floor.
    const floored = movers.filter((e) => e.proposed.finalClass === 'D');
    expect(floored.length).toBeGreaterThan(0);
    for (const e of floored) expect(e.reasons.join()).toContain('亩均税收低于 6 万元/亩');
    // 提档 is gone from the draft: whoever it lifted moves down by one class.
    const unlifted = movers.filter((e) => e.reasons.some((r) => r.includes('提档')));
    expect(unlifted.length).toBeGreaterThan(0);
    for (const e of unlifted) expect(e.move).toBe('down');
  });

  it('counts the matrix and the towns from the same enterprises', () => {
    let total = 0;
    for (const from of report.classOrder) {
      for (const to of report.classOrder) {
        const n = report.enterprises.filter(
          (e) => (e.current.finalClass ?? '—') === from && (e.proposed.finalClass ?? '—') === to,
        ).length;
        expect(report.matrix[from]?.[to]).toBe(n);
        total += n;
      }
    }
    expect(total).toBe(report.totals.enterprises);
    expect(report.byTown.reduce((sum, town) => sum + town.enterprises, 0)).toBe(report.totals.enterprises);
  });

  it('prices the newly surcharged at their electricity use', () => {
    const impact = report.surcharges;
    expect(impact).not.toBeNull();
    const fresh = impact?.newlySurcharged ?? [];
    expect(fresh.length).toBe(impact?.newlyTotals.enterprises);
    for (const row of fresh) {
      const e = report.enterprises.find((x) => x.uscc === row.uscc);
      expect(e?.proposed.finalClass).toBe('D');
      expect(e?.current.finalClass).not.toBe('D');
      // reference: D +0.30 元/kWh in the 1st year.
      expect(row.proposedPrice).toBe('0.30');
      if (row.electricityKwh !== null) {
        expect(Number(row.proposedAmount)).toBeCloseTo(Number(row.electricityKwh) * 0.3, 2);
      }
    }
  });
});

describe('mujun simulate --out report.xlsx and report.html', () => {
  const hostile = '<img src=x onerror=alert(1)>=HYPERLINK("http://x")';
  let input: string;

  beforeAll(async () => {
    const sample = await readFile(join(ROOT, SAMPLE), 'utf8');
    // The floor catches 台州嘉禾印染有限公司 (5.47 万元/亩): it moves, so its name is in every section.
    input = join(dir.path, 'hostile.csv');
    await writeFile(input, sample.replace('台州嘉禾印染有限公司', hostile));
  });

  it('writes the workbook with names as text cells', async () => {
    const out = join(dir.path, 'r.xlsx');
    const run = await mujun('simulate', '--input', input, '--proposed', PROPOSED, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '类别变动矩阵',
      '变动企业',
      '乡镇分布',
      '行业分布',
      '差别化电价影响',
      '全部企业',
    ]);
    const movers = records(sheetNamed(workbook, '变动企业'), 2);
    const row = movers.find((r) => r.get('企业名称')?.value === hostile);
    expect(row?.get('企业名称')?.type).toBe(3); // ValueType.String, never a formula
    expect(row?.get('现行类别')?.value).toBe('C');
    expect(row?.get('拟议类别')?.value).toBe('D');
    expect(row?.get('原因')?.text).toContain('亩均税收低于 6 万元/亩');
    expect(typeof row?.get('现行综合得分')?.value).toBe('number');
  });

  it('writes a page where every name is text', async () => {
    const out = join(dir.path, 'r.html');
    const run = await mujun('simulate', '--input', input, '--proposed', PROPOSED, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('类别变动矩阵');
    expect(html).toContain('差别化电价影响');
  });

  it('refuses a wrong --out and writes nothing', async () => {
    const sub = await tempDirectory();
    try {
      const run = await mujun(
        'simulate',
        '--input',
        SAMPLE,
        '--proposed',
        PROPOSED,
        '--out',
        join(sub.path, 'r.csv'),
      );
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('--out');
      expect(await listing(sub.path)).toEqual([]);
      const missing = await mujun('simulate', '--input', SAMPLE, '--out', join(sub.path, 'r.json'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('--proposed');
    } finally {
      await sub.cleanup();
    }
  });
});
