import { z } from 'zod';
import { DECIMAL_STRING } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { PreviousResultNeededError } from '../errors/errors.js';
import type { SchemeIssue } from '../errors/errors.js';
import type { Scheme } from '../scheme/scheme.js';
import { published } from './benchmark.js';
import type { Benchmark } from './benchmark.js';
import { add, div, fixedRational, integer, mul, rational } from './rational.js';
import type { Rational } from './rational.js';
import type { GradeReport } from './result.js';

/** What a run reads of last year's result: its cohorts' benchmarks and its rated enterprises' values. */
export type PreviousResult = Pick<GradeReport, 'cohorts'> & {
  readonly enterprises: readonly {
    readonly status: string;
    readonly cohort: string | null;
    readonly indicators: Readonly<
      Record<string, { readonly value: DecimalString | null; readonly applicable: boolean }>
    >;
  }[];
};

const decimalText = z.string().regex(DECIMAL_STRING);
/** What a run reads of last year's result (mujun grade's JSON report); other fields are let through. */
const previousResultSchema = z.object({
  cohorts: z.record(z.string(), z.looseObject({ benchmarks: z.record(z.string(), decimalText.nullable()) })),
  enterprises: z.array(
    z.looseObject({
      status: z.string(),
      cohort: z.string().nullable(),
      indicators: z.record(
        z.string(),
        z.looseObject({ value: decimalText.nullable(), applicable: z.boolean() }),
      ),
    }),
  ),
});

/** Validates last year's result document; a problem names where it fails. */
export function parsePreviousResult(
  document: unknown,
): { readonly previous: PreviousResult } | { readonly problem: string } {
  const parsed = previousResultSchema.safeParse(document);
  if (parsed.success) return { previous: parsed.data as unknown as PreviousResult };
  const issue = parsed.error.issues[0];
  return { problem: `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Every `previousYear` benchmark of the scheme, by cohort id and indicator key: k × last year's published
 * benchmark, or k × the mean of last year's published values over the cohort's rated enterprises the
 * indicator applied to, rounded once like any benchmark. Throws PreviousResultNeededError, listing each,
 * when one cannot be worked out.
 */
export function previousBenchmarks(
  scheme: Scheme,
  previous: PreviousResult | undefined,
): Map<string, Map<string, Benchmark>> {
  const found = new Map<string, Map<string, Benchmark>>();
  const issues: SchemeIssue[] = [];
  for (const cohort of scheme.cohorts) {
    for (const indicator of scheme.indicatorSets[cohort.indicators] ?? []) {
      const method = indicator.benchmark;
      if (method.method !== 'previousYear') continue;
      const path = `cohorts.${cohort.id}.${indicator.key}`;
      if (previous === undefined) {
        issues.push({ path, message: '该基准值取自上年评价结果，请提供上年结果 (give last year’s result)' });
        continue;
      }
      const cohortId = method.cohort ?? cohort.id;
      const key = method.indicator ?? indicator.key;
      let figure: Rational | undefined;
      if (method.statistic === 'benchmark') {
        const text = previous.cohorts[cohortId]?.benchmarks[key];
        if (typeof text === 'string') figure = rational(text);
      } else {
        let sum = integer(0);
        let count = 0;
        for (const enterprise of previous.enterprises) {
          if (enterprise.status !== 'rated' || enterprise.cohort !== cohortId) continue;
          const value = enterprise.indicators[key];
          if (value?.applicable !== true || value.value === null) continue;
          sum = add(sum, rational(value.value));
          count++;
        }
        if (count > 0) figure = div(sum, integer(count));
      }
      if (figure === undefined) {
        issues.push({
          path,
          message: `上年结果中没有 ${cohortId} 组 ${key} 的${method.statistic === 'benchmark' ? '基准值' : '指标值'}`,
        });
        continue;
      }
      const scaled = mul(figure, rational(method.multiplier ?? '1'));
      let byKey = found.get(cohort.id);
      if (byKey === undefined) found.set(cohort.id, (byKey = new Map<string, Benchmark>()));
      byKey.set(indicator.key, published(fixedRational(scaled, scheme.rounding.benchmark)));
    }
  }
  if (issues.length > 0) throw new PreviousResultNeededError(issues);
  return found;
}
