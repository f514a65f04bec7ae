import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, tempDirectory } from './support/mujun.js';

/** Bad input to `mujun surcharges` exits 2, lists every problem of every file at once, and writes nothing. */

const FIXTURES = 'tests/fixtures/surcharges';
const DATA = `${FIXTURES}/data-2025.csv`;
const HISTORY = `${FIXTURES}/history.csv`;
const BAD_HISTORY = `${FIXTURES}/history-bad-cells.csv`;

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

const ARGS: Readonly<Record<string, string>> = {
  '--input': DATA,
  '--year': '2025',
  '--history': HISTORY,
  '--published': '2026-03-15',
  '--doc-no': '黄经信〔2026〕12号',
};

/** Runs with the good arguments changed by `changes` (undefined drops one), into a fresh sub-directory. */
async function failing(name: string, changes: Record<string, string | undefined>, out = 'list.csv') {
  const target = join(dir.path, name);
  const options: Record<string, string | undefined> = { ...ARGS, '--out': join(target, out), ...changes };
  const args = Object.entries(options).flatMap(([key, value]) => (value === undefined ? [] : [key, value]));
  const run = await mujun('surcharges', ...args);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(await listing(dir.path).then((names) => names.includes(name))).toBe(false);
  return run;
}

describe('mujun surcharges with a bad class history', () => {
  it('lists every bad cell with its row, column, value and reason', async () => {
    const run = await failing('bad-history', { '--history': BAD_HISTORY });
    const lines = run.stderr.trimEnd().split('\n');
    const expected = [
      ['第 4 行', '「统一社会信用代码」(uscc)', 'A4', '"91331003MA2FTC0016"', '校验位'],
      ['第 5 行', '「评价年度」(year)', 'C5', '"二〇二四"', '四位'],
      ['第 6 行', '「类别」(class)', 'D6', '"E"', 'A、B、C、D、T'],
      ['第 7 行', '「类别」(class)', 'D7', '"C"', '第 3 行为 D 类'],
    ];
    expect(lines).toHaveLength(expected.length + 1);
    expected.forEach((parts, i) => {
      expect(lines[i]?.startsWith(`${BAD_HISTORY} `)).toBe(true);
      for (const part of parts) expect(lines[i]).toContain(part);
    });
    expect(lines.at(-1)).toContain('4 处数据问题');
  });

  it('lists the data’s bad cells and the history’s together', async () => {
    const run = await failing('bad-both', {
      '--history': BAD_HISTORY,
      '--input': 'tests/fixtures/cli/grade-bad-cells.csv',
    });
    expect(run.stderr).toContain('tests/fixtures/cli/grade-bad-cells.csv 第 4 行');
    expect(run.stderr).toContain(`${BAD_HISTORY} 第 6 行`);
    expect(run.stderr).toContain('10 处数据问题');
  });
});

describe('mujun surcharges with a bad previous list', () => {
  it('lists its bad cells too', async () => {
    const previous = join(dir.path, 'list-2024.csv');
    await writeFile(
      previous,
      '统一社会信用代码,电力户号,加价标准(元/kWh)\r\n91331003MA2FTC0015,3310040070001,0.3元\r\n',
    );
    const run = await failing('bad-previous', { '--previous': previous });
    expect(run.stderr).toContain(`${previous} 第 2 行，列「加价标准(元/kWh)」(price)，单元格 C2，值 "0.3元"`);
  });
});

describe('mujun surcharges with bad arguments', () => {
  it.each([
    ['no-history', { '--history': undefined }, '--history'],
    ['no-year', { '--year': undefined }, '--year'],
    ['no-doc-no', { '--doc-no': undefined }, '--doc-no'],
    ['short-year', { '--year': '25' }, '四位年份'],
    ['no-such-day', { '--published': '2026-02-29' }, '日历上没有这一天'],
    ['not-a-date', { '--published': '15/03/2026' }, 'YYYY-MM-DD'],
    ['no-policy', { '--scheme': 'huangyan-2022-reference' }, 'policy.surcharges.electricity'],
    ['missing-history-file', { '--history': `${FIXTURES}/no-such-file.csv` }, '无法读取类别历史文件'],
  ])('%s', async (name, changes, message) => {
    const run = await failing(name, changes);
    expect(run.stderr).toContain(message);
  });

  it('an output that is neither .csv, .xlsx nor .html', async () => {
    const run = await failing('pdf', {}, 'list.pdf');
    expect(run.stderr).toContain('.csv、.xlsx 或 .html');
  });

  it('an output that is the history file', async () => {
    const run = await mujun('surcharges', ...Object.entries(ARGS).flat(), '--out', HISTORY);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('会覆盖');
  });
});
