import { confirmationPageFrame } from '@mujun/reports';
import { notFound } from '../domain/errors.js';
import { regraded } from '../domain/regrade.js';
import { CONFIRMATION_PART } from '../domain/regraded-jobs.js';
import type { JobAnswer, JobName, JobRequest, Scope } from '../domain/regraded-jobs.js';
import type { Principal } from '../domain/roles.js';
import { attachment, PAGE_HEADERS, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { ConfirmationQuery, LowEfficiencyQuery, SummaryQuery } from '../schemas/reports.js';
import { EvaluationPath } from '../schemas/result.js';
import type { Services } from '../services.js';
import type { Evaluation, Phase } from '../store/store.js';
import { documentName } from './document-names.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * The other documents `mujun publish` writes, for an evaluation in the store and the roles that may
 * read them: the 一企一单 confirmation sheets, the 评价汇总 with its charts, the 低效企业 screening list
 * and the 用地面积 notice. Each of the grading the caller reads (scope.ts); a town's copy holds its own
 * enterprises only.
 */

/** Wenzhou's 亩均税收 < 1 万元/亩 line, the reference method's floor (as `mujun publish`). */
const DEFAULT_LOW_THRESHOLD = '1';

interface Graded {
  readonly evaluation: Evaluation;
  readonly phase: Phase;
  /** Runs a job on the grading the caller reads, where it is held (see domain/regrade.ts). */
  readonly run: <N extends JobName>(name: N, request: JobRequest<N>) => Promise<JobAnswer<N>>;
}

export async function graded(services: Services, id: string, principal: Principal): Promise<Graded> {
  const evaluation = await visibleEvaluation(services, id, principal);
  const phase = readablePhase(evaluation, principal);
  return {
    evaluation,
    phase,
    run: (name, request) =>
      regraded(services.store, services.work.gradings, evaluation.id, phase, name, request),
  };
}

/** A town reads its own enterprises (a town's copy of a county document); the bureau the county. */
function scoped(principal: Principal): Scope {
  return { town: principal.role === 'town' ? principal.town : null, uscc: null };
}

function html(body: string, name: { name: string; ascii: string }): Reply {
  return {
    status: 200,
    raw: body,
    contentType: 'text/html; charset=utf-8',
    headers: { ...PAGE_HEADERS, ...attachment(name.ascii, name.name) },
  };
}

const CONFIRMATION = { zh: '一企一单', ascii: 'confirmation' } as const;

export const getConfirmationSheets = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/confirmations',
  operationId: 'getConfirmationSheets',
  tag: 'Results',
  summary: 'The 一企一单 confirmation sheets (printable HTML), as `mujun publish` writes them',
  description:
    'One A4 sheet per enterprise: its figures as entered, each indicator’s value and score, the bonus ' +
    'and penalty items, total and class, for the enterprise to confirm. `uscc`: one enterprise; `town`: ' +
    'every enterprise of the town in one document; neither: the bureau’s whole county. An enterprise ' +
    'reads its own sheet only, a town its own enterprises; another code or town is 404, as if it did ' +
    'not exist. Of the grading the caller reads.',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  query: ConfirmationQuery,
  responses: {
    200: {
      description: 'the sheets, one printable page',
      contentType: 'text/html',
      headers: ContentDispositionHeader,
    },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const { evaluation, phase, run } = await graded(services, params.id, principal);
    let town = query.town ?? null;
    let uscc = query.uscc ?? null;
    if (principal.role === 'enterprise') {
      if (uscc !== null && uscc !== principal.uscc) throw notFound('enterprise in this evaluation');
      uscc = principal.uscc;
    }
    if (principal.role === 'town') {
      if (town !== null && town !== principal.town) throw notFound('enterprise in this evaluation');
      town = principal.town;
    }
    // A county's sheets are hundreds of MB of HTML: rendered where the grading is held, a part at a
    // time, each sent before the next is asked for.
    const first = await run('confirmations', { town, uscc, from: 0, count: CONFIRMATION_PART });
    if (first.total === 0) throw notFound('enterprise in this evaluation');
    const scope = uscc !== null ? (first.name ?? uscc) : town;
    const name = documentName(evaluation, phase, CONFIRMATION, 'html', scope);
    async function* page(): AsyncGenerator<string> {
      const frame = confirmationPageFrame();
      yield frame.open;
      yield first.html;
      for (let from = CONFIRMATION_PART; from < first.total; from += CONFIRMATION_PART) {
        yield (await run('confirmations', { town, uscc, from, count: CONFIRMATION_PART })).html;
      }
      yield frame.close;
    }
    return {
      status: 200,
      stream: page(),
      contentType: 'text/html; charset=utf-8',
      headers: { ...PAGE_HEADERS, ...attachment(name.ascii, name.name) },
    };
  },
});

const SUMMARY = { zh: '评价汇总', ascii: 'summary' } as const;

export const getSummaryReport = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/summary',
  operationId: 'getSummaryReport',
  tag: 'Results',
  summary: 'The 评价汇总 (XLSX, or the page with its charts), as `mujun publish` writes it',
  description:
    'Class counts and shares by cohort, town and industry, each indicator’s county figures, and the ' +
    'spread of 亩均税收 by town; the page draws them as charts, with the low-efficiency line ' +
    '(`lowThreshold`, default 1 万元/亩). The bureau’s: of the latest grading.',
  access: ['admin'],
  params: EvaluationPath,
  query: SummaryQuery,
  responses: {
    200: {
      description: 'the summary',
      contentType: XLSX_TYPE,
      headers: ContentDispositionHeader,
      alternatives: [{ contentType: 'text/html', description: 'format=html: the page with charts' }],
    },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const { evaluation, phase, run } = await graded(services, params.id, principal);
    const document = await run('summary', {
      format: query.format === 'html' ? 'html' : 'xlsx',
      lowThreshold: query.lowThreshold ?? DEFAULT_LOW_THRESHOLD,
    });
    if (typeof document === 'string') return html(document, documentName(evaluation, phase, SUMMARY, 'html'));
    const name = documentName(evaluation, phase, SUMMARY, 'xlsx');
    return {
      status: 200,
      bytes: document,
      contentType: XLSX_TYPE,
      headers: attachment(name.ascii, name.name),
    };
  },
});

export const getLowEfficiencyList = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/low-efficiency',
  operationId: 'getLowEfficiencyList',
  tag: 'Results',
  summary: 'The 低效企业 screening list (XLSX), as `mujun publish` writes it',
  description:
    'The rated enterprises whose 亩均税收 is under `threshold` 万元/亩 (default 1), by town. The bureau ' +
    'reads the county; a town its own enterprises only. Of the grading the caller reads.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  query: LowEfficiencyQuery,
  responses: {
    200: { description: 'the list', contentType: XLSX_TYPE, headers: ContentDispositionHeader },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const all = await graded(services, params.id, principal);
    const scope = scoped(principal);
    const { town } = scope;
    const bytes = await all.run('lowEfficiency', {
      ...scope,
      threshold: query.threshold ?? DEFAULT_LOW_THRESHOLD,
    });
    const name = documentName(
      all.evaluation,
      all.phase,
      { zh: '低效企业筛选', ascii: 'low-efficiency' },
      'xlsx',
      town,
    );
    return {
      status: 200,
      bytes,
      contentType: XLSX_TYPE,
      headers: attachment(name.ascii, name.name),
    };
  },
});

export const getLandNotice = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/land-notice',
  operationId: 'getLandNotice',
  tag: 'Results',
  summary: 'The 用地面积公示 (XLSX), as `mujun publish` writes it',
  description:
    'Each enterprise’s land area as graded (亩), by town with totals, for the land each is judged on to ' +
    'be seen. The bureau reads the county; a town its own enterprises only.',
  access: ['admin', 'town'],
  params: EvaluationPath,
  responses: {
    200: { description: 'the notice', contentType: XLSX_TYPE, headers: ContentDispositionHeader },
  },
  async handle({ services, principal, params }): Promise<Reply> {
    const all = await graded(services, params.id, principal);
    const scope = scoped(principal);
    const { town } = scope;
    const bytes = await all.run('landNotice', scope);
    const name = documentName(
      all.evaluation,
      all.phase,
      { zh: '用地面积公示', ascii: 'land-notice' },
      'xlsx',
      town,
    );
    return {
      status: 200,
      bytes,
      contentType: XLSX_TYPE,
      headers: attachment(name.ascii, name.name),
    };
  },
});

export const PUBLICATIONS_ROUTES = [
  getConfirmationSheets,
  getSummaryReport,
  getLowEfficiencyList,
  getLandNotice,
];
