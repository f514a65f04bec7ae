import type { Writable } from 'node:stream';
import { decimal, indicatorColumns, INTEGER, TEXT, XlsxWriter } from '@mujun/reports';
import type { Cell, Column } from '@mujun/reports';
import type { Scheme } from '@mujun/scoring';
import type { z } from 'zod';
import type { ResultSummary } from '../schemas/result.js';

/**
 * The results list as the pages show it, as one sheet: what a search found, in its order, with each
 * indicator of the scheme once (a 规下 row leaves the 规上-only columns empty). Written with the
 * workbook writer of @mujun/reports, so figures are numeric cells with the method's decimals.
 */

type Row = z.output<typeof ResultSummary>;

const STATUS: Readonly<Record<Row['status'], string>> = {
  rated: '参评',
  exempt: '暂不评价',
  out_of_scope: '不纳入评价',
};

export async function writeResultList(
  scheme: Scheme,
  rows: readonly string[],
  title: string,
  stream: Writable,
): Promise<void> {
  const indicators = indicatorColumns(scheme);
  const cohorts = new Map(scheme.cohorts.map((cohort) => [cohort.id, cohort.label]));
  const score = decimal(scheme.rounding.score);
  const columns: Column[] = [
    { header: '排名', width: 7, type: INTEGER },
    { header: '统一社会信用代码', width: 21, type: TEXT },
    { header: '企业名称', width: 34, type: TEXT },
    { header: '所属乡镇街道', width: 14, type: TEXT },
    { header: '行业代码', width: 9, type: TEXT },
    { header: '行业名称', width: 22, type: TEXT },
    { header: '评价状态', width: 10, type: TEXT },
    { header: '评价组', width: 8, type: TEXT },
    ...indicators.map((indicator): Column => ({
      header: indicator.unit === '' ? indicator.label : `${indicator.label}(${indicator.unit})`,
      width: 14,
      type: decimal(scheme.rounding.value),
    })),
    { header: '加分', width: 8, type: score },
    { header: '减分', width: 8, type: score },
    { header: '总分', width: 9, type: score },
    { header: '分档类别', width: 9, type: TEXT },
    { header: '最终类别', width: 9, type: TEXT },
  ];
  const xlsx = new XlsxWriter(stream);
  const sheet = xlsx.sheet('评价结果', columns, { title, freezeColumns: 3 });
  for (const json of rows) {
    const row = JSON.parse(json) as Row;
    const cells: Cell[] = [
      row.rank,
      row.uscc,
      row.name,
      row.town,
      row.industryCode,
      row.industryName,
      STATUS[row.status],
      row.cohort === null ? null : (cohorts.get(row.cohort) ?? row.cohort),
      ...indicators.map(({ key }) => {
        const own = row.indicators[key];
        return own === undefined ? null : own.applicable ? own.value : '不适用';
      }),
      row.bonus,
      row.penalty,
      row.totalScore,
      row.bandClass,
      row.finalClass,
    ];
    sheet.row(cells);
  }
  sheet.commit();
  await xlsx.commit();
}
