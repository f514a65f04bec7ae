import { describe, expect, it } from 'vitest';
import { diffLists } from './diff.js';
import type { PreviousListRow } from './previous-list.js';

const row = (uscc: string, account: string, price: string) => ({ uscc, name: `企业${uscc}`, account, price });
const old = (uscc: string, account: string, price: string): PreviousListRow => ({
  ...row(uscc, account, price),
  source: { file: 'list-2024.csv', row: 2 },
});

describe('the diff against last year’s list, row by row (enterprise and power account)', () => {
  it('新增, 移出, 加价变化 and the unchanged count', () => {
    const diff = diffLists(
      [row('A', '1', '0.40'), row('A', '2', '0.40'), row('B', '3', '0.30'), row('C', '4', '0.30')],
      [old('A', '1', '0.30'), old('A', '2', '0.4'), old('D', '5', '0.3'), old('B', '', '0.30')],
      2,
    );
    expect(diff.added.map((e) => [e.uscc, e.account, e.price])).toEqual([
      ['B', '3', '0.30'],
      ['C', '4', '0.30'],
    ]);
    expect(diff.removed.map((e) => [e.uscc, e.account, e.price])).toEqual([
      ['D', '5', '0.30'],
      ['B', '', '0.30'],
    ]);
    expect(diff.changed.map((e) => [e.uscc, e.account, e.from, e.to])).toEqual([['A', '1', '0.30', '0.40']]);
    expect(diff.unchanged).toBe(1);
  });

  it('compares prices by value and keeps a finer old price as written', () => {
    const diff = diffLists([row('A', '1', '0.30')], [old('A', '1', '0.125')], 2);
    expect(diff.changed).toEqual([{ uscc: 'A', name: '企业A', account: '1', from: '0.125', to: '0.30' }]);
  });

  it('two empty lists have no difference', () => {
    expect(diffLists([], [], 2)).toEqual({ added: [], removed: [], changed: [], unchanged: 0 });
  });
});
