import type { CompiledItem, CompiledOverride, CompiledScheme } from './compile.js';

/** One override step that changed a class, kept for the trace. */
export interface OverrideChange {
  readonly step: number;
  readonly from: number;
  readonly to: number;
}

/**
 * An override step with its condition evaluated for the members of one cohort of a run: 1 by slot where
 * it holds (null: no condition).
 */
export interface BoundOverride {
  readonly compiled: CompiledOverride;
  readonly holds: Uint8Array | null;
}

/**
 * Runs the scheme's override steps in order on the band class (an index into the classes, 0 = best) of
 * record i, the member at `slot`. Returns the final class; each step that changed it is added to i's
 * list in `changes` (only then, so the common case allocates nothing).
 */
export function applyOverrides(
  compiled: CompiledScheme,
  steps: readonly BoundOverride[],
  slot: number,
  i: number,
  bandClass: number,
  bonusMask: number,
  penaltyMask: number,
  changes: Map<number, OverrideChange[]>,
): number {
  const last = compiled.classIds.length - 1;
  let current = bandClass;
  for (let s = 0; s < steps.length; s++) {
    const { compiled: override, holds } = steps[s] as BoundOverride;
    if (holds !== null && holds[slot] !== 1) continue;
    const { step, classIndex } = override;
    let next = current;
    switch (step.kind) {
      case 'set':
        next = classIndex;
        break;
      case 'atBest':
        next = Math.max(current, classIndex);
        break;
      case 'atWorst':
        next = Math.min(current, classIndex);
        break;
      case 'shift':
        next = clamp(current - step.steps, last);
        break;
      case 'itemShift': {
        const shift = appliedShift(compiled, bonusMask, penaltyMask);
        next = clamp(current - Math.max(-step.maxSteps, Math.min(step.maxSteps, shift)), last);
        break;
      }
    }
    if (next !== current) {
      const change = { step: s, from: current, to: next };
      const list = changes.get(i);
      if (list === undefined) changes.set(i, [change]);
      else list.push(change);
    }
    current = next;
  }
  return current;
}

function clamp(index: number, last: number): number {
  return Math.min(last, Math.max(0, index));
}

/** Σ classShift of the applied bonus and penalty items (提档 +1, 降档 −1). */
export function appliedShift(compiled: CompiledScheme, bonusMask: number, penaltyMask: number): number {
  return maskShift(compiled.bonus, bonusMask) + maskShift(compiled.penalty, penaltyMask);
}

function maskShift(items: readonly CompiledItem[], mask: number): number {
  let steps = 0;
  if (mask === 0) return 0;
  for (const item of items) if ((mask & (1 << item.bit)) !== 0) steps += item.classShift;
  return steps;
}
