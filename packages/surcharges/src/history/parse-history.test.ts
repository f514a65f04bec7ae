import { workbookBytes } from '@mujun/sheets';
import { describe, expect, it } from 'vitest';
import { parseHistory, readHistory } from './parse-history.js';

const CLASSES = ['A', 'B', 'C', 'D', 'T'];
const A = '91331003MA2FTC0015';
const B = '91331003MA2FTC0028';

function table(rows: string[][], file = 'history.csv') {
  return { file, rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}

describe('reading a class history', () => {
  it('finds the header under title rows, in any column order, and reads the entries', () => {
    const parsed = parseHistory(
      table([
        ['2023—2024 年度亩均评价类别', '', ''],
        ['', '', ''],
        ['类别', '统一社会信用代码', '评价年度', '企业名称'],
        ['D', A, '2023', '台州远东铸造厂'],
        ['d类', A.toLowerCase(), ' 2024 ', '台州远东铸造厂'],
        ['T', B, '2024', ''],
      ]),
      CLASSES,
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.entries.map(({ uscc, year, class: c }) => [uscc, year, c])).toEqual([
      [A, 2023, 'D'],
      [A, 2024, 'D'],
      [B, 2024, 'T'],
    ]);
    expect(parsed.entries[0]?.source).toEqual({ file: 'history.csv', row: 4 });
  });

  it('takes the English keys as headers, and warns about a column it does not know', () => {
    const parsed = parseHistory(
      table([
        ['uscc', 'YEAR', 'class', '备用'],
        [A, '2024', 'C', 'x'],
      ]),
      CLASSES,
    );
    expect(parsed.entries).toHaveLength(1);
    expect(parsed.warnings.map((w) => w.message)).toEqual([expect.stringContaining('未知列「备用」')]);
  });

  it('reports every bad cell of every row with its row, column, cell, value and reason', () => {
    const parsed = parseHistory(
      table([
        ['统一社会信用代码', '评价年度', '类别'],
        ['91331003MA2FTC0016', '2024', 'D'],
        [A, '2O24', 'E'],
        ['', '24', ''],
        [B, '2024', 'C'],
      ]),
      CLASSES,
    );
    expect(parsed.issues.map(({ row, column, cell, value }) => [row, column, cell, value])).toEqual([
      [2, 'uscc', 'A2', '91331003MA2FTC0016'],
      [3, 'year', 'B3', '2O24'],
      [3, 'class', 'C3', 'E'],
      [4, 'uscc', 'A4', ''],
      [4, 'year', 'B4', '24'],
      [4, 'class', 'C4', ''],
    ]);
    expect(parsed.issues[0]?.reason).toContain('校验');
    expect(parsed.issues[1]?.reason).toContain('四位');
    expect(parsed.issues[2]?.reason).toContain('A、B、C、D、T');
    expect(parsed.issues[3]?.reason).toContain('必填');
    expect(parsed.entries.map((e) => e.uscc)).toEqual([B]);
  });

  it('the same enterprise and year twice: a warning when the classes agree, an issue when they differ', () => {
    const parsed = parseHistory(
      table([
        ['统一社会信用代码', '评价年度', '类别'],
        [A, '2024', 'D'],
        [A, '2024', 'D'],
        [A, '2024', 'C'],
      ]),
      CLASSES,
    );
    expect(parsed.warnings.map((w) => w.row)).toEqual([3]);
    expect(parsed.issues.map((i) => [i.row, i.column, i.value])).toEqual([[4, 'class', 'C']]);
    expect(parsed.issues[0]?.reason).toContain('第 2 行为 D 类');
  });

  it('without the three columns there is no header row: one issue says which are needed', () => {
    const parsed = parseHistory(
      table([
        ['统一社会信用代码', '类别'],
        [A, 'D'],
      ]),
      CLASSES,
    );
    expect(parsed.entries).toEqual([]);
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]?.reason).toContain('统一社会信用代码、评价年度、类别');
  });

  it('an empty file is one issue, and a header alone is an empty history', () => {
    expect(parseHistory(table([]), CLASSES).issues[0]?.reason).toContain('文件为空');
    const headerOnly = parseHistory(table([['统一社会信用代码', '评价年度', '类别']]), CLASSES);
    expect(headerOnly).toEqual({ entries: [], issues: [], warnings: [] });
  });

  it('reads a GBK CSV as Excel saves it and a UTF-8 one with a BOM alike', async () => {
    const text = `统一社会信用代码,评价年度,类别\r\n${A},2024,D\r\n`;
    const utf8 = await readHistory(Buffer.from(`\uFEFF${text}`, 'utf8'), { file: 'u.csv' }, CLASSES);
    // GB18030 bytes of the header, written out: 统一社会信用代码 / 评价年度 / 类别.
    const gbk = Buffer.concat([
      Buffer.from('cdb3d2bbc9e7bbe1d0c5d3c3b4fac2eb2cc6c0bcdbc4eab6c82cc0e0b1f0', 'hex'),
      Buffer.from(`\r\n${A},2024,D\r\n`, 'ascii'),
    ]);
    const fromGbk = await readHistory(gbk, { file: 'g.csv' }, CLASSES);
    expect(utf8.issues).toEqual([]);
    expect(fromGbk.issues).toEqual([]);
    expect(fromGbk.entries.map((e) => [e.uscc, e.year, e.class])).toEqual([[A, 2024, 'D']]);
    expect(utf8.entries.map((e) => [e.uscc, e.year, e.class])).toEqual([[A, 2024, 'D']]);
  });

  it('reads an XLSX, the year as a number cell, and names the sheet in its issues', async () => {
    const bytes = await workbookBytes([
      {
        name: '历年类别',
        columns: [{ header: '统一社会信用代码' }, { header: '评价年度' }, { header: '类别' }],
        rows: [
          [A, 2024, 'D'],
          [B, 2024, 'X'],
        ],
      },
    ]);
    const parsed = await readHistory(bytes, { file: 'h.xlsx' }, CLASSES);
    expect(parsed.entries.map((e) => [e.uscc, e.year, e.class])).toEqual([[A, 2024, 'D']]);
    expect(parsed.issues.map((i) => [i.file, i.sheet, i.row, i.cell])).toEqual([
      ['h.xlsx', '历年类别', 3, 'C3'],
    ]);
  });
});
