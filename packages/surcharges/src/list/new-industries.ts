import { majorGroupLabel, majorGroupOf, UNSPECIFIED } from '@mujun/reports';
import { dec } from '@mujun/scoring';
import type { DecimalString } from '@mujun/scoring';

/** An enterprise newly under surcharge this year, as the publication names it. */
export interface NewlySurcharged {
  readonly uscc: string;
  readonly name: string;
  readonly town: string;
  readonly industryCode: string | null;
  readonly class: string;
  /** The executed price (after no stacking). */
  readonly price: DecimalString;
}

/** An industry (GB/T 4754 大类) with the enterprises newly under surcharge in it and their prices. */
export interface NewIndustry {
  /** `C33`; null for enterprises without a usable industry code. */
  readonly code: string | null;
  /** `C33 金属制品业`, or （未填）. */
  readonly label: string;
  readonly enterprises: readonly NewlySurcharged[];
  /** The distinct executed prices, lowest first. */
  readonly prices: readonly DecimalString[];
}

/**
 * The newly surcharged enterprises grouped by GB/T 4754 大类, in code order with the unspecified group
 * last; within a group by code. What the published list must name as new (reference-method.md §10).
 */
export function newIndustries(enterprises: readonly NewlySurcharged[]): NewIndustry[] {
  const groups = new Map<string, { code: string | null; label: string; enterprises: NewlySurcharged[] }>();
  for (const enterprise of enterprises) {
    const group = enterprise.industryCode === null ? null : majorGroupOf(enterprise.industryCode);
    const key = group?.code ?? UNSPECIFIED;
    const entry = groups.get(key) ?? {
      code: group?.code ?? null,
      label: group === null ? UNSPECIFIED : majorGroupLabel(group),
      enterprises: [],
    };
    entry.enterprises.push(enterprise);
    groups.set(key, entry);
  }
  return [...groups.values()]
    .sort((a, b) =>
      a.code === null ? 1 : b.code === null ? -1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    )
    .map((group) => {
      const prices = [...new Set(group.enterprises.map((e) => e.price))].sort((a, b) =>
        dec(a).comparedTo(dec(b)),
      );
      const sorted = [...group.enterprises].sort((a, b) => (a.uscc < b.uscc ? -1 : a.uscc > b.uscc ? 1 : 0));
      return { code: group.code, label: group.label, enterprises: sorted, prices };
    });
}
