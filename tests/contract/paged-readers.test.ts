import { parseScheme, publishedCohorts } from '@mujun/scoring';
import type { EnterpriseResult } from '@mujun/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subjectsFromStore, subjectsOf } from '../../apps/api/src/domain/surcharges.js';
import { generatedCsv } from '../e2e/support/api-data.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { finalizedEvaluation } from './support/years.js';

/**
 * The readers that take a county's stored records or results a chunk at a time instead of all at once
 * say what reading them all said: the public self-check's cohorts (publishedCohorts of every stored
 * result, parsed at once, as the route did before) and the 差别化电价 list's subjects (subjectsOf every
 * stored record). 1,200 generated enterprises: several of the store's chunks of 250, the last one short.
 */
describe.each(ENGINES)('county readers a chunk at a time (%s)', (engine) => {
  let h: Harness;
  let id = '';

  beforeAll(async () => {
    h = await startApi({ engine, now: '2026-03-02T02:00:00.000Z' });
    const files = [{ name: 'county.csv', bytes: generatedCsv(1_200, 7).bytes }];
    id = await finalizedEvaluation(
      h,
      files,
      { year: '2025', name: '2025年度' },
      '2026-03-02',
      '2026-03-16T02:00:00.000Z',
    );
  }, 120_000);
  afterAll(() => h.close());

  it('self-check: the cohorts of every result read at once', async () => {
    const scheme = parseScheme(JSON.parse(await h.store.schemeJson(id)));
    const results = (await h.store.resultDocuments(id, 'recomputed')).map(
      (text) => JSON.parse(text) as EnterpriseResult,
    );
    const published = publishedCohorts(scheme, results);
    const response = await fetch(`${h.base}/v1/public/evaluations/${id}/self-check`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      cohorts: Record<string, { rated: number; benchmarks: unknown; missingScores: unknown }>;
    };
    expect(Object.keys(body.cohorts)).toEqual(scheme.cohorts.map((cohort) => cohort.id));
    for (const cohort of scheme.cohorts) {
      const rated = results.filter((r) => r.status === 'rated' && r.cohort === cohort.id).length;
      expect(body.cohorts[cohort.id]).toEqual({
        label: cohort.label,
        rated,
        benchmarks: published[cohort.id]?.benchmarks,
        missingScores: published[cohort.id]?.missingScores,
      });
    }
    expect(Object.values(body.cohorts).some((cohort) => cohort.rated > 250)).toBe(true);
  });

  it('surcharges: the subjects of every record read at once, in the same order', async () => {
    const evaluation = await h.store.getEvaluation(id);
    if (evaluation === undefined) throw new Error('no evaluation');
    const subjects = await subjectsFromStore(h.store, evaluation);
    expect(subjects).toHaveLength(1_200);
    expect(subjects).toEqual(
      subjectsOf(await h.store.records(id), await h.store.finalClasses(id, 'recomputed')),
    );
    expect(subjects.some((subject) => subject.finalClass === 'D')).toBe(true);
  });
});

afterAll(async () => {
  await stopTestServer();
});
