import type { PublicationNotice } from '@mujun/reports';
import { assertPublished } from '../domain/lifecycle.js';
import { regraded } from '../domain/regrade.js';
import { attachment, PAGE_HEADERS, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import type { NoticeSettings } from '../services.js';
import type { Evaluation, Phase } from '../store/store.js';
import { PublicationListQuery } from '../schemas/reports.js';
import { EvaluationPath } from '../schemas/result.js';
import { documentName } from './document-names.js';
import type { DocumentName } from './document-names.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * The documents `mujun grade --out result.xlsx` and `mujun publish` write, for an evaluation in the
 * store: written by @mujun/reports from the grading the caller reads (see domain/regrade.ts).
 */

export const getResultWorkbook = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/workbook',
  operationId: 'getResultWorkbook',
  tag: 'Results',
  summary: 'The result workbook (XLSX), as `mujun grade --out result.xlsx` writes it',
  description:
    'One sheet per cohort by rank, with each indicator’s value, benchmark and score, the bonus and ' +
    'penalty items, total, band and final class and every override’s reason, as numeric cells with the ' +
    'method’s decimals; then the enterprises not rated with the reason. Of the latest grading: the ' +
    'initial one (draft or published), the recomputed one once there is one (recomputed or final). ' +
    'Ranks and scores: the bureau’s only.',
  access: ['admin'],
  params: EvaluationPath,
  responses: {
    200: {
      description: 'the workbook',
      contentType: XLSX_TYPE,
      headers: ContentDispositionHeader,
    },
  },
  async handle({ services, principal, params }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const phase = readablePhase(evaluation, principal);
    return {
      status: 200,
      bytes: await regraded(
        services.store,
        services.work.gradings,
        evaluation.id,
        phase,
        'resultWorkbook',
        undefined,
      ),
      contentType: XLSX_TYPE,
      headers: fileName(documentName(evaluation, phase, { zh: '评价结果', ascii: 'result' }, 'xlsx')),
    };
  },
});

/** The notice's words from the evaluation (year, 公示期) and the server's settings; what is unset is left out. */
function publicationNotice(
  evaluation: Evaluation,
  phase: Phase,
  settings: NoticeSettings,
): PublicationNotice {
  const window = evaluation.publication?.window;
  return {
    year: evaluation.year,
    // The list of the grading after the window is worded as such: final, or recomputed awaiting it.
    stage: phase === 'initial' ? 'publication' : evaluation.state === 'final' ? 'final' : 'recomputed',
    window:
      window === undefined
        ? null
        : { firstDay: window.firstDay, lastDay: window.lastDay, workingDays: window.workingDays },
    issuer: settings.issuer ?? null,
    contact: settings.contact ?? null,
    objectionUrl: settings.publicUrl === undefined ? null : new URL('/app/', settings.publicUrl).href,
  };
}

const LIST = { zh: '公示名单', ascii: 'publication-list' } as const;

function fileName(name: DocumentName): Record<string, string> {
  return attachment(name.ascii, name.name);
}

export const getPublicationList = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/publication-list',
  operationId: 'getPublicationList',
  problems: [409],
  tag: '公示',
  summary: 'The 公示 list by class (XLSX or the printable page), as `mujun publish` writes it',
  description:
    'Each cohort’s enterprises by final class, names and towns only, 排名不分先后: no rank, no score; ' +
    'with the appendices of exempt enterprises (and why) and of protected ones. It is the notice the ' +
    'county posts, so whoever may read the published results reads all of it: the bureau, and towns and ' +
    'enterprises, as a notice of the whole county rather than of their own scope. Of the grading the ' +
    'caller reads: the published one, then the final one; the bureau also the recomputed one before ' +
    'finalization (the final list to be). 409 invalid-state for a draft (towns and enterprises see no ' +
    'drafts: 404).',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  query: PublicationListQuery,
  responses: {
    200: {
      description: 'the list',
      contentType: XLSX_TYPE,
      headers: ContentDispositionHeader,
      alternatives: [
        { contentType: 'text/html', description: 'format=html: the 公示 page, printable on A4' },
      ],
    },
  },
  async handle({ services, principal, params, query }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    assertPublished(evaluation);
    const phase = readablePhase(evaluation, principal);
    const notice = publicationNotice(evaluation, phase, services.notice);
    const format = query.format === 'html' ? 'html' : 'xlsx';
    const document = await regraded(
      services.store,
      services.work.gradings,
      evaluation.id,
      phase,
      'publicationList',
      {
        order: query.order ?? 'name',
        notice,
        format,
      },
    );
    if (typeof document === 'string') {
      return {
        status: 200,
        raw: document,
        contentType: 'text/html; charset=utf-8',
        headers: { ...PAGE_HEADERS, ...fileName(documentName(evaluation, phase, LIST, 'html')) },
      };
    }
    return {
      status: 200,
      bytes: document,
      contentType: XLSX_TYPE,
      headers: fileName(documentName(evaluation, phase, LIST, 'xlsx')),
    };
  },
});

export const REPORT_ROUTES = [getResultWorkbook, getPublicationList];
