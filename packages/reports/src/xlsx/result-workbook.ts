import type { Writable } from 'node:stream';
import type { EnterpriseResult, Grading, Indicator } from '@mujun/scoring';
import { cohortIndicators } from '../dataset.js';
import { SCALE_LABEL, STATUS_LABEL } from '../build/confirmation.js';
import type { Cell, Column } from './workbook.js';
import { decimal, INTEGER, TEXT, XlsxWriter } from './workbook.js';
import type { SheetWriter } from './workbook.js';

/**
 * The result workbook (`mujun grade --out result.xlsx`): one sheet per cohort, by rank, with every
 * indicator's value, benchmark and score, the bonus, penalty, total, band and final class and the reasons
 * for any override; then one sheet for the enterprises not rated (暂不评价 and 不纳入评价) with the reason.
 * Written in one pass over `grading.results()`, which yields the cohorts in scheme order, so a cohort's
 * sheet is finished before the next begins and memory stays flat however many enterprises there are.
 */

const NOT_APPLICABLE = '不适用';

function cohortColumns(indicators: readonly Indicator[], rounding: Grading['scheme']['rounding']): Column[] {
  const score = decimal(rounding.score);
  return [
    { header: '排名', width: 7, type: INTEGER },
    { header: '统一社会信用代码', width: 21, type: TEXT },
    { header: '企业名称', width: 34, type: TEXT },
    { header: '所属乡镇街道', width: 14, type: TEXT },
    { header: '行业代码', width: 9, type: TEXT },
    { header: '行业名称', width: 22, type: TEXT },
    ...indicators.flatMap((indicator): Column[] => {
      const unit = indicator.unit === '' ? '' : `(${indicator.unit})`;
      return [
        { header: `${indicator.label}${unit}`, width: 14, type: decimal(rounding.value) },
        { header: `${indicator.label}基准值`, width: 12, type: decimal(rounding.benchmark) },
        { header: `${indicator.label}得分`, width: 10, type: score },
      ];
    }),
    { header: '加分', width: 8, type: score },
    { header: '加分事项', width: 24, type: TEXT },
    { header: '减分', width: 8, type: score },
    { header: '减分事项', width: 24, type: TEXT },
    { header: '总分', width: 9, type: score },
    { header: '分档类别', width: 9, type: TEXT },
    { header: '最终类别', width: 9, type: TEXT },
    { header: '类别名称', width: 12, type: TEXT },
    { header: '调整原因', width: 48, type: TEXT },
  ];
}

function cohortRow(result: EnterpriseResult, indicators: readonly Indicator[]): Cell[] {
  return [
    result.rank,
    result.uscc,
    result.name,
    result.town,
    result.industryCode,
    result.industryName,
    ...indicators.flatMap((indicator): Cell[] => {
      const own = result.indicators[indicator.key];
      if (own === undefined) return [null, null, null];
      return [own.applicable ? own.value : NOT_APPLICABLE, own.benchmark, own.score];
    }),
    result.bonus,
    result.bonusItems.map((item) => `${item.label}（${item.points}）`).join('；'),
    result.penalty,
    result.penaltyItems.map((item) => `${item.label}（${item.points}）`).join('；'),
    result.totalScore,
    result.bandClass,
    result.finalClass,
    result.finalClassLabel,
    result.overrides.map((o) => `${o.label}：${o.reason}（${o.from} → ${o.to}）`).join('；'),
  ];
}

const UNRATED_COLUMNS: readonly Column[] = [
  { header: '统一社会信用代码', width: 21, type: TEXT },
  { header: '企业名称', width: 34, type: TEXT },
  { header: '企业规模', width: 9, type: TEXT },
  { header: '所属乡镇街道', width: 14, type: TEXT },
  { header: '行业代码', width: 9, type: TEXT },
  { header: '行业名称', width: 22, type: TEXT },
  { header: '评价状态', width: 12, type: TEXT },
  { header: '类别', width: 7, type: TEXT },
  { header: '原因', width: 60, type: TEXT },
];

function unratedRow(result: EnterpriseResult): Cell[] {
  const scope = result.trace.find((line) => line.rule === 'scope');
  return [
    result.uscc,
    result.name,
    SCALE_LABEL[result.scale],
    result.town,
    result.industryCode,
    result.industryName,
    STATUS_LABEL[result.status],
    result.finalClass,
    scope?.detail ?? '',
  ];
}

interface OpenSheet {
  readonly sheet: SheetWriter;
  readonly indicators: readonly Indicator[];
}

export async function writeResultWorkbook(grading: Grading, stream: Writable): Promise<void> {
  const { scheme } = grading;
  const cohorts = scheme.cohorts;
  const xlsx = new XlsxWriter(stream);
  const sheets: { at: number; current: OpenSheet | null; unrated: SheetWriter | null } = {
    at: -1,
    current: null,
    unrated: null,
  };

  /** Finishes the open cohort sheet and opens the following ones up to `index` (empty cohorts get one too). */
  const advanceTo = (index: number): OpenSheet | null => {
    if (index < sheets.at) throw new Error('the results are not in cohort order');
    while (sheets.at < index) {
      sheets.current?.sheet.commit();
      sheets.at++;
      const cohort = cohorts[sheets.at];
      if (cohort === undefined) sheets.current = null;
      else {
        const indicators = cohortIndicators(scheme, cohort.id);
        const columns = cohortColumns(indicators, scheme.rounding);
        sheets.current = { sheet: xlsx.sheet(cohort.label, columns, { freezeColumns: 3 }), indicators };
      }
    }
    return sheets.current;
  };
  const unrated = (): SheetWriter =>
    (sheets.unrated ??= xlsx.sheet('暂不评价及不纳入评价', UNRATED_COLUMNS, { freezeColumns: 2 }));

  for (const result of grading.results()) {
    if (result.status === 'rated') {
      const open = advanceTo(cohorts.findIndex((cohort) => cohort.id === result.cohort));
      open?.sheet.row(cohortRow(result, open.indicators));
    } else {
      advanceTo(cohorts.length);
      unrated().row(unratedRow(result));
    }
  }
  advanceTo(cohorts.length);
  unrated().commit();
  await xlsx.commit();
}
