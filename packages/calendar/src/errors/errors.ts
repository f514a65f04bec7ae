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

export interface CalendarIssue {
  /** Where in the calendar document, e.g. `years.3.holidays.0.makeUp.1`; `(root)` for the whole. */
  readonly path: string;
  readonly message: string;
}

/** A calendar document that is not a faithful, self-consistent holiday calendar: every problem, not the first. */
export class InvalidCalendarError extends CalendarError {
  constructor(readonly issues: readonly CalendarIssue[]) {
    super(
      CalendarErrorCode.InvalidCalendar,
      `invalid holiday calendar: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
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
    const covered = coverage.length === 0 ? 'no year' : coverage.join(', ');
    const why =
      missingYear === Number(date.slice(0, 4))
        ? `${date} is in ${missingYear}`
        : `${date} is in the last week of December, which the ${missingYear} 元旦 arrangement may change`;
    super(
      CalendarErrorCode.CalendarCoverage,
      `${why}, and the holiday calendar (covering ${covered}) has no notice for ${missingYear}: add the State Council's ${missingYear} holiday notice`,
    );
  }
}

export class InvalidDateError extends CalendarError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidDate, `invalid date "${value}": ${reason}`);
  }
}

export class InvalidInstantError extends CalendarError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidInstant, `invalid instant "${value}": ${reason}`);
  }
}

export class InvalidArgumentError extends CalendarError {
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(CalendarErrorCode.InvalidArgument, `invalid ${argument}: ${reason}`);
  }
}
