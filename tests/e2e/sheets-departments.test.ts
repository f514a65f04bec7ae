import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, tempDirectory } from './support/mujun.js';
import { gradeBytes, PLAIN, SHEETS } from './support/sheets.js';

/**
 * One file per department, merged by 统一社会信用代码: a clean set grades exactly like the combined file;
 * a conflict or an enterprise missing from a file that must list everyone names both files.
 */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

const TAX = `${SHEETS}/dept-tax.xlsx`;
const LAND = `${SHEETS}/dept-land.csv`;
const STATS = `${SHEETS}/dept-stats.xlsx`;
const POWER = `${SHEETS}/dept-power.csv`;

describe('mujun grade with one input per department', () => {
  it('merges tax, land, statistics and power files into the same result as the combined CSV', async () => {
    const [plain, merged] = await Promise.all([
      gradeBytes(join(dir.path, 'plain.json'), '--input', PLAIN),
      gradeBytes(
        join(dir.path, 'merged.json'),
        ...['--input', TAX, '--sheet', '税务', '--input', LAND, '--input', STATS, '--input', POWER],
      ),
    ]);
    expect(merged.bytes.equals(plain.bytes)).toBe(true);
    expect(merged.run.stderr).toBe('');
  });

  it('reads the first sheet unless told otherwise, and says so when it has no header', async () => {
    const out = join(dir.path, 'first-sheet');
    const run = await mujun('grade', '--input', TAX, '--input', LAND, '--out', join(out, 'result.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${TAX} 工作表「说明」`);
    expect(run.stderr).toContain('找不到表头行');
    expect(await listing(dir.path)).not.toContain('first-sheet');
  });

  it('names the sheets a workbook has when --sheet names another', async () => {
    const run = await mujun('grade', '--input', TAX, '--sheet', '土地', '--out', join(dir.path, 'x.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('说明、税务');
  });

  it('reports a field two files give differently and enterprises a file lacks, naming both files', async () => {
    const tax = `${SHEETS}/conflict-tax.csv`;
    const land = `${SHEETS}/conflict-land.xlsx`;
    const run = await mujun('grade', '--input', tax, '--input', land, '--out', join(dir.path, 'c', 'r.json'));
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n');
    const conflict = lines.find((line) => line.includes('不一致'));
    expect(conflict).toBe(
      `${land} 工作表「国土」 第 3 行，列「企业名称」(name)，单元格 B3，值 "浙江精诚塑料有限公司"：` +
        `与 ${tax} 第 3 行「企业名称」的值 "浙江精诚塑料制品有限公司" 不一致 ` +
        `(differs from ${tax} row 3: "浙江精诚塑料制品有限公司")`,
    );
    const missing = lines.filter((line) => line.includes('中没有此企业'));
    expect(missing).toEqual([
      expect.stringMatching(
        new RegExp(`^${tax} 第 5 行.*"91331003MA209KU721"：${land} 中没有此企业（见于 ${tax} 第 5 行）`),
      ),
      expect.stringMatching(
        new RegExp(
          `^${land} 工作表「国土」 第 5 行.*"91331003MA20D1TP3U"：${tax} 中没有此企业（见于 ${land} 第 5 行）`,
        ),
      ),
    ]);
  });
});
