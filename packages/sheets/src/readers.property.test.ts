import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SheetError, SheetLimitError } from './errors.js';
import { readTable } from './read-table.js';
import { cellText } from './xlsx/cell-text.js';
import { numberText } from './xlsx/number-text.js';

/** Reads the bytes; anything thrown must be the package's own SheetError. */
async function onlySheetErrors(bytes: Uint8Array, limits = {}): Promise<void> {
  try {
    await readTable(bytes, { file: 'x', limits });
  } catch (error) {
    if (!(error instanceof SheetError)) throw error;
  }
}

let workbook: Buffer;

beforeAll(async () => {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('数据');
  sheet.addRow(['统一社会信用代码', '企业名称', '企业规模', '用地面积(亩)', '税收实际贡献(万元)']);
  for (let i = 0; i < 50; i += 1)
    sheet.addRow([`91331003MA209HKA5${i}`, `台州恒力第${i}分厂`, '规上', i + 0.5, 12.5]);
  sheet.getCell('F2').value = { formula: 'D2*2', result: 1 };
  sheet.getCell('G2').value = new Date(Date.UTC(2025, 0, 1));
  workbook = Buffer.from(await book.xlsx.writeBuffer());
});

describe('the readers on hostile bytes', () => {
  it('throw nothing but SheetError on random bytes, as text or as a zip', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (bytes, zip) => {
        const input = zip ? Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), bytes]) : bytes;
        await onlySheetErrors(input);
      }),
      { numRuns: 300 },
    );
  });

  it('throw nothing but SheetError on a workbook cut short anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: workbook.length - 1 }), async (end) => {
        await onlySheetErrors(workbook.subarray(0, end));
      }),
      { numRuns: 200 },
    );
  });

  it('throw nothing but SheetError on a workbook with bytes changed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: workbook.length - 1 }), fc.integer({ min: 0, max: 255 })),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (changes) => {
          const bytes = Buffer.from(workbook);
          for (const [at, byte] of changes) bytes[at] = byte;
          await onlySheetErrors(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuse a cell over the character limit with SheetLimitError, and read any under it', async () => {
    await fc.assert(
      // The limit stays above the 18 characters of the code in the same row.
      fc.asyncProperty(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 20, max: 100 }),
        async (text, max) => {
          const cell = `"${text.replaceAll('"', '""')}"`;
          const csv = Buffer.from(`统一社会信用代码,企业名称\n91331003MA209HKA5H,${cell}\n`);
          try {
            const table = await readTable(csv, { file: 'x.csv', limits: { maxCellChars: max } });
            expect(text.length).toBeLessThanOrEqual(max);
            expect(table.rows[0]?.cells[1] ?? '').toBe(text);
          } catch (error) {
            expect(error).toBeInstanceOf(SheetLimitError);
            expect(text.length).toBeGreaterThan(max);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a number cell read from its stored text', () => {
  it('is numberText of the stored value, however the value was written', () => {
    const raw = { type: undefined, inline: undefined, formula: false, date: false };
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        for (const written of [String(value), value.toPrecision(17), value.toFixed(Math.min(20, 6))]) {
          expect(cellText({ ...raw, value: written }, [], false)).toBe(numberText(Number(written)));
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
