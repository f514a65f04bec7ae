import { DECIMAL_STRING, usccProblem } from '@mujun/scoring';
import type { DecimalString } from '@mujun/scoring';
import type { ReadOptions, SheetIssue, SheetWarning } from '@mujun/sheets';
import { cellReader, locateColumns } from '../table/columns.js';
import type { ColumnDef } from '../table/columns.js';
import { readGrid } from '../table/read-grid.js';
import type { GridTable } from '../table/read-grid.js';

/**
 * A past year's results as a county already keeps them in a spreadsheet, so that history starts full:
 * the result workbook's columns (排名, 统一社会信用代码, 企业名称, 所属乡镇街道, 行业代码, 亩均税收(…), 总分,
 * 最终类别; one cohort per sheet) or the simple template (the same names, plus 评价年度 and 参评企业数).
 * Every bad cell is an issue with its row, column, value and reason; nothing is taken from a file with one.
 */

export interface PastResult {
  readonly uscc: string;
  readonly name: string;
  readonly year: number;
  readonly town: string | null;
  readonly industryCode: string | null;
  /** A class of the scheme, its exempt class, or null (不纳入评价, written as `—` or 不纳入评价). */
  readonly finalClass: string | null;
  readonly totalScore: DecimalString | null;
  readonly rank: number | null;
  /** How many were rated in its group that year (the rank's denominator). */
  readonly rated: number | null;
  readonly taxPerMu: DecimalString | null;
}

export interface ParsedPastResults {
  readonly results: PastResult[];
  readonly issues: SheetIssue[];
  readonly warnings: SheetWarning[];
}

type Column =
  'uscc' | 'name' | 'year' | 'class' | 'town' | 'industry' | 'total' | 'rank' | 'rated' | 'taxPerMu';

export const PAST_RESULT_COLUMNS: readonly ColumnDef<Column>[] = [
  { key: 'uscc', header: '统一社会信用代码', aliases: [], required: true },
  { key: 'name', header: '企业名称', aliases: [], required: true },
  { key: 'class', header: '最终类别', aliases: ['类别', '评价类别', 'finalClass'], required: true },
  { key: 'year', header: '评价年度', aliases: ['年度', 'year'], required: false },
  { key: 'town', header: '所属乡镇街道', aliases: ['乡镇街道', 'town'], required: false },
  { key: 'industry', header: '行业代码', aliases: ['industryCode'], required: false },
  { key: 'total', header: '综合得分', aliases: ['总分', 'totalScore'], required: false },
  { key: 'rank', header: '排名', aliases: ['rank'], required: false },
  { key: 'rated', header: '参评企业数', aliases: ['本组参评企业数'], required: false },
  { key: 'taxPerMu', header: '亩均税收', aliases: ['taxPerMu'], prefix: '亩均税收', required: false },
];

const NONE = new Set(['—', '-', '不纳入评价', '无']);
const INTEGER = /^[1-9][0-9]{0,6}$/;

/**
 * The rows of one past year (`year`, which a 评价年度 column, when there is one, must repeat), validated
 * against the classes the county used (`classes`: A–D and T).
 */
export function parsePastResults(
  table: GridTable,
  year: number,
  classes: readonly string[],
): ParsedPastResults {
  const located = locateColumns(table, PAST_RESULT_COLUMNS);
  const { issues, warnings } = located;
  const results: PastResult[] = [];
  const seen = new Map<string, number>();
  const missing = '必填项为空 (required value missing)';

  for (const row of located.rows) {
    const cells = cellReader(located, table, row);
    const cell = (key: Column) => cells.cell(key);

    const code = cell('uscc');
    const uscc = code.value.toUpperCase();
    if (uscc === '') code.report(missing);
    else if (usccProblem(uscc) !== undefined) code.report(usccProblem(uscc) ?? '');
    const earlier = seen.get(uscc);
    if (uscc !== '' && earlier !== undefined) {
      code.report(
        `与第 ${String(earlier)} 行重复：同一企业同一年度只能有一行 (the same enterprise as row ${String(earlier)})`,
      );
    }
    if (uscc !== '') seen.set(uscc, row.row);

    const nameCell = cell('name');
    if (nameCell.value === '') nameCell.report(missing);

    const yearCell = cell('year');
    if (yearCell.present && yearCell.value !== '' && yearCell.value !== String(year)) {
      yearCell.report(
        `与导入的年度 ${String(year)} 不一致 (the file says another year than the import's ${String(year)})`,
      );
    }

    const classCell = cell('class');
    const raw = classCell.value.toUpperCase().replace(/类$/u, '');
    let finalClass: string | null = null;
    if (classCell.value === '') classCell.report(missing);
    else if (NONE.has(classCell.value)) finalClass = null;
    else if (classes.includes(raw)) finalClass = raw;
    else
      classCell.report(
        `应为 ${classes.join('、')} 或「不纳入评价」之一 (must be one of ${classes.join(', ')} or 不纳入评价)`,
      );

    const decimal = (key: Column): DecimalString | null => {
      const c = cell(key);
      if (c.value === '') return null;
      const value = c.value.replace(/,/g, '');
      return DECIMAL_STRING.test(value) ? value : c.report('应为数字，如 85.32 (must be a decimal number)');
    };
    const integer = (key: Column): number | null => {
      const c = cell(key);
      if (c.value === '') return null;
      return INTEGER.test(c.value)
        ? Number(c.value)
        : c.report('应为正整数 (must be a positive whole number)');
    };
    const totalScore = decimal('total');
    const taxPerMu = decimal('taxPerMu');
    const rank = integer('rank');
    const rated = integer('rated');
    if (rank !== null && rated !== null && rank > rated) {
      cell('rank').report(
        `排名 ${String(rank)} 大于参评企业数 ${String(rated)} (the rank is past the number rated)`,
      );
    }
    if (cells.bad) continue;
    const town = cell('town').value;
    const industry = cell('industry').value;
    results.push({
      uscc,
      name: nameCell.value,
      year,
      town: town === '' ? null : town,
      industryCode: industry === '' ? null : industry,
      finalClass,
      totalScore,
      rank,
      rated,
      taxPerMu,
    });
  }
  // Without a 参评企业数 column (the result workbook: one cohort per sheet), the rank's denominator is
  // the number of ranked rows of the sheet.
  if (!located.columns.has('rated')) {
    const ranked = results.filter((r) => r.rank !== null).length;
    return {
      results: results.map((r) => (r.rank === null ? r : { ...r, rated: Math.max(ranked, r.rank) })),
      issues,
      warnings,
    };
  }
  return { results, issues, warnings };
}

/** A past year's file (CSV or XLSX bytes, `options.sheet` for a workbook's sheet) read and validated. */
export async function readPastResults(
  bytes: Uint8Array,
  options: ReadOptions,
  year: number,
  classes: readonly string[],
): Promise<ParsedPastResults> {
  return parsePastResults(await readGrid(bytes, options), year, classes);
}
