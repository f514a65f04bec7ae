import { DECIMAL_STRING } from '@mujun/scoring';
import { z } from 'zod';

/**
 * Last year's result, as `mujun grade --out result.json` wrote it (the library's GradeReport). Only what a
 * year-over-year comparison reads is checked and kept; the rest (traces, scores) may be anything, so a
 * file from an older version of the command still compares.
 */

const decimal = z.string().regex(DECIMAL_STRING, 'a decimal string such as "12.3456"');

const enterpriseSchema = z.object({
  uscc: z.string().min(1),
  name: z.string(),
  town: z.string().nullable().optional(),
  status: z.enum(['rated', 'exempt', 'out_of_scope']),
  cohort: z.string().nullable(),
  finalClass: z.string().nullable(),
  indicators: z.record(z.string(), z.object({ label: z.string(), value: decimal.nullable() })),
});

const reportSchema = z.object({
  scheme: z.object({ id: z.string(), name: z.string() }),
  enterprises: z.array(enterpriseSchema),
});

export type PreviousReport = z.output<typeof reportSchema>;
export type PreviousEnterprise = PreviousReport['enterprises'][number];

export interface PreviousReportIssue {
  /** A JSON pointer into the file (`#/enterprises/3/finalClass`). */
  readonly pointer: string;
  readonly message: string;
}

export const PreviousReportErrorCode = { Invalid: 'INVALID_PREVIOUS_REPORT' } as const;

export class InvalidPreviousReportError extends Error {
  readonly code = PreviousReportErrorCode.Invalid;
  constructor(readonly issues: readonly PreviousReportIssue[]) {
    super(
      `not a mujun grade result: ${issues.map((issue) => `${issue.pointer} ${issue.message}`).join('; ')}`,
    );
    this.name = new.target.name;
  }
}

/** The parts of last year's report the comparison needs, or every way in which it is not one. */
export function parsePreviousReport(document: unknown): PreviousReport {
  const parsed = reportSchema.safeParse(document);
  if (!parsed.success) {
    throw new InvalidPreviousReportError(
      parsed.error.issues.slice(0, 20).map((issue) => ({
        pointer: `#/${issue.path.map((part) => String(part)).join('/')}`,
        message: issue.message,
      })),
    );
  }
  return parsed.data;
}
