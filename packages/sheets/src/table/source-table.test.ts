import { describe, expect, it } from 'vitest';
import type { GridRow } from './grid.js';
import { sourceTable } from './source-table.js';

const A = '91331003MA209HKA5H';
const B = '91331003MA209NM963';
const row = (number: number, ...cells: string[]): GridRow => ({ row: number, cells });

async function* streamed(rows: GridRow[]) {
  for (const item of rows) {
    await Promise.resolve();
    yield item;
  }
}

describe('sourceTable', () => {
  const rows = [
    row(1, '2025年度亩均效益评价数据'),
    row(2, '单位：万元、亩'),
    row(3, '统一社会信用代码', '企业名称', '税收实际贡献(万元)', '备注'),
    row(4, A, '恒力', '1356.8', '已核'),
    row(5),
    row(6, B, '精诚', '612.5'),
    row(7, '合计', '', '1969.3'),
    row(8, '', ''),
  ];

  it('finds the header under the title rows and keeps the data rows with their Excel numbers', async () => {
    const table = await sourceTable(rows, { file: 't.xlsx', sheet: '数据' });
    expect(table.headerRow).toBe(3);
    expect([...table.columns.keys()]).toEqual(['uscc', 'name', 'tax']);
    expect(table.rows.map((raw) => raw.row)).toEqual([4, 6]);
    expect(table.issues).toEqual([]);
  });

  it('reports the 合计 row and the unknown column as warnings with their rows', async () => {
    const table = await sourceTable(rows, { file: 't.xlsx', sheet: '数据' });
    expect(table.warnings).toHaveLength(2);
    expect(table.warnings[0]).toMatchObject({ file: 't.xlsx', sheet: '数据', row: 3, header: '备注' });
    expect(table.warnings[1]).toMatchObject({ file: 't.xlsx', sheet: '数据', row: 7 });
    expect(table.warnings[1]?.message).toContain('第 7 行是合计行');
  });

  it('reads a stream the same as an array', async () => {
    expect(await sourceTable(streamed(rows), { file: 't.xlsx' })).toEqual(
      await sourceTable(rows, { file: 't.xlsx' }),
    );
  });

  it('skips the template English keys row under the Chinese header', async () => {
    const table = await sourceTable(
      [
        row(1, '统一社会信用代码', '企业名称', '企业规模'),
        row(2, 'uscc', 'name', 'scale'),
        row(3, A, '恒力', '规上'),
      ],
      { file: 'template.xlsx' },
    );
    expect(table.rows.map((raw) => raw.row)).toEqual([3]);
    expect(table.warnings).toEqual([]);
  });

  it('reports data under an empty or merged header cell once, naming the column', async () => {
    const table = await sourceTable(
      [
        row(1, 'uscc', 'name', 'tax', '', ''),
        row(2, A, '恒力', '1', '', 'x'),
        row(3, B, '精诚', '2', '', 'y'),
      ],
      { file: 'x.csv' },
    );
    expect(table.warnings).toHaveLength(1);
    expect(table.warnings[0]?.message).toContain('第 E 列');
    expect(table.warnings[0]?.row).toBe(2);
  });

  it('reports a column given twice as an issue on the header row', async () => {
    const table = await sourceTable([row(2, 'uscc', 'tax', '税收实际贡献（万元）')], { file: 'x.csv' });
    expect(table.issues).toHaveLength(1);
    expect(table.issues[0]).toMatchObject({ row: 2, column: 'tax', cell: 'C2' });
    expect(table.issues[0]?.reason).toContain('重复');
  });

  it('reports a sheet without a header row, and an empty one', async () => {
    const noHeader = await sourceTable([row(1, '企业名称', '税收'), row(2, '恒力', '5')], { file: 'x.csv' });
    expect(noHeader.issues[0]?.reason).toContain('找不到表头行');
    expect(noHeader.rows).toEqual([]);
    const empty = await sourceTable([row(1, ''), row(2)], { file: 'empty.csv' });
    expect(empty.issues[0]?.reason).toContain('文件为空');
  });
});
