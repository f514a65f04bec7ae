import { parseRecords } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import type { GridRow } from '../table/grid.js';
import { sourceTable } from '../table/source-table.js';
import { mergeTables } from './merge.js';

const A = '91331003MA209HKA5H';
const B = '91331003MA209NM963';
const C = '91331003MA209TQ8X7';

function table(file: string, ...lines: string[][]) {
  const rows = lines.map((cells, i): GridRow => ({ row: i + 1, cells }));
  return sourceTable(rows, { file });
}

describe('mergeTables', () => {
  it('joins the departments by code, whatever the order and case, one row per enterprise', async () => {
    const merged = mergeTables([
      await table(
        'tax.csv',
        ['uscc', 'name', 'scale', 'tax'],
        [A, '恒力', '规上', '12.50'],
        [B, '精诚', '规下', '3'],
      ),
      await table('land.csv', ['uscc', 'landAreaMu'], [B.toLowerCase(), '6'], [` ${A} `, '20']),
      await table('power.csv', ['uscc', 'electricityKwh'], [B, '500000']),
    ]);
    expect(merged.issues).toEqual([]);
    expect(merged.table.headers).toEqual(['uscc', 'name', 'scale', 'tax', 'landAreaMu', 'electricityKwh']);
    expect(merged.table.rows).toEqual([
      { row: 2, cells: [A, '恒力', '规上', '12.50', '20', undefined] },
      { row: 3, cells: [B, '精诚', '规下', '3', '6', '500000'] },
    ]);
  });

  it('lets files repeat a field when they agree, numbers by value, and fills an empty cell from another file', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax'], [A, '恒力', '12.50'], [B, '', '3']),
      await table(
        'land.csv',
        ['uscc', 'name', 'tax', 'landAreaMu'],
        [A, '恒力', '12.5', '20'],
        [B, '精诚', '', '6'],
      ),
    ]);
    expect(merged.issues).toEqual([]);
    expect(merged.table.rows[1]?.cells).toEqual([B, '精诚', '3', '6']);
    // The filled name is placed in the file that gave it.
    expect(merged.provenance.place({ row: 3, column: 'name', value: '精诚', reason: 'r' })).toMatchObject({
      file: 'land.csv',
      row: 3,
      cell: 'B3',
    });
  });

  it('reports a field two files give differently, naming both files, rows and values', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax', 'landAreaMu'], [A, '恒力', '12.5', '20']),
      await table('land.xlsx', ['标题'], ['uscc', 'landAreaMu'], [A, '21']),
    ]);
    const [issue, ...others] = merged.issues;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({
      file: 'land.xlsx',
      row: 3,
      column: 'landAreaMu',
      header: 'landAreaMu',
      cell: 'B3',
      value: '21',
    });
    expect(issue?.reason).toMatch(/tax\.csv 第 2 行.*"20".*不一致/);
    expect(merged.provenance.flagged(2)).toBe(true);
  });

  it('reports an enterprise missing from a file of required fields, naming both files', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax'], [A, '恒力', '1'], [B, '精诚', '2']),
      await table('land.csv', ['uscc', 'landAreaMu'], [A, '20'], [C, '8']),
      await table('power.csv', ['uscc', 'electricityKwh'], [A, '100']),
    ]);
    const reasons = merged.issues.map((issue) => `${issue.file}:${issue.row}:${issue.value}:${issue.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(
        new RegExp(`^tax\\.csv:3:${B}:land\\.csv 中没有此企业（见于 tax\\.csv 第 3 行）`),
      ),
      expect.stringMatching(
        new RegExp(`^land\\.csv:3:${C}:tax\\.csv 中没有此企业（见于 land\\.csv 第 3 行）`),
      ),
    ]);
  });

  it('reports a code given twice in one file on each of its rows', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax'], [A, '甲', '1'], [A, '乙', '2']),
    ]);
    expect(merged.issues.map((issue) => [issue.row, issue.reason])).toEqual([
      [2, expect.stringContaining('第 3 行重复')],
      [3, expect.stringContaining('第 2 行重复')],
    ]);
  });

  it('places every cell issue of parseRecords in the file and row the cell came from', async () => {
    const merged = mergeTables([
      await table(
        'tax.csv',
        ['uscc', 'name', 'scale', 'tax'],
        [A, '恒力', '规上', '12万'],
        [B, '精诚', '规下', '3'],
      ),
      await table('land.csv', ['x'], ['uscc', '用地面积（亩）'], [B, '-6'], [A, '20']),
    ]);
    const issues = parseRecords(merged.table).issues.map((issue) => merged.provenance.place(issue));
    expect(issues).toEqual([
      expect.objectContaining({
        file: 'tax.csv',
        row: 2,
        column: 'tax',
        header: 'tax',
        cell: 'D2',
        value: '12万',
      }),
      expect.objectContaining({
        file: 'land.csv',
        row: 3,
        column: 'landAreaMu',
        header: '用地面积（亩）',
        cell: 'B3',
      }),
    ]);
  });

  it('places a missing column on the header row of the one file, or names every file', async () => {
    const one = mergeTables([await table('tax.csv', ['title'], ['uscc', 'name', 'tax'])]);
    const [issue] = parseRecords(one.table).issues.filter((found) => found.column === 'scale');
    expect(issue && one.provenance.place(issue)).toMatchObject({ file: 'tax.csv', row: 2, column: 'scale' });
    const two = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax']),
      await table('land.csv', ['uscc', 'landAreaMu']),
    ]);
    const [missing] = parseRecords(two.table).issues;
    expect(missing && two.provenance.place(missing)).toMatchObject({
      file: 'tax.csv、land.csv',
      row: 1,
      column: 'scale',
    });
  });

  it('does not report again the empty cells of an enterprise a file of required fields lacks', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'scale', 'tax'], [A, '恒力', '规上', '1']),
      await table('land.csv', ['uscc', 'landAreaMu'], [B, '6']),
    ]);
    expect(merged.issues).toHaveLength(2);
    const placed = parseRecords(merged.table).issues.flatMap((issue) => merged.provenance.place(issue) ?? []);
    expect(placed).toEqual([]);
  });

  it('keeps rows without a code apart, so their cells are still checked', async () => {
    const merged = mergeTables([
      await table('tax.csv', ['uscc', 'name', 'tax'], ['', '甲', '1'], ['', '乙', 'x']),
    ]);
    expect(merged.table.rows).toHaveLength(2);
    const placed = parseRecords(merged.table).issues.map((issue) => merged.provenance.place(issue));
    expect(placed).toContainEqual(expect.objectContaining({ row: 3, column: 'tax', value: 'x' }));
  });
});
