// Source: shared/spec/reference-method.md §10: "No stacking (Shandong): where an enterprise already pays
//   another differential or punitive surcharge (`existingSurchargePerKwh`), the list shows the higher of the
//   two and says so."
import { grade, presetScheme } from '@mujun/scoring';
import { subjectsFromGrading, surchargeCsv, surchargeList } from '@mujun/surcharges';
import { describe, expect, it } from 'vitest';
import { below, codeFor } from '../support/records.js';

const shandong = presetScheme('shandong-2022');
const strong = [1, 2, 3].map((n) => below(n, { tax: '40' }));
const d = (n: number, existing?: string) =>
  below(n, {
    tax: '5',
    powerAccounts: [`A${String(n)}`, `B${String(n)}`],
    ...(existing === undefined ? {} : { existingSurchargePerKwh: existing }),
  });
// All in their 2nd consecutive D year: this policy's surcharge is 0.10.
const records = [...strong, d(11, '0.5'), d(12, '0.08'), d(13, '0.1'), d(14)];
const history = [11, 12, 13, 14].map((n) => ({ uscc: codeFor(n), year: 2024, class: 'D' }));
const list = surchargeList({
  scheme: shandong,
  year: 2025,
  subjects: subjectsFromGrading(records, grade(records, shandong)),
  history,
  publishedOn: '2026-03-15',
  documentNumber: '鲁经信〔2026〕5号',
});
const rowsOf = (n: number) => list.rows.filter((row) => row.uscc === codeFor(n));

describe('shandong-2022: the higher of this surcharge and the existing one, never both', () => {
  it('existing 0.50 above 0.10: 0.50 on every account, and 备注 says the existing one applies', () => {
    const rows = rowsOf(11);
    expect(rows.map((row) => [row.account, row.price, row.basis])).toEqual([
      ['A11', '0.50', 'existing'],
      ['B11', '0.50', 'existing'],
    ]);
    expect(rows[0]?.note).toBe(
      '已执行其他加价 0.50 元/kWh，高于本次差别化电价 0.10 元/kWh，按较高的 0.50 元/kWh 执行，不叠加',
    );
  });

  it('existing 0.08 below 0.10: 0.10, not 0.18, and 备注 says this policy’s applies', () => {
    const [row] = rowsOf(12);
    expect(row?.price).toBe('0.10');
    expect(row?.note).toBe(
      '已执行其他加价 0.08 元/kWh，低于本次差别化电价，按本次差别化电价 0.10 元/kWh 执行，不叠加',
    );
  });

  it('existing equal to 0.10: 0.10 once', () => {
    const [row] = rowsOf(13);
    expect(row?.price).toBe('0.10');
    expect(row?.note).toContain('与本次差别化电价相同');
  });

  it('no existing surcharge: 0.10 and an empty 备注', () => {
    expect(rowsOf(14).map((row) => [row.price, row.note])).toEqual([
      ['0.10', ''],
      ['0.10', ''],
    ]);
  });

  it('the CSV carries the executed price and the 备注 after the §10 columns', () => {
    const line = surchargeCsv(list)
      .split('\r\n')
      .find((text) => text.includes('A11'));
    expect(line?.split(',').slice(8, 9)).toEqual(['0.50']);
    expect(line?.endsWith('按较高的 0.50 元/kWh 执行，不叠加')).toBe(true);
  });
});
