import { describe, expect, it } from 'vitest';
import { code, tinyCounty } from '../testing/tiny-county.js';
import { InvalidPreviousReportError, parsePreviousReport } from './previous-report.js';
import { NO_CLASS, yearOverYear } from './year-over-year.js';

/** Last year's file as `mujun grade` writes it, trimmed to a few enterprises (extra fields are ignored). */
const LAST_YEAR = {
  scheme: { id: 'reference', name: '参考评价办法' },
  warnings: [],
  enterprises: [
    // 甲: C → B (up), 亩均税收 4 → 5.
    {
      uscc: code(1),
      name: '甲公司',
      status: 'rated',
      cohort: 'above',
      finalClass: 'C',
      indicators: { taxPerMu: { label: '亩均税收', value: '4.0000' } },
      trace: [],
    },
    // 乙: B → B, 亩均税收 2 → 1.5. Its code in lower case still matches.
    {
      uscc: code(2).toLowerCase(),
      name: '乙公司',
      status: 'rated',
      cohort: 'above',
      finalClass: 'B',
      indicators: { taxPerMu: { label: '亩均税收', value: '2.0000' } },
    },
    // 戊: A → D (down); last year's scheme called the indicator otherwise: matched by its label.
    {
      uscc: code(5),
      name: '戊厂',
      status: 'rated',
      cohort: 'below',
      finalClass: 'A',
      indicators: { mu: { label: '亩均税收', value: '0.7500' } },
    },
    // 己: B last year, exempt (T) now: a move, but neither up nor down.
    {
      uscc: code(7),
      name: '己公司',
      status: 'rated',
      cohort: 'above',
      finalClass: 'B',
      indicators: { taxPerMu: { label: '亩均税收', value: '0.2000' } },
    },
    // 庚: out of scope both years.
    { uscc: code(8), name: '庚厂', status: 'out_of_scope', cohort: null, finalClass: null, indicators: {} },
    // Gone this year.
    {
      uscc: code(99),
      name: '已注销公司',
      town: '南城街道',
      status: 'rated',
      cohort: 'above',
      finalClass: 'D',
      indicators: {},
    },
  ],
};

describe('year over year', () => {
  const result = yearOverYear(tinyCounty(), parsePreviousReport(LAST_YEAR));

  it('lists each matched enterprise’s class move and exact change of 亩均税收', () => {
    const byName = new Map(result.matched.map((entry) => [entry.name, entry]));
    // 甲: 5.0000 − 4.0000 = 1.0000, +25.00%.
    expect(byName.get('甲公司')).toMatchObject({
      previousClass: 'C',
      currentClass: 'B',
      move: 'up',
      previousTaxPerMu: '4.0000',
      currentTaxPerMu: '5.0000',
      change: '1.0000',
      changePercent: '25.00',
    });
    // 乙: 1.5 − 2 = −0.5, −25.00%.
    expect(byName.get('乙公司')).toMatchObject({ move: 'same', change: '-0.5000', changePercent: '-25.00' });
    expect(byName.get('戊厂')).toMatchObject({
      move: 'down',
      previousTaxPerMu: '0.7500',
      change: '0.0000',
      changePercent: '0.00',
    });
    // An exempt enterprise has no 亩均税收 this year, so no change; T is not above or below B.
    expect(byName.get('己公司')).toMatchObject({
      currentClass: 'T',
      move: null,
      currentTaxPerMu: null,
      change: null,
    });
    expect(byName.get('庚厂')).toMatchObject({
      previousClass: NO_CLASS,
      currentClass: NO_CLASS,
      move: 'same',
    });
  });

  it('counts the moves in a matrix, rows last year and columns this year', () => {
    expect(result.classOrder).toEqual(['A', 'B', 'C', 'D', 'T', NO_CLASS]);
    expect(result.matrix['C']?.['B']).toBe(1);
    expect(result.matrix['B']?.['B']).toBe(1);
    expect(result.matrix['A']?.['D']).toBe(1);
    expect(result.matrix['B']?.['T']).toBe(1);
    expect(result.matrix[NO_CLASS]?.[NO_CLASS]).toBe(1);
    const total = Object.values(result.matrix)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(total).toBe(5);
    expect(result.totals).toEqual({
      matched: 5,
      up: 1,
      down: 1,
      same: 2,
      taxPerMuUp: 1,
      taxPerMuDown: 1,
      taxPerMuSame: 1,
    });
  });

  it('names the enterprises new this year and those gone since', () => {
    expect(result.added.map((entry) => [entry.name, entry.currentClass])).toEqual([
      ['丙公司', 'D'],
      ['丁厂', 'B'],
      ['A&B <厂>', 'B'],
    ]);
    expect(result.dropped).toEqual([
      { uscc: code(99), name: '已注销公司', town: '南城街道', previousClass: 'D' },
    ]);
  });

  it('refuses a file that is not a grade result, saying where', () => {
    expect(() =>
      parsePreviousReport({ scheme: { id: 'x', name: 'x' }, enterprises: [{ uscc: 'X' }] }),
    ).toThrow(InvalidPreviousReportError);
    try {
      parsePreviousReport({
        scheme: { id: 'x', name: 'x' },
        enterprises: [{ ...LAST_YEAR.enterprises[0], indicators: { t: { label: 't', value: 1.5 } } }],
      });
    } catch (error) {
      expect((error as InvalidPreviousReportError).issues[0]?.pointer).toBe(
        '#/enterprises/0/indicators/t/value',
      );
    }
  });
});
