import { notFound } from '../domain/errors.js';
import { assertFinalizable, assertRecomputable } from '../domain/lifecycle.js';
import { actorOf } from '../domain/roles.js';
import { defineRoute } from '../http/route.js';
import { Evaluation, Recomputation } from '../schemas/evaluation.js';
import { EvaluationPath } from '../schemas/result.js';

export const recompute = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/recomputation',
  operationId: 'recomputeEvaluation',
  problems: [409],
  tag: 'Recompute and finalize',
  summary: 'Recompute the cohorts with the upheld corrections, and show who moved and why',
  description:
    'Once the 公示 window has closed and every objection item is decided: the upheld corrected values ' +
    'replace the contested figures, the whole evaluation is graded again under the same scheme (benchmarks ' +
    'and ranks depend on everyone), and the diff lists every enterprise whose class, score or rank changed.',
  access: ['admin'],
  params: EvaluationPath,
  responses: { 201: { description: 'the diff', schema: Recomputation } },
  async handle({ services, principal, params }) {
    const { store } = services;
    const evaluation = await store.getEvaluation(params.id);
    if (evaluation === undefined) throw notFound('evaluation');
    const now = services.clock.now();
    const items = await store.decidedItems(evaluation.id);
    assertRecomputable(evaluation, now, items.filter((item) => item.status === 'pending').length);
    const at = now.toISOString();
    // Parsing, grading and the diff in a worker thread: the event loop goes on answering meanwhile.
    const { diff, rows } = await services.work.recompute({
      evaluationId: evaluation.id,
      at,
      schemeJson: await store.schemeJson(evaluation.id),
      records: await store.recordChunks(evaluation.id),
      items,
      before: {
        summary: evaluation.summary,
        documents: await store.resultSummaryChunks(evaluation.id, 'initial'),
      },
    });
    await store.saveRecomputation(
      evaluation.id,
      evaluation.version,
      (current) => {
        assertRecomputable(current, now, 0);
      },
      diff,
      rows,
      { actor: actorOf(principal), at },
    );
    return { status: 201, json: diff };
  },
});

export const getRecomputation = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/recomputation',
  operationId: 'getRecomputation',
  tag: 'Recompute and finalize',
  summary: 'The recomputation’s diff',
  access: ['admin'],
  params: EvaluationPath,
  responses: { 200: { description: 'the diff', schema: Recomputation } },
  async handle({ services, params }) {
    const diff = await services.store.recomputation(params.id);
    if (diff === undefined) throw notFound('recomputation');
    return { status: 200, json: diff };
  },
});

export const finalize = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/finalization',
  operationId: 'finalizeEvaluation',
  problems: [409],
  tag: 'Recompute and finalize',
  summary: 'Finalize: freeze the recomputed result',
  description:
    'After this, objections, decisions and recomputation answer 409 final; towns and enterprises read the final result.',
  access: ['admin'],
  params: EvaluationPath,
  responses: { 201: { description: 'the evaluation, final', schema: Evaluation } },
  async handle({ services, principal, params }) {
    const pages = services.store.resultDocumentPages(params.id, 'recomputed');
    const finalEtag = await services.work.snapshotEtag(params.id, 'final', pages);
    const evaluation = await services.store.finalize(
      params.id,
      (current) => {
        assertFinalizable(current);
        return { finalEtag };
      },
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    return { status: 201, json: evaluation };
  },
});

export const RECOMPUTE_ROUTES = [recompute, getRecomputation, finalize];
