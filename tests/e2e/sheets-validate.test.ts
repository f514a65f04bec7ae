import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, tempDirectory } from './support/mujun.js';
import { PLAIN, SHEETS, workbookRows } from './support/sheets.js';

/** `mujun validate` checks without grading and writes a report a clerk opens in Excel. */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

const REPORT_HEADER = ['文件', '工作表', '行', '列', '值', '原因'];

describe('mujun validate', () => {
  it('exits 0 on clean files with a summary, and writes no result', async () => {
    const run = await mujun('validate', '--input', PLAIN);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('8 家企业，未发现问题');
    expect(run.stderr).toBe('');
  });

  it('exits 2 listing the bad cells, and the report lists them by file, sheet, row, column, value, reason', async () => {
    const file = `${SHEETS}/titled-bad-cells.xlsx`;
    const report = join(dir.path, 'errors.xlsx');
    const run = await mujun('validate', '--input', file, '--report', report);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('第 5 行，列「税收实际贡献(万元)」(tax)');
    expect(run.stderr).toContain('2 处数据问题');
    const sheets = await workbookRows(report);
    expect(sheets['错误']).toEqual([
      REPORT_HEADER,
      [file, '2025年度', 5, 'F 税收实际贡献(万元)', '12万', expect.stringContaining('不是有效数字')],
      [file, '2025年度', 7, 'C 企业规模', '中型', expect.stringContaining('规上/规下')],
    ]);
    expect(sheets['警告']).toEqual([['文件', '工作表', '行', '列', '说明']]);
  });

  it('puts merge problems, warnings and the figures rated enterprises lack in the report', async () => {
    const tax = `${SHEETS}/conflict-tax.csv`;
    const land = `${SHEETS}/conflict-land.xlsx`;
    const report = join(dir.path, 'conflict.xlsx');
    const run = await mujun('validate', '--input', tax, '--input', land, '--report', report);
    expect(run.code).toBe(2);
    const errors = (await workbookRows(report))['错误'] ?? [];
    expect(errors).toContainEqual([
      land,
      '国土',
      3,
      'B 企业名称',
      '浙江精诚塑料有限公司',
      expect.stringContaining(tax),
    ]);
    expect(errors).toContainEqual([
      tax,
      '',
      5,
      'A 统一社会信用代码',
      '91331003MA209KU721',
      expect.stringContaining(land),
    ]);
    // The rated enterprises of the pair lack the 规上 figures the reference method needs.
    expect(errors).toContainEqual([
      tax,
      '',
      2,
      '工业增加值(万元)',
      '',
      expect.stringContaining('参评企业必填'),
    ]);
  });

  it('lists the 合计 row and the ignored columns on the 警告 sheet of a clean file', async () => {
    const report = join(dir.path, 'titled.xlsx');
    const run = await mujun('validate', '--input', `${SHEETS}/titled.xlsx`, '--report', report);
    expect(run.code, run.stderr).toBe(0);
    const sheets = await workbookRows(report);
    expect(sheets['错误']).toEqual([REPORT_HEADER]);
    expect(sheets['警告']?.map((row) => row[2])).toEqual(['行', 3, 4, 12]);
  });

  it('is listed in the main usage and explains its options', async () => {
    const [main, own] = await Promise.all([mujun('--help'), mujun('validate', '--help')]);
    expect(main.stdout).toContain('validate');
    expect(main.stdout).toContain('template');
    expect(own.code).toBe(0);
    for (const text of ['--input', '--sheet', '--encoding', '--scheme', '--report', '错误', '警告']) {
      expect(own.stdout).toContain(text);
    }
  });

  it('refuses a report that is not .xlsx before reading anything', async () => {
    const run = await mujun('validate', '--input', PLAIN, '--report', join(dir.path, 'errors.csv'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('.xlsx');
    expect(await listing(dir.path)).not.toContain('errors.csv');
  });
});
