import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SheetError, SheetLimitError } from '../errors.js';
import { readLimits } from '../limits.js';
import { csvRows, csvRowsUtf8 } from './read-csv.js';

function limitOf(run: () => unknown): { limit: string; value: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof SheetLimitError)
      return { limit: error.limit, value: error.value, message: error.message };
    throw error;
  }
  throw new Error('no limit was reached');
}

describe('csvRows', () => {
  it('numbers rows as a spreadsheet shows them: blank rows and multi-line cells counted as Excel does', () => {
    const rows = csvRows('uscc,name\nA,"甲\n乙"\n\nB,"丙,""丁"""\n', 'x.csv');
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(rows[1]?.cells).toEqual(['A', '甲\n乙']);
    expect(rows[2]?.cells).toEqual([]);
    expect(rows[3]?.cells).toEqual(['B', '丙,"丁"']);
  });

  it('accepts CRLF, a bare CR and rows of different lengths, and ends a row at its last non-empty cell', () => {
    expect(csvRows('a,b,c\r\n1\r\n', 'x.csv').map((row) => row.cells)).toEqual([['a', 'b', 'c'], ['1']]);
    expect(csvRows('a,b\r1,2', 'x.csv').map((row) => row.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(csvRows(',x,,\n,,,\n', 'x.csv').map((row) => row.cells)).toEqual([['', 'x'], []]);
  });

  it('keeps a stray quote as Excel does, and text after a closing quote', () => {
    expect(csvRows('a"b,"c"d,e\n', 'x.csv')[0]?.cells).toEqual(['a"b', 'cd', 'e']);
  });

  it('refuses a broken quote, naming the file and the row', () => {
    expect(() => csvRows('a,b\n"1,2\n', 'broken.csv')).toThrow(SheetError);
    expect(() => csvRows('a,b\n"1,2\n', 'broken.csv')).toThrow(/broken\.csv.*第 2 行的引号没有闭合/);
  });
});

describe('csvRows within the read limits', () => {
  it('stops at the row over the row limit, naming the limit in Chinese', () => {
    const text = 'a\n'.repeat(11);
    expect(csvRows(text, 'x.csv', readLimits({ maxRows: 11 }))).toHaveLength(11);
    expect(limitOf(() => csvRows(text, 'x.csv', readLimits({ maxRows: 10 })))).toEqual({
      limit: 'maxRows',
      value: 10,
      message: 'x.csv 超过行数上限（10 行） (the file exceeds the limit of 10 rows)',
    });
  });

  it('counts blank rows, so a file of line breaks is refused too', () => {
    expect(limitOf(() => csvRows('\n'.repeat(1_000_000), 'x.csv')).limit).toBe('maxRows');
  });

  it('refuses data beyond the column limit, but not empty cells beyond it', () => {
    const limits = readLimits({ maxColumns: 3 });
    expect(csvRows(`a,b,c${','.repeat(100_000)}\n`, 'x.csv', limits)[0]?.cells).toEqual(['a', 'b', 'c']);
    const over = limitOf(() => csvRows('a,b,c\n1,,,x\n', 'x.csv', limits));
    expect(over).toMatchObject({ limit: 'maxColumns', value: 3 });
    expect(over.message).toContain('第 2 行（第 D 列有数据）超过列数上限（3 列）');
  });

  it('refuses a cell over the character limit, quoted or not, before holding it', () => {
    const limits = readLimits({ maxCellChars: 5 });
    expect(csvRows('12345,"1""345"\n', 'x.csv', limits)[0]?.cells).toEqual(['12345', '1"345']);
    expect(limitOf(() => csvRows('a,123456\n', 'x.csv', limits))).toMatchObject({ limit: 'maxCellChars' });
    expect(limitOf(() => csvRows(`a,"${'x'.repeat(10_000_000)}"`, 'x.csv', limits)).message).toContain(
      '单元格 B1 超过单元格字符数上限（5 字符）',
    );
  });

  it('refuses more cells in all than the cell limit', () => {
    const limits = readLimits({ maxCells: 10 });
    expect(csvRows('a,b\n'.repeat(5), 'x.csv', limits)).toHaveLength(5);
    expect(limitOf(() => csvRows('a,b\n'.repeat(6), 'x.csv', limits)).limit).toBe('maxCells');
  });
});

/** The rows, or the error's class and message: what a reader gives for a file either way. */
function outcome(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : error;
  }
}

describe('csvRowsUtf8', () => {
  const piece = fc.constantFrom(
    'a',
    '1',
    '7.5',
    '"',
    '""',
    ',',
    '\n',
    '\r',
    '\r\n',
    ' ',
    '中文',
    'é',
    '😀',
    '\u2028',
    // A code: an ASCII cell long enough to be copied out of the bytes rather than sliced.
    '91330382MA2ABCDE1X',
  );
  const csv = fc.array(piece, { maxLength: 60 }).map((pieces) => pieces.join(''));

  it('gives what csvRows gives for the decoded text, rows, cells, errors and limits alike', () => {
    const encoder = new TextEncoder();
    const limits = readLimits({ maxCellChars: 6, maxColumns: 8 });
    fc.assert(
      fc.property(csv, fc.boolean(), (text, bom) => {
        const bytes = encoder.encode(bom ? `\uFEFF${text}` : text);
        expect(outcome(() => csvRowsUtf8(bytes, 'x.csv'))).toEqual(outcome(() => csvRows(text, 'x.csv')));
        expect(outcome(() => csvRowsUtf8(bytes, 'x.csv', limits))).toEqual(
          outcome(() => csvRows(text, 'x.csv', limits)),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a cell of the bytes inside a larger buffer from its own offset', () => {
    const whole = new TextEncoder().encode('xx中,"a,b"\n😀,1\n');
    expect(csvRowsUtf8(whole.subarray(2), 'x.csv').map((row) => row.cells)).toEqual([
      ['中', 'a,b'],
      ['😀', '1'],
    ]);
  });
});

/** The rows of a CSV without quotes or CRs, split the plain way: what either reader must give for it. */
function plainRows(text: string): string[][] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => {
    const cells = line.split(',');
    while (cells.at(-1) === '') cells.pop();
    return cells;
  });
}

describe('csv readers sharing recurring texts', () => {
  const encoder = new TextEncoder();
  const both = (text: string) => [
    csvRows(text, 'x.csv').map((row) => row.cells),
    csvRowsUtf8(encoder.encode(text), 'x.csv').map((row) => row.cells),
  ];
  // Short texts that recur (some alike but for one character, some of one hash: `Aa` and `BB` are
  // Java's famous pair), figures, and texts made of a few characters, so that columns repeat, collide and
  // sometimes never repeat.
  const recurring = fc.constantFrom(
    ...['规上', '规下', 'above', 'abovf', 'none', '城关镇', '城东镇', '-', 'é', ''],
    ...['Aa', 'BB', 'AaAa', 'AaBB', 'BBAa', 'BBBB'],
  );
  const made = fc
    .array(fc.constantFrom('a', 'b', '中', '😀', '1', '-', ' '), { minLength: 1, maxLength: 40 })
    .map((characters) => characters.join(''));
  const cell = fc.oneof(recurring, made);

  it('gives every cell its own text, in columns that repeat or not', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 300 }), (rows) => {
        const text = rows.map((cells) => `${cells.join(',')}\n`).join('');
        const expected = plainRows(text);
        for (const read of both(text)) expect(read).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('reads texts past the shared ones once the table is full', () => {
    const texts = Array.from({ length: 10_000 }, (_, index) => `t${String(index)},城${String(index % 300)}`);
    const text = `${[...texts, ...texts].join('\n')}\n`;
    const expected = plainRows(text);
    for (const read of both(text)) expect(read).toEqual(expected);
  });
});
