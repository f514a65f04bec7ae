import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirectory } from './support/mujun.js';
import { gradeBytes, PLAIN, SHEETS } from './support/sheets.js';

/**
 * The same enterprises give the same published bytes however the bureau received them: a workbook with
 * title rows, formulas and numbers stored as text, or Excel's GBK "CSV", grade exactly as the plain
 * UTF-8 CSV does.
 */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

describe('mujun grade reads the same data the same way in every file shape', () => {
  it('an XLSX with title rows grades byte for byte like the same data as CSV (JSON and CSV results)', async () => {
    for (const out of ['.json', '.csv']) {
      const [csv, xlsx] = await Promise.all([
        gradeBytes(join(dir.path, `plain${out}`), '--input', PLAIN),
        gradeBytes(join(dir.path, `titled${out}`), '--input', `${SHEETS}/titled.xlsx`),
      ]);
      expect(xlsx.bytes.equals(csv.bytes), out).toBe(true);
    }
  });

  it('a GBK CSV is detected, and read the same when --encoding gb18030 names it', async () => {
    const [plain, detected, named, gbk] = await Promise.all([
      gradeBytes(join(dir.path, 'plain-gbk.json'), '--input', PLAIN),
      gradeBytes(join(dir.path, 'detected.json'), '--input', `${SHEETS}/gbk.csv`),
      gradeBytes(join(dir.path, 'named.json'), '--input', `${SHEETS}/gbk.csv`, '--encoding', 'gb18030'),
      gradeBytes(join(dir.path, 'gbk.json'), '--encoding', 'GBK', '--input', `${SHEETS}/gbk.csv`),
    ]);
    expect(detected.bytes.equals(plain.bytes)).toBe(true);
    expect(named.bytes.equals(plain.bytes)).toBe(true);
    expect(gbk.bytes.equals(plain.bytes)).toBe(true);
    // Decoded, not mojibake: the Chinese names are in the result.
    expect(detected.bytes.toString('utf8')).toContain('台州市黄岩恒力模具有限公司');
  });

  it('a workbook is read as a workbook whatever its name says', async () => {
    const { copyFile } = await import('node:fs/promises');
    const renamed = join(dir.path, '数据.csv');
    await copyFile(`${SHEETS}/titled.xlsx`, renamed);
    const [plain, xlsx] = await Promise.all([
      gradeBytes(join(dir.path, 'plain-renamed.json'), '--input', PLAIN),
      gradeBytes(join(dir.path, 'renamed.json'), '--input', renamed),
    ]);
    expect(xlsx.bytes.equals(plain.bytes)).toBe(true);
  });
});
