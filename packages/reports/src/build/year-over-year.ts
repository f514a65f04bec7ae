import type { Dataset, Entry } from '../dataset.js';
import { taxPerMuOf, townOf } from '../dataset.js';
import { dec, fixed } from '../decimal.js';
import type { DecimalString } from '../decimal.js';
import type { PreviousEnterprise, PreviousReport } from './previous-report.js';

/**
 * This year against last year's result file, enterprise by enterprise (matched by 统一社会信用代码): the
 * change of the published 亩均税收 and the class moves (A→B, …) as a matrix, plus the enterprises that
 * are new this year or gone since. Both 亩均税收 figures are the published values (last year's file holds
 * no raw figures), so the change is exact to their decimals.
 */

/** The class column of an enterprise with none (out of scope). */
export const NO_CLASS = '—';

export type Move = 'up' | 'down' | 'same';

export interface YoyEntry {
  readonly uscc: string;
  readonly name: string;
  readonly town: string;
  readonly previousClass: string;
  readonly currentClass: string;
  /** Up or down the class order (A best); null when either year has no rated class (T or none). */
  readonly move: Move | null;
  readonly previousTaxPerMu: DecimalString | null;
  readonly currentTaxPerMu: DecimalString | null;
  /** current − previous, exact; null unless both years have the figure. */
  readonly change: DecimalString | null;
  /** change / |previous| in percent, 2 decimals half-up; null also when last year's figure was 0. */
  readonly changePercent: DecimalString | null;
}

export interface YearOverYear {
  readonly previousScheme: { readonly id: string; readonly name: string };
  /** Row and column order of the matrix: this scheme's classes, the exempt class, others, then none. */
  readonly classOrder: readonly string[];
  /** matrix[from][to]: how many enterprises in both years went from `from` to `to`. */
  readonly matrix: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly matched: readonly YoyEntry[];
  readonly added: readonly { uscc: string; name: string; town: string; currentClass: string }[];
  readonly dropped: readonly { uscc: string; name: string; town: string; previousClass: string }[];
  readonly totals: {
    readonly matched: number;
    readonly up: number;
    readonly down: number;
    readonly same: number;
    readonly taxPerMuUp: number;
    readonly taxPerMuDown: number;
    readonly taxPerMuSame: number;
  };
}

function previousTaxPerMu(enterprise: PreviousEnterprise, key: string, label: string): DecimalString | null {
  const indicators = enterprise.indicators;
  const own = indicators[key];
  if (own !== undefined) return own.value;
  return Object.values(indicators).find((indicator) => indicator.label === label)?.value ?? null;
}

function currentTaxPerMu(entry: Entry, key: string, dp: number): DecimalString | null {
  const { record, result } = entry;
  if (result.status !== 'rated') return null;
  const published = result.indicators[key]?.value;
  if (published !== undefined) return published;
  const land = dec(record.landMu);
  return land.isZero() ? null : fixed(dec(record.tax).div(land), dp);
}

export function yearOverYear(data: Dataset, previous: PreviousReport): YearOverYear {
  const { scheme } = data;
  const rated = scheme.classes.map((c) => c.id);
  const position = (id: string): number => rated.indexOf(id);
  const taxPerMu = taxPerMuOf(scheme);
  const dp = scheme.rounding.value;
  const before = new Map(
    previous.enterprises.map((enterprise) => [enterprise.uscc.toUpperCase(), enterprise]),
  );

  const matrix = new Map<string, Map<string, number>>();
  const classes = new Set<string>([...rated, scheme.exemptClass.id]);
  const matched: YoyEntry[] = [];
  const added: YearOverYear['added'][number][] = [];
  const totals = { matched: 0, up: 0, down: 0, same: 0, taxPerMuUp: 0, taxPerMuDown: 0, taxPerMuSame: 0 };

  for (const entry of data.entries) {
    const { result } = entry;
    const currentClass = result.finalClass ?? NO_CLASS;
    const last = before.get(result.uscc);
    if (last === undefined) {
      added.push({ uscc: result.uscc, name: result.name, town: townOf(entry), currentClass });
      continue;
    }
    before.delete(result.uscc);
    const previousClass = last.finalClass ?? NO_CLASS;
    classes.add(previousClass).add(currentClass);
    const row = matrix.get(previousClass) ?? new Map<string, number>();
    matrix.set(previousClass, row.set(currentClass, (row.get(currentClass) ?? 0) + 1));

    const from = position(previousClass);
    const to = position(currentClass);
    const move: Move | null =
      previousClass === currentClass ? 'same' : from < 0 || to < 0 ? null : to < from ? 'up' : 'down';
    totals.matched++;
    if (move !== null) totals[move]++;

    const was = previousTaxPerMu(last, taxPerMu.key, taxPerMu.label);
    const now = currentTaxPerMu(entry, taxPerMu.key, dp);
    let change: DecimalString | null = null;
    let changePercent: DecimalString | null = null;
    if (was !== null && now !== null) {
      const difference = dec(now).minus(dec(was));
      change = fixed(difference, Math.max(decimalsOf(now), decimalsOf(was)));
      if (!dec(was).isZero()) changePercent = fixed(difference.times(100).div(dec(was).abs()), 2);
      if (difference.isZero()) totals.taxPerMuSame++;
      else if (difference.isPositive()) totals.taxPerMuUp++;
      else totals.taxPerMuDown++;
    }
    matched.push({
      uscc: result.uscc,
      name: result.name,
      town: townOf(entry),
      previousClass,
      currentClass,
      move,
      previousTaxPerMu: was,
      currentTaxPerMu: now,
      change,
      changePercent,
    });
  }

  const dropped = [...before.values()].map((enterprise) => ({
    uscc: enterprise.uscc,
    name: enterprise.name,
    town: enterprise.town ?? '',
    previousClass: enterprise.finalClass ?? NO_CLASS,
  }));
  const others = [...classes].filter(
    (id) => !rated.includes(id) && id !== scheme.exemptClass.id && id !== NO_CLASS,
  );
  const classOrder = [...rated, scheme.exemptClass.id, ...others.sort(), NO_CLASS];
  return {
    previousScheme: previous.scheme,
    classOrder,
    matrix: Object.fromEntries(
      classOrder.map((from) => [
        from,
        Object.fromEntries(classOrder.map((to) => [to, matrix.get(from)?.get(to) ?? 0])),
      ]),
    ),
    matched,
    added,
    dropped,
    totals,
  };
}

function decimalsOf(value: DecimalString): number {
  const point = value.indexOf('.');
  return point < 0 ? 0 : value.length - point - 1;
}
