import { parseScheme, PublishedTally } from '@mujun/scoring';
import type { EnterpriseResult } from '@mujun/scoring';
import { z } from 'zod';
import { notFound } from '../domain/errors.js';
import { defineRoute } from '../http/route.js';
import { Decimal } from '../schemas/common.js';
import { EvaluationPath } from '../schemas/result.js';
import type { Services } from '../services.js';
import type { Phase } from '../store/store.js';

/**
 * What anyone may read of a published evaluation to score their own figures (the public self-check page,
 * /check/{id}): the method as published (the scheme) and, per cohort, the benchmarks and the score an
 * indicator that does not apply gets (the cohort mean). Figures of the whole cohort only: no enterprise's
 * own figure, score or class is in it. Drafts and unknown ids answer 404, as if they did not exist.
 */

const PublishedCohortSchema = z.object({
  label: z.string(),
  rated: z.int(),
  benchmarks: z.record(z.string(), Decimal.nullable()),
  missingScores: z.record(z.string(), Decimal.nullable()).meta({
    description: 'the score an enterprise gets on an indicator that does not apply to it (the cohort mean)',
  }),
});

export const SelfCheck = z
  .object({
    evaluation: z.object({
      id: z.string(),
      name: z.string(),
      year: z.int().nullable(),
      state: z.enum(['published', 'recomputed', 'final']),
      grading: z.enum(['published', 'final']).meta({
        description: 'which grading the benchmarks are of: the published one, or the final one once final',
      }),
    }),
    scheme: z
      .record(z.string(), z.unknown())
      .meta({ description: 'the evaluation’s scheme (评价办法) as JSON' }),
    cohorts: z.record(z.string(), PublishedCohortSchema),
  })
  .meta({ id: 'SelfCheck' });

/** Worked out once per evaluation and grading: reading every result is a county's worth of JSON. */
const cache = new Map<string, Promise<z.output<typeof SelfCheck>>>();
const CACHE_SIZE = 16;

async function selfCheck(services: Services, id: string): Promise<z.output<typeof SelfCheck>> {
  const evaluation = await services.store.getEvaluation(id);
  if (evaluation === undefined || evaluation.state === 'draft') throw notFound('evaluation');
  const phase: Phase = evaluation.state === 'final' ? 'recomputed' : 'initial';
  const key = `${evaluation.id}|${phase}|${String(evaluation.version)}`;
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = (async () => {
      const schemeJson = await services.store.schemeJson(evaluation.id);
      const scheme = parseScheme(JSON.parse(schemeJson));
      // A page of results at a time, each tallied and dropped: the county's results are never held.
      const tally = new PublishedTally(scheme);
      const rated = new Map<string, number>();
      for await (const page of services.store.resultDocumentPages(evaluation.id, phase)) {
        for (const text of page) {
          const result = JSON.parse(text) as EnterpriseResult;
          tally.add(result);
          if (result.status === 'rated' && result.cohort !== null) {
            rated.set(result.cohort, (rated.get(result.cohort) ?? 0) + 1);
          }
        }
      }
      const published = tally.cohorts();
      return {
        evaluation: {
          id: evaluation.id,
          name: evaluation.name,
          year: evaluation.year,
          state: evaluation.state as 'published' | 'recomputed' | 'final',
          grading: phase === 'recomputed' ? ('final' as const) : ('published' as const),
        },
        scheme: JSON.parse(schemeJson) as Record<string, unknown>,
        cohorts: Object.fromEntries(
          scheme.cohorts.map((cohort) => [
            cohort.id,
            {
              label: cohort.label,
              rated: rated.get(cohort.id) ?? 0,
              benchmarks: published[cohort.id]?.benchmarks ?? {},
              missingScores: published[cohort.id]?.missingScores ?? {},
            },
          ]),
        ),
      };
    })();
    cache.set(key, answer);
    answer.catch(() => cache.delete(key));
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  return answer;
}

export const getSelfCheck = defineRoute({
  method: 'get',
  path: '/v1/public/evaluations/{id}/self-check',
  operationId: 'getSelfCheck',
  tag: 'Public',
  summary: 'A published evaluation’s method and benchmarks, for anyone to score their own figures',
  description:
    'No sign-in. Once the evaluation is published: its scheme, and per cohort the published benchmarks and ' +
    'the score an indicator that does not apply gets (the cohort mean), from the published grading (the ' +
    'final one once final). Nothing of any one enterprise. A draft or an unknown id answers 404. The ' +
    'page /check/{id} scores typed-in figures against it in the browser with the same scoring library.',
  access: 'public',
  params: EvaluationPath,
  responses: { 200: { description: 'the method and the published benchmarks', schema: SelfCheck } },
  async handle({ services, params }) {
    return { status: 200, json: await selfCheck(services, params.id) };
  },
});
