// Source: shared/spec/reference-method.md §10: "The published list names the industries newly under
//   surcharge and their prices, and a diff against last year's list (新增 / 移出 / 加价变化), because the bureau
//   must publish what is new."
// Last year's list is this package's own CSV for 2024, read back as the command reads --previous.
import { grade, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord } from '@mujun/scoring';
import {
  historyFromResults,
  readPreviousList,
  subjectsFromGrading,
  surchargeCsv,
  surchargeList,
} from '@mujun/surcharges';
import type { ClassHistoryEntry, PreviousListRow } from '@mujun/surcharges';
import { beforeAll, describe, expect, it } from 'vitest';
import { below, codeFor } from '../support/records.js';

const reference = presetScheme('reference');
const strong = [1, 2, 3].map((n) => below(n, { tax: '40' }));
const weak = (n: number, industryCode: string, accounts: string[]) =>
  below(n, { tax: '5', industryCode, powerAccounts: accounts });
const fine = (n: number, industryCode: string, accounts: string[]) =>
  below(n, { tax: '30', industryCode, powerAccounts: accounts });

function yearList(
  year: number,
  records: EnterpriseRecord[],
  history: ClassHistoryEntry[],
  previous: PreviousListRow[] | null = null,
) {
  const grading = grade(records, reference);
  const list = surchargeList({
    scheme: reference,
    year,
    subjects: subjectsFromGrading(records, grading),
    history,
    publishedOn: `${String(year + 1)}-03-15`,
    documentNumber: `黄经信〔${String(year + 1)}〕12号`,
    previous,
  });
  return { list, grading };
}

// 2023: 11 and 12 are D.  2024: 11, 12 and 13 are D.  2025: 11 (3rd year), 13 (2nd), 14 (new, C29) are D;
// 12 recovered; 13 got a second account.
const y2023 = [
  ...strong,
  weak(11, 'C3391', ['11a', '11b']),
  weak(12, 'C2231', ['12a']),
  fine(13, 'C3311', ['13a']),
];
const y2024 = [
  ...strong,
  weak(11, 'C3391', ['11a', '11b']),
  weak(12, 'C2231', ['12a']),
  weak(13, 'C3311', ['13a']),
];
const y2025 = [
  ...strong,
  weak(11, 'C3391', ['11a', '11b']),
  fine(12, 'C2231', ['12a']),
  weak(13, 'C3311', ['13a', '13b']),
  weak(14, 'C2927', ['14a']),
];

describe('the year-over-year diff and the industries newly under surcharge', () => {
  let previous: Awaited<ReturnType<typeof readPreviousList>>;
  let list: ReturnType<typeof surchargeList>;

  beforeAll(async () => {
    const g2023 = grade(y2023, reference);
    const history2024 = historyFromResults(
      2023,
      y2023.map((r) => ({ uscc: r.uscc, finalClass: g2023.result(r.uscc)?.finalClass ?? null })),
    );
    const last = yearList(2024, y2024, history2024);
    previous = await readPreviousList(Buffer.from(surchargeCsv(last.list), 'utf8'), {
      file: 'list-2024.csv',
    });
    const history2025 = [
      ...history2024,
      ...historyFromResults(
        2024,
        y2024.map((r) => ({ uscc: r.uscc, finalClass: last.grading.result(r.uscc)?.finalClass ?? null })),
      ),
    ];
    list = yearList(2025, y2025, history2025, previous.rows).list;
  });

  it('last year’s list reads back clean', () => {
    expect(previous.issues).toEqual([]);
    expect(previous.rows.map((row) => [row.uscc, row.account, row.price])).toEqual([
      [codeFor(11), '11a', '0.3'],
      [codeFor(11), '11b', '0.3'],
      [codeFor(12), '12a', '0.3'],
      [codeFor(13), '13a', '0.3'],
    ]);
  });

  it('新增: a newly D enterprise, and a new account of one already listed', () => {
    expect(list.diff?.added.map((e) => [e.uscc, e.account, e.price])).toEqual([
      [codeFor(13), '13b', '0.30'],
      [codeFor(14), '14a', '0.30'],
    ]);
  });

  it('移出: the enterprise that left class D, at last year’s price', () => {
    expect(list.diff?.removed.map((e) => [e.uscc, e.name, e.account, e.price])).toEqual([
      [codeFor(12), '测试规下企业12', '12a', '0.30'],
    ]);
  });

  it('加价变化: the 3rd consecutive D year goes from 0.30 to 0.40 on each account', () => {
    expect(list.diff?.changed.map((e) => [e.uscc, e.account, e.from, e.to])).toEqual([
      [codeFor(11), '11a', '0.30', '0.40'],
      [codeFor(11), '11b', '0.30', '0.40'],
    ]);
    expect(list.diff?.unchanged).toBe(1);
  });

  it('the industries newly under surcharge: only 14’s, with its price', () => {
    expect(
      list.newIndustries.map((group) => [group.label, group.enterprises.map((e) => e.uscc), group.prices]),
    ).toEqual([['C29 橡胶和塑料制品业', [codeFor(14)], ['0.30']]]);
  });
});
