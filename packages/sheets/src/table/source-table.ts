import { FIELDS, fieldForHeader, normaliseHeader } from '@mujun/scoring';
import type { FieldKey, RawRow } from '@mujun/scoring';
import { sourceFields } from '../issues.js';
import { DEFAULT_READ_LIMITS, grouped } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import type { SheetIssue, SheetSource, SheetWarning } from '../issues.js';
import { columnLetter, isBlank } from './grid.js';
import type { GridRow, GridRows } from './grid.js';
import { findHeaderRow, HEADER_SEARCH_ROWS, secondHeaderRow } from './header-row.js';
import { isTotalsRow } from './totals-row.js';

/** A known column of one file: where it is and how the file spelled its header. */
export interface SourceColumn {
  readonly index: number;
  readonly header: string;
}

/**
 * One department's sheet, read: its header row found, title rows, blank rows, a second header row and
 * 合计 rows left out, every other row kept with the number Excel shows for it. Cells are raw texts; their
 * validation is the library's (`parseRecords`), after the files are merged.
 */
export interface SourceTable extends SheetSource {
  /** The header row as Excel numbers it; 0 when none was found. */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly columns: ReadonlyMap<FieldKey, SourceColumn>;
  readonly rows: readonly RawRow[];
  /** Problems with the sheet itself: no header row, a column given twice. */
  readonly issues: readonly SheetIssue[];
  readonly warnings: readonly SheetWarning[];
}

/** A figure a scheme declares, as the header matcher needs it (scheme `figures`). */
export interface DeclaredHeader {
  readonly key: string;
  readonly header: string;
}

const HEADER_BY_KEY: ReadonlyMap<string, string> = new Map(FIELDS.map((field) => [field.key, field.header]));

/** The first non-blank rows, enough to find the header in, and the rest of the sheet still unread. */
async function head(
  rows: GridRows,
): Promise<{ first: GridRow[]; rest: AsyncIterator<GridRow> | Iterator<GridRow> }> {
  const rest = Symbol.asyncIterator in rows ? rows[Symbol.asyncIterator]() : rows[Symbol.iterator]();
  const first: GridRow[] = [];
  while (first.length < HEADER_SEARCH_ROWS) {
    const next = await rest.next();
    if (next.done === true) break;
    if (!isBlank(next.value.cells)) first.push(next.value);
  }
  return { first, rest };
}

/**
 * Reads a sheet's rows into a SourceTable. The rows may stream (a workbook's do): only the first twenty
 * non-blank ones are held before the header is known, and each later row is kept as its cells. 合计 rows
 * are each a warning, up to `maxIssuesPerKind` of them; the rest are counted in one more.
 */
export async function sourceTable(
  rows: GridRows,
  source: SheetSource,
  limits: Pick<ReadLimits, 'maxIssuesPerKind'> = DEFAULT_READ_LIMITS,
  figures: readonly DeclaredHeader[] = [],
): Promise<SourceTable> {
  // A declared figure's column is named by its header or its key, compared as the built-in ones are.
  const declared = new Map<string, string>();
  for (const figure of figures) {
    declared.set(normaliseHeader(figure.header), figure.key);
    declared.set(normaliseHeader(figure.key), figure.key);
  }
  const where = sourceFields(source);
  const issues: SheetIssue[] = [];
  const warnings: SheetWarning[] = [];
  const { first, rest } = await head(rows);

  const found = findHeaderRow(first);
  const headerRow = found === undefined ? undefined : first[found];
  if (headerRow === undefined) {
    const row = first[0]?.row ?? 1;
    issues.push({
      ...where,
      row,
      column: 'uscc',
      header: HEADER_BY_KEY.get('uscc') ?? 'uscc',
      value: '',
      reason:
        first.length === 0
          ? '文件为空，没有表头和数据 (the sheet is empty)'
          : `前 ${HEADER_SEARCH_ROWS} 行中找不到表头行：表头行须含「统一社会信用代码」及其他列名` +
            `${source.sheet === undefined ? '' : '；如数据在其他工作表，请指定该工作表'} ` +
            `(no header row in the first ${HEADER_SEARCH_ROWS} rows: it must name the USCC column and others` +
            `${source.sheet === undefined ? '' : '; if the data is on another sheet, name that sheet'})`,
    });
    // Drain a stream, so a workbook reader is not left half-way through its zip.
    for (let next = await rest.next(); next.done !== true; next = await rest.next());
    return { ...where, headerRow: 0, headers: [], columns: new Map(), rows: [], issues, warnings };
  }

  const headers = headerRow.cells.map((cell) => cell.trim());
  const columns = new Map<FieldKey, SourceColumn>();
  headers.forEach((header, index) => {
    const letter = columnLetter(index);
    // An empty header (a spacer, the tail of a merged cell) matters only if data stands under it.
    if (header === '') return;
    // A declared figure's key stands in the FieldKey-typed map: the merge and parseRecords (told the
    // scheme's figures) treat it by its key, as they do the built-in columns.
    const key = fieldForHeader(header) ?? (declared.get(normaliseHeader(header)) as FieldKey | undefined);
    if (key === undefined) {
      warnings.push({
        ...where,
        row: headerRow.row,
        header,
        message: `未知列「${header}」(第 ${letter} 列) 已忽略 (unknown column ${letter}, ignored)`,
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
        cell: `${letter}${headerRow.row}`,
        reason:
          `第 ${letter} 列与第 ${columnLetter(earlier.index)} 列「${earlier.header}」重复 ` +
          `(duplicate column: both are ${key})`,
      });
      return;
    }
    columns.set(key, { index, header });
  });

  const usccIndex = columns.get('uscc')?.index;
  /** Every column up to the last has a header: only a row longer than the headers can have unheaded data. */
  const allHeaded = !headers.includes('');
  const kept: RawRow[] = [];
  const warned = new Set<number>();
  let afterHeader = true;
  let totals = 0;
  let firstUnlistedTotals = 0;
  const take = (row: GridRow) => {
    if (isBlank(row.cells)) return;
    if (afterHeader) {
      afterHeader = false;
      const kind = secondHeaderRow(headers, row, (cell) => declared.get(normaliseHeader(cell)));
      if (kind === 'echo') return;
      if (kind === 'mismatch') {
        warnings.push({
          ...where,
          row: row.row,
          message:
            `第 ${row.row} 行像第二行表头，但与第 ${headerRow.row} 行的列名不一致，已按第 ${headerRow.row} 行读取并忽略此行 ` +
            `(row ${row.row} looks like a second header row naming other columns; ignored)`,
        });
        return;
      }
    }
    if (isTotalsRow(row.cells, usccIndex)) {
      totals += 1;
      if (totals > limits.maxIssuesPerKind) {
        if (firstUnlistedTotals === 0) firstUnlistedTotals = row.row;
        return;
      }
      const label = row.cells.find((cell) => /[合总小]\s*计/.test(cell))?.trim() ?? '合计';
      warnings.push({
        ...where,
        row: row.row,
        message:
          `第 ${row.row} 行是合计行（「${label}」），不作为企业读入 ` +
          `(row ${row.row} is a totals row, not read as an enterprise)`,
      });
      return;
    }
    // Data under no header (an empty or merged header cell) is reported once per column, never dropped
    // silently.
    const from = allHeaded ? headers.length : 0;
    for (let index = from; index < row.cells.length; index += 1) {
      if ((index < headers.length && headers[index] !== '') || warned.has(index)) continue;
      if ((row.cells[index] ?? '').trim() === '') continue;
      warned.add(index);
      const letter = columnLetter(index);
      warnings.push({
        ...where,
        row: row.row,
        message:
          `第 ${letter} 列没有表头（表头单元格为空或属于合并单元格），该列数据已忽略，首个数据在第 ${row.row} 行 ` +
          `(column ${letter} has no header of its own, an empty or merged header cell; its data is ignored)`,
      });
    }
    // A row read is already the RawRow shape ({ row, cells }): kept as it is, not copied.
    kept.push(row);
  };

  for (const row of first.slice((found ?? 0) + 1)) take(row);
  for (let next = await rest.next(); next.done !== true; next = await rest.next()) take(next.value);
  const unlisted = totals - limits.maxIssuesPerKind;
  if (unlisted > 0) {
    warnings.push({
      ...where,
      row: firstUnlistedTotals,
      message:
        `另有 ${grouped(unlisted)} 个合计行（自第 ${firstUnlistedTotals} 行起）未逐条列出，均不作为企业读入 ` +
        `(${grouped(unlisted)} more totals rows from row ${firstUnlistedTotals}, not listed and not read)`,
    });
  }
  return { ...where, headerRow: headerRow.row, headers, columns, rows: kept, issues, warnings };
}
