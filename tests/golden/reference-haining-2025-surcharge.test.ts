// Source: shared/spec/reference-method.md §10, the policy table:
//   | preset | C | D, 1st–2nd consecutive year | D, 3rd+ consecutive year |
//   | `reference` (Haining 2025 draft) | 0 | +0.30 元/kWh | +0.40 元/kWh |
// "Policy table by final class and consecutive years in class D (from the enterprise's class history, this
//  year included)".
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import { subjectsFromGrading, surchargeList } from '@mujun/surcharges';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import { describe, expect, it } from 'vitest';
import { below, codeFor } from '../support/records.js';

const reference = presetScheme('reference');

// Three strong 规下 enterprises, and four under the 亩均税收 floor (0.5 万元/亩 → D, §8 step 1).
const strong = [1, 2, 3].map((n) => below(n, { tax: '40' }));
const underFloor = (n: number, extra: Partial<EnterpriseRecord> = {}) =>
  below(n, { tax: '5', powerAccounts: [`33100400${String(n).padStart(5, '0')}`], ...extra });
const dYears = (n: number, ...years: number[]): ClassHistoryEntry[] =>
  years.map((year) => ({ uscc: codeFor(n), year, class: 'D' }));

function listFor(records: EnterpriseRecord[], history: ClassHistoryEntry[]) {
  const grading = grade(records, reference);
  return surchargeList({
    scheme: reference,
    year: 2025,
    subjects: subjectsFromGrading(records, grading),
    history,
    publishedOn: '2026-03-15',
    documentNumber: '海经信〔2026〕12号',
  });
}

describe('reference (Haining 2025 draft): D +0.30 in the 1st and 2nd year, +0.40 from the 3rd', () => {
  const records = [...strong, underFloor(11), underFloor(12), underFloor(13), underFloor(14)];
  const history = [...dYears(12, 2024), ...dYears(13, 2023, 2024), ...dYears(14, 2021, 2022, 2023, 2024)];
  const list = listFor(records, history);
  const byCode = new Map(list.rows.map((row) => [row.uscc, row]));

  it('lists exactly the D enterprises', () => {
    expect(list.rows.map((row) => row.uscc)).toEqual([11, 12, 13, 14].map(codeFor));
    expect(list.rows.every((row) => row.class === 'D')).toBe(true);
  });

  it('1st year: 0.30', () => {
    expect(byCode.get(codeFor(11))).toMatchObject({ consecutiveDYears: 1, price: '0.30' });
  });

  it('2nd year: still 0.30', () => {
    expect(byCode.get(codeFor(12))).toMatchObject({ consecutiveDYears: 2, price: '0.30' });
  });

  it('3rd year: 0.40', () => {
    expect(byCode.get(codeFor(13))).toMatchObject({ consecutiveDYears: 3, price: '0.40' });
  });

  it('5th year: 0.40', () => {
    expect(byCode.get(codeFor(14))).toMatchObject({ consecutiveDYears: 5, price: '0.40' });
  });
});

describe('reference: class C pays nothing (the table’s 0), even after years in D', () => {
  it('a floor-D enterprise protected to C (§8 step 4) with two D years behind it is not listed', () => {
    const protectedOne = underFloor(15, { protectedReason: ['重大项目建设期'] });
    const records = [...strong, underFloor(11), protectedOne];
    const grading = grade(records, reference);
    expect(grading.result(codeFor(15))?.finalClass).toBe('C');
    const list = listFor(records, dYears(15, 2023, 2024));
    expect(list.rows.map((row) => row.uscc)).toEqual([codeFor(11)]);
  });
});
