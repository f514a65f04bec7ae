import { fieldForHeader } from '@mujun/scoring';
import type { GridRow } from './grid.js';

/** How far down a title block may push the header: rows counted after blank ones are skipped. */
export const HEADER_SEARCH_ROWS = 20;
/** Known headers a row needs to be taken for the header (the USCC column among them). */
const HEADER_MIN_KNOWN = 3;
/** A department file may carry the code and a single figure (电力: 统一社会信用代码, 用电量). */
const NARROW_MIN_KNOWN = 2;

/** A column's key by its header: a data-dictionary field's, or else (told) a scheme's declared figure's. */
export type HeaderResolver = (header: string) => string | undefined;

function keysOf(cells: readonly string[], resolve?: HeaderResolver): (string | undefined)[] {
  return cells.map((cell) => (cell.trim() === '' ? undefined : (fieldForHeader(cell) ?? resolve?.(cell))));
}

function knownCount(keys: readonly (string | undefined)[]): number {
  return keys.filter((key) => key !== undefined).length;
}

/**
 * Which of the first rows of a sheet is its header: the first with the USCC column and at least three
 * known headers (English keys or Chinese names), so title rows above it (`2025年度亩均效益评价数据`,
 * `填报单位：…`) are skipped; failing that, the first with the USCC column and one other known header.
 * Returns an index into `rows`, or undefined when no row qualifies.
 */
export function findHeaderRow(rows: readonly GridRow[]): number | undefined {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS).map((row) => keysOf(row.cells));
  const qualifies = (minimum: number) => (keys: (string | undefined)[]) =>
    keys.includes('uscc') && knownCount(keys) >= minimum;
  const index = candidates.findIndex(qualifies(HEADER_MIN_KNOWN));
  if (index >= 0) return index;
  const narrow = candidates.findIndex(qualifies(NARROW_MIN_KNOWN));
  return narrow >= 0 ? narrow : undefined;
}

/**
 * What the row right under the header is: `echo` for a second header row naming the same columns (the
 * template's English keys under its Chinese headers), `mismatch` for a header row that names different
 * ones, `data` for anything else. A row is a header row when every non-empty cell is a known header and
 * its USCC column says so; `resolve` makes a scheme's declared figures (header or key) known headers too.
 */
export function secondHeaderRow(
  header: readonly string[],
  next: GridRow,
  resolve?: HeaderResolver,
): 'echo' | 'mismatch' | 'data' {
  const keys = keysOf(next.cells, resolve);
  const filled = next.cells.filter((cell) => cell.trim() !== '').length;
  if (!keys.includes('uscc') || knownCount(keys) < filled || filled < NARROW_MIN_KNOWN) return 'data';
  const above = keysOf(header, resolve);
  return keys.every((key, index) => key === undefined || key === above[index]) ? 'echo' : 'mismatch';
}
