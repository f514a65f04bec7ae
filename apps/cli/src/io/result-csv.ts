import type { EnterpriseResult, Grading, IndicatorResult, Scheme, Status } from '@mujun/scoring';
import { CSV_BOM, csvRecord } from '@mujun/sheets';
import type { TextSink } from './atomic-file.js';

const SCALE: Readonly<Record<EnterpriseResult['scale'], string>> = { above: '规上', below: '规下' };
const STATUS: Readonly<Record<Status, string>> = {
  rated: '参评',
  exempt: '暂不评价',
  out_of_scope: '不纳入评价',
};

/** Rows written together: one sink write per row would dominate a million-row run. */
const BATCH = 1000;

/**
 * The indicator labels of every cohort, in scheme order, each once: 亩均税收 is one pair of columns even
 * though both cohorts score it, and a 规下 row leaves the 规上-only columns empty.
 */
export function indicatorLabels(scheme: Scheme): string[] {
  const labels = new Set<string>();
  for (const cohort of scheme.cohorts) {
    for (const indicator of scheme.indicatorSets[cohort.indicators] ?? []) labels.add(indicator.label);
  }
  return [...labels];
}

export function csvHeader(labels: readonly string[]): string[] {
  return [
    '统一社会信用代码',
    '企业名称',
    '企业规模',
    '所属乡镇街道',
    '行业代码',
    '评价状态',
    '评价组',
    ...labels.flatMap((label) => [label, `${label}得分`]),
    '加分',
    '减分',
    '总分',
    '排名',
    '分档类别',
    '最终类别',
    '类别名称',
    '调整原因',
  ];
}

/** One enterprise as a spreadsheet row. Figures stay decimal strings; Excel reads them as numbers. */
export function csvRow(
  result: EnterpriseResult,
  labels: readonly string[],
  cohortLabels: ReadonlyMap<string, string>,
) {
  const byLabel = new Map<string, IndicatorResult>();
  for (const indicator of Object.values(result.indicators)) byLabel.set(indicator.label, indicator);
  return [
    result.uscc,
    result.name,
    SCALE[result.scale],
    result.town ?? '',
    result.industryCode ?? '',
    STATUS[result.status],
    result.cohort === null ? '' : (cohortLabels.get(result.cohort) ?? result.cohort),
    ...labels.flatMap((label) => {
      const indicator = byLabel.get(label);
      return [indicator?.value ?? '', indicator?.score ?? ''];
    }),
    result.bonus ?? '',
    result.penalty ?? '',
    result.totalScore ?? '',
    result.rank === null ? '' : String(result.rank),
    result.bandClass ?? '',
    result.finalClass ?? '',
    result.finalClassLabel ?? '',
    result.overrides.map((override) => override.reason).join('；'),
  ];
}

/**
 * Writes one row per enterprise with Chinese headers, for Excel, through the sheets package's safe CSV
 * writer: UTF-8 with a BOM (without it Excel reads the Chinese as GBK), CRLF line ends, and a name that
 * would start a formula (`=HYPERLINK(…)`, `+…`, `@…`) prefixed with `'` so that Excel or WPS shows it as text.
 */
export function writeResultCsv(grading: Grading, sink: TextSink): void {
  const { scheme } = grading;
  const labels = indicatorLabels(scheme);
  const cohortLabels = new Map(scheme.cohorts.map((cohort) => [cohort.id, cohort.label]));
  sink.write(CSV_BOM + csvRecord(csvHeader(labels)));
  let batch: string[] = [];
  for (const result of grading.results()) {
    batch.push(csvRecord(csvRow(result, labels, cohortLabels)));
    if (batch.length === BATCH) {
      sink.write(batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) sink.write(batch.join(''));
}
