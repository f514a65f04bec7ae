/** Error codes are stable strings: callers (the CLI, the API) branch on `code`, never on message text. */
export const ErrorCode = {
  InvalidRecords: 'INVALID_RECORDS',
  InvalidScheme: 'INVALID_SCHEME',
  UnknownPreset: 'UNKNOWN_PRESET',
  PreviousResultNeeded: 'PREVIOUS_RESULT_NEEDED',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One bad cell (or a bad record as a whole, with `column` naming the key field). */
export interface RecordIssue {
  /** 1-based row as a spreadsheet shows it (the header is usually row 1). */
  readonly row: number;
  /** The English key of the column. */
  readonly column: string;
  /** The header as the file spelled it, when it came from a file. */
  readonly header?: string;
  readonly value: string;
  readonly reason: string;
  readonly file?: string;
}

export class MujunError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Records that cannot be graded: every bad cell, not just the first. */
export class InvalidRecordsError extends MujunError {
  constructor(readonly issues: readonly RecordIssue[]) {
    super(ErrorCode.InvalidRecords, `${issues.length} invalid cell(s) in the records`);
  }
}

export interface SchemeIssue {
  readonly path: string;
  readonly message: string;
}

export class InvalidSchemeError extends MujunError {
  constructor(readonly issues: readonly SchemeIssue[]) {
    super(
      ErrorCode.InvalidScheme,
      `invalid scheme: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
  }
}

export class UnknownPresetError extends MujunError {
  constructor(
    readonly presetId: string,
    readonly known: readonly string[],
  ) {
    super(ErrorCode.UnknownPreset, `unknown scheme preset "${presetId}" (known: ${known.join(', ')})`);
  }
}

/**
 * A benchmark of the scheme comes from last year's result (`previousYear`) and the run was not given one,
 * or the one it was given lacks the cohort or indicator: every such benchmark is listed.
 */
export class PreviousResultNeededError extends MujunError {
  constructor(readonly issues: readonly SchemeIssue[]) {
    super(
      ErrorCode.PreviousResultNeeded,
      `需要上年评价结果 (last year's result needed): ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
  }
}
