import { InvalidDateError } from '../errors/errors.js';

/**
 * Calendar dates as the ISO strings callers pass (`YYYY-MM-DD`, a day in Asia/Shanghai) and as epoch-day
 * integers (days since 1970-01-01) for arithmetic. No clock and no local time zone are ever consulted.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The problem with `value` as an ISO calendar date, or undefined when it is one. */
export function isoDateProblem(value: string): string | undefined {
  return isoDateIssue(value)?.message;
}

/** Why `value` is not a `YYYY-MM-DD` day, with a code for machines and a message in Chinese. */
export function isoDateIssue(
  value: string,
): { readonly code: 'date-format' | 'no-such-day'; readonly message: string } | undefined {
  const match = ISO_DATE.exec(value);
  if (match === null) return { code: 'date-format', message: '日期应写作 YYYY-MM-DD，例如 2027-02-06' };
  const [, year = '', month = '', day = ''] = match;
  const ms = utcMidnight(Number(year), Number(month), Number(day));
  if (formatMs(ms) !== value) return { code: 'no-such-day', message: '日历上没有这一天' };
  return undefined;
}

/** Days since 1970-01-01 of a validated `YYYY-MM-DD` string. */
export function toEpochDay(value: string): number {
  const problem = isoDateProblem(value);
  if (problem !== undefined) throw new InvalidDateError(value, problem);
  const ms = utcMidnight(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
  return Math.round(ms / MS_PER_DAY);
}

export function fromEpochDay(day: number): string {
  return formatMs(day * MS_PER_DAY);
}

/** ISO weekday: 1 Monday … 6 Saturday, 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: number): boolean {
  return isoWeekday(day) >= 6;
}

export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

function utcMidnight(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function formatMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
