import { indicatorColumns } from '@mujun/reports';
import type { z } from 'zod';
import { notFound } from '../domain/errors.js';
import type { Principal } from '../domain/roles.js';
import { storedScheme } from '../domain/regrade.js';
import { decodeOffset, encodeCursor, encodeOffset, pageRequest } from '../http/cursor.js';
import { attachment, written, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader, EtagHeader, IfNoneMatchHeader } from '../http/headers.js';
import { HttpProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import {
  EnterprisePath,
  EnterpriseResult,
  EvaluationPath,
  ResultIndicators,
  ResultsExportQuery,
  ResultsPage,
  ResultsQuery,
} from '../schemas/result.js';
import type { Evaluation, ResultFilter, ResultSort, StoredResult } from '../store/store.js';
import type { Services } from '../services.js';
import { writeResultList } from './result-list.js';
import { readablePhase, visibleEvaluation, visibleEvaluationState } from './scope.js';

type Filters = z.output<typeof ResultsExportQuery>;

/** The query's filters, narrowed by the caller's scope: a town's own town wins over any asked for. */
function scopedFilter(query: Filters, principal: Principal): ResultFilter {
  const q = query.q?.trim() ?? '';
  return {
    ...(q === '' ? {} : { q }),
    ...(query.cohort === undefined ? {} : { cohort: query.cohort }),
    ...(query.class === undefined ? {} : { finalClass: query.class }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.industry === undefined ? {} : { industry: query.industry.replace(/^[A-Z]/, '') }),
    // An empty page, not a leak, when a town asks for another town.
    ...(principal.role === 'town'
      ? { town: query.town === undefined || query.town === principal.town ? principal.town : '\u0000' }
      : query.town === undefined
        ? {}
        : { town: query.town }),
    ...(principal.role === 'enterprise' ? { uscc: principal.uscc } : {}),
  };
}

/** The order asked for: a fixed word, or one of the scheme's indicator keys (else 400). */
async function resultSort(services: Services, evaluation: Evaluation, query: Filters): Promise<ResultSort> {
  const descending = query.order === 'desc';
  const by = query.sort ?? 'rank';
  if (by === 'rank' || by === 'total' || by === 'name' || by === 'code') return { by, descending };
  const scheme = await storedScheme(services.store, evaluation.id);
  // The indicators the pages offer (listResultIndicators), and no other.
  const known = indicatorColumns(scheme).some((indicator) => indicator.key === by);
  if (!known) {
    throw new HttpProblem(
      400,
      'validation',
      '排序方式无效',
      `不能按“${by}”排序：可按排名、总分、名称、代码或本办法的指标排序。`,
      {
        errors: [
          { pointer: '#/query/sort', detail: 'rank, total, name, code or an indicator key of the scheme' },
        ],
      },
    );
  }
  return { by: 'indicator', indicator: by, descending };
}

export const listResults = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/results',
  operationId: 'listResults',
  tag: 'Results',
  summary: 'Results, searched, filtered and sorted, a page at a time',
  description:
    'Rows without the trace. `q` finds a fragment of the name or code; cohort, class, status, town and ' +
    'industry narrow the list; without `sort`, the grading’s order (each cohort by rank, then the exempt, ' +
    'then the out-of-scope), else by rank, total, name, code or an indicator’s value, `order` asc or ' +
    'desc. `total` counts every match. A town sees its enterprises only; an enterprise reads its own ' +
    'result, not the list (403). Admin reads the latest grading; towns the published one until the ' +
    'final result replaces it.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  query: ResultsQuery,
  responses: { 200: { description: 'a page of results', schema: ResultsPage } },
  async handle({ services, principal, params, query }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const phase = readablePhase(evaluation, principal);
    const filter = scopedFilter(query, principal);
    // The rows are stored JSON: the page is assembled as text, not parsed and re-encoded.
    const reply = (items: readonly string[], next: string | null, total: number) => ({
      status: 200,
      raw: `{"data":[${items.join(',')}],"next_cursor":${JSON.stringify(next)},"total":${total}}`,
      contentType: 'application/json',
    });
    if (query.sort === undefined && query.order === undefined) {
      // The grading's order: pages by position, so a page stays put while rows are read.
      const page = await services.store.listResults(evaluation.id, phase, filter, pageRequest(query));
      const total = await services.store.countResults(evaluation.id, phase, filter);
      return reply(page.items, encodeCursor(page.next), total);
    }
    const sort = await resultSort(services, evaluation, query);
    const { limit } = pageRequest({ limit: query.limit });
    const offset = decodeOffset(query.cursor);
    const page = await services.store.searchResults(evaluation.id, phase, filter, sort, { offset, limit });
    return reply(page.items, encodeOffset(page.more ? offset + limit : null), page.total);
  },
});

/** `2025年度评价结果（草稿）`: the year once, and which grading. */
export function documentTitle(evaluation: Evaluation, principal: Principal, what: string): string {
  const phase = readablePhase(evaluation, principal);
  const state =
    phase === 'initial'
      ? evaluation.state === 'draft'
        ? '草稿'
        : '公示'
      : evaluation.state === 'final'
        ? '定稿'
        : '复核后';
  return `${evaluation.year === null ? '' : `${evaluation.year}年度`}${what}（${state}）`;
}

export const exportResults = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/results/export',
  operationId: 'exportResults',
  tag: 'Results',
  summary: 'The searched, filtered and sorted results list as a workbook (XLSX)',
  description:
    'The rows `GET /v1/evaluations/{id}/results` lists for the same query, every page, one sheet: rank, ' +
    'code, name, town, industry, status, cohort, each indicator’s value, bonus, penalty, total and ' +
    'classes, as numeric cells. A town exports its enterprises only. The file name carries the year ' +
    'and the grading (草稿, 公示, 复核后, 定稿).',
  access: ['admin', 'town'],
  params: EvaluationPath,
  query: ResultsExportQuery,
  responses: {
    200: { description: 'the workbook', contentType: XLSX_TYPE, headers: ContentDispositionHeader },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const phase = readablePhase(evaluation, principal);
    const filter = scopedFilter(query, principal);
    const scheme = await storedScheme(services.store, evaluation.id);
    const rows: string[] = [];
    // A page at a time, as the list reads them, so no statement holds the whole county at once.
    if (query.sort === undefined && query.order === undefined) {
      let after: number | undefined;
      do {
        const page = await services.store.listResults(evaluation.id, phase, filter, {
          limit: 1000,
          ...(after === undefined ? {} : { after }),
        });
        rows.push(...page.items);
        after = page.next ?? undefined;
      } while (after !== undefined);
    } else {
      const sort = await resultSort(services, evaluation, query);
      for (let offset = 0; ; offset += 1000) {
        const page = await services.store.searchResults(evaluation.id, phase, filter, sort, {
          offset,
          limit: 1000,
        });
        rows.push(...page.items);
        if (!page.more) break;
      }
    }
    const title = documentTitle(evaluation, principal, '评价结果');
    return {
      status: 200,
      bytes: await written((stream) => writeResultList(scheme, rows, title, stream)),
      contentType: XLSX_TYPE,
      headers: attachment(`results-${evaluation.id}.xlsx`, `${title}-查询结果.xlsx`),
    };
  },
});

/**
 * Each result's body as UTF-8 bytes, encoded once: the store hands out the same object for as long as it
 * keeps the result cached, so a lookup of a cached result neither measures nor encodes its text again.
 */
const encodedResults = new WeakMap<StoredResult, Buffer>();

function encodedResult(result: StoredResult): Buffer {
  let bytes = encodedResults.get(result);
  if (bytes === undefined) {
    bytes = Buffer.from(result.resultJson, 'utf8');
    encodedResults.set(result, bytes);
  }
  return bytes;
}

export const getEnterpriseResult = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/enterprises/{uscc}',
  operationId: 'getEnterpriseResult',
  tag: 'Results',
  summary: 'One enterprise’s result with its trace',
  description:
    'The full result with every step of "why": indicator formulas and scores, bonus and penalty items, ' +
    'rank, band and each override with its reason. Immutable once written: a strong ETag, and 304 for ' +
    'If-None-Match.',
  access: ['admin', 'town', 'enterprise'],
  params: EnterprisePath,
  headers: IfNoneMatchHeader,
  responses: {
    200: { description: 'the result', schema: EnterpriseResult, headers: EtagHeader },
    304: { description: 'not modified' },
  },
  async handle({ services, principal, params }) {
    const uscc = params.uscc.trim().toUpperCase();
    if (principal.role === 'enterprise' && uscc !== principal.uscc) throw notFound('enterprise result');
    // The most frequent request of all: the evaluation's state only, not its row.
    const state = await visibleEvaluationState(services, params.id, principal);
    const result = await services.store.result(params.id, readablePhase({ state }, principal), uscc);
    if (result === undefined) throw notFound('enterprise result');
    if (principal.role === 'town' && result.town !== principal.town) throw notFound('enterprise result');
    return { status: 200, raw: encodedResult(result), contentType: 'application/json', etag: result.etag };
  },
});

export const listResultIndicators = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/indicators',
  operationId: 'listResultIndicators',
  tag: 'Results',
  summary: 'The indicators the results list may be sorted by',
  description:
    'Every indicator of the evaluation’s scheme once, in the order of its cohorts (the columns of the ' +
    'exported list): the `sort` keys of `GET /v1/evaluations/{id}/results` beside rank, total, name and ' +
    'code. The same for every caller, whichever enterprises its rows show.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  responses: { 200: { description: 'the indicators', schema: ResultIndicators } },
  async handle({ services, principal, params }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const scheme = await storedScheme(services.store, evaluation.id);
    const indicators = indicatorColumns(scheme).map(({ key, label, unit }) => ({ key, label, unit }));
    return { status: 200, json: { indicators } };
  },
});

export const RESULT_ROUTES = [listResults, listResultIndicators, exportResults, getEnterpriseResult];
