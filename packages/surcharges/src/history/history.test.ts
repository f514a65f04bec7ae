import { describe, expect, it } from 'vitest';
import { InvalidHistoryError } from '../errors.js';
import { classHistory, consecutiveYears, historyFromResults } from './history.js';
import type { ClassHistoryEntry } from './parse-history.js';

const CODE = '91331003MA2FTC0015';

function historyOf(classes: Record<number, string>): ReturnType<typeof classHistory> {
  return classHistory(
    Object.entries(classes).map(([year, c]) => ({ uscc: CODE, year: Number(year), class: c })),
  );
}

describe('consecutive years in a class, this year included', () => {
  it('this year alone is 1', () => {
    expect(consecutiveYears(historyOf({}), CODE, 2025, 'D')).toBe(1);
  });

  it('counts back while the years are D: 2023 D, 2024 D, 2025 D is 3', () => {
    expect(consecutiveYears(historyOf({ 2023: 'D', 2024: 'D' }), CODE, 2025, 'D')).toBe(3);
    expect(consecutiveYears(historyOf({ 2021: 'D', 2022: 'D', 2023: 'D', 2024: 'D' }), CODE, 2025, 'D')).toBe(
      5,
    );
  });

  it('a gap year breaks the run: 2023 D, no 2024, 2025 D is 1', () => {
    expect(consecutiveYears(historyOf({ 2023: 'D' }), CODE, 2025, 'D')).toBe(1);
    expect(consecutiveYears(historyOf({ 2022: 'D', 2024: 'D' }), CODE, 2025, 'D')).toBe(2);
  });

  it('a year in class T breaks the run (it was not a year in D)', () => {
    expect(consecutiveYears(historyOf({ 2023: 'D', 2024: 'T' }), CODE, 2025, 'D')).toBe(1);
  });

  it('a year in another class breaks it', () => {
    expect(consecutiveYears(historyOf({ 2022: 'D', 2023: 'D', 2024: 'C' }), CODE, 2025, 'D')).toBe(1);
  });

  it('counts only this enterprise, and only years before this one', () => {
    const history = classHistory([
      { uscc: 'OTHER', year: 2024, class: 'D' },
      { uscc: CODE, year: 2026, class: 'D' },
    ]);
    expect(consecutiveYears(history, CODE, 2025, 'D')).toBe(1);
  });
});

describe('the history', () => {
  it('refuses the same enterprise and year in two classes, naming both places', () => {
    const entries: ClassHistoryEntry[] = [
      { uscc: CODE, year: 2024, class: 'D', source: { file: 'a.csv', row: 2 } },
      { uscc: CODE, year: 2024, class: 'C', source: { file: 'b.csv', row: 7 } },
    ];
    expect(() => classHistory(entries)).toThrow(InvalidHistoryError);
    try {
      classHistory(entries);
    } catch (error) {
      const issues = (error as InvalidHistoryError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ row: 7, file: 'b.csv', column: 'class', value: 'C' });
      expect(issues[0]?.reason).toContain('a.csv 第 2 行');
    }
  });

  it('takes the same entry twice', () => {
    const entry = { uscc: CODE, year: 2024, class: 'D' };
    expect(classHistory([entry, entry]).get(CODE)?.get(2024)).toBe('D');
  });

  it('from stored results: an enterprise without a final class is a gap year', () => {
    const entries = historyFromResults(2024, [
      { uscc: CODE, finalClass: 'D' },
      { uscc: 'OUT', finalClass: null },
    ]);
    expect(entries).toEqual([{ uscc: CODE, year: 2024, class: 'D' }]);
  });
});
