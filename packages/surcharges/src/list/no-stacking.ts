import type { Dec } from '@mujun/scoring';
import { priceText } from '../policy/price.js';

/** Which surcharge the grid company executes: this policy's, or the one the enterprise already pays. */
export type PriceBasis = 'policy' | 'existing';

export interface AppliedPrice {
  /** This policy's surcharge for the class and run of years. */
  readonly policy: Dec;
  /** 已执行其他加价, when the enterprise pays one (zero counts as none). */
  readonly existing: Dec | null;
  /** What is executed: the higher of the two, never their sum. */
  readonly applied: Dec;
  /** `existing` only when it is strictly higher; on a tie this policy's surcharge is the one executed. */
  readonly basis: PriceBasis;
}

/**
 * No stacking (Shandong, reference-method.md §10): an enterprise that already pays another differential
 * or punitive surcharge pays the higher of the two, not both.
 */
export function noStacking(policy: Dec, existing: Dec | null): AppliedPrice {
  const other = existing === null || existing.isZero() ? null : existing;
  if (other !== null && other.greaterThan(policy)) {
    return { policy, existing: other, applied: other, basis: 'existing' };
  }
  return { policy, existing: other, applied: policy, basis: 'policy' };
}

/** The 备注 that says which surcharge applies and that they are not added up; empty when there is no other. */
export function noStackingNote(price: AppliedPrice, dp: number, unit: string): string {
  if (price.existing === null) return '';
  const ours = `${priceText(price.policy, dp)} ${unit}`;
  const theirs = `${priceText(price.existing, dp)} ${unit}`;
  if (price.basis === 'existing') {
    return `已执行其他加价 ${theirs}，高于本次差别化电价 ${ours}，按较高的 ${theirs} 执行，不叠加`;
  }
  const relation = price.existing.equals(price.policy) ? '与本次差别化电价相同' : '低于本次差别化电价';
  return `已执行其他加价 ${theirs}，${relation}，按本次差别化电价 ${ours} 执行，不叠加`;
}
