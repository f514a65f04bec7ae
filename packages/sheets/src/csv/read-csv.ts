import { SheetError, SheetErrorCode } from '../errors.js';
import { grouped, DEFAULT_READ_LIMITS } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { RowBudget } from '../table/budget.js';
import type { GridRow } from '../table/grid.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * The rows of a CSV text (already decoded, BOM dropped), read as Excel reads a CSV: cells separated by
 * commas, a quoted cell may hold commas, doubled quotes and line breaks; a record ends at CRLF, LF or a bare
 * CR. A quote inside an unquoted cell is kept as it is, and text after a closing quote is added to the cell,
 * as Excel does; a quote never closed is an error. Rows are numbered as Excel shows the file, one per
 * record, so a quoted cell spanning lines is one row and a blank line keeps its number.
 *
 * Each row's cells end at its last non-empty one. The limits on rows, columns, cells and characters in a
 * cell are checked as the text is read: a row or cell over one stops reading with a SheetLimitError, so
 * memory is bounded by the limits (a row of a million commas is never held as a million cells).
 */
export function csvRows(text: string, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): GridRow[] {
  const budget = new RowBudget(file, limits, { zh: '', en: 'the file' });
  const rows: GridRow[] = [];
  const end = text.length;
  let at = 0;
  while (at < end) {
    budget.row();
    const row = rows.length + 1;
    const cells: string[] = [];
    /** Empty cells seen since the last non-empty one: added only if a non-empty one follows. */
    let empties = 0;
    for (;;) {
      let value: string;
      if (text.charCodeAt(at) === QUOTE) {
        // A quoted cell: up to the closing quote, a doubled quote standing for one.
        value = '';
        let from = at + 1;
        for (;;) {
          const quote = text.indexOf('"', from);
          if (quote < 0) {
            throw new SheetError(
              SheetErrorCode.InvalidCsv,
              file,
              `${file} 不是有效的 CSV：第 ${grouped(row)} 行的引号没有闭合 ` +
                `(not a valid CSV file: the quote opened in row ${row} is never closed)`,
            );
          }
          budget.cell(value.length + quote - from, cells.length + empties, row);
          value += text.slice(from, quote);
          if (text.charCodeAt(quote + 1) !== QUOTE) {
            at = quote + 1;
            break;
          }
          value += '"';
          from = quote + 2;
        }
      } else value = '';
      // Unquoted text (or what follows a closing quote), up to the next comma or line break.
      let stop = at;
      for (; stop < end; stop += 1) {
        const c = text.charCodeAt(stop);
        if (c === COMMA || c === LF || c === CR) break;
      }
      if (stop > at) {
        budget.cell(value.length + stop - at, cells.length + empties, row);
        value += text.slice(at, stop);
      }
      at = stop;
      if (value === '') empties += 1;
      else {
        budget.column(cells.length + empties, row);
        for (; empties > 0; empties -= 1) cells.push('');
        cells.push(value);
      }
      const c = text.charCodeAt(at);
      at += 1;
      if (c === COMMA) continue;
      if (c === CR && text.charCodeAt(at) === LF) at += 1;
      break;
    }
    budget.width(cells.length);
    rows.push({ row, cells });
  }
  return rows;
}
