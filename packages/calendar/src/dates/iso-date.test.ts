import { describe, expect, it } from 'vitest';
import { InvalidDateError } from '../errors/errors.js';
import { fromEpochDay, isoDateProblem, isoWeekday, toEpochDay } from './iso-date.js';

describe('ISO dates', () => {
  it('round-trips through epoch days', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    for (const date of ['2020-02-29', '2024-12-31', '2026-01-01', '0099-03-01']) {
      expect(fromEpochDay(toEpochDay(date))).toBe(date);
    }
  });

  it('gives ISO weekdays', () => {
    expect(isoWeekday(toEpochDay('1970-01-01'))).toBe(4);
    expect(isoWeekday(toEpochDay('2024-09-29'))).toBe(7);
    expect(isoWeekday(toEpochDay('2025-02-08'))).toBe(6);
    expect(isoWeekday(toEpochDay('1969-12-29'))).toBe(1);
  });

  it('refuses what is not a day of the calendar', () => {
    expect(isoDateProblem('2023-02-29')).toBe('日历上没有这一天');
    expect(isoDateProblem('2024-2-9')).toBe('日期应写作 YYYY-MM-DD，例如 2027-02-06');
    expect(isoDateProblem('2024-09-27T00:00:00Z')).toBe('日期应写作 YYYY-MM-DD，例如 2027-02-06');
    expect(() => toEpochDay('2024-13-01')).toThrow(InvalidDateError);
  });
});
