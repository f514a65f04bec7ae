import {
  renderSurchargePage,
  surchargeCsv,
  surchargePageTitle,
  writeSurchargeWorkbook,
} from '@mujun/surcharges';
import type { SurchargeList as Built } from '@mujun/surcharges';
import type { z } from 'zod';
import { buildSurchargeList } from '../domain/surcharges.js';
import type { SurchargeSources } from '../domain/surcharges.js';
import { attachment as disposition, PAGE_HEADERS, written, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { EvaluationPath } from '../schemas/result.js';
import { SurchargeList, SurchargesQuery } from '../schemas/surcharges.js';
import { visibleEvaluation } from './scope.js';

/** The list as the wire schema says: the library's list, with the evaluation and the sources named. */
function wire(evaluationId: string, list: Built, sources: SurchargeSources): z.output<typeof SurchargeList> {
  return {
    evaluationId,
    year: list.year,
    scheme: { id: list.schemeId, name: list.schemeName },
    label: list.label,
    unit: list.unit,
    priceDecimals: list.priceDecimals,
    policyClasses: [...list.policyClasses],
    policySources: [...list.policySources],
    worstClass: list.worstClass,
    publishedOn: list.publishedOn,
    period: { start: list.period.start, end: list.period.end },
    documentNumber: list.documentNumber,
    rows: list.rows.map((row) => ({ ...row })),
    enterprises: list.enterprises.map((e) => ({ ...e, accounts: [...e.accounts] })),
    newIndustries: list.newIndustries.map((industry) => ({
      code: industry.code,
      label: industry.label,
      enterprises: industry.enterprises.map((e) => ({ ...e })),
      prices: [...industry.prices],
    })),
    diff:
      list.diff === null
        ? null
        : {
            added: [...list.diff.added],
            removed: [...list.diff.removed],
            changed: [...list.diff.changed],
            unchanged: list.diff.unchanged,
          },
    warnings: [...list.warnings],
    sources: { history: [...sources.history], previous: sources.previous },
  };
}

/** The list's file name: an ASCII fallback and the Chinese title. */
function attachment(list: Built, extension: string): Record<string, string> {
  return disposition(
    `surcharges-${String(list.year)}.${extension}`,
    `${surchargePageTitle(list).replaceAll(' ', '')}.${extension}`,
  );
}

export const getSurcharges = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/surcharges',
  operationId: 'getSurcharges',
  problems: [409],
  tag: 'Surcharges',
  summary: 'The 差别化电价 list of a final evaluation, as data, CSV, XLSX or the publication page',
  description:
    'Prices each enterprise’s final class for the evaluation’s data year (`year`, given at upload) with ' +
    'the scheme’s policy table, one row per power account (电力户号), with no stacking over an existing ' +
    'surcharge, as `mujun surcharges` does. Consecutive D years come from the final results of the final ' +
    'evaluation of each earlier year in the store (the last finalized when a year has several; a year ' +
    'without one breaks every run); the execution period starts on the first of the month after the ' +
    'finalization date (Asia/Shanghai); the diff (新增 / 移出 / 加价变化) is against the list of the ' +
    'previous year’s final evaluation, when there is one, under its own scheme. `docNo` is the 依据文号 ' +
    'the rows carry: the list’s own decision, issued after finalization, so it is asked for here rather ' +
    'than stored with the evaluation. 409 when the evaluation is not final (problem type ' +
    'invalid-state), was uploaded without a year (no-data-year), or its scheme has no electricity price ' +
    'policy (no-surcharge-policy). `format` picks the body: JSON (the schema below), CSV for the grid ' +
    'company (UTF-8 with BOM, the §10 Chinese headers and 备注), XLSX, or the HTML publication page.',
  access: ['admin', 'department'],
  departments: ['power'],
  params: EvaluationPath,
  query: SurchargesQuery,
  responses: {
    200: {
      description: 'the list',
      schema: SurchargeList,
      headers: ContentDispositionHeader,
      alternatives: [
        {
          contentType: 'text/csv',
          description: 'format=csv: UTF-8 with BOM, CRLF, the §10 headers and 备注',
        },
        {
          contentType: XLSX_TYPE,
          description: 'format=xlsx: the list, new industries, diff and notes',
          binary: true,
        },
        { contentType: 'text/html', description: 'format=html: the publication page, printable on A4' },
      ],
    },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const { list, sources } = await buildSurchargeList(services.store, evaluation, query.docNo);
    switch (query.format ?? 'json') {
      case 'json':
        return { status: 200, json: wire(evaluation.id, list, sources) };
      case 'csv':
        return {
          status: 200,
          raw: surchargeCsv(list),
          contentType: 'text/csv; charset=utf-8',
          headers: attachment(list, 'csv'),
        };
      case 'xlsx':
        return {
          status: 200,
          bytes: await written((stream) => writeSurchargeWorkbook(list, stream)),
          contentType: XLSX_TYPE,
          headers: attachment(list, 'xlsx'),
        };
      case 'html':
        return {
          status: 200,
          raw: renderSurchargePage(list),
          contentType: 'text/html; charset=utf-8',
          headers: PAGE_HEADERS,
        };
    }
  },
});

export const SURCHARGE_ROUTES = [getSurcharges];
