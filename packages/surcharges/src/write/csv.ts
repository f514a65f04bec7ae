import { stringify } from 'csv-stringify/sync';
import type { SurchargeList } from '../list/build.js';
import { listCells, listHeaders } from './columns.js';

/**
 * The list for the grid company as CSV: UTF-8 with a BOM (so Excel reads the Chinese as it is), CRLF line
 * ends, the §10 headers in Chinese, dates as YYYY-MM-DD and prices with the policy's decimals (`0.30`).
 */
export function surchargeCsv(list: SurchargeList): string {
  const rows = list.rows.map((row) =>
    listCells(row).map((cell) => (typeof cell === 'number' ? String(cell) : cell)),
  );
  return `\uFEFF${stringify([listHeaders(list), ...rows], { record_delimiter: '\r\n' })}`;
}
