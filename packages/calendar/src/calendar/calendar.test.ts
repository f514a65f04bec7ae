import { describe, expect, it } from 'vitest';
import {
  CalendarCoverageError,
  CalendarErrorCode,
  InvalidArgumentError,
  InvalidDateError,
} from '../errors/errors.js';
import { defaultCalendar as calendar } from './load.js';

describe('isWorkingDay', () => {
  it('is Monday–Friday on ordinary weeks', () => {
    expect(
      ['2024-03-11', '2024-03-15', '2024-03-16', '2024-03-17'].map((d) => calendar.isWorkingDay(d)),
    ).toEqual([true, true, false, false]);
  });

  it('takes out the days off and puts back the make-up days (国办发明电〔2023〕7号)', () => {
    expect(calendar.isWorkingDay('2024-10-01')).toBe(false); // Tuesday, 国庆节
    expect(calendar.isWorkingDay('2024-10-07')).toBe(false); // Monday, 国庆节
    expect(calendar.isWorkingDay('2024-09-29')).toBe(true); // Sunday, 调休上班
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true); // Saturday, 调休上班
    expect(calendar.isWorkingDay('2024-02-09')).toBe(true); // 除夕: only "encouraged" as a rest day
  });

  it('follows the 2020 春节 extension (国办发明电〔2020〕1号)', () => {
    expect(calendar.isWorkingDay('2020-01-19')).toBe(true); // worked before the extension
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false); // Friday, added by the extension
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false); // Saturday, no longer a make-up day
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });

  it('throws CalendarCoverageError for 2019 and 2027, never a guess', () => {
    for (const [date, missingYear] of [
      ['2019-12-31', 2019],
      ['2019-06-03', 2019],
      ['2027-01-04', 2027],
      ['2027-10-01', 2027],
    ] as const) {
      const error = captured(() => calendar.isWorkingDay(date));
      expect(error).toBeInstanceOf(CalendarCoverageError);
      expect(error).toMatchObject({ code: CalendarErrorCode.CalendarCoverage, date, missingYear });
    }
  });

  it("throws for 2026's last week too: the 2027 元旦 arrangement may reach back into it", () => {
    expect(calendar.isWorkingDay('2026-12-24')).toBe(true);
    const error = captured(() => calendar.isWorkingDay('2026-12-28'));
    expect(error).toMatchObject({ code: CalendarErrorCode.CalendarCoverage, missingYear: 2027 });
    expect((error as Error).message).toMatch(/2027 年元旦/);
    // Within the coverage the next year is known, so late December is decided.
    expect(calendar.isWorkingDay('2022-12-30')).toBe(true);
    expect(calendar.isWorkingDay('2022-12-31')).toBe(false);
  });

  it('refuses a malformed date', () => {
    expect(() => calendar.isWorkingDay('2024/10/08')).toThrow(InvalidDateError);
    expect(captured(() => calendar.isWorkingDay('2025-02-29'))).toMatchObject({
      code: CalendarErrorCode.InvalidDate,
    });
  });
});

describe('explainDay', () => {
  it('names the festival and the notices', () => {
    expect(calendar.explainDay('2020-02-01')).toEqual({
      date: '2020-02-01',
      weekday: 6,
      working: false,
      reason: 'holiday',
      holiday: ['春节'],
      notices: ['国办发明电〔2019〕16号', '国办发明电〔2020〕1号'],
    });
    expect(calendar.explainDay('2025-10-11')).toMatchObject({
      working: true,
      reason: 'make-up',
      holiday: ['国庆节', '中秋节'],
      notices: ['国办发明电〔2024〕12号'],
    });
    expect(calendar.explainDay('2025-10-12')).toEqual({
      date: '2025-10-12',
      weekday: 7,
      working: false,
      reason: 'weekend',
    });
  });
});

describe('addWorkingDays', () => {
  it('counts forward over holidays and onto make-up days', () => {
    expect(calendar.addWorkingDays('2024-09-27', 1)).toBe('2024-09-29');
    expect(calendar.addWorkingDays('2024-09-27', 3)).toBe('2024-10-08');
    expect(calendar.addWorkingDays('2024-09-28', 1)).toBe('2024-09-29');
  });

  it('counts backward with a negative count, and 0 is the date itself', () => {
    expect(calendar.addWorkingDays('2024-10-08', -1)).toBe('2024-09-30');
    expect(calendar.addWorkingDays('2024-10-08', -3)).toBe('2024-09-27');
    expect(calendar.addWorkingDays('2024-10-05', 0)).toBe('2024-10-05');
  });

  it('refuses a fractional count and runs into the coverage edge as an error', () => {
    expect(() => calendar.addWorkingDays('2024-10-08', 1.5)).toThrow(InvalidArgumentError);
    expect(() => calendar.addWorkingDays('2020-01-02', -2)).toThrow(CalendarCoverageError);
    expect(() => calendar.addWorkingDays('2026-12-21', 5)).toThrow(CalendarCoverageError);
  });
});

describe('workingDaysBetween', () => {
  it('counts both ends', () => {
    expect(calendar.workingDaysBetween('2024-09-27', '2024-10-09')).toBe(5);
    expect(calendar.workingDaysBetween('2024-10-01', '2024-10-07')).toBe(0);
    expect(calendar.workingDaysBetween('2024-10-08', '2024-10-08')).toBe(1);
  });

  it('has 251 working days in 2024 and 248 in 2025, counted by hand from the notices', () => {
    // 2024: 262 weekdays − 19 weekdays off + 8 make-up days. 2025: 261 − 18 + 5.
    expect(calendar.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(251);
    expect(calendar.workingDaysBetween('2025-01-01', '2025-12-31')).toBe(248);
  });

  it('refuses a reversed range', () => {
    expect(() => calendar.workingDaysBetween('2024-10-09', '2024-09-27')).toThrow(InvalidArgumentError);
  });
});

function captured(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
