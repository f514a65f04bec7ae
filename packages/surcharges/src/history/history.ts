import type { SheetIssue } from '@mujun/sheets';
import { InvalidHistoryError } from '../errors.js';
import type { ClassHistoryEntry } from './parse-history.js';

/** Each enterprise's final class by evaluation year: 统一社会信用代码 → year → class. */
export type ClassHistory = ReadonlyMap<string, ReadonlyMap<number, string>>;

/**
 * The history as a lookup. Entries may come from a file (parseHistory) or from the stored final results
 * of earlier years (historyFromResults); the same enterprise and year twice with different classes cannot
 * both be true, and every such pair is reported at once.
 */
export function classHistory(entries: Iterable<ClassHistoryEntry>): ClassHistory {
  const history = new Map<string, Map<number, string>>();
  const firsts = new Map<string, ClassHistoryEntry>();
  const issues: SheetIssue[] = [];
  for (const entry of entries) {
    const years = history.get(entry.uscc) ?? new Map<number, string>();
    history.set(entry.uscc, years);
    const earlier = years.get(entry.year);
    if (earlier === undefined) {
      years.set(entry.year, entry.class);
      firsts.set(`${entry.uscc}|${String(entry.year)}`, entry);
    } else if (earlier !== entry.class) {
      const first = firsts.get(`${entry.uscc}|${String(entry.year)}`);
      const where = (e: ClassHistoryEntry | undefined) =>
        e?.source === undefined ? '' : `${e.source.file} 第 ${String(e.source.row)} 行`;
      issues.push({
        row: entry.source?.row ?? 0,
        column: 'class',
        value: entry.class,
        ...(entry.source === undefined ? {} : { file: entry.source.file }),
        reason:
          `${entry.uscc} ${String(entry.year)} 年已有 ${earlier} 类${first === undefined ? '' : `（${where(first)}）`}，` +
          `同一企业同一年度只能有一个类别 (the same enterprise and year is already class ${earlier})`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidHistoryError(issues);
  return history;
}

/**
 * The entries of one earlier year from its stored final results (the server's evaluations): an enterprise
 * without a final class (不纳入评价) has no entry, so for the count it is a gap year.
 */
export function historyFromResults(
  year: number,
  results: Iterable<{ readonly uscc: string; readonly finalClass: string | null }>,
): ClassHistoryEntry[] {
  const entries: ClassHistoryEntry[] = [];
  for (const result of results) {
    if (result.finalClass !== null) entries.push({ uscc: result.uscc, year, class: result.finalClass });
  }
  return entries;
}

/**
 * How many consecutive evaluation years, this one included, the enterprise has been in `classId`: this
 * year's class is `classId` (from this year's grading), the earlier years come from the history, counted
 * back from `year − 1` until the first year that breaks the run:
 *
 * - a gap year (the enterprise has no class that year: not evaluated, out of scope, or not in the file)
 *   breaks it, because "consecutive" cannot be claimed over a year nobody classed;
 * - a year in any other class breaks it, the exempt class T (暂不评价) included: an exempt year was not a
 *   year in class D, so it ends the run rather than being skipped over.
 *
 * So D in 2023, T in 2024 and D in 2025 is 1 year in 2025, as is D in 2023, nothing in 2024, D in 2025.
 */
export function consecutiveYears(history: ClassHistory, uscc: string, year: number, classId: string): number {
  const years = history.get(uscc);
  let count = 1;
  while (years?.get(year - count) === classId) count += 1;
  return count;
}
