/**
 * The API's domain errors: what the rules refuse, in a clerk's words, with a stable code. They know
 * nothing of HTTP; http/problem.ts maps each code to a status and a problem type.
 */
export const DomainErrorCode = {
  NotFound: 'NOT_FOUND',
  InvalidState: 'INVALID_STATE',
  WindowNotOpen: 'WINDOW_NOT_OPEN',
  WindowClosed: 'WINDOW_CLOSED',
  WindowStillOpen: 'WINDOW_STILL_OPEN',
  ObjectionsPending: 'OBJECTIONS_PENDING',
  Frozen: 'FROZEN',
  FieldAlreadyContested: 'FIELD_ALREADY_CONTESTED',
  WrongEnterprise: 'WRONG_ENTERPRISE',
  InvalidValue: 'INVALID_VALUE',
  Concurrent: 'CONCURRENT_CHANGE',
  StaleVersion: 'STALE_VERSION',
  CalendarCoverage: 'CALENDAR_COVERAGE',
  /** The evaluation was uploaded without its data year, which the surcharge list needs. */
  NoDataYear: 'NO_DATA_YEAR',
} as const;
export type DomainErrorCode = (typeof DomainErrorCode)[keyof typeof DomainErrorCode];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Extra members for the problem body (e.g. the window's `closesAt`): facts, never internals. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function notFound(what: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `${what} not found`);
}
