import { z } from 'zod';
import { currentCalendar } from '../domain/calendar.js';
import { shanghaiDate } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import { assertWithdrawable, publication } from '../domain/lifecycle.js';
import { actorOf } from '../domain/roles.js';
import { snapshotChunks } from '../domain/snapshot.js';
import { EtagHeader, IdempotencyHeader, IfNoneMatchHeader } from '../http/headers.js';
import { fingerprint, idempotencyKey } from '../http/idempotency.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import { Evaluation, Publication, PublishRequest } from '../schemas/evaluation.js';
import { EnterpriseResult, EvaluationPath } from '../schemas/result.js';
import { visibleEvaluation } from './scope.js';
import { documentName } from './document-names.js';
import { attachment } from '../http/files.js';
import type { Evaluation as StoredEvaluation } from '../store/store.js';

export const publish = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/publication',
  operationId: 'publishEvaluation',
  problems: [409, 415, 422],
  tag: '公示',
  summary: 'Publish a draft: open the 5-working-day 公示 window',
  description:
    'Day 1 is `date` (default: today in Asia/Shanghai) if it is a working day, else the next one; the ' +
    'window closes at 24:00 Asia/Shanghai at the end of day 5, by the State Council holiday calendar ' +
    '(make-up working days included), with the years the bureau entered (PUT /v1/calendar/{year}) merged ' +
    'over the bundled ones. A date the calendar does not cover is a 422, and so is a date before today in ' +
    'Asia/Shanghai (its window would have opened before the list was out). The results become an ' +
    'immutable snapshot with a strong ETag.',
  access: ['admin'],
  params: EvaluationPath,
  headers: IdempotencyHeader,
  body: { kind: 'json', schema: PublishRequest },
  responses: { 201: { description: 'the evaluation, published', schema: Evaluation } },
  async handle({ services, principal, params, body, req }) {
    const key = idempotencyKey(req, false);
    const print = await fingerprint(`POST /v1/evaluations/${params.id}/publication`, body);
    return services.idempotency.run(
      principal,
      key,
      print,
      (published: z.output<typeof Evaluation>) => ({ status: 201, json: published }),
      async (idempotency) => {
        const now = services.clock.now();
        const date = body.date ?? shanghaiDate(now);
        // Results are never updated, so the snapshot hashed here is the one that gets published.
        const pages = services.store.resultDocumentPages(params.id, 'initial');
        const etag = await services.work.snapshotEtag(params.id, 'published', pages);
        const context = { actor: actorOf(principal), at: now.toISOString() };
        const calendar = await currentCalendar(services.calendar, services.store);
        return services.store.publish(
          params.id,
          (evaluation) => publication(evaluation, calendar, date, context.at, etag, shanghaiDate(now)),
          idempotency === undefined ? context : { ...context, idempotency },
        );
      },
    );
  },
});

export const withdrawPublication = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/publication/withdrawal',
  operationId: 'withdrawPublication',
  problems: [409],
  tag: '公示',
  summary: 'Withdraw a publication before its window’s first day: the evaluation is a draft again',
  description:
    'Only before the first day of the 公示 window (Asia/Shanghai, the server’s clock): nobody can have ' +
    'filed an objection yet. The publication is removed and the evaluation is a draft again, to be ' +
    'published anew; the audit trail keeps both steps. 409 invalid-state once the window has opened.',
  access: ['admin'],
  params: EvaluationPath,
  responses: { 200: { description: 'the evaluation, a draft again', schema: Evaluation } },
  async handle({ services, principal, params }) {
    const now = services.clock.now();
    const evaluation = await services.store.withdrawPublication(
      params.id,
      (before) => {
        assertWithdrawable(before, shanghaiDate(now));
      },
      { actor: actorOf(principal), at: now.toISOString() },
    );
    return { status: 200, json: evaluation };
  },
});

export const getPublication = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/publication',
  operationId: 'getPublication',
  tag: '公示',
  summary: 'The 公示: date, window and snapshot ETag',
  access: ['admin', 'town', 'enterprise'],
  params: EvaluationPath,
  responses: { 200: { description: 'the publication', schema: Publication } },
  async handle({ services, principal, params }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    if (evaluation.publication === null) throw notFound('publication');
    return { status: 200, json: evaluation.publication };
  },
});

export const Snapshot = z
  .object({
    evaluationId: z.string(),
    phase: z.enum(['published', 'final']),
    results: z.array(EnterpriseResult),
  })
  .meta({ id: 'Snapshot' });

function snapshot(
  services: Parameters<typeof visibleEvaluation>[0],
  evaluation: StoredEvaluation,
  phase: 'published' | 'final',
  etag: string | null | undefined,
): Reply {
  if (etag === null || etag === undefined)
    throw notFound(phase === 'published' ? 'publication' : 'final result');
  const stored = phase === 'published' ? 'initial' : 'recomputed';
  // Named as every other download is, so the pages save it under the server's name.
  const name = documentName(
    evaluation,
    stored,
    phase === 'published' ? { zh: '公示结果', ascii: 'snapshot' } : { zh: '最终结果', ascii: 'snapshot' },
    'json',
  );
  return {
    status: 200,
    // Streamed a page of results at a time: the bytes the ETag was hashed from, never held whole.
    stream: snapshotChunks(evaluation.id, phase, services.store.resultDocumentPages(evaluation.id, stored)),
    contentType: 'application/json',
    etag,
    headers: attachment(name.ascii, name.name),
  };
}

export const getPublishedSnapshot = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/publication/snapshot',
  operationId: 'getPublishedSnapshot',
  tag: '公示',
  summary: 'The published results as one immutable document (strong ETag)',
  access: ['admin'],
  params: EvaluationPath,
  headers: IfNoneMatchHeader,
  responses: {
    200: { description: 'every result as published', schema: Snapshot, headers: EtagHeader },
    304: { description: 'not modified' },
  },
  async handle({ services, principal, params }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    return snapshot(services, evaluation, 'published', evaluation.publication?.snapshotEtag);
  },
});

export const getFinalSnapshot = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/finalization/snapshot',
  operationId: 'getFinalSnapshot',
  tag: 'Recompute and finalize',
  summary: 'The final results as one immutable document (strong ETag)',
  access: ['admin'],
  params: EvaluationPath,
  headers: IfNoneMatchHeader,
  responses: {
    200: { description: 'every result as finalized', schema: Snapshot, headers: EtagHeader },
    304: { description: 'not modified' },
  },
  async handle({ services, principal, params }) {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    return snapshot(services, evaluation, 'final', evaluation.finalEtag);
  },
});

export const PUBLICATION_ROUTES = [
  publish,
  withdrawPublication,
  getPublication,
  getPublishedSnapshot,
  getFinalSnapshot,
];
