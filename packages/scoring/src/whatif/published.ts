import { Dec, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseResult } from '../engine/result.js';
import type { Scheme } from '../scheme/scheme.js';

/**
 * What a 公示 makes public about a cohort, enough to score any enterprise's own figures against it: each
 * indicator's benchmark, and the score an enterprise gets where the indicator does not apply to it (the
 * cohort mean of the applicable scores, under `cohortMean`). Both are figures of the whole cohort; no
 * single enterprise's figure can be read back from them.
 */
export interface PublishedCohort {
  readonly benchmarks: Readonly<Record<string, DecimalString | null>>;
  readonly missingScores: Readonly<Record<string, DecimalString | null>>;
}

/** The published figures of every cohort, from a grading's results (rated ones). */
export function publishedCohorts(
  scheme: Scheme,
  results: Iterable<EnterpriseResult>,
): Record<string, PublishedCohort> {
  const tally = new PublishedTally(scheme);
  for (const result of results) tally.add(result);
  return tally.cohorts();
}

type PublishedResult = Pick<EnterpriseResult, 'status' | 'cohort' | 'indicators'>;

/** An indicator of a cohort: its benchmark, and the sum and count of its applicable scores. */
interface Tallied {
  readonly benchmark: DecimalString | null;
  sum: Dec;
  count: number;
}

/**
 * publishedCohorts one result at a time, for results read in pages (a county's results are never held at
 * once): `add` each, in any order, then `cohorts`.
 */
export class PublishedTally {
  readonly #scheme: Scheme;
  readonly #totals = new Map<
    string,
    Map<string, { benchmark: DecimalString | null; sum: Dec; count: number }>
  >();

  constructor(scheme: Scheme) {
    this.#scheme = scheme;
  }

  add(result: PublishedResult): void {
    if (result.status !== 'rated' || result.cohort === null) return;
    let cohort = this.#totals.get(result.cohort);
    if (cohort === undefined) this.#totals.set(result.cohort, (cohort = new Map<string, Tallied>()));
    for (const [key, indicator] of Object.entries(result.indicators)) {
      let entry = cohort.get(key);
      if (entry === undefined)
        cohort.set(key, (entry = { benchmark: indicator.benchmark, sum: new Dec(0), count: 0 }));
      if (indicator.applicable) {
        entry.sum = entry.sum.plus(dec(indicator.score));
        entry.count += 1;
      }
    }
  }

  cohorts(): Record<string, PublishedCohort> {
    const scheme = this.#scheme;
    const dp = scheme.rounding.score;
    const scale = new Dec(10).pow(dp);
    const out: Record<string, PublishedCohort> = {};
    for (const cohort of scheme.cohorts) {
      const indicators = scheme.indicatorSets[cohort.indicators] ?? [];
      const graded = this.#totals.get(cohort.id);
      const benchmarks: Record<string, DecimalString | null> = {};
      const missingScores: Record<string, DecimalString | null> = {};
      for (const indicator of indicators) {
        const entry = graded?.get(indicator.key);
        benchmarks[indicator.key] = entry?.benchmark ?? null;
        const missing = indicator.notApplicable;
        missingScores[indicator.key] =
          missing.method === 'fixed'
            ? fixed(dec(missing.score), dp)
            : missing.method === 'zero' || entry === undefined || entry.count === 0
              ? fixed(new Dec(0), dp)
              : // The engine's mean: Σ scores in units, divided half-up (ties away from zero).
                fixed(
                  entry.sum.times(scale).div(entry.count).toDecimalPlaces(0, Dec.ROUND_HALF_UP).div(scale),
                  dp,
                );
      }
      out[cohort.id] = { benchmarks, missingScores };
    }
    return out;
  }
}

/**
 * The scheme with each cohort's benchmarks published as fixed figures and its not-applicable scores
 * fixed, so that grading one enterprise's figures alone scores every indicator, item and the total as the
 * whole cohort's grading did (the class, which needs everyone's totals, it cannot give).
 */
export function publishedScheme(scheme: Scheme, cohorts: Readonly<Record<string, PublishedCohort>>): Scheme {
  const indicatorSets: Scheme['indicatorSets'] = { ...scheme.indicatorSets };
  const schemeCohorts = scheme.cohorts.map((cohort) => {
    const published = cohorts[cohort.id];
    if (published === undefined) return cohort;
    const setName = `__published_${cohort.id}`;
    indicatorSets[setName] = (scheme.indicatorSets[cohort.indicators] ?? []).map((indicator) => {
      const benchmark = published.benchmarks[indicator.key] ?? null;
      const missing = published.missingScores[indicator.key] ?? null;
      return {
        ...indicator,
        ...(benchmark === null ? {} : { benchmark: { method: 'fixed' as const, value: benchmark } }),
        ...(missing === null ? {} : { notApplicable: { method: 'fixed' as const, score: missing } }),
      };
    });
    return { ...cohort, indicators: setName };
  });
  return { ...scheme, indicatorSets, cohorts: schemeCohorts };
}
