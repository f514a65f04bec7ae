import { describe, expect, it } from 'vitest';
import { CalendarCoverageError, InvalidCalendarError } from '../errors/errors.js';
import { exampleYear2027 } from '../testing/example-year.js';
import { extendCalendar, mergedDocument, yearIndex } from './extend.js';
import { defaultCalendar } from './load.js';
import { calendarYearSchema } from './schema.js';

const bundled = defaultCalendar.document;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCalendarError);
    return (error as InvalidCalendarError).issues.map((issue) => `${issue.path}: ${issue.message}`);
  }
  throw new Error('expected the calendar to be refused');
}

describe('extendCalendar', () => {
  it('is the bundled calendar when nothing is entered', () => {
    expect(extendCalendar(bundled, []).coverage).toEqual(defaultCalendar.coverage);
  });

  it('adds an entered year, so a 公示 in it gets its window from the entered notice', () => {
    expect(() => defaultCalendar.publicationWindow('2027-09-28')).toThrow(CalendarCoverageError);
    const calendar = extendCalendar(bundled, [exampleYear2027()]);
    expect(calendar.coverage).toEqual([...defaultCalendar.coverage, 2027]);
    expect(calendar.publicationWindow('2027-09-28').days).toEqual([
      '2027-09-28',
      '2027-09-29',
      '2027-09-30',
      '2027-10-08',
      '2027-10-09',
    ]);
    expect(calendar.explainDay('2027-10-09')).toMatchObject({ working: true, reason: 'make-up' });
    // The last week of 2026 needed 2027's 元旦 arrangement to be decided.
    expect(() => defaultCalendar.isWorkingDay('2026-12-28')).toThrow(CalendarCoverageError);
    expect(calendar.isWorkingDay('2026-12-28')).toBe(true);
    // The bundled years answer as before.
    expect(calendar.publicationWindow('2025-06-03')).toEqual(defaultCalendar.publicationWindow('2025-06-03'));
  });

  it('replaces a bundled year by an entered one of the same year', () => {
    const year2026 = bundled.years.find((block) => block.year === 2026);
    if (year2026 === undefined) throw new Error('fixture moved');
    const amended = structuredClone(year2026);
    const national = amended.holidays.find((holiday) => holiday.names.includes('国庆节'));
    if (national === undefined) throw new Error('fixture moved');
    // One more day off at the end of 国庆节 (an amending notice, made up here).
    const last = new Date(`${national.to}T00:00:00Z`);
    last.setUTCDate(last.getUTCDate() + 1);
    const extra = last.toISOString().slice(0, 10);
    expect(defaultCalendar.isWorkingDay(extra)).toBe(true);
    national.to = extra;
    national.days += 1;
    national.makeUp = national.makeUp.filter((day) => day !== extra);
    const calendar = extendCalendar(bundled, [amended]);
    expect(calendar.coverage).toEqual(defaultCalendar.coverage);
    expect(calendar.isWorkingDay(extra)).toBe(false);
  });

  it('refuses a year its own schema refuses, with the path into the merged document', () => {
    const broken = exampleYear2027();
    const spring = broken.holidays[1];
    if (spring === undefined) throw new Error('fixture moved');
    spring.days = 9;
    spring.makeUp = ['2027-02-15'];
    const index = yearIndex(mergedDocument(bundled, [broken]), 2027);
    expect(issuesOf(() => extendCalendar(bundled, [broken]))).toEqual([
      `years.${index}.holidays.1.days: 2027-02-06 至 2027-02-12 共 7 天，与填写的 9 天不符`,
      `years.${index}.holidays.1.makeUp.0: 2027-02-15 不是星期六或星期日，不能作为调休上班日`,
    ]);
  });

  it('refuses a 元旦 reaching back into December further than a notice can, or both off and worked', () => {
    const tooEarly = exampleYear2027();
    const early = tooEarly.holidays[0];
    if (early === undefined) throw new Error('fixture moved');
    early.from = '2026-12-20';
    early.days = 15;
    expect(issuesOf(() => extendCalendar(bundled, [tooEarly])).join('\n')).toContain(
      '2026-12-20 应在 2027 年内（元旦可自 2026-12-25 起）',
    );
    const twice = exampleYear2027();
    const newYear = twice.holidays[0];
    if (newYear === undefined) throw new Error('fixture moved');
    newYear.from = '2026-12-26';
    newYear.days = 9;
    newYear.makeUp = ['2026-12-26'];
    expect(issuesOf(() => extendCalendar(bundled, [twice])).join('\n')).toContain(
      '2026-12-26 既是调休上班日（元旦 2027）又是放假日（元旦 2027）',
    );
  });

  it('takes the example year as a wire document (the schema the API validates a body with)', () => {
    expect(calendarYearSchema.parse(exampleYear2027())).toEqual(exampleYear2027());
  });
});
