import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, listing, mujun, SAMPLE, tempDirectory } from './support/mujun.js';

/** Invalid input exits 2, lists every problem at once, and never leaves a result file (or a partial one). */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

/** Runs into a fresh empty sub-directory and checks that nothing at all was written there. */
async function failing(name: string, ...args: string[]) {
  const out = join(dir.path, name);
  const run = await mujun(...args.map((arg) => (arg === '$OUT' ? join(out, 'result.json') : arg)));
  expect(run.code, run.stderr).toBe(2);
  expect(await listing(dir.path).then((names) => names.includes(name))).toBe(false);
  return run;
}

describe('mujun grade with bad cells', () => {
  it('lists every bad cell of every row, one line each, and writes nothing', async () => {
    const file = `${FIXTURES}/grade-bad-cells.csv`;
    const run = await failing('bad-cells', 'grade', '--input', file, '--out', '$OUT');
    const lines = run.stderr.trimEnd().split('\n');
    const expected = [
      ['第 3 行', '「统一社会信用代码」(uscc)', '"91330100000000002A"', '校验位'],
      ['第 4 行', '「税收实际贡献(万元)」(tax)', '"12万"', '不是有效数字'],
      ['第 4 行', '「营业收入(万元)」(revenue)', '"-5"', '不能为负数'],
      ['第 5 行', '「企业规模」(scale)', '"中型"', '规上/规下'],
      ['第 5 行', '「用地面积(亩)」(landAreaMu)', '"1,234"', '不是有效数字'],
      ['第 6 行', '「企业名称」(name)', '值为空', '必填'],
    ];
    expect(lines).toHaveLength(expected.length + 1);
    expected.forEach((parts, i) => {
      expect(lines[i]?.startsWith(`${file} `)).toBe(true);
      for (const part of parts) expect(lines[i]).toContain(part);
    });
    expect(lines.at(-1)).toContain('6');
    expect(run.stdout).toBe('');
  });

  it('names the file, row and column of a figure a rated enterprise must have', async () => {
    const file = `${FIXTURES}/grade-missing-rated-figure.csv`;
    const run = await failing('missing-figure', 'grade', '--input', file, '--out', '$OUT');
    expect(run.stderr).toContain(`${file} 第 3 行，列「工业增加值(万元)」(addedValue)`);
    expect(run.stderr).toContain(`${file} 第 4 行，列「用电量(千瓦时)」(electricityKwh)`);
  });

  it('leaves an earlier result file untouched', async () => {
    const previous = join(dir.path, 'previous.json');
    await writeFile(previous, '{"earlier": true}\n');
    const run = await mujun('grade', '--input', `${FIXTURES}/grade-bad-cells.csv`, '--out', previous);
    expect(run.code).toBe(2);
    expect(await listing(dir.path)).toContain('previous.json');
    expect(await readFile(previous, 'utf8')).toBe('{"earlier": true}\n');
    expect((await listing(dir.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a file that is not UTF-8 when --encoding utf8 says it is (an Excel "CSV" saved as GBK)', async () => {
    const gbk = join(dir.path, 'gbk.csv');
    // "企业名称" in GBK: not valid UTF-8.
    await writeFile(gbk, Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6, 0x0a]));
    const run = await failing('gbk', 'grade', '--input', gbk, '--encoding', 'utf8', '--out', '$OUT');
    expect(run.stderr).toContain('UTF-8');
    expect(run.stderr).toContain('--encoding gb18030');
  });
});

describe('mujun grade with bad arguments or scheme', () => {
  it('exits 2 on an unknown preset, naming the known ones', async () => {
    const run = await failing(
      'unknown-preset',
      'grade',
      '--input',
      SAMPLE,
      '--scheme',
      'nowhere-2030',
      '--out',
      '$OUT',
    );
    expect(run.stderr).toContain('nowhere-2030');
    expect(run.stderr).toContain('reference');
    expect(run.stderr).toContain('huangyan-2022');
  });

  it('exits 2 on a scheme file that is not a valid scheme, listing its problems', async () => {
    const scheme = join(dir.path, 'broken-scheme.json');
    await writeFile(scheme, JSON.stringify({ id: 'broken', name: '缺项的办法' }));
    const run = await failing(
      'broken-scheme',
      'grade',
      '--input',
      SAMPLE,
      '--scheme',
      scheme,
      '--out',
      '$OUT',
    );
    expect(run.stderr).toContain('scheme');
    expect(run.stderr).toContain('cohorts');
  });

  it.each([
    ['a missing --input', ['grade', '--out', '$OUT'], '--input'],
    ['a missing --out', ['grade', '--input', SAMPLE], '--out'],
    ['an unknown option', ['grade', '--input', SAMPLE, '--out', '$OUT', '--year', '2025'], '--year'],
    ['an unknown output format', ['grade', '--input', SAMPLE, '--out', 'result.txt'], '.json'],
    [
      'an input file that does not exist',
      ['grade', '--input', 'no/such/file.csv', '--out', '$OUT'],
      'file.csv',
    ],
  ])('exits 2 on %s', async (_name, args, mention) => {
    const run = await failing(`args-${mention.replace(/\W/g, '')}`, ...args);
    expect(run.stderr).toContain(mention);
  });
});
