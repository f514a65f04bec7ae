import { columnLetter } from '@mujun/sheets';
import type { GridRow, SheetIssue, SheetWarning } from '@mujun/sheets';
import type { GridTable } from './read-grid.js';

/**
 * Finding the columns of a small table (a class history, last year's list) the way the record reader
 * finds its own: the header row is the first of the first 20 non-blank rows that names every required
 * column, so title rows above it are skipped; headers match after NFKC with spaces removed and case
 * ignored (`评价年度`, `评 价 年 度`, `YEAR`); a column the table does not know is a warning, never silently
 * dropped.
 */

export interface ColumnDef<K extends string> {
  readonly key: K;
  /** The header as this package writes it: the one named in messages. */
  readonly header: string;
  /** Other spellings accepted, the English key among them. */
  readonly aliases: readonly string[];
  /** Headers that start with this (after normalising) also match: `加价标准(元/kWh)` for `加价标准`. */
  readonly prefix?: string;
  readonly required: boolean;
}

export interface Located<K extends string> {
  /** The header row as Excel numbers it; 0 when none was found. */
  readonly headerRow: number;
  readonly columns: ReadonlyMap<K, { readonly index: number; readonly header: string }>;
  /** The rows under the header, blank ones left out. */
  readonly rows: readonly GridRow[];
  readonly issues: SheetIssue[];
  readonly warnings: SheetWarning[];
}

const HEADER_SEARCH_ROWS = 20;

export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();
}

export function isBlankRow(row: GridRow): boolean {
  return row.cells.every((cell) => cell.trim() === '');
}

/** The file and sheet an issue or warning carries. */
export function whereOf(table: GridTable): { file: string; sheet?: string } {
  return table.sheet === undefined ? { file: table.file } : { file: table.file, sheet: table.sheet };
}

/** The cell's reference as Excel shows it (`C12`). */
export function cellRef(index: number, row: number): string {
  return `${columnLetter(index)}${String(row)}`;
}

/** One cell of a row: its trimmed text ('' when the column is absent) and how to file an issue at it. */
export interface Cell {
  readonly value: string;
  /** Whether the table has the column at all. */
  readonly present: boolean;
  /** Files an issue at this cell (row, column, header, value, reason) in the located issues; null. */
  report(reason: string): null;
}

/** A row's cells by column key, and whether any of them has been reported. */
export interface RowCells<K extends string> {
  cell(key: K): Cell;
  readonly bad: boolean;
}

/** The reader of one row of a located table, its issues filed where the record parser files its own. */
export function cellReader<K extends string>(
  located: Located<K>,
  table: GridTable,
  row: GridRow,
): RowCells<K> {
  const where = whereOf(table);
  let bad = false;
  return {
    cell(key) {
      const column = located.columns.get(key);
      const index = column?.index ?? 0;
      const value = column === undefined ? '' : (row.cells[index] ?? '').trim();
      const report = (reason: string): null => {
        bad = true;
        located.issues.push({
          ...where,
          row: row.row,
          column: key,
          header: column?.header ?? key,
          value,
          cell: cellRef(index, row.row),
          reason,
        });
        return null;
      };
      return { value, report, present: column !== undefined };
    },
    get bad() {
      return bad;
    },
  };
}

function keyOf<K extends string>(defs: readonly ColumnDef<K>[], header: string): K | undefined {
  const wanted = normaliseHeader(header);
  if (wanted === '') return undefined;
  for (const def of defs) {
    if ([def.header, def.key, ...def.aliases].some((name) => normaliseHeader(name) === wanted))
      return def.key;
  }
  for (const def of defs) {
    if (def.prefix !== undefined && wanted.startsWith(normaliseHeader(def.prefix))) return def.key;
  }
  return undefined;
}

export function locateColumns<K extends string>(table: GridTable, defs: readonly ColumnDef<K>[]): Located<K> {
  const where = whereOf(table);
  const issues: SheetIssue[] = [];
  const warnings: SheetWarning[] = [];
  const nonBlank = table.rows.filter((row) => !isBlankRow(row));
  const required = defs.filter((def) => def.required);
  const headerAt = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => {
    const keys = new Set(row.cells.map((cell) => keyOf(defs, cell)));
    return required.every((def) => keys.has(def.key));
  });
  const headerRow = nonBlank[headerAt];
  const first = defs[0];
  if (headerRow === undefined || first === undefined) {
    const names = required.map((def) => def.header).join('、');
    issues.push({
      ...where,
      row: nonBlank[0]?.row ?? 1,
      column: first?.key ?? '',
      header: first?.header ?? '',
      value: '',
      reason:
        nonBlank.length === 0
          ? '文件为空，没有表头和数据 (the file is empty)'
          : `前 ${String(HEADER_SEARCH_ROWS)} 行中找不到表头行，表头须含 ${names} ` +
            `(no header row in the first ${String(HEADER_SEARCH_ROWS)} rows naming ${required.map((def) => def.key).join(', ')})`,
    });
    return { headerRow: 0, columns: new Map(), rows: [], issues, warnings };
  }

  const columns = new Map<K, { index: number; header: string }>();
  headerRow.cells.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') return;
    const key = keyOf(defs, header);
    if (key === undefined) {
      warnings.push({
        ...where,
        row: headerRow.row,
        header,
        message: `未知列「${header}」(第 ${columnLetter(index)} 列) 已忽略 (unknown column ${columnLetter(index)}, ignored)`,
      });
      return;
    }
    const earlier = columns.get(key);
    if (earlier !== undefined) {
      issues.push({
        ...where,
        row: headerRow.row,
        column: key,
        header,
        value: header,
        cell: cellRef(index, headerRow.row),
        reason:
          `第 ${columnLetter(index)} 列与第 ${columnLetter(earlier.index)} 列「${earlier.header}」重复 ` +
          `(duplicate column: both are ${key})`,
      });
      return;
    }
    columns.set(key, { index, header });
  });
  return { headerRow: headerRow.row, columns, rows: nonBlank.slice(headerAt + 1), issues, warnings };
}
