import { presetScheme } from '@mujun/scoring';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, NoPolicyError } from '../errors.js';
import type { ClassHistoryEntry } from '../history/parse-history.js';
import { codeFor, subject } from '../testing/subjects.js';
import { surchargeList } from './build.js';
import type { SurchargeListInput } from './build.js';

const reference = presetScheme('reference');

function build(overrides: Partial<SurchargeListInput>) {
  return surchargeList({
    scheme: reference,
    year: 2025,
    subjects: [],
    history: [],
    publishedOn: '2026-03-15',
    documentNumber: '海经信〔2026〕12号',
    ...overrides,
  });
}

const d = (n: number, year: number, c = 'D'): ClassHistoryEntry => ({ uscc: codeFor(n), year, class: c });

describe('the list rows', () => {
  it('one row per power account, each with the §10 figures', () => {
    const list = build({ subjects: [subject(1, { powerAccounts: ['3310040070001', '3310040070002'] })] });
    expect(list.rows.map((row) => [row.account, row.class, row.consecutiveDYears, row.price])).toEqual([
      ['3310040070001', 'D', 1, '0.30'],
      ['3310040070002', 'D', 1, '0.30'],
    ]);
    expect(list.rows[0]).toMatchObject({
      uscc: codeFor(1),
      name: '测试企业1',
      industry: '黑色金属铸造',
      town: '院桥镇',
      year: 2025,
      start: '2026-04-01',
      end: '2027-03-31',
      documentNumber: '海经信〔2026〕12号',
      note: '',
    });
    expect(list.enterprises).toHaveLength(1);
    expect(list.warnings).toEqual([]);
  });

  it('only surcharged enterprises: A–C, T and the unclassed are not listed', () => {
    const subjects = [
      subject(1, { finalClass: 'A' }),
      subject(2, { finalClass: 'C' }),
      subject(3, { finalClass: 'T' }),
      subject(4, { finalClass: null }),
      subject(5),
    ];
    expect(build({ subjects }).rows.map((row) => row.uscc)).toEqual([codeFor(5)]);
  });

  it('prices by consecutive D years from the history, this year included', () => {
    const subjects = [subject(1), subject(2), subject(3), subject(4)];
    const history = [d(2, 2024), d(3, 2023), d(3, 2024), d(4, 2023), d(4, 2024, 'T')];
    const list = build({ subjects, history });
    expect(list.rows.map((row) => [row.consecutiveDYears, row.price])).toEqual([
      [1, '0.30'],
      [2, '0.30'],
      [3, '0.40'],
      [1, '0.30'],
    ]);
  });

  it('an enterprise without a power account: one row with the account empty, flagged, and a warning', () => {
    const list = build({ subjects: [subject(1, { powerAccounts: [] })] });
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({
      account: '',
      noAccount: true,
      note: '未提供电力户号，请供电企业核实户号后执行',
    });
    expect(list.warnings).toEqual([expect.stringContaining('未提供电力户号')]);
  });

  it('no stacking on every row of the enterprise, with the account note after the stacking one', () => {
    const list = build({ subjects: [subject(1, { powerAccounts: [], existingSurchargePerKwh: '0.5' })] });
    expect(list.rows[0]?.price).toBe('0.50');
    expect(list.rows[0]?.basis).toBe('existing');
    expect(list.rows[0]?.note).toBe(
      '已执行其他加价 0.50 元/kWh，高于本次差别化电价 0.30 元/kWh，按较高的 0.50 元/kWh 执行，不叠加；' +
        '未提供电力户号，请供电企业核实户号后执行',
    );
  });

  it('writes every price with more decimals when an existing surcharge has more', () => {
    const list = build({ subjects: [subject(1, { existingSurchargePerKwh: '0.125' }), subject(2)] });
    expect(list.priceDecimals).toBe(3);
    expect(list.rows.map((row) => row.price)).toEqual(['0.300', '0.300']);
  });

  it('warns about an account under two enterprises and a duplicated one, listing each account once', () => {
    const list = build({
      subjects: [
        subject(1, { powerAccounts: ['3310040070001', '3310040070001'] }),
        subject(2, { powerAccounts: ['3310040070001'] }),
      ],
    });
    expect(list.rows.map((row) => [row.uscc, row.account])).toEqual([
      [codeFor(1), '3310040070001'],
      [codeFor(2), '3310040070001'],
    ]);
    expect(list.warnings).toHaveLength(2);
    expect(list.warnings[1]).toContain(`${codeFor(1)}、${codeFor(2)}`);
  });

  it('orders by code, whatever the input order', () => {
    const list = build({ subjects: [subject(3), subject(1), subject(2)] });
    expect(list.rows.map((row) => row.uscc)).toEqual([codeFor(1), codeFor(2), codeFor(3)]);
  });

  it('ignores history for this year or later, with a warning: this year’s class is the grading’s', () => {
    const list = build({ subjects: [subject(1, { finalClass: 'C' })], history: [d(1, 2025), d(1, 2026)] });
    expect(list.rows).toEqual([]);
    expect(list.warnings).toEqual([expect.stringContaining('2 条 2025 年及以后的记录')]);
  });

  it('warns when the publication date is not after the evaluation year', () => {
    expect(build({ publishedOn: '2025-12-01' }).warnings).toEqual([expect.stringContaining('公布日期')]);
  });
});

describe('what is new', () => {
  it('newly surcharged: not in a surcharged class last year (no entry, another class, or T)', () => {
    const subjects = [subject(1), subject(2), subject(3), subject(4, { industryCode: 'C2927' })];
    const history = [d(2, 2024), d(3, 2024, 'C'), d(4, 2024, 'T')];
    const list = build({ subjects, history });
    expect(list.enterprises.map((e) => e.newlySurcharged)).toEqual([true, false, true, true]);
    expect(
      list.newIndustries.map((group) => [group.label, group.enterprises.map((e) => e.uscc), group.prices]),
    ).toEqual([
      ['C29 橡胶和塑料制品业', [codeFor(4)], ['0.30']],
      ['C33 金属制品业', [codeFor(1), codeFor(3)], ['0.30']],
    ]);
  });

  it('diffs against last year’s list only when one is given', () => {
    expect(build({ subjects: [subject(1)] }).diff).toBeNull();
    const diff = build({
      subjects: [subject(1)],
      previous: [
        {
          uscc: codeFor(1),
          name: '测试企业1',
          account: '3310040000001',
          price: '0.3',
          source: { file: 'p.csv', row: 2 },
        },
      ],
    }).diff;
    expect(diff).toEqual({ added: [], removed: [], changed: [], unchanged: 1 });
  });
});

describe('arguments', () => {
  it('needs a policy, a four-digit year and a document number', () => {
    expect(() => build({ scheme: presetScheme('huangyan-2022') })).toThrow(NoPolicyError);
    expect(() => build({ year: 25 })).toThrow(InvalidArgumentError);
    expect(() => build({ documentNumber: '  ' })).toThrow(InvalidArgumentError);
  });

  it('trims the document number', () => {
    expect(build({ subjects: [subject(1)], documentNumber: ' 文号 ' }).rows[0]?.documentNumber).toBe('文号');
  });
});
