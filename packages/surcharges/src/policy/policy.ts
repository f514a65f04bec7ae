import { dec, fixed } from '@mujun/scoring';
import type { Dec, DecimalString, Scheme } from '@mujun/scoring';
import { NoPolicyError } from '../errors.js';

/** The scheme's price policy (scheme.ts `policy`): surcharge tables and the land-use-tax relief. */
export type Policy = NonNullable<Scheme['policy']>;
export type Utility = keyof Policy['surcharges'];
export type SurchargeTable = NonNullable<Policy['surcharges'][Utility]>;
export type SurchargeTier = SurchargeTable['byClass'][string][number];

/** The table for one utility (electricity by default), or NoPolicyError when the scheme sets none. */
export function surchargeTable(scheme: Scheme, utility: Utility = 'electricity'): SurchargeTable {
  const table = scheme.policy?.surcharges[utility];
  if (table === undefined) throw new NoPolicyError(scheme.id, utility);
  return table;
}

/**
 * The tier that applies in the `years`-th consecutive year in `classId`: the last one whose fromYear is
 * at most `years` (Shandong D: 1st year 0.05, 2nd 0.10, 3rd and on 0.15). Null for a class the table does
 * not list.
 */
export function tierFor(table: SurchargeTable, classId: string, years: number): SurchargeTier | null {
  let found: SurchargeTier | null = null;
  for (const tier of table.byClass[classId] ?? []) {
    if (tier.fromYear <= years) found = tier;
  }
  return found;
}

/** The surcharge per unit for a class and run of years: zero when no tier applies. */
export function surchargePerUnit(table: SurchargeTable, classId: string, years: number): Dec {
  return dec(tierFor(table, classId, years)?.perUnit ?? '0');
}

/** A price written with the table's decimals (`0.30`). */
export function formatPrice(table: SurchargeTable, price: Dec): DecimalString {
  return fixed(price, table.decimals);
}

/** The share of the 城镇土地使用税 relieved for a final class: `0` when the policy sets none. */
export function landTaxReliefShare(scheme: Scheme, classId: string): DecimalString {
  return scheme.policy?.landTaxRelief?.[classId] ?? '0';
}

/** A class's tiers as a clerk reads them: `连续第 1 年起 0.30 元/kWh；连续第 3 年起 0.40 元/kWh`. */
export function describeTiers(table: SurchargeTable, classId: string): string {
  return (table.byClass[classId] ?? [])
    .map(
      (tier) => `连续第 ${String(tier.fromYear)} 年起 ${formatPrice(table, dec(tier.perUnit))} ${table.unit}`,
    )
    .join('；');
}

/** The classes the table surcharges (some tier above zero), in the scheme's class order. */
export function surchargedClasses(scheme: Scheme, table: SurchargeTable): string[] {
  return scheme.classes
    .map((c) => c.id)
    .filter((id) => (table.byClass[id] ?? []).some((tier) => !dec(tier.perUnit).isZero()));
}
