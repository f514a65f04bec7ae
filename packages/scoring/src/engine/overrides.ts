import type { EnterpriseRecord } from '../records/record.js';
import type { CompiledCohort, CompiledScheme } from './compile.js';

/** One override step that changed a class, kept for the trace. */
export interface OverrideChange {
  readonly step: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Runs the scheme's override steps in order on a band class (an index into the classes, 0 = best).
 * Returns the final class and each step that changed it.
 */
export function applyOverrides(
  compiled: CompiledScheme,
  cohort: CompiledCohort,
  record: EnterpriseRecord,
  bandClass: number,
  applied: { readonly bonus: number; readonly penalty: number },
): { finalClass: number; changes: OverrideChange[] } {
  const last = compiled.classIds.length - 1;
  const clamp = (index: number): number => Math.min(last, Math.max(0, index));
  const indexOf = (id: string): number => compiled.classIds.indexOf(id);
  let current = bandClass;
  const changes: OverrideChange[] = [];
  compiled.overrides.forEach(({ step, when }, s) => {
    if (when !== null && !when(record, cohort.indicatorMap)) return;
    let next = current;
    switch (step.kind) {
      case 'set':
        next = indexOf(step.class);
        break;
      case 'atBest':
        next = Math.max(current, indexOf(step.class));
        break;
      case 'atWorst':
        next = Math.min(current, indexOf(step.class));
        break;
      case 'shift':
        next = clamp(current - step.steps);
        break;
      case 'itemShift': {
        const steps = appliedShift(compiled, applied);
        next = clamp(current - Math.max(-step.maxSteps, Math.min(step.maxSteps, steps)));
        break;
      }
    }
    if (next !== current) changes.push({ step: s, from: current, to: next });
    current = next;
  });
  return { finalClass: current, changes };
}

/** Σ classShift of the applied bonus and penalty items (提档 +1, 降档 −1). */
export function appliedShift(
  compiled: CompiledScheme,
  applied: { readonly bonus: number; readonly penalty: number },
): number {
  let steps = 0;
  for (const item of compiled.bonus) if (applied.bonus & (1 << item.bit)) steps += item.item.classShift ?? 0;
  for (const item of compiled.penalty)
    if (applied.penalty & (1 << item.bit)) steps += item.item.classShift ?? 0;
  return steps;
}
