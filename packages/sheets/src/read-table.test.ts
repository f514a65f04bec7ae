import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SheetError, SheetErrorCode, SheetLimitError } from './errors.js';
import { readTable } from './read-table.js';

const A = '91331003MA209HKA5H';

describe('readTable', () => {
  it('tells a workbook from a CSV by content, not by name, and reads both the same', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['uscc', 'name', 'tax']);
    sheet.addRow([A, '恒力', 12.5]);
    const xlsx = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()), { file: '数据.csv' });
    const csv = await readTable(Buffer.from(`\uFEFFuscc,name,tax\n${A},恒力,12.5\n`), { file: '数据.csv' });
    expect(xlsx.sheet).toBe('Sheet1');
    expect(xlsx.rows).toEqual(csv.rows);
    expect(csv.sheet).toBeUndefined();
  });

  it('refuses an old .xls workbook with what to do about it', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(readTable(xls, { file: 'old.xls' })).rejects.toThrow(SheetError);
    await expect(readTable(xls, { file: 'old.xls' })).rejects.toMatchObject({
      code: SheetErrorCode.LegacyWorkbook,
      message: expect.stringContaining(
        'old.xls 是旧版 .xls 工作簿或加了密码的工作簿，请在 Excel 或 WPS 中另存为 .xlsx',
      ) as unknown,
    });
  });

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const csv = Buffer.from(`uscc,name\n${A},恒力\n`);
    const refused = readTable(csv, { file: 'big.csv', limits: { maxFileBytes: 20 } });
    await expect(refused).rejects.toBeInstanceOf(SheetLimitError);
    await expect(refused).rejects.toMatchObject({
      limit: 'maxFileBytes',
      value: 20,
      message: 'big.csv 超过文件大小上限（20 字节） (the file exceeds the 20 bytes file size limit)',
    });
  });
});
