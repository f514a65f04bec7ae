import { Dec, dec } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Item } from '../scheme/scheme.js';

/** An applied bonus or penalty item's points in score units (10^-dp). */
export function itemPointsUnits(item: Item, record: EnterpriseRecord, dp: number): number {
  if (typeof item.points === 'string') return dec(item.points).times(new Dec(10).pow(dp)).toNumber();
  const { from, base, each } = item.points;
  const count = record.subletTenants;
  if (count < from) return 0;
  const scale = new Dec(10).pow(dp);
  return dec(base)
    .plus(dec(each).times(count - from))
    .times(scale)
    .toNumber();
}
