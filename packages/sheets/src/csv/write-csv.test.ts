import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvField, csvGuard, csvRecord, csvText, csvUnguard } from './write-csv.js';

/** Read back by an independent parser (csv-parse), as Excel would split the file into cells. */
function readBack(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
}

const DANGEROUS_FIRST = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫'];
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Text made of what breaks CSV or starts formulas, mixed with ordinary characters and Chinese. */
const piece = fc.constantFrom(
  ...DANGEROUS_FIRST,
  "'",
  '"',
  ',',
  '\n',
  '\r\n',
  ' ',
  '1',
  '.',
  'e',
  'A1',
  'SUM(',
  ')',
  '厂',
  '有限公司',
);
const cellText = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc.integer().map(String),
);
const table = fc
  .integer({ min: 1, max: 6 })
  .chain((width) =>
    fc.array(fc.array(cellText, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 20 }),
  );

describe('csvGuard', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://x"&C2,"y")', '\'=HYPERLINK("http://x"&C2,"y")'],
    ['+86 123', "'+86 123"],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['＝1+1', "'＝1+1"],
    ['＋86', "'＋86"],
    ['－－', "'－－"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1', "'﹦1"],
    ["'=1", "''=1"],
  ])('prefixes %j, which would start a formula', (text, guarded) => {
    expect(csvGuard(text)).toBe(guarded);
    expect(csvUnguard(guarded)).toBe(text);
  });

  it.each(['-12.5', '+3', '-0.30', '12', '1e5', '台州远东铸造厂', '', "'", "'-12.5", "O'Brien", ' =1'])(
    'leaves %j as it is',
    (text) => {
      expect(csvGuard(text)).toBe(text);
      expect(csvUnguard(text)).toBe(text);
    },
  );
});

describe('csvField and csvRecord', () => {
  it('quotes a separator, a quote, a bare CR and an LF, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"明"')).toBe('"说""明"""');
    expect(csvField('甲\r乙')).toBe('"甲\r乙"');
    expect(csvField('甲\n乙')).toBe('"甲\n乙"');
    expect(csvField('=1,2')).toBe('"\'=1,2"');
    expect(csvField('\r')).toBe('"\'\r"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes integers as they are and ends a record with CRLF', () => {
    expect(csvRecord(['91331003MA2FTC0015', 2025, -3, '0.30'])).toBe('91331003MA2FTC0015,2025,-3,0.30\r\n');
  });

  it('starts the file with a BOM', () => {
    expect(csvText([['a'], ['b']])).toBe(`${CSV_BOM}a\r\nb\r\n`);
  });
});

describe('csvText read back by csv-parse', () => {
  it('gives the same rows and fields, each the guarded input, which unguards to the input', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const back = readBack(csvText(rows));
        expect(back.length).toBe(rows.length);
        back.forEach((cells, r) => {
          const input = rows[r] ?? [];
          expect(cells.length).toBe(input.length);
          expect(cells).toEqual(input.map(csvGuard));
          expect(cells.map(csvUnguard)).toEqual(input);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('prefixes every field that starts a formula and is not a number, and leaves numbers and words alone', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const back = readBack(csvText(rows)).flat();
        rows.flat().forEach((text, i) => {
          const written = back[i] ?? '';
          const dangerous = DANGEROUS_FIRST.some((first) => text.startsWith(first)) && !NUMBER.test(text);
          if (dangerous) expect(written).toBe(`'${text}`);
          if (NUMBER.test(text)) expect(written).toBe(text);
          if (/^[\p{L}\p{N}]/u.test(text)) expect(written).toBe(text);
        });
      }),
      { numRuns: 500 },
    );
  });
});
