import type { Dataset, Entry } from '../dataset.js';
import { cohortLabel, compareCodes, compareNames, UNSPECIFIED } from '../dataset.js';
import { majorGroupLabel, majorGroupOf } from '../industry/gbt4754.js';

/** A way of cutting a county into groups: by cohort, town, park or industry 大类. */
export interface Grouping {
  readonly id: 'cohort' | 'town' | 'park' | 'industry';
  /** What a table calls the group column. */
  readonly title: string;
  /** The group of an entry, or null where the grouping does not place it (an unrated one by cohort). */
  readonly keyOf: (entry: Entry) => string | null;
  readonly labelOf: (key: string) => string;
  readonly compare: (a: string, b: string) => number;
}

export const UNKNOWN_INDUSTRY = '（未填或无法识别的行业代码）';

export function byCohort(data: Dataset): Grouping {
  const order = data.scheme.cohorts.map((cohort) => cohort.id);
  return {
    id: 'cohort',
    title: '评价组',
    keyOf: (entry) => entry.result.cohort,
    labelOf: (key) => cohortLabel(data.scheme, key),
    compare: (a, b) => order.indexOf(a) - order.indexOf(b),
  };
}

export const byTown: Grouping = {
  id: 'town',
  title: '乡镇街道',
  keyOf: (entry) => entry.record.town ?? UNSPECIFIED,
  labelOf: (key) => key,
  compare: compareNames,
};

export const byPark: Grouping = {
  id: 'park',
  title: '园区',
  keyOf: (entry) => entry.record.park ?? UNSPECIFIED,
  labelOf: (key) => key,
  compare: compareNames,
};

/** By GB/T 4754 大类 (`C36`), labelled `C36 汽车制造业`; codes it cannot read form one group, listed last. */
export function byIndustry(): Grouping {
  const labels = new Map<string, string>([[UNKNOWN_INDUSTRY, UNKNOWN_INDUSTRY]]);
  return {
    id: 'industry',
    title: '行业（国民经济行业大类）',
    keyOf: (entry) => {
      const group = majorGroupOf(entry.record.industryCode ?? '');
      if (group === null) return UNKNOWN_INDUSTRY;
      labels.set(group.code, majorGroupLabel(group));
      return group.code;
    },
    labelOf: (key) => labels.get(key) ?? key,
    compare: (a, b) =>
      a === UNKNOWN_INDUSTRY
        ? b === UNKNOWN_INDUSTRY
          ? 0
          : 1
        : b === UNKNOWN_INDUSTRY
          ? -1
          : compareCodes(a, b),
  };
}

/** The entries of each group, groups in the grouping's order. */
export function groupEntries(entries: readonly Entry[], grouping: Grouping): [string, Entry[]][] {
  const groups = new Map<string, Entry[]>();
  for (const entry of entries) {
    const key = grouping.keyOf(entry);
    if (key === null) continue;
    let members = groups.get(key);
    if (members === undefined) groups.set(key, (members = []));
    members.push(entry);
  }
  return [...groups.entries()].sort(([a], [b]) => grouping.compare(a, b));
}
