import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';
import type { CompiledItem } from './compile.js';
import { figureOf } from './conditions.js';
import { describeCondition, headerOf } from './describe.js';
import { formatUnits, quotientString } from './exact.js';
import type { CohortState, RunState } from './grade.js';
import { STATUS } from './grade.js';
import { itemPointsUnits } from './items.js';
import type {
  CohortSummary,
  EnterpriseResult,
  GradeReport,
  IndicatorResult,
  ItemResult,
  OverrideResult,
  Status,
  TraceEntry,
} from './result.js';

const STATUS_NAME: readonly Status[] = ['rated', 'exempt', 'out_of_scope'];

/**
 * The outcome of one grading run. Decisions are held compactly; each enterprise's full result, with its
 * trace, is written when asked for, so a million-enterprise run stays small until it is serialised.
 */
export class Grading {
  readonly #state: RunState;
  readonly #order: readonly number[];

  constructor(state: RunState) {
    this.#state = state;
    this.#order = outputOrder(state);
  }

  get scheme(): Scheme {
    return this.#state.compiled.scheme;
  }

  get warnings(): readonly string[] {
    return this.#state.warnings;
  }

  get size(): number {
    return this.#order.length;
  }

  counts(): GradeReport['counts'] {
    const counts = { rated: 0, exempt: 0, outOfScope: 0 };
    for (const status of this.#state.status) {
      if (status === STATUS.rated) counts.rated++;
      else if (status === STATUS.exempt) counts.exempt++;
      else counts.outOfScope++;
    }
    return counts;
  }

  cohorts(): Record<string, CohortSummary> {
    const { compiled } = this.#state;
    const summaries: Record<string, CohortSummary> = {};
    for (const cohort of this.#state.cohorts) {
      const bandCounts = Object.fromEntries(compiled.classIds.map((id) => [id, 0]));
      const finalCounts = Object.fromEntries(compiled.classIds.map((id) => [id, 0]));
      for (const i of cohort.members) {
        const band = compiled.classIds[this.#state.bandClass[i] ?? 0] ?? '';
        const final = compiled.classIds[this.#state.finalClass[i] ?? 0] ?? '';
        bandCounts[band] = (bandCounts[band] ?? 0) + 1;
        finalCounts[final] = (finalCounts[final] ?? 0) + 1;
      }
      const { cohort: definition, indicators } = cohort.compiled;
      summaries[definition.id] = {
        id: definition.id,
        label: definition.label,
        rated: cohort.members.length,
        benchmarks: Object.fromEntries(
          indicators.map((indicator, k) => [indicator.indicator.key, cohort.benchmarks[k]?.text ?? null]),
        ),
        bandLimits: Object.fromEntries(
          cohort.bandLimits.map((limit, c) => [compiled.classIds[c] ?? '', limit]),
        ),
        bandCounts,
        finalCounts,
      };
    }
    return summaries;
  }

  /** Every enterprise: each cohort by rank, then the exempt, then the out-of-scope, each by code. */
  *results(): Generator<EnterpriseResult> {
    for (const i of this.#order) yield this.#result(i);
  }

  result(uscc: string): EnterpriseResult | undefined {
    const i = this.#state.records.findIndex((record) => record.uscc === uscc);
    return i < 0 ? undefined : this.#result(i);
  }

  /** The whole run as one object (the JSON contract of `mujun grade`). */
  report(): GradeReport {
    return {
      scheme: { id: this.scheme.id, name: this.scheme.name },
      warnings: this.warnings,
      counts: this.counts(),
      cohorts: this.cohorts(),
      enterprises: [...this.results()],
    };
  }

  #result(i: number): EnterpriseResult {
    const state = this.#state;
    const record = state.records[i] as EnterpriseRecord;
    const status = STATUS_NAME[state.status[i] ?? 0] ?? 'rated';
    const cohort = state.cohorts[state.cohortOf[i] ?? -1];
    if (status !== 'rated' || cohort === undefined) {
      const base = {
        uscc: record.uscc,
        name: record.name,
        scale: record.scale,
        town: record.town ?? null,
        park: record.park ?? null,
        industryCode: record.industryCode ?? null,
        industryName: record.industryName ?? null,
        status,
      };
      const rules = status === 'exempt' ? state.compiled.exempt : state.compiled.outOfScope;
      const rule = rules[state.scopeRule[i] ?? -1]?.rule;
      const because = rule ? `${rule.label}（${describeCondition(rule.when, record, new Map())}）` : '';
      const exempt = status === 'exempt';
      const finalClass = exempt ? state.compiled.scheme.exemptClass.id : null;
      return {
        ...base,
        cohort: null,
        indicators: {},
        bonusItems: [],
        bonus: null,
        penaltyItems: [],
        penalty: null,
        totalScore: null,
        rank: null,
        bandClass: null,
        finalClass,
        finalClassLabel: exempt ? state.compiled.scheme.exemptClass.label : null,
        overrides: [],
        trace: [
          {
            rule: 'scope',
            status,
            ruleId: rule?.id ?? null,
            detail: exempt ? `${because}，暂不评价` : `${because}，不纳入评价`,
          },
          {
            rule: 'final',
            class: finalClass,
            detail: exempt
              ? `${finalClass ?? ''} 类：${state.compiled.scheme.exemptClass.label}`
              : '不纳入评价，无类别',
          },
        ],
      };
    }
    return this.#rated(i, record, cohort);
  }

  #rated(i: number, record: EnterpriseRecord, cohort: CohortState): EnterpriseResult {
    const state = this.#state;
    const { compiled } = state;
    const dp = compiled.scoreDp;
    const { rounding } = compiled.scheme;
    const slot = state.slot[i] ?? 0;
    const definition = cohort.compiled.cohort;
    const trace: TraceEntry[] = [
      { rule: 'scope', status: 'rated', ruleId: null, detail: '参加评价' },
      { rule: 'cohort', cohort: definition.id, detail: `按「${definition.label}」评价` },
    ];
    const indicators: Record<string, IndicatorResult> = {};
    let indicatorSum = 0;
    cohort.compiled.indicators.forEach((compiledIndicator, k) => {
      const indicator = compiledIndicator.indicator;
      const applicable = cohort.applicable[k]?.[slot] === 1;
      const units = cohort.scores[k]?.[slot] ?? 0;
      indicatorSum += units;
      const score = formatUnits(units, dp);
      const benchmark = cohort.benchmarks[k]?.text ?? null;
      const numerator = figureOf(record, indicator.numerator) ?? '';
      const denominator = figureOf(record, indicator.denominator) ?? '';
      const value = applicable
        ? quotientString(numerator, denominator, indicator.factor, rounding.value)
        : null;
      indicators[indicator.key] = {
        label: indicator.label,
        unit: indicator.unit,
        value,
        applicable,
        benchmark,
        weight: indicator.weight,
        score,
      };
      const factor = indicator.factor === '1' ? '' : ` × ${indicator.factor}`;
      let detail: string;
      if (!applicable) {
        const missing = indicator.notApplicable;
        const why = `${indicator.label}不适用（${headerOf(indicator.denominator)}为空或 0）`;
        detail =
          missing.method === 'cohortMean'
            ? `${why}，按本组适用企业该项平均得分计 ${score} 分`
            : missing.method === 'zero'
              ? `${why}，记 0 分`
              : `${why}，按办法记 ${score} 分`;
      } else {
        const formula = `${indicator.label} = ${headerOf(indicator.numerator)} ${numerator}${factor} / ${headerOf(indicator.denominator)} ${denominator} = ${value ?? ''} ${indicator.unit}`;
        detail = `${formula}；${scoreFormula(compiledIndicator.indicator, value ?? '', benchmark, score)}`;
      }
      trace.push({ rule: 'indicator', indicator: indicator.key, applicable, score, detail });
    });

    const bonusItems = this.#items(compiled.bonus, state.bonusMask[i] ?? 0, record);
    const penaltyItems = this.#items(compiled.penalty, state.penaltyMask[i] ?? 0, record);
    for (const item of bonusItems) {
      const shift = item.classShift ? `（${item.classShift > 0 ? '提档' : '降档'}）` : '';
      trace.push({
        rule: 'bonus',
        item: item.id,
        points: item.points,
        detail: `${item.label}：加 ${item.points} 分${shift}`,
      });
    }
    const bonus = formatUnits(state.bonusUnits[i] ?? 0, dp);
    if ((state.bonusRawUnits[i] ?? 0) !== (state.bonusUnits[i] ?? 0)) {
      const raw = formatUnits(state.bonusRawUnits[i] ?? 0, dp);
      trace.push({ rule: 'bonusCap', cap: bonus, detail: `加分合计 ${raw} 超过上限，按 ${bonus} 分计` });
    }
    for (const item of penaltyItems) {
      trace.push({
        rule: 'penalty',
        item: item.id,
        points: item.points,
        detail: `${item.label}：减 ${item.points} 分`,
      });
    }
    const penalty = formatUnits(state.penaltyUnits[i] ?? 0, dp);
    if ((state.penaltyRawUnits[i] ?? 0) !== (state.penaltyUnits[i] ?? 0)) {
      const raw = formatUnits(state.penaltyRawUnits[i] ?? 0, dp);
      trace.push({
        rule: 'penaltyCap',
        cap: penalty,
        detail: `减分合计 ${raw} 超过上限，按 ${penalty} 分计`,
      });
    }
    const totalScore = formatUnits(state.total[i] ?? 0, dp);
    trace.push({
      rule: 'total',
      totalScore,
      detail: `总分 = 指标得分 ${formatUnits(indicatorSum, dp)} + 加分 ${bonus} − 减分 ${penalty} = ${totalScore}`,
    });
    const rank = state.rank[i] ?? 0;
    const size = cohort.members.length;
    trace.push({ rule: 'rank', rank, of: size, detail: `本组 ${size} 家参评企业中排第 ${rank} 名` });
    const classIds = compiled.classIds;
    const bandClass = classIds[state.bandClass[i] ?? 0] ?? '';
    trace.push({
      rule: 'band',
      class: bandClass,
      detail: bandDetail(compiled.scheme, cohort, rank, totalScore, bandClass),
    });

    const overrides: OverrideResult[] = (state.overrides.get(i) ?? []).map((change) => {
      const step = compiled.scheme.overrides[change.step];
      const from = classIds[change.from] ?? '';
      const to = classIds[change.to] ?? '';
      const reason =
        step === undefined
          ? ''
          : 'when' in step
            ? describeCondition(step.when, record, cohort.compiled.indicatorMap)
            : [...bonusItems, ...penaltyItems]
                .filter((item) => item.classShift)
                .map((item) => item.label)
                .join('、');
      const label = step?.label ?? '';
      trace.push({
        rule: 'override',
        step: step?.id ?? '',
        from,
        to,
        detail: `${label}：${reason}，${from} → ${to}`,
      });
      return { step: step?.id ?? '', label, from, to, reason };
    });
    const finalIndex = state.finalClass[i] ?? 0;
    const finalClass = classIds[finalIndex] ?? '';
    const finalClassLabel = compiled.scheme.classes[finalIndex]?.label ?? '';
    trace.push({ rule: 'final', class: finalClass, detail: `最终类别 ${finalClass} 类：${finalClassLabel}` });
    // One literal with every field: spreading two objects together costs more than the rest of a result.
    return {
      uscc: record.uscc,
      name: record.name,
      scale: record.scale,
      town: record.town ?? null,
      park: record.park ?? null,
      industryCode: record.industryCode ?? null,
      industryName: record.industryName ?? null,
      status: 'rated',
      cohort: definition.id,
      indicators,
      bonusItems,
      bonus,
      penaltyItems,
      penalty,
      totalScore,
      rank,
      bandClass,
      finalClass,
      finalClassLabel,
      overrides,
      trace,
    };
  }

  #items(items: readonly CompiledItem[], mask: number, record: EnterpriseRecord): ItemResult[] {
    const dp = this.#state.compiled.scoreDp;
    return items
      .filter((item) => (mask & (1 << item.bit)) !== 0)
      .map(({ item }) => ({
        id: item.id,
        label: item.label,
        points: formatUnits(itemPointsUnits(item, record, dp), dp),
        ...(item.classShift === undefined ? {} : { classShift: item.classShift }),
      }));
  }
}

function outputOrder(state: RunState): number[] {
  const ranked = state.cohorts.flatMap((cohort) => Array.from(cohort.members));
  const byCode = (status: number): number[] =>
    Array.from(state.status.keys())
      .filter((i) => state.status[i] === status)
      .sort((a, b) => compareCodes(state.records[a]?.uscc ?? '', state.records[b]?.uscc ?? ''));
  return [...ranked, ...byCode(STATUS.exempt), ...byCode(STATUS.outOfScope)];
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function scoreFormula(
  indicator: Indicator,
  value: DecimalString,
  benchmark: DecimalString | null,
  score: DecimalString,
): string {
  const scoring = indicator.scoring;
  if (scoring.method === 'minMax') {
    const position = indicator.direction === 'higher' ? '(x − 最小值)' : '(最大值 − x)';
    return `得分 = ${indicator.weight} × [${scoring.floor} + (100 − ${scoring.floor}) × ${position} / (最大值 − 最小值)] / 100 = ${score}`;
  }
  if (benchmark === null) return `本组无适用企业，无基准值，记 ${score} 分`;
  if (!benchmark.startsWith('-') && /[1-9]/.test(benchmark)) {
    const ratio = indicator.direction === 'higher' ? `${value} / ${benchmark}` : `${benchmark} / ${value}`;
    const capped = scoring.cap === null ? `max(${ratio}, 0)` : `min(max(${ratio}, 0), ${scoring.cap})`;
    return `基准值 ${benchmark}；得分 = ${indicator.weight} × ${capped} = ${score}`;
  }
  return `基准值 ${benchmark} ≤ 0，记 ${score} 分`;
}

function bandDetail(
  scheme: Scheme,
  cohort: CohortState,
  rank: number,
  total: DecimalString,
  band: string,
): string {
  const parts: string[] = [];
  const { bands, thresholds } = cohort.compiled.cohort.classification;
  const size = cohort.members.length;
  if (bands) {
    const limits = bands.map(
      (b, c) => `${b.class} 类 floor(${b.cumulativeShare} × ${size}) = 前 ${cohort.bandLimits[c] ?? 0} 名`,
    );
    parts.push(`第 ${rank} 名（${limits.join('，')}，其余为 ${scheme.classes.at(-1)?.id ?? ''} 类）`);
  }
  if (thresholds) {
    const limits = thresholds.map((t) => `${t.class} 类 ≥ ${t.minScore} 分`);
    parts.push(`总分 ${total}（${limits.join('，')}）`);
  }
  return `${parts.join('；')}，按名次和分数取 ${band} 类`;
}
