// Small helpers for reading a grading run in golden tests, through the public API only.
import type {
  CohortSummary,
  EnterpriseRecord,
  EnterpriseResult,
  Grading,
  IndicatorResult,
  Scheme,
} from '@mujun/scoring';
import { referenceWith } from './schemes.js';

/** The result for a record (or code); fails the test loudly when the engine has none. */
export function resultFor(grading: Grading, record: EnterpriseRecord | string): EnterpriseResult {
  const uscc = typeof record === 'string' ? record : record.uscc;
  const result = grading.result(uscc);
  if (result === undefined) throw new Error(`no result for ${uscc}`);
  return result;
}

export function indicatorOf(result: EnterpriseResult, key: string): IndicatorResult {
  const indicator = result.indicators[key];
  if (indicator === undefined) throw new Error(`${result.uscc} has no indicator ${key}`);
  return indicator;
}

/** Each indicator's published score, by key. */
export function scoresOf(result: EnterpriseResult): Record<string, string> {
  return Object.fromEntries(
    Object.entries(result.indicators).map(([key, indicator]) => [key, indicator.score]),
  );
}

export function cohortOf(grading: Grading, id: string): CohortSummary {
  const cohort = grading.cohorts()[id];
  if (cohort === undefined) throw new Error(`no cohort ${id}`);
  return cohort;
}

/** A copy of the record without the named figures (blank cells). */
export function without(
  record: EnterpriseRecord,
  ...keys: readonly (keyof EnterpriseRecord)[]
): EnterpriseRecord {
  const copy: Record<string, unknown> = { ...record };
  for (const key of keys) Reflect.deleteProperty(copy, key);
  return copy as EnterpriseRecord;
}

/** The reference preset with one cohort's cumulative band shares for A, B and C replaced. */
export function referenceWithBands(
  cohortId: 'above' | 'below',
  shares: readonly [string, string, string],
): Scheme {
  return referenceWith((document) => {
    const cohort = document.cohorts.find((candidate) => candidate.id === cohortId);
    if (cohort === undefined) throw new Error(`no cohort ${cohortId}`);
    cohort.classification.bands = (['A', 'B', 'C'] as const).map((id, i) => ({
      class: id,
      cumulativeShare: shares[i] ?? '1',
    }));
  });
}

/** How many results of a cohort fall in each class (by `bandClass` or `finalClass`). */
export function classCounts(
  grading: Grading,
  cohort: string,
  field: 'bandClass' | 'finalClass' = 'bandClass',
): Record<string, number> {
  const counts: Record<string, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const result of grading.results()) {
    const cls = result[field];
    if (result.cohort === cohort && cls !== null) counts[cls] = (counts[cls] ?? 0) + 1;
  }
  return counts;
}
