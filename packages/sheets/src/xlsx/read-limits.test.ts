import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HEADERS, inlineRow, repeatedRowsXlsx, zipBombXlsx } from '../../bench/hostile-files.js';
import { SheetError, SheetErrorCode, SheetLimitError } from '../errors.js';
import { readLimits } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { readTable } from '../read-table.js';
import type { GridRow } from '../table/grid.js';
import { openXlsxSheet } from './read-xlsx.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A workbook of one sheet whose XML is `sheetData`'s rows, with shared strings and other parts as given. */
function workbook(rows: string, parts: { sharedStrings?: string; extra?: Record<string, string> } = {}) {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  const files: Record<string, Uint8Array> = {
    '_rels/.rels': strToU8(
      `<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" ` +
        'Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="数据" sheetId="1" r:id="rId1"/>` +
        '</sheets></workbook>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`,
    ),
  };
  if (parts.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    files['xl/sharedStrings.xml'] = strToU8(`<sst xmlns="${MAIN}">${parts.sharedStrings}</sst>`);
  }
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<Relationships xmlns="${PACKAGE_REL}">${rels.join('')}</Relationships>`,
  );
  for (const [name, text] of Object.entries(parts.extra ?? {})) files[name] = strToU8(text);
  return Buffer.from(zipSync(files));
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

async function rowsOf(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<GridRow[]> {
  const rows: GridRow[] = [];
  const sheet = await openXlsxSheet(bytes, 'x.xlsx', undefined, readLimits(limits));
  for await (const row of sheet.rows) rows.push(row);
  return rows;
}

/** The SheetLimitError reading the workbook throws (and fails when it reads without one). */
async function limitOf(bytes: Uint8Array, limits?: Partial<ReadLimits>): Promise<SheetLimitError> {
  try {
    await rowsOf(bytes, limits);
  } catch (error) {
    if (error instanceof SheetLimitError) return error;
    throw error;
  }
  throw new Error('read without reaching a limit');
}

describe('openXlsxSheet against a zip bomb', () => {
  it('refuses a 1 MB workbook whose sheet unzips to 1 GiB at once, writing nothing', async () => {
    const bomb = zipBombXlsx();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const error = await limitOf(bomb);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error.limit).toBe('maxEntryBytes');
    expect(error.tooLarge).toBe(true);
    expect(error.message).toContain('压缩包内的 xl/worksheets/sheet1.xml 解压后超过 256 MB 上限');
  });

  it('refuses it by what it unzips to when the limits allow what it declares, before unzipping much', async () => {
    const bomb = zipBombXlsx(64 * 1024 * 1024);
    const byRatio = await limitOf(bomb, { maxEntryBytes: 2 ** 30, maxUnzippedBytes: 2 ** 30 });
    expect(byRatio.limit).toBe('maxCompressionRatio');
    expect(byRatio.message).toContain('超过压缩比上限（100 倍，疑似压缩炸弹）');
    const limits = { maxCompressionRatio: 10_000, maxEntryBytes: 2 ** 30 };
    expect((await limitOf(bomb, { ...limits, maxUnzippedBytes: 16 * 1024 * 1024 })).limit).toBe(
      'maxUnzippedBytes',
    );
  });

  it('refuses a part that unzips to more than it declares as no workbook', async () => {
    const bytes = workbook(`<row r="1">${cell('A1', 'x'.repeat(5000))}</row>`);
    // Lower the sheet's uncompressed size in the central directory.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0;) {
      if (bytes.subarray(at + 46, at + 46 + name.length).equals(name)) bytes.writeUInt32LE(100, at + 24);
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    await expect(rowsOf(bytes)).rejects.toMatchObject({ code: SheetErrorCode.InvalidXlsx });
  });

  it('refuses more files in the zip than the limit before reading any', async () => {
    const extra = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`xl/media/${i}.txt`, 'x']));
    const error = await limitOf(workbook('', { extra }), { maxZipEntries: 10 });
    expect(error.limit).toBe('maxZipEntries');
    expect(error.message).toMatch(/压缩包内有 2\d 个文件，超过压缩包内文件数上限（10 个）/);
  });
});

describe('openXlsxSheet against 186,000 repeated rows in 200 KB', () => {
  const bytes = repeatedRowsXlsx({
    header: HEADERS,
    row: inlineRow(['', '某企业', '规上', '10', '5']),
    count: 186_000,
  });

  it('refuses them by their compression ratio', async () => {
    expect(bytes.length).toBeLessThan(256 * 1024);
    expect((await limitOf(bytes)).limit).toBe('maxCompressionRatio');
  });

  it('refuses them by the row limit when the ratio is allowed, and reads them when both are', async () => {
    const error = await limitOf(bytes, { maxCompressionRatio: 1_000, maxRows: 100_000 });
    expect(error.limit).toBe('maxRows');
    expect(error.tooLarge).toBe(false);
    expect(error.message).toBe(
      'x.xlsx 的工作表超过行数上限（100,000 行） (the sheet exceeds the limit of 100,000 rows)',
    );
    const table = await readTable(bytes, { file: 'x.xlsx', limits: { maxCompressionRatio: 1_000 } });
    expect(table.rows).toHaveLength(186_000);
  });
});

describe('openXlsxSheet within the shape limits', () => {
  it('refuses a row over the row limit', async () => {
    const rows = Array.from(
      { length: 11 },
      (_, i) => `<row r="${i + 1}">${cell(`A${i + 1}`, 'a')}</row>`,
    ).join('');
    expect(await rowsOf(workbook(rows), { maxRows: 11 })).toHaveLength(11);
    expect((await limitOf(workbook(rows), { maxRows: 10 })).limit).toBe('maxRows');
  });

  it('refuses data beyond the column limit, but not an empty styled cell there', async () => {
    const styled = `<row r="1">${cell('A1', 'a')}<c r="XFD1" s="1"/></row>`;
    expect(await rowsOf(workbook(styled), { maxColumns: 5 })).toEqual([{ row: 1, cells: ['a'] }]);
    const error = await limitOf(workbook(`<row r="7">${cell('A7', 'a')}${cell('F7', 'b')}</row>`), {
      maxColumns: 5,
    });
    expect(error.limit).toBe('maxColumns');
    expect(error.message).toContain('的工作表第 7 行（第 F 列有数据）超过列数上限（5 列）');
  });

  it('refuses more cells in all than the cell limit', async () => {
    const row = (r: number) => `<row r="${r}">${cell(`A${r}`, 'a')}${cell(`B${r}`, 'b')}</row>`;
    expect(await rowsOf(workbook(row(1) + row(2)), { maxCells: 4 })).toHaveLength(2);
    expect((await limitOf(workbook(row(1) + row(2) + row(3)), { maxCells: 4 })).limit).toBe('maxCells');
  });

  it('refuses a cell over the character limit, inline or shared', async () => {
    const limits = { maxCellChars: 5 };
    expect((await limitOf(workbook(`<row r="1">${cell('B1', '123456')}</row>`), limits)).message).toContain(
      '单元格 B1 超过单元格字符数上限（5 字符）',
    );
    const shared = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
      sharedStrings: '<si><t>123456</t></si>',
    });
    expect((await limitOf(shared, limits)).message).toContain('的第 1 条共享字符串超过单元格字符数上限');
  });

  it('refuses a text too long to hold before the XML parser holds it, even in a comment', async () => {
    const long = `<row r="1">${cell('A1', 'x'.repeat(3_000_000))}</row>`;
    const error = await limitOf(workbook(long), { maxCompressionRatio: 100_000 });
    expect(error.limit).toBe('maxCellChars');
    expect(error.message).toContain('中有一段文字长达 1,048,576 字符以上');
    const comment = `<!-- ${'<>'.repeat(1_500_000)} -->`;
    expect((await limitOf(workbook(comment), { maxCompressionRatio: 100_000 })).limit).toBe('maxCellChars');
  });

  it('refuses more shared strings, or more of their bytes, than the limits', async () => {
    const strings = Array.from({ length: 11 }, (_, i) => `<si><t>名称${i}</t></si>`).join('');
    const bytes = workbook('<row r="1"><c r="A1" t="s"><v>10</v></c></row>', { sharedStrings: strings });
    expect(await rowsOf(bytes, { maxSharedStrings: 11 })).toEqual([{ row: 1, cells: ['名称10'] }]);
    expect((await limitOf(bytes, { maxSharedStrings: 10 })).limit).toBe('maxSharedStrings');
    expect((await limitOf(bytes, { maxSharedStringBytes: 50 })).limit).toBe('maxSharedStringBytes');
  });

  it('refuses a DOCTYPE, where entity expansion attacks begin', async () => {
    const bytes = workbook('');
    const evil = workbook('', {
      extra: {
        'xl/workbook.xml':
          '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
          `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="&b;" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      },
    });
    expect(await rowsOf(bytes)).toEqual([]);
    await expect(rowsOf(evil)).rejects.toThrow(/DOCTYPE/);
    await expect(rowsOf(evil)).rejects.toBeInstanceOf(SheetError);
  });

  it('refuses a file over the size limit before opening it', async () => {
    const error = await limitOf(workbook(''), { maxFileBytes: 100 });
    expect(error).toMatchObject({ limit: 'maxFileBytes', value: 100, tooLarge: true });
    expect(error.message).toContain('超过文件大小上限（100 字节）');
  });
});
