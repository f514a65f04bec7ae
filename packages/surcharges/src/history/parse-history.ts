import { usccProblem } from '@mujun/scoring';
import type { ReadOptions, SheetIssue, SheetWarning } from '@mujun/sheets';
import { cellReader, locateColumns, whereOf } from '../table/columns.js';
import type { ColumnDef } from '../table/columns.js';
import { readGrid } from '../table/read-grid.js';
import type { GridTable } from '../table/read-grid.js';

/** One enterprise's final class in one evaluation year (data dictionary: the class history file). */
export interface ClassHistoryEntry {
  readonly uscc: string;
  readonly year: number;
  /** A class of the scheme (`A`–`D`) or its exempt class (`T`). */
  readonly class: string;
  /** Where the entry was read, for messages; absent for entries from stored results. */
  readonly source?: { readonly file: string; readonly sheet?: string; readonly row: number };
}

export interface ParsedHistory {
  /** The valid entries only, each (uscc, year) once. */
  readonly entries: ClassHistoryEntry[];
  /** Every bad cell of every row, in row order. */
  readonly issues: SheetIssue[];
  readonly warnings: SheetWarning[];
}

type HistoryColumn = 'uscc' | 'year' | 'class' | 'name';

export const HISTORY_COLUMNS: readonly ColumnDef<HistoryColumn>[] = [
  { key: 'uscc', header: '统一社会信用代码', aliases: [], required: true },
  { key: 'year', header: '评价年度', aliases: ['年度', '评价年份'], required: true },
  { key: 'class', header: '类别', aliases: ['评价类别', '最终类别', 'finalClass'], required: true },
  // Known so that a history with names (the readable kind) raises no warning; not read.
  { key: 'name', header: '企业名称', aliases: [], required: false },
];

const YEAR = /^\d{4}$/;

/**
 * A class history table (统一社会信用代码, 评价年度, 类别; any order, title rows above allowed) validated
 * against the scheme's classes. Never stops at the first problem: every bad cell of every row is an issue
 * with its row, column, value and reason, as the record parser reports them. The same enterprise and
 * year twice is an issue when the classes differ and a warning when they agree.
 */
export function parseHistory(table: GridTable, classes: readonly string[]): ParsedHistory {
  const located = locateColumns(table, HISTORY_COLUMNS);
  const { issues, warnings } = located;
  const where = whereOf(table);
  const entries: ClassHistoryEntry[] = [];
  const seen = new Map<string, ClassHistoryEntry & { readonly source: { readonly row: number } }>();
  const allowed = classes.join('、');

  for (const row of located.rows) {
    const cells = cellReader(located, table, row);
    const cell = (key: HistoryColumn) => cells.cell(key);
    const missing = '必填项为空 (required value missing)';

    const code = cell('uscc');
    const uscc = code.value.toUpperCase();
    const usccOk =
      uscc === ''
        ? code.report(missing)
        : usccProblem(uscc) === undefined
          ? uscc
          : code.report(usccProblem(uscc) ?? '');

    const yearCell = cell('year');
    const year =
      yearCell.value === ''
        ? yearCell.report(missing)
        : YEAR.test(yearCell.value)
          ? Number(yearCell.value)
          : yearCell.report('应为四位数字的年度，如 2024 (must be a four-digit year such as 2024)');

    const classCell = cell('class');
    // 「D类」 and 「d」 are both D: enumerations are case-insensitive, and clerks write the 类.
    const classId = classCell.value.toUpperCase().replace(/类$/u, '');
    const classOk =
      classCell.value === ''
        ? classCell.report(missing)
        : classes.includes(classId)
          ? classId
          : classCell.report(`应为 ${allowed} 之一 (must be one of ${classes.join(', ')})`);

    if (usccOk === null || year === null || classOk === null) continue;
    const entry = { uscc: usccOk, year, class: classOk, source: { ...where, row: row.row } };
    const key = `${usccOk}|${String(year)}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, entry);
      entries.push(entry);
    } else if (earlier.class === classOk) {
      warnings.push({
        ...where,
        row: row.row,
        message: `第 ${String(row.row)} 行与第 ${String(earlier.source.row)} 行重复（${usccOk} ${String(year)} 年 ${classOk} 类），已忽略 (a duplicate of row ${String(earlier.source.row)}, ignored)`,
      });
    } else {
      classCell.report(
        `${usccOk} ${String(year)} 年在第 ${String(earlier.source.row)} 行为 ${earlier.class} 类，同一企业同一年度只能有一个类别 ` +
          `(row ${String(earlier.source.row)} gives the same enterprise and year class ${earlier.class})`,
      );
    }
  }
  return { entries, issues, warnings };
}

/** A class history file's bytes (CSV in any of the usual encodings, or XLSX), read and validated. */
export async function readHistory(
  bytes: Uint8Array,
  options: ReadOptions,
  classes: readonly string[],
): Promise<ParsedHistory> {
  return parseHistory(await readGrid(bytes, options), classes);
}
