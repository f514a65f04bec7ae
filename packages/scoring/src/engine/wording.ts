import type { DecimalString } from '../decimal/decimal.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';
import { declaredHeaders, headerOf } from './describe.js';
import type { DeclaredHeaders } from './describe.js';
import type { CohortState } from './run-state.js';

/**
 * The trace's sentences for one cohort, with every part that is the same for all its members (labels,
 * headers, benchmarks, band limits) put together once; a member's result only fills in its own figures.
 */
export interface CohortWording {
  readonly cohortDetail: string;
  readonly indicators: readonly IndicatorWording[];
  rankDetail(rank: number): string;
  bandDetail(rank: number, total: DecimalString, band: string): string;
}

export interface IndicatorWording {
  /** Why a member the indicator does not apply to scores what it scores. */
  notApplicable(score: DecimalString): string;
  /** The value's formula with the member's figures, then the score's. */
  applicable(
    numerator: DecimalString,
    denominator: DecimalString,
    value: DecimalString,
    score: DecimalString,
  ): string;
}

export function cohortWording(scheme: Scheme, cohort: CohortState): CohortWording {
  const { label } = cohort.compiled.cohort;
  const size = cohort.members.length;
  const rankPrefix = `本组 ${size} 家参评企业中排第 `;
  const byRank = bandsWording(scheme, cohort);
  const byScore = thresholdsWording(cohort);
  const declared = declaredHeaders(scheme);
  return {
    cohortDetail: `按「${label}」评价`,
    indicators: cohort.compiled.indicators.map(({ indicator }, k) =>
      indicatorWording(indicator, cohort.benchmarks[k]?.text ?? null, declared),
    ),
    rankDetail: (rank) => `${rankPrefix}${rank} 名`,
    bandDetail: (rank, total, band) => {
      const parts: string[] = [];
      if (byRank !== null) parts.push(`第 ${rank} 名${byRank}`);
      if (byScore !== null) parts.push(`总分 ${total}${byScore}`);
      return `${parts.join('；')}，按名次和分数取 ${band} 类`;
    },
  };
}

/** `（A 类 floor(0.20 × n) = 前 k 名，…，其余为 D 类）`, or null without bands. */
function bandsWording(scheme: Scheme, cohort: CohortState): string | null {
  const { bands } = cohort.compiled.cohort.classification;
  if (!bands) return null;
  const size = cohort.members.length;
  const limits = bands.map(
    (b, c) =>
      `${b.class} 类 ${b.rounding ?? 'floor'}(${b.cumulativeShare} × ${size}) = 前 ${cohort.bandLimits[c] ?? 0} 名`,
  );
  return `（${limits.join('，')}，其余为 ${scheme.classes.at(-1)?.id ?? ''} 类）`;
}

/** `（A 类 ≥ 90 分，…）`, or null without thresholds. */
function thresholdsWording(cohort: CohortState): string | null {
  const { thresholds } = cohort.compiled.cohort.classification;
  if (!thresholds) return null;
  return `（${thresholds.map((t) => `${t.class} 类 ≥ ${t.minScore} 分`).join('，')}）`;
}

function indicatorWording(
  indicator: Indicator,
  benchmark: DecimalString | null,
  declared: DeclaredHeaders,
): IndicatorWording {
  const why = `${indicator.label}不适用（${headerOf(indicator.denominator, declared)}为空或 0）`;
  const missing = indicator.notApplicable.method;
  const factor = indicator.factor === '1' ? '' : ` × ${indicator.factor}`;
  const head = `${indicator.label} = ${headerOf(indicator.numerator, declared)} `;
  const middle = `${factor} / ${headerOf(indicator.denominator, declared)} `;
  // A ratio without a unit (R&D 占比) ends at its value: no space before the full stop.
  const tail = indicator.unit === '' ? '；' : ` ${indicator.unit}；`;
  const scoreText = scoreWording(indicator, benchmark);
  return {
    notApplicable: (score) =>
      missing === 'cohortMean'
        ? `${why}，按本组适用企业该项平均得分计 ${score} 分`
        : missing === 'zero'
          ? `${why}，记 0 分`
          : `${why}，按办法记 ${score} 分`,
    applicable: (numerator, denominator, value, score) =>
      `${head}${numerator}${middle}${denominator} = ${value}${tail}${scoreText(value, score)}`,
  };
}

/** How the score follows from the value: the ratio to the benchmark, the min–max formula, or why 0. */
function scoreWording(
  indicator: Indicator,
  benchmark: DecimalString | null,
): (value: DecimalString, score: DecimalString) => string {
  const { scoring, weight } = indicator;
  if (scoring.method === 'minMax') {
    const position = indicator.direction === 'higher' ? '(x − 最小值)' : '(最大值 − x)';
    const formula = `得分 = ${weight} × [${scoring.floor} + (100 − ${scoring.floor}) × ${position} / (最大值 − 最小值)] / 100 = `;
    return (_value, score) => formula + score;
  }
  if (benchmark === null) return (_value, score) => `本组无适用企业，无基准值，记 ${score} 分`;
  if (benchmark.startsWith('-') || !/[1-9]/.test(benchmark)) {
    return (_value, score) => `基准值 ${benchmark} ≤ 0，记 ${score} 分`;
  }
  // The floor is 0 unless the scheme names another or none (a net refund then scores negative).
  const floor = scoring.floor === undefined ? '0' : scoring.floor;
  const [open, close] =
    floor === null
      ? scoring.cap === null
        ? ['(', ')']
        : ['min(', `, ${scoring.cap})`]
      : scoring.cap === null
        ? ['max(', `, ${floor})`]
        : ['min(max(', `, ${floor}), ${scoring.cap})`];
  const start = `基准值 ${benchmark}；得分 = ${weight} × ${open}`;
  if (indicator.direction === 'higher') {
    const end = ` / ${benchmark}${close} = `;
    return (value, score) => `${start}${value}${end}${score}`;
  }
  const before = `${start}${benchmark} / `;
  const end = `${close} = `;
  return (value, score) => `${before}${value}${end}${score}`;
}
