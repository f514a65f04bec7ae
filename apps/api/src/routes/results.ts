import { notFound } from '../domain/errors.js';
import { encodeCursor, pageRequest } from '../http/cursor.js';
import { EtagHeader, IfNoneMatchHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import {
  EnterprisePath,
  EnterpriseResult,
  EvaluationPath,
  ResultsPage,
  ResultsQuery,
} from '../schemas/result.js';
import type { ResultFilter } from '../store/store.js';
import { readablePhase, visibleEvaluation } from './scope.js';

export const listResults = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/results',
  operationId: 'listResults',
  tag: 'Results',
  summary: 'Results, filtered by cohort, class, town and industry, a page at a time',
  description:
    'Rows without the trace, in the grading’s order (each cohort by rank, then the exempt, then the ' +
    'out-of-scope). A town sees its enterprises, an enterprise itself. Admin reads the latest grading; ' +
    'towns and enterprises the published one until the final result replaces it.',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  query: ResultsQuery,
  responses: { 200: { description: 'a page of results', schema: ResultsPage } },
  async handle({ services, principal, params, query }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const filter: ResultFilter = {
      ...(query.cohort === undefined ? {} : { cohort: query.cohort }),
      ...(query.class === undefined ? {} : { finalClass: query.class }),
      ...(query.industry === undefined ? {} : { industry: query.industry.replace(/^[A-Z]/, '') }),
      // Scope narrows the filter: a town's own town wins over any asked for (an empty page, not a leak).
      ...(principal.role === 'town'
        ? { town: query.town === undefined || query.town === principal.town ? principal.town : '\u0000' }
        : query.town === undefined
          ? {}
          : { town: query.town }),
      ...(principal.role === 'enterprise' ? { uscc: principal.uscc } : {}),
    };
    const page = await services.store.listResults(
      evaluation.id,
      readablePhase(evaluation, principal),
      filter,
      pageRequest(query),
    );
    // The rows are stored JSON: the page is assembled as text, not parsed and re-encoded.
    const next = encodeCursor(page.next);
    return {
      status: 200,
      raw: `{"data":[${page.items.join(',')}],"next_cursor":${JSON.stringify(next)}}`,
      contentType: 'application/json',
    };
  },
});

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
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const result = await services.store.result(evaluation.id, readablePhase(evaluation, principal), uscc);
    if (result === undefined) throw notFound('enterprise result');
    if (principal.role === 'town' && result.town !== principal.town) throw notFound('enterprise result');
    return { status: 200, raw: result.resultJson, contentType: 'application/json', etag: result.etag };
  },
});

export const RESULT_ROUTES = [listResults, getEnterpriseResult];
