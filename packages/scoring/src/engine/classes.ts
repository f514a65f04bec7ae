import type { CompiledCohort } from './compile.js';
import { conditionColumn } from './conditions.js';
import type { ConditionInput } from './conditions.js';
import { applyOverrides } from './overrides.js';
import type { BoundOverride } from './overrides.js';
import type { RunState } from './run-state.js';

/**
 * Band class by rank (floored cumulative shares), score thresholds, then the override steps. Visits the
 * members in record order, not rank order: the records are read in the order they lie in memory.
 */
export function classify(
  state: RunState,
  input: ConditionInput,
  cohort: CompiledCohort,
  members: Int32Array,
  bandLimits: readonly number[],
): void {
  const { compiled } = state;
  const { bands, thresholdUnits } = cohort;
  const last = compiled.classIds.length - 1;
  const steps: BoundOverride[] = compiled.overrides.map((override) => ({
    compiled: override,
    holds: conditionColumn(override.when, input, members),
  }));
  for (let slot = 0; slot < members.length; slot++) {
    const i = members[slot] as number;
    let band = bands === null ? 0 : bandOf(bandLimits, state.rank[i] as number, last);
    if (thresholdUnits !== null) {
      band = Math.max(band, thresholdClass(thresholdUnits, state.total[i] as number, last));
    }
    state.bandClass[i] = band;
    const bonusMask = state.bonusMask[i] as number;
    const penaltyMask = state.penaltyMask[i] as number;
    state.finalClass[i] = applyOverrides(
      compiled,
      steps,
      slot,
      i,
      band,
      bonusMask,
      penaltyMask,
      state.overrides,
    );
  }
}

function bandOf(limits: readonly number[], rank: number, last: number): number {
  for (let c = 0; c < limits.length; c++) if (rank <= (limits[c] as number)) return c;
  return last;
}

/** The best class whose minimum score the total reaches, else the last. */
function thresholdClass(minimums: readonly number[], total: number, last: number): number {
  for (let c = 0; c < minimums.length; c++) if (total >= (minimums[c] as number)) return c;
  return last;
}

/**
 * How many members are in each class (classOf by record index, -1 or beyond the classes: none), in one
 * small loop: a cohort summary's band and final counts.
 */
export function countClasses(members: Int32Array, classOf: Int8Array, classes: number): Int32Array {
  const counts = new Int32Array(classes);
  for (let m = 0; m < members.length; m++) {
    const c = classOf[members[m] as number] as number;
    counts[c] = (counts[c] as number) + 1;
  }
  return counts;
}
