import { canonical, dec, usccProblem } from '@mujun/scoring';
import type { DecimalString } from '@mujun/scoring';
import type { ReadOptions, SheetIssue, SheetWarning } from '@mujun/sheets';
import { cellReader, locateColumns, whereOf } from '../table/columns.js';
import type { ColumnDef } from '../table/columns.js';
import { readGrid } from '../table/read-grid.js';
import type { GridTable } from '../table/read-grid.js';

/** One row of last year's list, as far as the diff needs it. */
export interface PreviousListRow {
  readonly uscc: string;
  readonly name: string;
  /** 电力户号; empty for a row that had none. */
  readonly account: string;
  /** 加价标准 as executed, canonical (`0.3`). */
  readonly price: DecimalString;
  readonly source: { readonly file: string; readonly sheet?: string; readonly row: number };
}

export interface ParsedPreviousList {
  readonly rows: PreviousListRow[];
  readonly issues: SheetIssue[];
  readonly warnings: SheetWarning[];
}

type ListColumn =
  | 'uscc'
  | 'name'
  | 'account'
  | 'price'
  | 'industry'
  | 'town'
  | 'year'
  | 'class'
  | 'years'
  | 'start'
  | 'end'
  | 'documentNumber'
  | 'note';

/** The list's own columns (reference-method.md §10, and 备注): last year's file is this year's format. */
export const LIST_COLUMNS: readonly ColumnDef<ListColumn>[] = [
  { key: 'uscc', header: '统一社会信用代码', aliases: [], required: true },
  { key: 'name', header: '企业名称', aliases: [], required: false },
  { key: 'account', header: '电力户号', aliases: ['户号', 'powerAccount'], required: true },
  { key: 'price', header: '加价标准(元/kWh)', aliases: [], prefix: '加价标准', required: true },
  { key: 'industry', header: '行业', aliases: [], required: false },
  { key: 'town', header: '乡镇街道', aliases: ['所属乡镇街道'], required: false },
  { key: 'year', header: '评价年度', aliases: [], required: false },
  { key: 'class', header: '类别', aliases: [], required: false },
  { key: 'years', header: '连续D类年数', aliases: [], required: false },
  { key: 'start', header: '执行起始日期', aliases: [], required: false },
  { key: 'end', header: '执行截止日期', aliases: [], required: false },
  { key: 'documentNumber', header: '依据文号', aliases: [], required: false },
  { key: 'note', header: '备注', aliases: ['说明'], required: false },
];

const PRICE = /^[0-9]+(\.[0-9]+)?$/;

/**
 * Last year's list (this command's CSV or XLSX, or the grid company's copy of it with the same headers),
 * validated: every bad cell is an issue with its row, column, value and reason. Only the code, the name,
 * the account and the price are read; the other §10 columns are known and left alone.
 */
export function parsePreviousList(table: GridTable): ParsedPreviousList {
  const located = locateColumns(table, LIST_COLUMNS);
  const { issues, warnings } = located;
  const where = whereOf(table);
  const rows: PreviousListRow[] = [];
  const seen = new Map<string, number>();
  for (const row of located.rows) {
    const cells = cellReader(located, table, row);
    const read = (key: ListColumn) => cells.cell(key);
    const code = read('uscc');
    const uscc = code.value.toUpperCase();
    const problem = uscc === '' ? '必填项为空 (required value missing)' : usccProblem(uscc);
    if (problem !== undefined) code.report(problem);
    const priceCell = read('price');
    const price =
      priceCell.value === ''
        ? priceCell.report('必填项为空 (required value missing)')
        : PRICE.test(priceCell.value)
          ? canonical(dec(priceCell.value.replace(/^0+(?=\d)/, '')))
          : priceCell.report('应为不小于 0 的数，如 0.30 (must be a non-negative decimal such as 0.30)');
    const account = read('account');
    if (problem !== undefined || price === null) continue;
    const key = `${uscc}|${account.value}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      account.report(
        `与第 ${String(earlier)} 行重复：同一企业同一电力户号只能有一行 (the same enterprise and account as row ${String(earlier)})`,
      );
      continue;
    }
    seen.set(key, row.row);
    rows.push({
      uscc,
      name: read('name').value,
      account: account.value,
      price,
      source: { ...where, row: row.row },
    });
  }
  return { rows, issues, warnings };
}

/** Last year's list file's bytes (CSV or XLSX), read and validated. */
export async function readPreviousList(bytes: Uint8Array, options: ReadOptions): Promise<ParsedPreviousList> {
  return parsePreviousList(await readGrid(bytes, options));
}
