import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, tempDirectory } from './support/mujun.js';
import { gradeBytes, SHEETS } from './support/sheets.js';

/** Bureau workbooks put titles above the header and a 合计 row under the data: both are handled. */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

describe('mujun grade on a workbook with title rows and a totals row', () => {
  it('numbers rows as Excel shows them, title rows counted, in every message', async () => {
    const file = `${SHEETS}/titled-bad-cells.xlsx`;
    const run = await mujun('grade', '--input', file, '--out', join(dir.path, 'bad', 'result.json'));
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      `${file} 工作表「2025年度」 第 5 行，列「税收实际贡献(万元)」(tax)，单元格 F5，值 "12万"：` +
        '不是有效数字 (not a plain decimal number: digits, optional minus and decimal point only)',
    );
    expect(lines[1]).toContain('第 7 行，列「企业规模」(scale)，单元格 C7，值 "中型"');
    expect(await listing(dir.path)).not.toContain('bad');
  });

  it('reports the 合计 row as a warning naming its row and does not grade it', async () => {
    const { bytes, run } = await gradeBytes(
      join(dir.path, 'titled.json'),
      '--input',
      `${SHEETS}/titled.xlsx`,
    );
    expect(run.stderr).toMatch(/警告 \(warning\)：.*titled\.xlsx 工作表「2025年度」：第 12 行是合计行/);
    const report = JSON.parse(bytes.toString('utf8')) as GradeReport;
    expect(report.enterprises).toHaveLength(8);
    expect(report.enterprises.map((enterprise) => enterprise.name)).not.toContain('合计');
    expect(report.enterprises.every((enterprise) => /^[0-9A-Z]{18}$/.test(enterprise.uscc))).toBe(true);
  });

  it('warns about the merged 备注 header and the data under its second column, and grades on', async () => {
    const run = await mujun(
      'grade',
      '--input',
      `${SHEETS}/titled.xlsx`,
      '--out',
      join(dir.path, 'again.json'),
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('未知列「备注」(第 N 列)');
    expect(run.stderr).toContain('第 O 列没有表头');
    expect(await readFile(join(dir.path, 'again.json'), 'utf8')).toContain('"enterprises"');
  });
});
