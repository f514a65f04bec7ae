import type { SheetIssue } from '@mujun/sheets';

/** Stable codes: the CLI and the API branch on `code`, never on message text. */
export const SurchargeErrorCode = {
  /** The scheme has no price policy for the utility asked for. */
  NoPolicy: 'NO_SURCHARGE_POLICY',
  /** A date that is not a real YYYY-MM-DD day. */
  InvalidDate: 'INVALID_DATE',
  /** An argument outside what the list can be built for (a year, a document number). */
  InvalidArgument: 'INVALID_ARGUMENT',
  /** Class history entries that contradict each other. */
  InvalidHistory: 'INVALID_HISTORY',
} as const;
export type SurchargeErrorCode = (typeof SurchargeErrorCode)[keyof typeof SurchargeErrorCode];

export class SurchargeError extends Error {
  constructor(
    readonly code: SurchargeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NoPolicyError extends SurchargeError {
  constructor(
    readonly schemeId: string,
    readonly utility: string,
  ) {
    super(
      SurchargeErrorCode.NoPolicy,
      `评价办法「${schemeId}」没有${utility === 'electricity' ? '差别化电价' : utility}加价政策 ` +
        `(the scheme "${schemeId}" has no ${utility} surcharge table under policy.surcharges)`,
    );
  }
}

export class InvalidDateError extends SurchargeError {
  constructor(
    readonly value: string,
    reason: string,
  ) {
    super(SurchargeErrorCode.InvalidDate, `日期无效 ${JSON.stringify(value)}：${reason}`);
  }
}

export class InvalidArgumentError extends SurchargeError {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(SurchargeErrorCode.InvalidArgument, message);
  }
}

/** History entries that cannot all be true (the same enterprise and year in two classes): every one. */
export class InvalidHistoryError extends SurchargeError {
  constructor(readonly issues: readonly SheetIssue[]) {
    super(SurchargeErrorCode.InvalidHistory, `${String(issues.length)} conflicting class history entr(ies)`);
  }
}
