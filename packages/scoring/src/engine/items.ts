import { Dec, dec } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { CompiledItem } from './compile.js';

/** An applied bonus or penalty item's points in score units (10^-dp). */
export function itemPointsUnits(compiled: CompiledItem, record: EnterpriseRecord, dp: number): number {
  const { item, fixedUnits, baseUnits, eachUnits } = compiled;
  if (fixedUnits !== null || typeof item.points === 'string') return fixedUnits ?? 0;
  const { perCount, from, base, each } = item.points;
  // subletTenants, or a declared count (validated a whole number ≥ 0; missing counts as 0).
  const count = perCount === 'subletTenants' ? record.subletTenants : Number(record.extra?.[perCount] ?? '0');
  if (count < from) return 0;
  // Integer arithmetic is exact while every step is a safe integer: a true result of 2^53 or more
  // never rounds below it. Beyond that, decimal.js.
  const added = eachUnits * (count - from);
  const units = baseUnits + added;
  if (Number.isSafeInteger(baseUnits) && Number.isSafeInteger(added) && Number.isSafeInteger(units)) {
    return units;
  }
  return dec(base)
    .plus(dec(each).times(count - from))
    .times(new Dec(10).pow(dp))
    .toNumber();
}

/**
 * A bonus or penalty item with its condition evaluated for the members of one cohort of a run: 1 by slot
 * where it holds (null: no condition, it always does).
 */
export interface BoundItem {
  readonly compiled: CompiledItem;
  readonly holds: Uint8Array | null;
}

/**
 * Applies the items to record i, the member at `slot`: writes which applied into `masks`, returns their
 * points (score units).
 */
export function applyItems(
  items: readonly BoundItem[],
  slot: number,
  i: number,
  record: EnterpriseRecord,
  dp: number,
  masks: Int32Array,
): number {
  let mask = 0;
  let units = 0;
  for (let k = 0; k < items.length; k++) {
    const { compiled, holds } = items[k] as BoundItem;
    if (holds !== null && holds[slot] !== 1) continue;
    const points = itemPointsUnits(compiled, record, dp);
    if (points === 0 && compiled.item.classShift === undefined) continue;
    mask |= 1 << compiled.bit;
    units += points;
  }
  masks[i] = mask;
  return units;
}

/** Caps a bonus or penalty total (score units); null is no cap. */
export function capped(units: number, cap: number | null): number {
  return cap === null ? units : Math.min(units, cap);
}
