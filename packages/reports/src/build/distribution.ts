import type { Dataset } from '../dataset.js';
import { compareNames, taxPerMuOf, townOf } from '../dataset.js';
import { dec, fixed } from '../decimal.js';
import type { DecimalString } from '../decimal.js';
import type { FiveNumbers } from './quantiles.js';
import { fiveNumbers } from './quantiles.js';

/**
 * The spread of 亩均税收 among each town's rated enterprises (both cohorts: the unit is the same), as the
 * quantiles of the enterprises' published values (tax / land rounded half-up to the scheme's value
 * decimals, the figure each enterprise sees). Enterprises with no land are left out (no ratio).
 */

export interface TownDistribution {
  readonly town: string;
  readonly spread: FiveNumbers;
}

export interface TaxPerMuDistribution {
  readonly label: string;
  readonly unit: string;
  readonly towns: readonly TownDistribution[];
  /** Every rated enterprise of the county, for the chart's common scale. */
  readonly county: FiveNumbers | null;
}

export function taxPerMuDistribution(data: Dataset): TaxPerMuDistribution {
  const dp = data.scheme.rounding.value;
  const byTown = new Map<string, DecimalString[]>();
  const all: DecimalString[] = [];
  for (const entry of data.entries) {
    const { record, result } = entry;
    if (result.status !== 'rated' || dec(record.landMu).isZero()) continue;
    const value = fixed(dec(record.tax).div(dec(record.landMu)), dp);
    const town = townOf(entry);
    let values = byTown.get(town);
    if (values === undefined) byTown.set(town, (values = []));
    values.push(value);
    all.push(value);
  }
  const towns = [...byTown]
    .sort(([a], [b]) => compareNames(a, b))
    .flatMap(([town, values]) => {
      const spread = fiveNumbers(values, dp);
      return spread === null ? [] : [{ town, spread }];
    });
  const { label, unit } = taxPerMuOf(data.scheme);
  return { label, unit, towns, county: fiveNumbers(all, dp) };
}
