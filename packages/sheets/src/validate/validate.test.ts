import { describe, expect, it } from 'vitest';
import type { GridRow } from '../table/grid.js';
import { sourceTable } from '../table/source-table.js';
import { validateTables } from './validate.js';

const A = '91331003MA209HKA5H';
const B = '91331003MA209NM963';

function table(file: string, ...lines: string[][]) {
  return sourceTable(
    lines.map((cells, i): GridRow => ({ row: i + 1, cells })),
    { file },
  );
}

describe('validateTables', () => {
  it('gives the records of clean department files, one per enterprise', async () => {
    const result = validateTables([
      await table(
        'tax.csv',
        ['uscc', 'name', 'scale', 'tax'],
        [A, '恒力', '规上', '12.50'],
        [B, '精诚', '规下', '3'],
      ),
      await table('land.csv', ['uscc', 'landAreaM2'], [B, '4000'], [A, '13333.4']),
    ]);
    expect(result.issues).toEqual([]);
    expect(result.records.map((record) => [record.uscc, record.tax, record.landMu])).toEqual([
      [A, '12.5', '20.0001'],
      [B, '3', '6'],
    ]);
  });

  it('reads one file as it would read it beside a file that adds nothing (its rows are not copied)', async () => {
    const C = '91331003MA209TQ8X7';
    const lines = [
      // Known columns first, in order: the rows go through as they are.
      [
        ['uscc', 'name', 'scale', 'tax', 'landAreaMu'],
        [A, '恒力', '规上', '12.50', '20'],
        [B, '精诚', '规下'],
      ],
      // With data past the known columns, under a header no field has.
      [
        ['uscc', 'name', 'scale', 'tax', 'landAreaMu', '备注'],
        [A, '恒力', '规上', '1', '2', '注'],
        [B, '', '规下', 'x', '6'],
      ],
      // A column no field has in between: the cells are picked out.
      [
        ['uscc', '序号', 'name', 'scale', 'tax', 'landAreaMu'],
        [C, '1', '丙', '规上', '-1', ''],
        [A, '2', '甲', '规下', '3', '4'],
        [C, '3', '丙', '规上', '2', '2'],
      ],
    ];
    for (const [header = [], ...rows] of lines) {
      const alone = validateTables([await table('data.csv', header, ...rows)]);
      const beside = validateTables([
        await table('data.csv', header, ...rows),
        await table('nothing.csv', ['uscc', 'electricityKwh']),
      ]);
      expect(alone.records).toEqual(beside.records);
      expect(alone.issues).toEqual(beside.issues);
      expect(alone.warnings).toEqual(beside.warnings);
      expect(alone.issues.length + alone.records.length).toBeGreaterThan(0);
    }
  });

  it('lists every problem by file as given, then row, and grades none of the troubled enterprises', async () => {
    const result = validateTables([
      await table(
        'tax.csv',
        ['uscc', 'name', 'scale', 'tax'],
        [A, '恒力', '中型', '1'],
        [B, '精诚', '规下', '3'],
      ),
      await table('land.csv', ['title'], ['uscc', 'landAreaMu'], [B, '6'], [A, '1,234']),
    ]);
    expect(result.issues.map((issue) => [issue.file, issue.row, issue.column])).toEqual([
      ['tax.csv', 2, 'scale'],
      ['land.csv', 4, 'landAreaMu'],
    ]);
    expect(result.records.map((record) => record.uscc)).toEqual([B]);
  });

  it('grades nothing when a file has no usable header', async () => {
    const result = validateTables([
      await table('tax.csv', ['uscc', 'name', 'scale', 'tax', 'landAreaMu'], [A, '恒力', '规上', '1', '2']),
      await table('power.csv', ['用电'], ['1']),
    ]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.file).toBe('power.csv');
    expect(result.issues[0]?.reason).toContain('表头');
    expect(result.records).toEqual([]);
  });

  it('locates an issue about a record (as grade() raises them) in the files', async () => {
    const result = validateTables([
      await table('tax.csv', ['uscc', 'name', 'scale', 'tax', 'landAreaMu'], [A, '恒力', '规上', '1', '2']),
      await table('stats.csv', ['备注'], ['uscc', 'employees', 'addedValue'], [A, '12', '']),
    ]);
    const [record] = result.records;
    const row = record?.source?.row ?? 0;
    expect(result.locate({ row, column: 'addedValue', value: '', reason: 'required' })).toMatchObject({
      file: 'stats.csv',
      row: 3,
      cell: 'C3',
    });
    expect(result.locate({ row, column: 'rdExpense', value: '', reason: 'required' })).toMatchObject({
      file: 'tax.csv',
      row: 2,
      column: 'rdExpense',
    });
  });
});
