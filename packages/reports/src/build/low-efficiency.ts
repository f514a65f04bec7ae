import type { Dataset } from '../dataset.js';
import { cohortLabel, compareCodes, compareNames, taxPerMuOf, townOf } from '../dataset.js';
import { canonical, dec, fixed, quotientLess, sum } from '../decimal.js';
import type { Dec, DecimalString } from '../decimal.js';

/**
 * The low-efficiency screening list the bureau works from: rated enterprises whose 亩均税收 (tax / land,
 * unrounded, exactly as the method's floor compares it) is below a threshold, grouped by town, lowest
 * first. tax / land < t is decided as tax < t × land, so no division, and no rounding, decides who is on it.
 */

export interface LowEfficiencyEnterprise {
  readonly uscc: string;
  readonly name: string;
  readonly cohortLabel: string;
  readonly landMu: DecimalString;
  readonly tax: DecimalString;
  /** Published value: rounded half-up to the scheme's value decimals. */
  readonly taxPerMu: DecimalString;
  readonly finalClass: string;
}

export interface LowEfficiencyTown {
  readonly town: string;
  readonly enterprises: readonly LowEfficiencyEnterprise[];
  readonly landMu: DecimalString;
  readonly tax: DecimalString;
}

export interface LowEfficiencyList {
  readonly threshold: DecimalString;
  readonly label: string;
  readonly unit: string;
  readonly towns: readonly LowEfficiencyTown[];
  readonly count: number;
  readonly rated: number;
}

export function lowEfficiencyList(data: Dataset, threshold: DecimalString): LowEfficiencyList {
  const limit = dec(threshold);
  const dp = data.scheme.rounding.value;
  const found: { town: string; tax: Dec; land: Dec; enterprise: LowEfficiencyEnterprise }[] = [];
  let rated = 0;
  for (const entry of data.entries) {
    const { record, result } = entry;
    if (result.status !== 'rated') continue;
    rated++;
    const land = dec(record.landMu);
    const tax = dec(record.tax);
    if (land.isZero() || !tax.lessThan(limit.times(land))) continue;
    found.push({
      town: townOf(entry),
      tax,
      land,
      enterprise: {
        uscc: record.uscc,
        name: record.name,
        cohortLabel: cohortLabel(data.scheme, result.cohort),
        landMu: record.landMu,
        tax: record.tax,
        taxPerMu: fixed(tax.div(land), dp),
        finalClass: result.finalClass ?? '',
      },
    });
  }
  found.sort(
    (a, b) =>
      compareNames(a.town, b.town) ||
      (quotientLess(a.tax, a.land, b.tax, b.land)
        ? -1
        : quotientLess(b.tax, b.land, a.tax, a.land)
          ? 1
          : 0) ||
      compareCodes(a.enterprise.uscc, b.enterprise.uscc),
  );
  const towns: { town: string; enterprises: LowEfficiencyEnterprise[] }[] = [];
  for (const { town, enterprise } of found) {
    const last = towns.at(-1);
    if (last?.town === town) last.enterprises.push(enterprise);
    else towns.push({ town, enterprises: [enterprise] });
  }
  const { label, unit } = taxPerMuOf(data.scheme);
  return {
    threshold: canonical(limit),
    label,
    unit,
    towns: towns.map(({ town, enterprises }) => ({
      town,
      enterprises,
      landMu: canonical(sum(enterprises.map((e) => e.landMu))),
      tax: canonical(sum(enterprises.map((e) => e.tax))),
    })),
    count: found.length,
    rated,
  };
}
