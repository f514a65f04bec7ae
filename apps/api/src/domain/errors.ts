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
  /** Storing the filing's evidence would pass the enterprise's or the evaluation's evidence quota. */
  EvidenceQuota: 'EVIDENCE_QUOTA',
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

/** What may be not found, in the words a clerk reads. */
const NOT_FOUND = {
  evaluation: '评价',
  objection: '异议',
  'objection item': '异议事项',
  evidence: '证明材料',
  publication: '公示',
  'final result': '定稿结果',
  recomputation: '复核重算结果',
  'enterprise result': '企业评价结果',
  'enterprise in this evaluation': '本次评价中的该企业',
  enterprise: '企业',
  account: '账号',
  'ledger file': '整改档案',
  attachment: '附件',
  proposal: '拟议方案',
} as const;

export function notFound(what: keyof typeof NOT_FOUND): DomainError {
  return new DomainError(
    DomainErrorCode.NotFound,
    `未找到${NOT_FOUND[what]}，或您无权查看 (${what} not found)`,
  );
}
