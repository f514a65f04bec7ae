import { csvText } from '@mujun/sheets';
import type { SurchargeList } from '../list/build.js';
import { listCells, listHeaders } from './columns.js';

/**
 * The list for the grid company as CSV, written by the sheets package's safe CSV writer: UTF-8 with a BOM
 * (so Excel reads the Chinese as it is), CRLF line ends, the §10 headers in Chinese, dates as YYYY-MM-DD
 * and prices with the policy's decimals (`0.30`), and a name that would start a formula (`=…`, `+…`)
 * prefixed with `'` so that Excel or WPS shows it as text.
 */
export function surchargeCsv(list: SurchargeList): string {
  return csvText([listHeaders(list), ...list.rows.map(listCells)]);
}
