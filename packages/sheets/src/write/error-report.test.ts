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
});
