import type { DecimalString } from '../decimal/decimal.js';

/** What a grading run says about one enterprise: the wire shape, figures as decimal strings. */

export type Status = 'rated' | 'exempt' | 'out_of_scope';

export interface IndicatorResult {
  readonly label: string;
  readonly unit: string;
  /** Rounded to the scheme's value decimals; null when not applicable. */
  readonly value: DecimalString | null;
  readonly applicable: boolean;
  readonly benchmark: DecimalString | null;
  readonly weight: DecimalString;
  readonly score: DecimalString;
}

export interface ItemResult {
  readonly id: string;
  readonly label: string;
  readonly points: DecimalString;
  readonly classShift?: number;
}

export interface OverrideResult {
  readonly step: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

/** One line of "why": the rule, what it compared, and what it decided, in words a clerk can read out. */
export type TraceEntry =
  | {
      readonly rule: 'scope';
      readonly status: Status;
      readonly ruleId: string | null;
      readonly detail: string;
    }
  | { readonly rule: 'cohort'; readonly cohort: string; readonly detail: string }
  | {
      readonly rule: 'indicator';
      readonly indicator: string;
      readonly applicable: boolean;
      readonly score: DecimalString;
      readonly detail: string;
    }
  | { readonly rule: 'bonus'; readonly item: string; readonly points: DecimalString; readonly detail: string }
  | { readonly rule: 'bonusCap'; readonly cap: DecimalString; readonly detail: string }
  | {
      readonly rule: 'penalty';
      readonly item: string;
      readonly points: DecimalString;
      readonly detail: string;
    }
  | { readonly rule: 'penaltyCap'; readonly cap: DecimalString; readonly detail: string }
  | { readonly rule: 'total'; readonly totalScore: DecimalString; readonly detail: string }
  | { readonly rule: 'rank'; readonly rank: number; readonly of: number; readonly detail: string }
  | { readonly rule: 'band'; readonly class: string; readonly detail: string }
  | {
      readonly rule: 'override';
      readonly step: string;
      readonly from: string;
      readonly to: string;
      readonly detail: string;
    }
  | { readonly rule: 'final'; readonly class: string | null; readonly detail: string };

export interface EnterpriseResult {
  readonly uscc: string;
  readonly name: string;
  readonly scale: 'above' | 'below';
  readonly town: string | null;
  readonly park: string | null;
  readonly industryCode: string | null;
  readonly industryName: string | null;
  readonly status: Status;
  readonly cohort: string | null;
  readonly indicators: Readonly<Record<string, IndicatorResult>>;
  readonly bonusItems: readonly ItemResult[];
  /** The bonus that entered the total (after the cap); null when the enterprise was not rated. */
  readonly bonus: DecimalString | null;
  readonly penaltyItems: readonly ItemResult[];
  readonly penalty: DecimalString | null;
  readonly totalScore: DecimalString | null;
  readonly rank: number | null;
  readonly bandClass: string | null;
  readonly finalClass: string | null;
  readonly finalClassLabel: string | null;
  readonly overrides: readonly OverrideResult[];
  readonly trace: readonly TraceEntry[];
}

export interface CohortSummary {
  readonly id: string;
  readonly label: string;
  readonly rated: number;
  readonly benchmarks: Readonly<Record<string, DecimalString | null>>;
  /** The last rank of each band class (floor of the cumulative share × n). */
  readonly bandLimits: Readonly<Record<string, number>>;
  readonly bandCounts: Readonly<Record<string, number>>;
  readonly finalCounts: Readonly<Record<string, number>>;
}

export interface GradeReport {
  readonly scheme: { readonly id: string; readonly name: string };
  readonly warnings: readonly string[];
  readonly counts: { readonly rated: number; readonly exempt: number; readonly outOfScope: number };
  readonly cohorts: Readonly<Record<string, CohortSummary>>;
  readonly enterprises: readonly EnterpriseResult[];
}
