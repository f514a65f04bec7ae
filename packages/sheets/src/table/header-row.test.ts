import { describe, expect, it } from 'vitest';
import { findHeaderRow, secondHeaderRow } from './header-row.js';

const row = (number: number, ...cells: string[]) => ({ row: number, cells });

describe('findHeaderRow', () => {
  it('skips title rows to the first row naming the code and two more known columns', () => {
    const rows = [
      row(1, '2025年度工业企业亩均效益评价数据'),
      row(2, '填报单位：经信局', '', '单位：万元'),
      row(3, '统一社会信用代码', '企业名称', '税收实际贡献（万元）', '备注'),
      row(4, '91331003MA209HKA5H', '恒力', '1356.8'),
    ];
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('takes English keys in any case', () => {
    expect(findHeaderRow([row(1, 'USCC', 'Name', 'TAX')])).toBe(0);
  });

  it('needs the code column: three other known headers are not a header row', () => {
    expect(findHeaderRow([row(1, '企业名称', '企业规模', '税收实际贡献(万元)')])).toBeUndefined();
  });

  it('accepts a narrow department file (the code and one figure)', () => {
    expect(findHeaderRow([row(1, '用电数据'), row(2, '统一社会信用代码', '用电量(千瓦时)')])).toBe(1);
  });

  it('looks only at the first twenty rows', () => {
    const titles = Array.from({ length: 20 }, (_, i) => row(i + 1, `说明 ${i + 1}`));
    expect(findHeaderRow([...titles, row(21, 'uscc', 'name', 'tax')])).toBeUndefined();
  });
});

describe('secondHeaderRow', () => {
  const header = ['统一社会信用代码', '企业名称', '税收实际贡献(万元)'];

  it('knows the English keys under the Chinese headers for a second header row', () => {
    expect(secondHeaderRow(header, row(2, 'uscc', 'name', 'tax'))).toBe('echo');
  });

  it('tells a header row naming other columns apart', () => {
    expect(secondHeaderRow(header, row(2, 'uscc', 'tax', 'name'))).toBe('mismatch');
  });

  it('knows a declared figure’s key under its header when told the scheme’s figures', () => {
    const withWater = [...header, '用水量(吨)'];
    const next = row(2, 'uscc', 'name', 'tax', 'waterTon');
    expect(secondHeaderRow(withWater, next)).toBe('data');
    const resolve = (cell: string) => (cell === '用水量(吨)' || cell === 'waterTon' ? 'waterTon' : undefined);
    expect(secondHeaderRow(withWater, next, resolve)).toBe('echo');
  });

  it('takes an enterprise for data', () => {
    expect(secondHeaderRow(header, row(2, '91331003MA209HKA5H', '恒力', '1356.8'))).toBe('data');
  });
});
