import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetError } from '../errors.js';
import type { GridRow } from '../table/grid.js';
import { openXlsxSheet } from './read-xlsx.js';

async function bytesOf(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function collect(rows: AsyncIterable<GridRow>): Promise<GridRow[]> {
  const all: GridRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('openXlsxSheet', () => {
  it('reads the first sheet by default, numbering rows as Excel shows them', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('数据');
      sheet.getCell('A1').value = '标题';
      sheet.getCell('A3').value = 'uscc';
      sheet.getCell('B3').value = 0.1 + 0.2;
      sheet.getCell('C3').value = '12.50';
      workbook.addWorksheet('其他').getCell('A1').value = 'no';
    });
    const { sheet, rows } = await openXlsxSheet(bytes, 'x.xlsx');
    expect(sheet).toBe('数据');
    expect(await collect(rows)).toEqual([
      { row: 1, cells: ['标题'] },
      { row: 3, cells: ['uscc', '0.3', '12.50'] },
    ]);
  });

  it('reads a sheet by name', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('说明').getCell('A1').value = '填报说明';
      workbook.addWorksheet('税务').getCell('B2').value = 42;
    });
    const { sheet, rows } = await openXlsxSheet(bytes, 'x.xlsx', '税务');
    expect(sheet).toBe('税务');
    expect(await collect(rows)).toEqual([{ row: 2, cells: ['', '42'] }]);
  });

  it('skips a hidden first sheet when none is named', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('底稿', { state: 'hidden' }).getCell('A1').value = 'hidden';
      workbook.addWorksheet('数据').getCell('A1').value = 'shown';
    });
    const { sheet, rows } = await openXlsxSheet(bytes, 'x.xlsx');
    expect(sheet).toBe('数据');
    expect(await collect(rows)).toEqual([{ row: 1, cells: ['shown'] }]);
  });

  it('gives a formula its cached result, a date its ISO text and a merged range its first cell only', async () => {
    const bytes = await bytesOf((workbook) => {
      const sheet = workbook.addWorksheet('数据');
      sheet.getCell('A1').value = { formula: '1+2', result: 3 };
      sheet.getCell('B1').value = new Date(Date.UTC(2025, 11, 31));
      sheet.getCell('B1').numFmt = 'yyyy-mm-dd';
      sheet.getCell('C1').value = '合并';
      sheet.mergeCells('C1:E1');
      sheet.getCell('F1').value = { richText: [{ text: '富' }, { text: '文本' }] };
      sheet.getCell('G1').value = 1234.5;
      sheet.getCell('G1').numFmt = '#,##0.00"万"';
    });
    const [row] = await collect((await openXlsxSheet(bytes, 'x.xlsx')).rows);
    expect(row?.cells).toEqual(['3', '2025-12-31', '合并', '', '', '富文本', '1234.5']);
  });

  it('names the sheets there are when the named one is not', async () => {
    const bytes = await bytesOf((workbook) => {
      workbook.addWorksheet('税务');
      workbook.addWorksheet('土地');
    });
    await expect(openXlsxSheet(bytes, 'x.xlsx', '统计')).rejects.toThrow(/统计.*税务、土地/);
  });

  it('leaves none of the temporary files exceljs parks sheets in, whichever sheet is read', async () => {
    const parked = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const before = parked();
    const bytes = await bytesOf((workbook) => {
      for (const name of ['说明', '税务', '国土']) workbook.addWorksheet(name).addRow([name, '数据']);
    });
    expect(await collect((await openXlsxSheet(bytes, 'x.xlsx', '税务')).rows)).toEqual([
      { row: 1, cells: ['税务', '数据'] },
    ]);
    await expect(openXlsxSheet(bytes, 'x.xlsx', '统计')).rejects.toThrow(SheetError);
    // tmp removes its files asynchronously: wait (briefly) for them to go.
    const left = () => parked().filter((name) => !before.includes(name));
    for (let tries = 0; tries < 50 && left().length > 0; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(left()).toEqual([]);
  });

  it('refuses a zip that is not a workbook', async () => {
    const bytes = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64)]);
    await expect(openXlsxSheet(bytes, 'broken.xlsx')).rejects.toThrow(SheetError);
  });
});
