import { extendCalendar, InvalidCalendarError, mergedDocument, yearIndex } from '@mujun/calendar';
import type { CalendarIssue, CalendarYear, HolidayCalendar } from '@mujun/calendar';
import type { Store } from '../store/store.js';
import { DomainError, DomainErrorCode } from './errors.js';

/**
 * The holiday calendar a 公示 window is computed with: the bundled one (`base`, the default), with the
 * years the bureau entered merged over it (PUT /v1/calendar/{year}).
 */
export async function currentCalendar(base: HolidayCalendar, store: Store): Promise<HolidayCalendar> {
  const entered = await store.enteredCalendarYears();
  try {
    return extendCalendar(
      base.document,
      entered.map((row) => row.arrangement),
    );
  } catch (error) {
    // Entered years were valid against the bundled calendar they were entered under; a newer bundled
    // file can contradict one (its own 元旦 reaching into an entered December).
    if (!(error instanceof InvalidCalendarError)) throw error;
    throw new DomainError(
      DomainErrorCode.InvalidState,
      `录入的节假日安排与内置日历不一致，请重新录入相关年度：${error.issues.map((issue) => issue.message).join('；')}`,
      { issues: error.issues.map(({ path, code }) => ({ path, code })) },
    );
  }
}

/** A merged-document path (`years.7.holidays.1.days`) as a pointer into the entered year's body. */
function pointer(issue: CalendarIssue, index: number): string {
  const parts = issue.path.split('.');
  if (parts[0] === 'years' && parts[1] === String(index))
    return `#${parts
      .slice(2)
      .map((part) => `/${part}`)
      .join('')}`;
  return '#';
}

/**
 * Checks that `arrangement`, with the other entered years, fits the bundled calendar: the same schema as
 * the bundled file, across years. Throws InvalidValue listing every problem, each with a pointer into the
 * entered year (or `#` for a conflict with another year).
 */
export function checkEnteredYears(
  base: HolidayCalendar,
  arrangement: CalendarYear,
  entered: readonly CalendarYear[],
): void {
  try {
    extendCalendar(base.document, entered);
  } catch (error) {
    if (!(error instanceof InvalidCalendarError)) throw error;
    const index = yearIndex(mergedDocument(base.document, entered), arrangement.year);
    // Each problem in Chinese for the clerk, with its code for machines; pointers into the entered year.
    const errors = error.issues.map((issue) => ({
      pointer: pointer(issue, index),
      detail: issue.message,
      code: issue.code,
    }));
    throw new DomainError(
      DomainErrorCode.InvalidValue,
      `${arrangement.year} 年的节假日安排有误：${errors.map((e) => e.detail).join('；')}`,
      { errors },
    );
  }
}
