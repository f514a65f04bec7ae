import { describe, expect, it } from 'vitest';
import { SheetError } from '../errors.js';
import { csvRows } from './read-csv.js';

describe('csvRows', () => {
  it('numbers rows as a spreadsheet shows them: blank rows and multi-line cells counted as Excel does', () => {
    const rows = csvRows('uscc,name\nA,"甲\n乙"\n\nB,"丙,""丁"""\n', 'x.csv');
    expect(rows.map((row) => row.row)).toEqual([1, 2, 3, 4]);
    expect(rows[1]?.cells).toEqual(['A', '甲\n乙']);
    expect(rows[3]?.cells).toEqual(['B', '丙,"丁"']);
  });

  it('accepts CRLF and rows of different lengths', () => {
    expect(csvRows('a,b,c\r\n1\r\n', 'x.csv').map((row) => row.cells)).toEqual([['a', 'b', 'c'], ['1']]);
  });

  it('refuses a broken quote, naming the file', () => {
    expect(() => csvRows('a,b\n"1,2\n', 'broken.csv')).toThrow(SheetError);
    expect(() => csvRows('a,b\n"1,2\n', 'broken.csv')).toThrow(/broken\.csv/);
  });
});
