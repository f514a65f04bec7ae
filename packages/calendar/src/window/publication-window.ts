import { InvalidArgumentError } from '../errors/errors.js';
import { fromEpochDay, toEpochDay } from '../dates/iso-date.js';
import { toEpochMs } from '../dates/instant.js';
import type { HolidayCalendar } from '../calendar/calendar.js';

/** The 公示 period of the reference method (§11): 5 working days. */
export const PUBLICATION_WORKING_DAYS = 5;

/** Asia/Shanghai is UTC+8 all year (no DST since 1991): local midnight is 16:00Z the day before. */
const SHANGHAI_MIDNIGHT_UTC = 'T16:00:00.000Z';

export interface PublicationWindow {
  /** The date the list was published (a day in Asia/Shanghai). */
  readonly publishedOn: string;
  /** The number of working days the window lasts. */
  readonly workingDays: number;
  /** Day 1: `publishedOn` when that is a working day, else the next working day. */
  readonly firstDay: string;
  /** The last working day of the window. */
  readonly lastDay: string;
  /** Every working day of the window, in order: `days[0]` is firstDay, the last is lastDay. */
  readonly days: readonly string[];
  /** 00:00 Asia/Shanghai on `publishedOn`, as an ISO instant: objections count from publication. */
  readonly opensAt: string;
  /** 24:00 Asia/Shanghai at the end of `lastDay` (00:00 +08:00 of the next day), as an ISO instant. */
  readonly closesAt: string;
}

/**
 * The 公示 window of a list published on `publishedOn`: day 1 is the publication date if it is a working
 * day, else the next working day; the window closes at 24:00 Asia/Shanghai at the end of day `workingDays`.
 */
export function publicationWindow(
  calendar: HolidayCalendar,
  publishedOn: string,
  workingDays: number = PUBLICATION_WORKING_DAYS,
): PublicationWindow {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw new InvalidArgumentError('workingDays', `${workingDays} 不是正整数`);
  }
  const firstDay = calendar.workingDayOnOrAfter(publishedOn);
  const days = [firstDay];
  while (days.length < workingDays) days.push(calendar.addWorkingDays(days[days.length - 1] ?? firstDay, 1));
  const lastDay = days[days.length - 1] ?? firstDay;
  return {
    publishedOn,
    workingDays,
    firstDay,
    lastDay,
    days,
    opensAt: startOfDay(publishedOn),
    closesAt: `${lastDay}${SHANGHAI_MIDNIGHT_UTC}`,
  };
}

/** Whether `instant` (an ISO instant with an offset) falls in [opensAt, closesAt): 24:00 itself is too late. */
export function isWindowOpen(
  window: Pick<PublicationWindow, 'opensAt' | 'closesAt'>,
  instant: string,
): boolean {
  const at = toEpochMs(instant);
  return toEpochMs(window.opensAt) <= at && at < toEpochMs(window.closesAt);
}

/** 00:00 Asia/Shanghai on `date`, as an ISO instant in UTC. */
function startOfDay(date: string): string {
  return `${fromEpochDay(toEpochDay(date) - 1)}${SHANGHAI_MIDNIGHT_UTC}`;
}
