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
