import {
  aggregates,
  confirmationSheets,
  dataset,
  landNotice,
  lowEfficiencyList,
  renderConfirmationPage,
  renderSummaryPage,
  summary,
  taxPerMuDistribution,
  writeLandNoticeWorkbook,
  writeLowEfficiencyWorkbook,
  writeSummaryWorkbook,
} from '@mujun/reports';
import type { Dataset, SummaryReport } from '@mujun/reports';
import { notFound } from '../domain/errors.js';
import { regrade } from '../domain/regrade.js';
import { attachment, PAGE_HEADERS, written, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { HttpProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { ReportPath, ReportQuery } from '../schemas/reports.js';
import { documentTitle } from './results.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * The documents `mujun publish` writes besides the 公示 list, for an evaluation in the store: 评价汇总
 * (with charts), 低效企业筛选, 用地面积公示 (the bureau's), and 一企一单 (the bureau's for every enterprise,
 * a town's for its own, an enterprise's for itself). Of the grading the caller reads; the file name
 * carries the year and which grading (草稿, 公示, 复核后, 定稿).
 */

const TITLES = {
  summary: '评价汇总',
  'low-efficiency': '低效企业筛选',
  'land-notice': '用地面积公示',
  confirmation: '一企一单',
} as const;

/** 万元/亩: the reference method's 亩均税收 floor, as `mujun publish --low-threshold` defaults. */
const LOW_THRESHOLD = '1';

function refused(detail: string): HttpProblem {
  return new HttpProblem(400, 'validation', '不支持的格式', detail, {
    errors: [{ pointer: '#/query/format', detail }],
  });
}

export const getReport = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/reports/{report}',
  operationId: 'getReport',
  tag: 'Results',
  summary: 'A published document: 评价汇总, 低效企业筛选, 用地面积公示 or 一企一单',
  description:
    'As `mujun publish` writes them, from the grading the caller reads. summary: xlsx or html (charts, ' +
    '亩均税收 by town); low-efficiency and land-notice: xlsx (亩均税收 below 1 万元/亩); the bureau’s only ' +
    '(403 for others). confirmation: the printable 一企一单 (html), of one enterprise (`uscc`) or of every ' +
    'one the caller may see: the bureau all, a town its own, an enterprise itself (another’s: 404).',
  access: ['admin', 'town', 'enterprise'],
  params: ReportPath,
  query: ReportQuery,
  responses: {
    200: {
      description: 'the document',
      contentType: XLSX_TYPE,
      headers: ContentDispositionHeader,
      alternatives: [{ contentType: 'text/html', description: 'format=html: a printable page (A4)' }],
    },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    if (params.report !== 'confirmation' && principal.role !== 'admin') {
      throw new HttpProblem(
        403,
        'forbidden',
        '无权下载',
        '评价汇总、低效企业筛选和用地面积公示只供经信局下载。',
      );
    }
    const { records, grading } = await regrade(
      services.store,
      evaluation.id,
      readablePhase(evaluation, principal),
    );
    const data = dataset(records, grading);
    const title = documentTitle(evaluation, principal, TITLES[params.report]);
    const format = query.format ?? (params.report === 'confirmation' ? 'html' : 'xlsx');
    const html = (body: string): Reply => ({
      status: 200,
      raw: body,
      contentType: 'text/html; charset=utf-8',
      headers: PAGE_HEADERS,
    });
    const xlsx = async (write: Parameters<typeof written>[0]): Promise<Reply> => ({
      status: 200,
      bytes: await written(write),
      contentType: XLSX_TYPE,
      headers: attachment(`${params.report}-${evaluation.id}.xlsx`, `${title}.xlsx`),
    });
    switch (params.report) {
      case 'summary': {
        const report: SummaryReport = {
          schemeName: grading.scheme.name,
          valueDp: grading.scheme.rounding.value,
          summary: summary(data),
          aggregates: aggregates(data),
          distribution: taxPerMuDistribution(data),
          yearOverYear: null,
        };
        return format === 'html'
          ? html(renderSummaryPage(report, { lowThreshold: LOW_THRESHOLD }))
          : xlsx((stream) => writeSummaryWorkbook(report, stream));
      }
      case 'low-efficiency':
        if (format === 'html') throw refused('低效企业筛选只提供 XLSX。');
        return xlsx((stream) =>
          writeLowEfficiencyWorkbook(
            lowEfficiencyList(data, LOW_THRESHOLD),
            grading.scheme.rounding.value,
            stream,
          ),
        );
      case 'land-notice':
        if (format === 'html') throw refused('用地面积公示只提供 XLSX。');
        return xlsx((stream) => writeLandNoticeWorkbook(landNotice(data), stream));
      case 'confirmation': {
        if (format === 'xlsx' && query.format !== undefined)
          throw refused('一企一单只提供可打印的网页（html）。');
        const uscc = query.uscc?.trim().toUpperCase();
        const visible = (entry: Dataset['entries'][number]) =>
          (uscc === undefined || entry.result.uscc === uscc) &&
          (principal.role !== 'town' || entry.result.town === principal.town) &&
          (principal.role !== 'enterprise' || entry.result.uscc === principal.uscc);
        const entries = data.entries.filter(visible);
        if (entries.length === 0) throw notFound('enterprise result');
        return html([...renderConfirmationPage(confirmationSheets({ ...data, entries }))].join(''));
      }
    }
  },
});

export const PUBLICATIONS_ROUTES = [getReport];
