/** Error codes are stable strings: callers (the CLI, the API) branch on `code`, never on message text. */
export const CalendarErrorCode = {
  InvalidCalendar: 'INVALID_CALENDAR',
  CalendarCoverage: 'CALENDAR_COVERAGE',
  InvalidDate: 'INVALID_DATE',
  InvalidInstant: 'INVALID_INSTANT',
  InvalidArgument: 'INVALID_ARGUMENT',
} as const;
export type CalendarErrorCode = (typeof CalendarErrorCode)[keyof typeof CalendarErrorCode];

export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** What is wrong, for machines: a stable string; the `message` beside it is for people, in Chinese. */
export type CalendarIssueCode =
  | 'not-json'
  | 'date-format'
  | 'no-such-day'
  | 'coverage-order'
  | 'year-not-covered'
  | 'year-twice'
  | 'coverage-without-year'
  | 'unknown-notice'
  | 'outside-year'
  | 'range-reversed'
  | 'days-mismatch'
  | 'day-off-twice'
  | 'holiday-order'
  | 'make-up-weekday'
  | 'make-up-twice'
  | 'festival-count'
  | 'off-and-worked'
  /** The shape itself (a missing field, a wrong type, an unknown key): zod's issue code follows. */
  | `schema:${string}`;

export interface CalendarIssue {
  /** Where in the calendar document, e.g. `years.3.holidays.0.makeUp.1`; `(root)` for the whole. */
  readonly path: string;
  readonly code: CalendarIssueCode;
  /** In Chinese: what a clerk entering a year reads. */
  readonly message: string;
}

/** A calendar document that is not a faithful, self-consistent holiday calendar: every problem, not the first. */
export class InvalidCalendarError extends CalendarError {
  constructor(readonly issues: readonly CalendarIssue[]) {
    super(
      CalendarErrorCode.InvalidCalendar,
      `节假日日历有误：${issues.map((issue) => `${issue.path}：${issue.message}`).join('；')}`,
    );
  }
}

/**
 * The calendar cannot decide this date: its year's notice is not loaded, or the date is in the last week of
 * December and the next year's 元旦 arrangement (which can reach back into it) is not loaded.
 */
export class CalendarCoverageError extends CalendarError {
  constructor(
    readonly date: string,
    /** The year whose State Council notice must be added to the calendar to decide `date`. */
    readonly missingYear: number,
    /** The years the calendar covers. */
    readonly coverage: readonly number[],
  ) {
    const covered = coverage.length === 0 ? '无任何年度' : `${coverage.join('、')} 年`;
    const why =
      missingYear === Number(date.slice(0, 4))
        ? `${date} 属于 ${missingYear} 年`
        : `${date} 在 12 月最后一周，${missingYear} 年元旦的放假安排可能涉及这几天`;
    super(
      CalendarErrorCode.CalendarCoverage,
      `${why}，而节假日日历（覆盖 ${covered}）中没有 ${missingYear} 年的安排：请录入国务院办公厅关于 ${missingYear} 年部分节假日安排的通知`,
    );
  }
}

export class InvalidDateError extends CalendarError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidDate, `日期“${value}”无效：${reason}`);
  }
}

export class InvalidInstantError extends CalendarError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidInstant, `时间“${value}”无效：${reason}`);
  }
}

export class InvalidArgumentError extends CalendarError {
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidArgument, `参数 ${argument} 无效：${reason}`);
  }
}
