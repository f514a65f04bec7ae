import { FIELDS } from '@mujun/scoring';
import type { SheetIssue, SheetWarning } from '../issues.js';
import { workbookBytes } from './workbook.js';

const HEADER_BY_KEY: ReadonlyMap<string, string> = new Map(FIELDS.map((field) => [field.key, field.header]));

export const ERROR_SHEET = '错误';
export const WARNING_SHEET = '警告';

/** The column as a clerk finds it: its letter, when known, and its header as the file spelled it. */
function columnText(issue: SheetIssue): string {
  const header = issue.header ?? HEADER_BY_KEY.get(issue.column) ?? issue.column;
  const letter = issue.cell?.replace(/[0-9]+$/, '');
  return letter === undefined ? header : `${letter} ${header}`;
}

/**
 * The validation report a clerk opens in Excel: sheet 错误 lists every bad cell (文件, 工作表, 行, 列, 值,
 * 原因), in file and row order, with a filter on the header; sheet 警告 lists what was ignored or left
 * out (unknown columns, 合计 rows).
 */
export function errorReport(
  issues: readonly SheetIssue[],
  warnings: readonly SheetWarning[],
): Promise<Buffer> {
  return workbookBytes([
    {
      name: ERROR_SHEET,
      columns: [
        { header: '文件', width: 28 },
        { header: '工作表', width: 14 },
        { header: '行', width: 8 },
        { header: '列', width: 26 },
        { header: '值', width: 24, text: true },
        { header: '原因', width: 80 },
      ],
      rows: issues.map((issue) => [
        issue.file ?? '',
        issue.sheet ?? '',
        issue.row,
        columnText(issue),
        issue.value,
        issue.reason,
      ]),
      filter: true,
    },
    {
      name: WARNING_SHEET,
      columns: [
        { header: '文件', width: 28 },
        { header: '工作表', width: 14 },
        { header: '行', width: 8 },
        { header: '列', width: 26 },
        { header: '说明', width: 90 },
      ],
      rows: warnings.map((warning) => [
        warning.file ?? '',
        warning.sheet ?? '',
        warning.row ?? '',
        warning.header ?? '',
        warning.message,
      ]),
      filter: true,
    },
  ]);
}
