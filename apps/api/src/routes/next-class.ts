import type { ToNextClass } from '@mujun/scoring';
import { z } from 'zod';
import { notFound } from '../domain/errors.js';
import { regraded } from '../domain/regrade.js';
import { defineRoute } from '../http/route.js';
import { Decimal } from '../schemas/common.js';
import { EnterprisePath } from '../schemas/result.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * How an enterprise moves up, exactly (the library's toNextClass): the smallest increase of its 税收 (and
 * of 增加值, or reduction of 用地) that, everyone else's figures unchanged and its cohort graded again,
 * gives it a better class. Worked out on demand for the one enterprise asked about (a few probes per
 * figure, each counting the cohort in a window; a probe budget per search bounds the work whatever the
 * data, and a search cut short says so in `unanswered`) and kept per evaluation, grading and code.
 */

const Move = z.object({ class: z.string(), change: Decimal });

export const NextClass = z
  .object({
    toNextClass: z
      .object({
        class: z.string().nullable(),
        taxIncrease: Decimal.nullable(),
        taxPerMuIncrease: Decimal.nullable(),
        addedValueIncrease: Move.nullable(),
        landReduction: Move.nullable(),
        scoreGap: Decimal.nullable(),
        unanswered: z
          .string()
          .nullable()
          .meta({
            description:
              'null when every search finished; else a Chinese sentence naming the figures whose search ran ' +
              'out of its bounded computation (their answers are null, which then does not mean "no change can")',
          }),
      })
      .nullable()
      .meta({
        description:
          'null when no change of its own figures moves it up (already in the top class, or capped by a veto)',
      }),
  })
  .meta({ id: 'NextClass' });

const cache = new Map<string, Promise<ToNextClass | null | undefined>>();
const CACHE_SIZE = 256;

export const getNextClass = defineRoute({
  method: 'get',
  path: '/v1/evaluations/{id}/enterprises/{uscc}/next-class',
  operationId: 'getNextClass',
  tag: 'Results',
  summary: 'How a rated enterprise moves up a class, exactly',
  description:
    'The smallest increase of 税收 (万元, to 0.01) which, with every other figure of every enterprise ' +
    'unchanged and the cohort graded again (benchmarks, missing-data means, ranks, bands and overrides), ' +
    'gives the enterprise a better final class, and the class it reaches; the same for 工业增加值 and a ' +
    'reduction of 用地面积 where the method reads them; the gap to the lowest total inside the better band. ' +
    'Of the grading the caller reads. 404 for an enterprise not rated.',
  access: ['admin', 'town', 'enterprise'],
  params: EnterprisePath,
  responses: { 200: { description: 'the way up, or null', schema: NextClass } },
  async handle({ services, principal, params }) {
    const uscc = params.uscc.trim().toUpperCase();
    if (principal.role === 'enterprise' && uscc !== principal.uscc) throw notFound('enterprise result');
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const phase = readablePhase(evaluation, principal);
    const stored = await services.store.result(evaluation.id, phase, uscc);
    if (stored === undefined) throw notFound('enterprise result');
    if (principal.role === 'town' && stored.town !== principal.town) throw notFound('enterprise result');
    const key = `${evaluation.id}|${phase}|${String(evaluation.version)}|${uscc}`;
    let answer = cache.get(key);
    if (answer === undefined) {
      answer = regraded(services.store, services.work.gradings, evaluation.id, phase, 'nextClass', uscc);
      cache.set(key, answer);
      answer.catch(() => cache.delete(key));
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    const found = await answer;
    if (found === undefined) throw notFound('enterprise result');
    return { status: 200, json: { toNextClass: found } };
  },
});
