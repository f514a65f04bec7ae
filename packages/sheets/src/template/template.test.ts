import { FIELDS } from '@mujun/scoring';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable } from '../read-table.js';
import { NOTES_SHEET, TEMPLATE_SHEET, inputTemplate } from './template.js';

describe('inputTemplate', () => {
  it('has the Chinese headers over the English keys, and a notes row per field', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await inputTemplate()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([TEMPLATE_SHEET, NOTES_SHEET]);
    const data = workbook.getWorksheet(TEMPLATE_SHEET);
    expect((data?.getRow(1).values as unknown[]).slice(1)).toEqual(FIELDS.map((field) => field.header));
    expect((data?.getRow(2).values as unknown[]).slice(1)).toEqual(FIELDS.map((field) => field.key));
    const notes = workbook.getWorksheet(NOTES_SHEET);
    expect(notes?.rowCount).toBe(FIELDS.length + 1);
    expect((notes?.getRow(11).values as unknown[]).slice(1)).toEqual([
      '税收实际贡献(万元)',
      'tax',
      '数字',
      '万元',
      '必填',
      '必填',
      '可为负数（净退税）',
    ]);
  });

  it('reads back, empty, as a table with every column and no rows', async () => {
    const table = await readTable(await inputTemplate(), { file: 'template.xlsx' });
    expect(table.sheet).toBe(TEMPLATE_SHEET);
    expect(table.headerRow).toBe(1);
    expect([...table.columns.keys()]).toEqual(FIELDS.map((field) => field.key));
    expect(table.rows).toEqual([]);
    expect(table.issues).toEqual([]);
    expect(table.warnings).toEqual([]);
  });
});
