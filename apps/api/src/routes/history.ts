import { workbookBytes } from '@mujun/sheets';
import { readPastResults } from '@mujun/surcharges';
import { enterpriseHistory, historyOverview } from '../domain/history.js';
import { notFound } from '../domain/errors.js';
import { actorOf } from '../domain/roles.js';
import { HttpProblem } from '../http/problem.js';
import { attachment, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { filesOf } from '../http/upload.js';
import {
  EnterpriseHistory,
  EnterpriseHistoryPath,
  HistoryOverview,
  HistoryOverviewQuery,
  PastYearFields,
  PastYearForm,
  PastYearImported,
  PastYearPath,
  PastYears,
} from '../schemas/history.js';

/** History across years (issue 16): an enterprise's years, the bureau's year over year, past years imported. */

const CLASSES = ['A', 'B', 'C', 'D', 'T'] as const;

export const getEnterpriseHistory = defineRoute({
  method: 'get',
  path: '/v1/enterprises/{uscc}/history',
  operationId: 'getEnterpriseHistory',
  tag: 'Results',
  summary: 'An enterprise’s classes, totals, ranks and indicator values across every finalized year',
  description:
    'Every year with a final evaluation in the store (of a year finalized twice, the later; its recomputed ' +
    'results) and every imported past year (a year in both is the evaluation’s): class, total, rank with ' +
    'the number rated and the rank as a percentile, 亩均税收 and the indicator values; and the run of ' +
    'consecutive D years ending with the latest year, counted as the 差别化电价 list counts it. An ' +
    'enterprise sees its own only, a town its own enterprises (by the latest year’s town); else 404.',
  access: ['admin', 'town', 'enterprise'],
  params: EnterpriseHistoryPath,
  responses: { 200: { description: 'the years, oldest first', schema: EnterpriseHistory } },
  async handle({ services, principal, params }) {
    const uscc = params.uscc.trim().toUpperCase();
    if (principal.role === 'enterprise' && principal.uscc !== uscc) throw notFound('enterprise');
    const history = await enterpriseHistory(services.store, uscc);
    if (history === undefined) throw notFound('enterprise');
    if (principal.role === 'town' && history.years.at(-1)?.town !== principal.town)
      throw notFound('enterprise');
    return {
      status: 200,
      json: { ...history, years: history.years.map((y) => ({ ...y, indicators: [...y.indicators] })) },
    };
  },
});

export const getHistoryOverview = defineRoute({
  method: 'get',
  path: '/v1/history/overview',
  operationId: 'getHistoryOverview',
  tag: 'Results',
  summary: 'Year over year: class counts by town or industry, and D-year streaks, for every year',
  description:
    'For each year with a final evaluation or an imported past year, oldest first: the class counts of the ' +
    'county and of each town (`by=town`) or GB/T 4754 大类 (`by=industry`), and how many enterprises are ' +
    'in their 2nd or later consecutive D year.',
  access: ['admin'],
  query: HistoryOverviewQuery,
  responses: { 200: { description: 'the years', schema: HistoryOverview } },
  async handle({ services, query }) {
    const by = query.by ?? 'town';
    const years = await historyOverview(services.store, by);
    return {
      status: 200,
      json: { by, years: years.map((y) => ({ ...y, groups: y.groups.map((g) => ({ ...g })) })) },
    };
  },
});

export const listPastYears = defineRoute({
  method: 'get',
  path: '/v1/history/years',
  operationId: 'listPastYears',
  tag: 'Results',
  summary: 'The past years imported from spreadsheets',
  access: ['admin'],
  responses: { 200: { description: 'the imported years, ascending', schema: PastYears } },
  async handle({ services }) {
    return { status: 200, json: { data: await services.store.pastYears() } };
  },
});

export const putPastYear = defineRoute({
  method: 'put',
  path: '/v1/history/years/{year}',
  operationId: 'putPastYear',
  problems: [413, 415, 422],
  tag: 'Results',
  summary: 'Import (or replace) a past year’s results from a spreadsheet',
  description:
    'A year evaluated before the system, from the county’s own spreadsheet: the result workbook’s columns ' +
    '(排名, 统一社会信用代码, 企业名称, 所属乡镇街道, 行业代码, 亩均税收(…), 总分, 最终类别; one sheet) or the simple ' +
    'template (统一社会信用代码, 企业名称, 评价年度, 所属乡镇街道, 行业代码, 最终类别, 综合得分, 排名, 参评企业数, ' +
    '亩均税收). Every bad cell is listed at once (422 `issues`: row, column, value, reason) and nothing is ' +
    'stored; a valid file replaces every row of the year. Audited (entity past-year).',
  access: ['admin'],
  params: PastYearPath,
  body: {
    kind: 'multipart',
    schema: PastYearForm,
    fields: PastYearFields,
    upload: {
      files: [{ name: 'data', maxCount: 1 }],
      maxFileBytes: 20 * 1024 * 1024,
      maxFieldBytes: 1024,
      maxFields: 4,
      maxRequestBytes: 21 * 1024 * 1024,
    },
  },
  responses: { 200: { description: 'the year as stored', schema: PastYearImported } },
  async handle({ services, principal, params, body, req }) {
    const [file] = filesOf(req, 'data');
    if (file === undefined) {
      throw new HttpProblem(400, 'validation', '缺少数据文件', '请在 data 字段上传一个 CSV 或 XLSX 文件', {
        errors: [{ pointer: '#/data', detail: '一个文件' }],
      });
    }
    const year = Number(params.year);
    const parsed = await readPastResults(
      file.bytes,
      {
        file: file.name,
        limits: services.sheetLimits,
        ...(body.sheet === undefined ? {} : { sheet: body.sheet }),
      },
      year,
      CLASSES,
    );
    if (parsed.issues.length > 0 || parsed.results.length === 0) {
      const issues =
        parsed.issues.length > 0
          ? parsed.issues
          : [
              {
                file: file.name,
                row: 0,
                column: 'uscc',
                value: '',
                reason: '文件中没有企业 (no enterprise in the file)',
              },
            ];
      throw new HttpProblem(
        422,
        'invalid-past-year',
        '往年评价结果文件有误',
        `文件有 ${String(issues.length)} 处问题，未导入 (${String(issues.length)} problem(s); nothing was imported)`,
        { issues },
      );
    }
    const saved = await services.store.replacePastYear(year, parsed.results, file.name, {
      actor: actorOf(principal),
      at: services.clock.now().toISOString(),
    });
    return {
      status: 200,
      json: { ...saved, warnings: parsed.warnings.map((w) => `第 ${String(w.row ?? '')} 行：${w.message}`) },
    };
  },
});

/** The simple template's columns, as PUT /v1/history/years/{year} reads them, with what goes in each. */
const TEMPLATE_COLUMNS: readonly { header: string; note: string; text?: boolean; width: number }[] = [
  { header: '统一社会信用代码', note: '18 位，必填', text: true, width: 22 },
  { header: '企业名称', note: '必填', text: true, width: 30 },
  { header: '评价年度', note: '四位年度，与导入的年度一致；可不填', width: 10 },
  { header: '所属乡镇街道', note: '可不填', text: true, width: 14 },
  { header: '行业代码', note: 'GB/T 4754，如 C3391；可不填', text: true, width: 10 },
  { header: '最终类别', note: '必填：A、B、C、D 或 T；不纳入评价填 —', text: true, width: 10 },
  { header: '综合得分', note: '可不填', width: 10 },
  { header: '排名', note: '本组名次，正整数；填排名时须填参评企业数', width: 8 },
  { header: '参评企业数', note: '本组参评企业数', width: 10 },
  { header: '亩均税收(万元/亩)', note: '可不填', width: 14 },
];

export const getPastYearTemplate = defineRoute({
  method: 'get',
  path: '/v1/history/template',
  operationId: 'getPastYearTemplate',
  tag: 'Results',
  summary: 'The simple template for importing a past year (XLSX)',
  description:
    'An empty workbook with the simple template’s header (统一社会信用代码, 企业名称, 评价年度, 所属乡镇街道, ' +
    '行业代码, 最终类别, 综合得分, 排名, 参评企业数, 亩均税收(万元/亩)) on sheet 往年评价结果, codes and names ' +
    'formatted as text, and what goes in each column on sheet 填写说明. Filled in, it is taken by PUT ' +
    '/v1/history/years/{year} as it is.',
  access: ['admin'],
  responses: {
    200: { description: 'the template', contentType: XLSX_TYPE, headers: ContentDispositionHeader },
  },
  async handle(): Promise<Reply> {
    const bytes = await workbookBytes([
      {
        name: '往年评价结果',
        columns: TEMPLATE_COLUMNS.map(({ header, text, width }) => ({
          header,
          width,
          ...(text === true ? { text } : {}),
        })),
        rows: [],
      },
      {
        name: '填写说明',
        columns: [
          { header: '列名', width: 20 },
          { header: '填写说明', width: 60 },
        ],
        rows: TEMPLATE_COLUMNS.map(({ header, note }) => [header, note]),
      },
    ]);
    return {
      status: 200,
      bytes,
      contentType: XLSX_TYPE,
      headers: attachment('past-year-template.xlsx', '往年评价结果导入模板.xlsx'),
    };
  },
});

export const HISTORY_ROUTES = [
  getEnterpriseHistory,
  getHistoryOverview,
  listPastYears,
  getPastYearTemplate,
  putPastYear,
];
