import { describe, expect, it } from 'vitest';
import { csvTable } from './csv-read.js';

describe('csvTable', () => {
  it('numbers rows as a spreadsheet shows them: header row 1, blank rows and multi-line cells kept', () => {
    const table = csvTable('\uFEFFuscc,name\nA,"甲\n乙"\n\nB,丙\n', 'x.csv');
    expect(table.headers).toEqual(['uscc', 'name']);
    expect(table.rows.map((row) => row.row)).toEqual([2, 3, 4]);
    expect(table.rows[0]?.cells).toEqual(['A', '甲\n乙']);
    expect(table.rows[2]?.cells).toEqual(['B', '丙']);
    expect(table.file).toBe('x.csv');
  });

  it('drops the empty rows a spreadsheet saves at the end, and only those', () => {
    const table = csvTable('a,b\r\n1,2\r\n,\r\n3,4\r\n,\r\n , \r\n\r\n', 'x.csv');
    expect(table.rows.map((row) => row.row)).toEqual([2, 3, 4]);
  });

  it('reads the same table with or without a BOM', () => {
    expect(csvTable('\uFEFFa,b\n1,2\n', 'x.csv')).toEqual(csvTable('a,b\n1,2\n', 'x.csv'));
  });

  it('refuses an empty file and a broken quote', () => {
    expect(() => csvTable('\n,\n', 'empty.csv')).toThrow(/empty\.csv/);
    expect(() => csvTable('a,b\n"1,2\n', 'broken.csv')).toThrow(/broken\.csv/);
  });
});
