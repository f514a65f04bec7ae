import { InvalidDateError } from '../errors.js';

/** A calendar day, `YYYY-MM-DD`. Days only: no clock, no time zone. */
export type IsoDate = string;

export interface ExecutionPeriod {
  /** 执行起始日期: the first day of the month after publication. */
  readonly start: IsoDate;
  /** 执行截止日期: the day before the same date 12 months later (the last day of the 12th month). */
  readonly end: IsoDate;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function write({ year, month, day }: Day): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A real day written `YYYY-MM-DD` (2026-02-29 is not one), or InvalidDateError saying why not. */
export function parseIsoDate(value: string): Day {
  const match = DATE.exec(value);
  if (match === null)
    throw new InvalidDateError(value, '应为 YYYY-MM-DD，如 2026-03-15 (expected YYYY-MM-DD)');
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [number, number, number];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    throw new InvalidDateError(value, '日历上没有这一天 (no such day in the calendar)');
  }
  return { year, month, day };
}

/** The first day of the month after `date`'s. */
function firstOfNextMonth({ year, month }: Day): Day {
  return month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 };
}

/** The day before `date`. */
function dayBefore({ year, month, day }: Day): Day {
  if (day > 1) return { year, month, day: day - 1 };
  if (month > 1) return { year, month: month - 1, day: daysIn(year, month - 1) };
  return { year: year - 1, month: 12, day: 31 };
}

/**
 * The execution period of a list finally published on `publishedOn` (reference-method.md §10): from the
 * first day of the next month, for 12 months, so to the day before the same date 12 months later.
 * Published 2026-03-15 → 2026-04-01 … 2027-03-31; published 2026-12-20 → 2027-01-01 … 2027-12-31;
 * published on the 1st (2026-03-01) still starts the next month (2026-04-01).
 */
export function executionPeriod(publishedOn: IsoDate): ExecutionPeriod {
  const start = firstOfNextMonth(parseIsoDate(publishedOn));
  const sameDateNextYear = { ...start, year: start.year + 1 };
  return { start: write(start), end: write(dayBefore(sameDateNextYear)) };
}
