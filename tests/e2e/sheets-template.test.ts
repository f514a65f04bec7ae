import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { GradeReport } from '@mujun/scoring';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mujun, tempDirectory } from './support/mujun.js';
import { workbookRows } from './support/sheets.js';

/** The empty input workbook, filled in as a clerk would, grades as it is. */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

const FILLED: Readonly<Record<string, string | number>>[] = [
  {
    uscc: '91331003MA209HKA5H',
    name: '台州市黄岩恒力模具有限公司',
    scale: '规上',
    landAreaMu: 45.2,
    tax: 1356.8,
    addedValue: 4870,
    revenue: 18650,
    employees: 268,
    energyTce: 1620,
    rdExpense: 712,
  },
  {
    uscc: '91331003MA20D7XK47',
    name: '黄岩鸿达模具厂',
    scale: '规下',
    landAreaMu: '4.5',
    tax: '57.90',
    electricityKwh: 385000,
  },
];

describe('mujun template', () => {
  it('writes the headers in both languages and a notes sheet of units', async () => {
    const path = join(dir.path, 'template.xlsx');
    const run = await mujun('template', '--out', path);
    expect(run.code, run.stderr).toBe(0);
    const sheets = await workbookRows(path);
    expect(Object.keys(sheets)).toEqual(['企业数据', '说明']);
    expect(sheets['企业数据']?.[0]?.slice(0, 3)).toEqual(['统一社会信用代码', '企业名称', '企业规模']);
    expect(sheets['企业数据']?.[1]?.slice(0, 3)).toEqual(['uscc', 'name', 'scale']);
    expect(sheets['说明']?.[0]).toEqual(['中文表头', '英文键 (key)', '类型', '单位', '规上', '规下', '说明']);
    expect(sheets['说明']).toContainEqual([
      '用地面积(亩)',
      'landAreaMu',
      '数字，≥ 0',
      '亩',
      '二选一',
      '二选一',
      expect.any(String),
    ]);
  });

  it('filled with two enterprises, grades them', async () => {
    const path = join(dir.path, 'filled.xlsx');
    expect((await mujun('template', '--out', path)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('企业数据');
    const keys = (sheet?.getRow(2).values as unknown[]).slice(1);
    FILLED.forEach((enterprise, i) => {
      const row = sheet?.getRow(3 + i);
      keys.forEach((key, c) => {
        const value = enterprise[String(key)];
        if (value !== undefined && row !== undefined) row.getCell(c + 1).value = value;
      });
      row?.commit();
    });
    await workbook.xlsx.writeFile(path);

    const out = join(dir.path, 'filled.json');
    const run = await mujun('grade', '--input', path, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    expect(report.enterprises.map((enterprise) => [enterprise.uscc, enterprise.status])).toEqual([
      ['91331003MA209HKA5H', 'rated'],
      ['91331003MA20D7XK47', 'rated'],
    ]);
  });

  it('with --scheme, adds the columns the scheme declares and grades them when filled in', async () => {
    const path = join(dir.path, 'linhai.xlsx');
    const run = await mujun('template', '--out', path, '--scheme', 'linhai');
    expect(run.code, run.stderr).toBe(0);
    const sheets = await workbookRows(path);
    expect(sheets['企业数据']?.[0]?.slice(-2)).toEqual(['用水量(吨)', 'COD排放量(吨)']);
    expect(sheets['企业数据']?.[1]?.slice(-2)).toEqual(['waterTon', 'codTon']);
    const notes = sheets['说明'] ?? [];
    expect(notes.find((row) => row[1] === 'waterTon')?.slice(0, 4)).toEqual([
      '用水量(吨)',
      'waterTon',
      '数字，≥ 0',
      '吨',
    ]);
    expect(notes.find((row) => row[1] === 'codTon')?.slice(0, 4)).toEqual([
      'COD排放量(吨)',
      'codTon',
      '数字，≥ 0',
      '吨',
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('企业数据');
    const keys = (sheet?.getRow(2).values as unknown[]).slice(1);
    const enterprise = { ...FILLED[0], waterTon: 48700, codTon: 9.74 } as Record<string, string | number>;
    const row = sheet?.getRow(3);
    keys.forEach((key, c) => {
      const value = enterprise[String(key)];
      if (value !== undefined && row !== undefined) row.getCell(c + 1).value = value;
    });
    row?.commit();
    await workbook.xlsx.writeFile(path);
    const out = join(dir.path, 'linhai.json');
    const graded = await mujun('grade', '--input', path, '--scheme', 'linhai', '--out', out);
    expect(graded.code, graded.stderr).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as GradeReport;
    // 工业增加值 4,870 ÷ 用水量 48,700 吨 = 0.1 万元/吨, at Linhai's benchmark 0.1: the full weight 5
    expect(report.enterprises[0]?.indicators['addedValuePerWater']).toMatchObject({
      value: '0.1000',
      score: '5.00',
    });
  });

  it('never writes over an existing file', async () => {
    const path = join(dir.path, 'mine.xlsx');
    await writeFile(path, 'a clerk’s filled-in template');
    const run = await mujun('template', '--out', path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('已存在');
    expect(await readFile(path, 'utf8')).toBe('a clerk’s filled-in template');
  });
});
