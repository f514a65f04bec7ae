// The public surface of @mujun/calendar: the 公示 working-day calendar. Pure: no I/O, no clock; callers
// pass dates (YYYY-MM-DD, days in Asia/Shanghai) and instants (ISO with an offset).
import { defaultCalendar } from './calendar/load.js';
import type { DayExplanation } from './calendar/calendar.js';
import type { PublicationWindow } from './window/publication-window.js';

export {
  CalendarErrorCode,
  CalendarError,
  InvalidCalendarError,
  CalendarCoverageError,
  InvalidDateError,
  InvalidInstantError,
  InvalidArgumentError,
} from './errors/errors.js';
export type { CalendarIssue } from './errors/errors.js';

export {
  calendarDocumentSchema,
  calendarYearSchema,
  HOLIDAY_NAMES,
  YEAR_END_REACH,
} from './calendar/schema.js';
export type {
  CalendarDocument,
  CalendarDocumentInput,
  CalendarHoliday,
  CalendarNotice,
  CalendarYear,
  HolidayName,
} from './calendar/schema.js';
export { HolidayCalendar } from './calendar/calendar.js';
export type { DayExplanation } from './calendar/calendar.js';
export { loadCalendar, defaultCalendar } from './calendar/load.js';
export { extendCalendar, mergedDocument, yearIndex } from './calendar/extend.js';
// isWindowOpen needs no calendar: it compares instants.
export { PUBLICATION_WORKING_DAYS, isWindowOpen } from './window/publication-window.js';
export type { PublicationWindow } from './window/publication-window.js';

export default defaultCalendar;

// The same operations on the bundled calendar; for a bureau's own file, call them on `loadCalendar(json)`.

/** Monday–Friday, minus the notices' days off, plus their make-up days; outside the coverage, an error. */
export function isWorkingDay(date: string): boolean {
  return defaultCalendar.isWorkingDay(date);
}

/** Why `date` is or is not a working day, naming the festival and the notice. */
export function explainDay(date: string): DayExplanation {
  return defaultCalendar.explainDay(date);
}

/** The date `count` working days after `date` (before, when negative), not counting `date` itself. */
export function addWorkingDays(date: string, count: number): string {
  return defaultCalendar.addWorkingDays(date, count);
}

/** The working days in `from` … `to`, both included. */
export function workingDaysBetween(from: string, to: string): number {
  return defaultCalendar.workingDaysBetween(from, to);
}

/** The 公示 window (§11): day 1 is `publishedOn` or the next working day; closes 24:00 Asia/Shanghai of day 5. */
export function publicationWindow(publishedOn: string, workingDays?: number): PublicationWindow {
  return defaultCalendar.publicationWindow(publishedOn, workingDays);
}
