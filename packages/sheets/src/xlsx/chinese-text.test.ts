import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { openXlsxSheet } from './read-xlsx.js';

/** Enough Chinese text that the zip's 16 KB chunks must split characters. */
const NAMES = Array.from({ length: 3000 }, (_, i) => `台州市黄岩恒力模具有限公司第${i}分厂`);

async function namesRead(bytes: Buffer): Promise<string[]> {
  const names: string[] = [];
  for await (const row of (await openXlsxSheet(bytes, 'big.xlsx')).rows) names.push(row.cells[0] ?? '');
  return names;
}

describe('openXlsxSheet on large Chinese text, which the zip inflates in chunks that split characters', () => {
  it('reads shared strings without replacement characters', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('数据');
    for (const name of NAMES) sheet.addRow([name]);
    const names = await namesRead(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(names).toEqual(NAMES);
  });

  it('reads inline strings in a worksheet without replacement characters', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useSharedStrings: false,
      useStyles: false,
    });
    const sheet = writer.addWorksheet('数据');
    for (const name of NAMES) sheet.addRow([name]).commit();
    sheet.commit();
    await writer.commit();
    const names = await namesRead(Buffer.concat(chunks));
    expect(names).toEqual(NAMES);
  });
});
