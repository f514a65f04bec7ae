// A five-enterprise 规上 cohort whose ranks are fixed and far apart, for the class-override goldens.
import type { EnterpriseRecord } from '@mujun/scoring';
import { above } from './records.js';

/** Figures and flags to set on a test record. */
export type Figures = NonNullable<Parameters<typeof above>[1]>;

/**
 * Five 规上 enterprises on 10 亩, identical but for tax 100, 80, 60, 40, 20 万元. The reference benchmark
 * is 300 / 50 = 6 万元/亩, so their 亩均税收 scores are 66.67, 53.33, 40.00, 26.67 and 13.33: more than 10
 * points apart, so even a capped bonus (10) never reorders them. With n = 5, kA = 1, kB = 3, kC = 4: ranks
 * 1–5 are bands A, B, B, C, D. `changes[k]` adds flags or reasons to the k-th (rank k) enterprise.
 */
export function ladder(changes: Partial<Record<1 | 2 | 3 | 4 | 5, Figures>> = {}): EnterpriseRecord[] {
  return [1, 2, 3, 4, 5].map((k) =>
    above(k, { tax: String(120 - 20 * k), ...changes[k as 1 | 2 | 3 | 4 | 5] }),
  );
}

/**
 * A 规上 enterprise under the 1 万元/亩 floor (0.99995 万元 on 1 亩, published as 1.0000) whose other figures
 * are so strong that it ranks first, in band A, in a ladder cohort.
 */
export function strongButUnderFloor(n: number, figures: Figures = {}): EnterpriseRecord {
  return above(n, { landMu: '1', tax: '0.99995', addedValue: '5000', ...figures });
}
