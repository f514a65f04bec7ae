import type { EnterpriseRecord } from '../records/record.js';
import type { Benchmark } from './benchmark.js';
import type { CompiledCohort, CompiledScheme } from './compile.js';
import type { OverrideChange } from './overrides.js';

export const STATUS = { rated: 0, exempt: 1, outOfScope: 2 } as const;

/** Everything a run decided, held compactly (typed arrays by record index) until results are written. */
export interface RunState {
  readonly compiled: CompiledScheme;
  readonly records: readonly EnterpriseRecord[];
  readonly status: Uint8Array;
  /** Index of the scope rule that decided an out-of-scope or exempt record. */
  readonly scopeRule: Int16Array;
  readonly cohortOf: Int16Array;
  /** Total score in score units (10^-dp). */
  readonly total: Float64Array;
  /** Bonus and penalty points before their caps, in score units. */
  readonly bonusRawUnits: Float64Array;
  readonly penaltyRawUnits: Float64Array;
  readonly bonusMask: Int32Array;
  readonly penaltyMask: Int32Array;
  readonly rank: Int32Array;
  readonly bandClass: Int8Array;
  readonly finalClass: Int8Array;
  readonly overrides: Map<number, OverrideChange[]>;
  readonly cohorts: readonly CohortState[];
  readonly warnings: string[];
}

export interface CohortState {
  readonly compiled: CompiledCohort;
  /** Record indices of the cohort's rated enterprises in rank order. */
  readonly members: Int32Array;
  readonly benchmarks: readonly (Benchmark | null)[];
  /**
   * Indicator scores (score units) and applicability by rank: the member ranked r has indicator k's at
   * (r − 1) × indicators + k, so that results, written in rank order, read them in order.
   */
  readonly scores: Float64Array;
  readonly applicable: Uint8Array;
  /** Published values the same way, in units of the value decimals; NaN: not applicable, or decimal.js decides. */
  readonly valueUnits: Float64Array;
  readonly meanUnits: readonly number[];
  readonly bandLimits: readonly number[];
}
