import type { CompiledCohort } from './compile.js';
import { conditionColumn } from './conditions.js';
import type { ConditionInput } from './conditions.js';
import { applyOverrides } from './overrides.js';
import type { BoundOverride, OverrideChange } from './overrides.js';
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
  const changed = (i: number, change: OverrideChange): void => {
    const list = state.overrides.get(i);
    if (list === undefined) state.overrides.set(i, [change]);
    else list.push(change);
  };
  for (let slot = 0; slot < members.length; slot++) {
    const i = members[slot] as number;
    let band = bands === null ? 0 : bandOf(bandLimits, state.rank[i] as number, last);
    if (thresholdUnits !== null) {
      band = Math.max(band, thresholdClass(thresholdUnits, state.total[i] as number, last));
    }
    state.bandClass[i] = band;
    const bonusMask = state.bonusMask[i] as number;
    const penaltyMask = state.penaltyMask[i] as number;
    state.finalClass[i] = applyOverrides(compiled, steps, slot, i, band, bonusMask, penaltyMask, changed);
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
