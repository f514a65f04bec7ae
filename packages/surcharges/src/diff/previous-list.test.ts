import { describe, expect, it } from 'vitest';
import { parsePreviousList } from './previous-list.js';

const A = '91331003MA2FTC0015';
const B = '91331003MA2FTC0028';
const HEADER = [
  '统一社会信用代码',
  '企业名称',
  '电力户号',
  '行业',
  '乡镇街道',
  '评价年度',
  '类别',
  '连续D类年数',
  '加价标准(元/kWh)',
  '执行起始日期',
  '执行截止日期',
  '依据文号',
  '备注',
];

function table(rows: string[][]) {
  return { file: 'list-2024.csv', rows: rows.map((cells, i) => ({ row: i + 1, cells })) };
}

describe('reading last year’s list', () => {
  it('reads this command’s own CSV: code, name, account and price, the other columns known and left', () => {
    const parsed = parsePreviousList(
      table([
        HEADER,
        [A, '台州远东铸造厂', '3310040070001', '', '', '2024', 'D', '2', '0.30', '', '', '', ''],
      ]),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows).toEqual([
      {
        uscc: A,
        name: '台州远东铸造厂',
        account: '3310040070001',
        price: '0.3',
        source: { file: 'list-2024.csv', row: 2 },
      },
    ]);
  });

  it('matches the price header in full-width and with other units, and an empty account', () => {
    const parsed = parsePreviousList(
      table([
        ['统一社会信用代码', '电力户号', '加价标准（元／千瓦时）'],
        [A, '', '00.40'],
      ]),
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => [r.account, r.price])).toEqual([['', '0.4']]);
  });

  it('reports every bad cell, and the same enterprise and account twice', () => {
    const parsed = parsePreviousList(
      table([
        ['统一社会信用代码', '电力户号', '加价标准(元/kWh)'],
        ['9133', '1', '0.30'],
        [B, '2', '0.3元'],
        [B, '3', ''],
        [A, '4', '-0.1'],
        [A, '5', '0.30'],
        [A, '5', '0.30'],
      ]),
    );
    expect(parsed.issues.map((i) => [i.row, i.column, i.cell, i.value])).toEqual([
      [2, 'uscc', 'A2', '9133'],
      [3, 'price', 'C3', '0.3元'],
      [4, 'price', 'C4', ''],
      [5, 'price', 'C5', '-0.1'],
      [7, 'account', 'B7', '5'],
    ]);
    expect(parsed.issues[4]?.reason).toContain('第 6 行');
    expect(parsed.rows.map((r) => r.account)).toEqual(['5']);
  });

  it('without the price column there is no header row', () => {
    const parsed = parsePreviousList(
      table([
        ['统一社会信用代码', '电力户号'],
        [A, '1'],
      ]),
    );
    expect(parsed.issues[0]?.reason).toContain('加价标准(元/kWh)');
  });
});
