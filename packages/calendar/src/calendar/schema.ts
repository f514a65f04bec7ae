import { z } from 'zod';
import {
  fromEpochDay,
  isoDateIssue,
  isoDateProblem,
  isWeekend,
  toEpochDay,
  yearOf,
} from '../dates/iso-date.js';
import type { CalendarIssueCode } from '../errors/errors.js';

/**
 * A holiday calendar as data: for each covered year, the State Council's notice(s) and the holidays they
 * set, each holiday a range of days off (放假, the notice's "X日至Y日", weekend days inside it included)
 * and the weekend days worked in exchange (调休上班). The document records the state after any amending
 * notice (2020's 春节 extension), naming both notices.
 */

export const HOLIDAY_NAMES = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type HolidayName = (typeof HOLIDAY_NAMES)[number];

/**
 * 元旦 is the one holiday whose arrangement has reached back into the previous December (2023's notice:
 * 2022年12月31日至2023年1月2日; 2019's: 2018年12月29日上班). A 元旦 entry may start, or have make-up days,
 * from this day of the previous year on, and conversely a date from this day on is only decided once the
 * next year's notice is loaded.
 */
export const YEAR_END_REACH = { month: 12, day: 25 } as const;

const isoDate = z.string().superRefine((value, ctx) => {
  const problem = isoDateIssue(value);
  if (problem !== undefined)
    ctx.addIssue({
      code: 'custom',
      message: `${problem.message}（填写的是“${value}”）`,
      params: { code: problem.code },
    });
});

const noticeSchema = z.strictObject({
  /** 文号, e.g. 国办发明电〔2019〕16号. */
  number: z.string().min(1),
  title: z.string().min(1),
  /** The date the notice bears (成文日期). */
  issued: isoDate,
  /** Where the text was checked. */
  source: z.string().min(1).optional(),
  /** The 文号 of an earlier notice this one changes. */
  amends: z.string().min(1).optional(),
  /** Something here is not confirmed against an official text (see `note`). */
  verify: z.boolean().optional(),
  note: z.string().optional(),
});

const holidaySchema = z.strictObject({
  /** The festival(s), in the notice's order (国庆节、中秋节 share one range when they meet). */
  names: z.array(z.enum(HOLIDAY_NAMES)).min(1),
  /** First and last day off, inclusive. */
  from: isoDate,
  to: isoDate,
  /** The notice's 共N天: must equal the range, a check on both. */
  days: z.int().positive(),
  /** Weekend days worked (调休上班). */
  makeUp: z.array(isoDate),
  /** 文号 of the notice that set this holiday, listed in the year's `notices`. */
  notice: z.string().min(1),
  /** 文号 of a later notice that changed it; the entry records the changed state. */
  amendedBy: z.string().min(1).optional(),
  verify: z.boolean().optional(),
  note: z.string().optional(),
});

/**
 * One year's arrangement as a notice gives it: the shape of an entry of `years`, and what a bureau enters
 * when the State Council's notice for a year the bundled file lacks comes out. Checked alone by this
 * schema, and against the rest of the calendar by `calendarDocumentSchema` once merged (`extendCalendar`).
 */
export const calendarYearSchema = z.strictObject({
  year: z.int().min(1000).max(9998),
  notices: z.array(noticeSchema).min(1),
  /** In date order; every festival of the year exactly once (an omission would make a holiday a working day). */
  holidays: z.array(holidaySchema).min(1),
});

const documentShape = z.strictObject({
  title: z.string().min(1),
  description: z.string().optional(),
  /** Dates are days in this zone; the window closes at its midnight. China has had no DST since 1991. */
  timeZone: z.literal('Asia/Shanghai'),
  /** The years the calendar decides, listed explicitly, ascending; one `years` entry each. */
  coverage: z.array(z.int().min(1000).max(9998)).min(1),
  years: z.array(calendarYearSchema).min(1),
});

export const calendarDocumentSchema = documentShape.superRefine((document, ctx) => {
  const issue = (path: (string | number)[], code: CalendarIssueCode, message: string): void => {
    ctx.addIssue({ code: 'custom', path, message, params: { code } });
  };

  document.coverage.forEach((year, index) => {
    const previous = document.coverage[index - 1];
    if (previous !== undefined && year <= previous) {
      issue(
        ['coverage', index],
        'coverage-order',
        `覆盖年度须按升序排列且每年只列一次（${year} 排在 ${previous} 之后）`,
      );
    }
  });
  const covered = new Set(document.coverage);
  const seenYears = new Set<number>();
  document.years.forEach((block, index) => {
    if (!covered.has(block.year))
      issue(['years', index, 'year'], 'year-not-covered', `${block.year} 年未列入覆盖年度（coverage）`);
    if (seenYears.has(block.year))
      issue(['years', index, 'year'], 'year-twice', `${block.year} 年出现了两次`);
    seenYears.add(block.year);
  });
  for (const year of covered) {
    if (!seenYears.has(year))
      issue(['coverage'], 'coverage-without-year', `${year} 年列入了覆盖年度，但没有该年的节假日安排`);
  }

  /** Every day off and every make-up day across the document, to catch one date given two meanings. */
  const offDays = new Map<string, string>();
  const makeUpDays = new Map<string, string>();

  document.years.forEach((block, y) => {
    const numbers = new Set(block.notices.map((notice) => notice.number));
    block.notices.forEach((notice, n) => {
      if (notice.amends !== undefined && !numbers.has(notice.amends)) {
        issue(
          ['years', y, 'notices', n, 'amends'],
          'unknown-notice',
          `${notice.amends} 不在 ${block.year} 年所列的通知中`,
        );
      }
    });

    const festivals = new Map<HolidayName, number>();
    block.holidays.forEach((holiday, h) => {
      const at = (...rest: (string | number)[]): (string | number)[] => ['years', y, 'holidays', h, ...rest];
      const label = `${holiday.names.join('、')} ${block.year}`;
      for (const name of holiday.names) festivals.set(name, (festivals.get(name) ?? 0) + 1);
      if (!numbers.has(holiday.notice)) {
        issue(at('notice'), 'unknown-notice', `${holiday.notice} 不在 ${block.year} 年所列的通知中`);
      }
      if (holiday.amendedBy !== undefined && !numbers.has(holiday.amendedBy)) {
        issue(at('amendedBy'), 'unknown-notice', `${holiday.amendedBy} 不在 ${block.year} 年所列的通知中`);
      }
      if (isoDateProblem(holiday.from) !== undefined || isoDateProblem(holiday.to) !== undefined) return;

      const mayReachBack = holiday.names.includes('元旦');
      const inYear = (date: string): boolean =>
        yearOf(date) === block.year || (mayReachBack && isYearEndOf(date, block.year - 1));
      const where = mayReachBack
        ? `${block.year} 年内（元旦可自 ${block.year - 1}-12-${YEAR_END_REACH.day} 起）`
        : `${block.year} 年内`;

      const from = toEpochDay(holiday.from);
      const to = toEpochDay(holiday.to);
      if (!inYear(holiday.from)) issue(at('from'), 'outside-year', `${holiday.from} 应在 ${where}`);
      if (yearOf(holiday.to) !== block.year) {
        issue(at('to'), 'outside-year', `${holiday.to} 应在 ${block.year} 年内`);
      }
      if (to < from) {
        issue(at('to'), 'range-reversed', `结束日 ${holiday.to} 早于开始日 ${holiday.from}`);
      } else {
        if (to - from + 1 !== holiday.days) {
          issue(
            at('days'),
            'days-mismatch',
            `${holiday.from} 至 ${holiday.to} 共 ${to - from + 1} 天，与填写的 ${holiday.days} 天不符`,
          );
        }
        for (let day = from; day <= to; day++) {
          const date = fromEpochDay(day);
          const other = offDays.get(date);
          if (other !== undefined) issue(at('from'), 'day-off-twice', `${date} 已是放假日（${other}）`);
          offDays.set(date, label);
        }
      }
      const previous = block.holidays[h - 1];
      if (
        previous !== undefined &&
        isoDateProblem(previous.from) === undefined &&
        previous.from >= holiday.from
      ) {
        issue(
          at('from'),
          'holiday-order',
          `节假日须按日期先后排列（${holiday.from} 排在 ${previous.from} 之后）`,
        );
      }

      holiday.makeUp.forEach((date, m) => {
        if (isoDateProblem(date) !== undefined) return;
        if (!inYear(date)) issue(at('makeUp', m), 'outside-year', `${date} 应在 ${where}`);
        if (!isWeekend(toEpochDay(date)))
          issue(at('makeUp', m), 'make-up-weekday', `${date} 不是星期六或星期日，不能作为调休上班日`);
        const other = makeUpDays.get(date);
        if (other !== undefined)
          issue(at('makeUp', m), 'make-up-twice', `${date} 已是调休上班日（${other}）`);
        makeUpDays.set(date, label);
      });
    });

    for (const name of HOLIDAY_NAMES) {
      const count = festivals.get(name) ?? 0;
      if (count !== 1)
        issue(
          ['years', y, 'holidays'],
          'festival-count',
          `${block.year} 年的${name}出现 ${count} 次，应恰好出现一次`,
        );
    }
  });

  for (const [date, holiday] of makeUpDays) {
    const off = offDays.get(date);
    if (off !== undefined)
      issue(['years'], 'off-and-worked', `${date} 既是调休上班日（${holiday}）又是放假日（${off}）`);
  }
});

export type CalendarDocument = z.output<typeof calendarDocumentSchema>;
export type CalendarDocumentInput = z.input<typeof calendarDocumentSchema>;
export type CalendarYear = z.output<typeof calendarYearSchema>;
export type CalendarNotice = CalendarDocument['years'][number]['notices'][number];
export type CalendarHoliday = CalendarDocument['years'][number]['holidays'][number];

/** Whether `date` is in the last days of `year` that the next year's 元旦 arrangement may touch. */
export function isYearEndOf(date: string, year: number): boolean {
  if (yearOf(date) !== year) return false;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month === YEAR_END_REACH.month && day >= YEAR_END_REACH.day;
}
