import type { Dataset, Entry } from '../dataset.js';
import { percent } from '../decimal.js';
import type { DecimalString } from '../decimal.js';
import type { Grouping } from './groups.js';
import { byCohort, byIndustry, byPark, byTown, groupEntries } from './groups.js';

/**
 * How many enterprises ended in each class, and what share of the rated ones that is, per cohort, town,
 * park and industry 大类. Shares are of the group's rated enterprises only: exempt and out-of-scope ones
 * take part in no share (reference method §2), so they are counted beside, not in, the shares.
 */

export interface ClassShare {
  readonly count: number;
  /** Percentage of the group's rated enterprises, 2 decimals half-up; null when none is rated. */
  readonly percent: DecimalString | null;
}

export interface ClassCountRow {
  readonly key: string;
  readonly label: string;
  readonly rated: number;
  /** By class id, every class of the scheme (zeros included), best first. */
  readonly classes: Readonly<Record<string, ClassShare>>;
  /** Exempt (暂不评价) and out-of-scope (不纳入评价) counts; null by cohort, where they have no place. */
  readonly exempt: number | null;
  readonly outOfScope: number | null;
}

export interface ClassTable {
  readonly grouping: Grouping['id'];
  readonly title: string;
  readonly rows: readonly ClassCountRow[];
  readonly total: ClassCountRow;
}

export interface Summary {
  readonly classes: readonly { readonly id: string; readonly label: string }[];
  readonly exemptClass: { readonly id: string; readonly label: string };
  readonly byCohort: ClassTable;
  readonly byTown: ClassTable;
  readonly byPark: ClassTable;
  readonly byIndustry: ClassTable;
}

function countRow(
  data: Dataset,
  key: string,
  label: string,
  entries: readonly Entry[],
  unrated: boolean,
): ClassCountRow {
  const counts = new Map(data.scheme.classes.map((c) => [c.id, 0]));
  let rated = 0;
  let exempt = 0;
  let outOfScope = 0;
  for (const { result } of entries) {
    if (result.status === 'rated') {
      rated++;
      const id = result.finalClass ?? '';
      counts.set(id, (counts.get(id) ?? 0) + 1);
    } else if (result.status === 'exempt') exempt++;
    else outOfScope++;
  }
  const classes = Object.fromEntries(
    [...counts].map(([id, n]) => [id, { count: n, percent: percent(n, rated) }] as const),
  );
  return {
    key,
    label,
    rated,
    classes,
    exempt: unrated ? exempt : null,
    outOfScope: unrated ? outOfScope : null,
  };
}

export function classTable(data: Dataset, grouping: Grouping): ClassTable {
  const unrated = grouping.id !== 'cohort';
  const rows = groupEntries(data.entries, grouping).map(([key, entries]) =>
    countRow(data, key, grouping.labelOf(key), entries, unrated),
  );
  const all = unrated ? data.entries : data.entries.filter((entry) => entry.result.status === 'rated');
  return {
    grouping: grouping.id,
    title: grouping.title,
    rows,
    total: countRow(data, '', '合计', all, unrated),
  };
}

export function summary(data: Dataset): Summary {
  return {
    classes: data.scheme.classes.map(({ id, label }) => ({ id, label })),
    exemptClass: { id: data.scheme.exemptClass.id, label: data.scheme.exemptClass.label },
    byCohort: classTable(data, byCohort(data)),
    byTown: classTable(data, byTown),
    byPark: classTable(data, byPark),
    byIndustry: classTable(data, byIndustry()),
  };
}
