// Issue 13 on the command line: a county's scheme file declares a figure (Linhai's 用水量) that the
// spreadsheet carries under its own header, and takes a benchmark from last year's result (Huai'an's
// 2 × last year's average) given with --previous.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dec, fixed } from '@mujun/scoring';
import type { GradeReport } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import reference from '../../packages/scoring/src/scheme/presets/reference.json' with { type: 'json' };
import { mujun, SAMPLE, tempDirectory } from './support/mujun.js';

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

const HEADER =
  '统一社会信用代码,企业名称,企业规模,用地面积(亩),税收实际贡献(万元),用电量(千瓦时),用水量（吨）';

describe('mujun grade with a county scheme file', () => {
  it('reads a declared figure from its column and scores with it', async () => {
    const scheme = structuredClone(reference) as Record<string, unknown> & typeof reference;
    const document = {
      ...scheme,
      figures: [{ key: 'waterTon', header: '用水量(吨)', unit: '吨', kind: 'nonNegativeNumber' }],
      indicatorSets: {
        ...scheme.indicatorSets,
        below: [
          {
            key: 'taxPerWater',
            label: '单位用水量税收',
            unit: '万元/吨',
            numerator: 'tax',
            denominator: 'waterTon',
            weight: '100',
            benchmark: { method: 'fixed', value: '0.1' },
            scoring: { method: 'ratio', cap: null, floor: null },
            notApplicable: { method: 'zero' },
          },
        ],
      },
    };
    const schemePath = join(dir.path, 'linhai.json');
    await writeFile(schemePath, JSON.stringify(document));
    const input = join(dir.path, 'linhai.csv');
    await writeFile(
      input,
      `${HEADER}\n91331003MA209HKA5H,甲,规下,10,-20,500000,400\n91331003MA209NM963,乙,规下,10,20,500000,abc\n`,
    );
    const out = join(dir.path, 'linhai-result.json');
    const bad = await mujun('grade', '--input', input, '--scheme', schemePath, '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('用水量');
    await writeFile(input, `${HEADER}\n91331003MA209HKA5H,甲,规下,10,-20,500000,400\n`);
    const run = await mujun('grade', '--input', input, '--scheme', schemePath, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    // −20 / 400 = −0.05; no floor: −0.05 / 0.1 × 100 = −50
    expect(report.enterprises[0]?.indicators['taxPerWater']?.score).toBe('-50.00');
  });

  it('takes last year’s result with --previous, and says so when it is missing', async () => {
    const lastYear = join(dir.path, 'last-year.json');
    expect((await mujun('grade', '--input', SAMPLE, '--out', lastYear)).code).toBe(0);
    const previous = JSON.parse(await readFile(lastYear, 'utf8')) as GradeReport;
    const document = structuredClone(reference);
    const first = document.indicatorSets.above[0] as unknown as Record<string, unknown>;
    first['benchmark'] = { method: 'previousYear', statistic: 'benchmark', multiplier: '2' };
    const schemePath = join(dir.path, 'huaian.json');
    await writeFile(schemePath, JSON.stringify(document));
    const out = join(dir.path, 'huaian-result.json');
    const missing = await mujun('grade', '--input', SAMPLE, '--scheme', schemePath, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--previous');
    const run = await mujun(
      'grade',
      '--input',
      SAMPLE,
      '--scheme',
      schemePath,
      '--previous',
      lastYear,
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    const before = previous.cohorts['above']?.benchmarks['taxPerMu'] ?? '';
    expect(report.cohorts['above']?.benchmarks['taxPerMu']).toBe(fixed(dec(before).times(2), 4));
  });
});
