import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';
import type { CompiledIndicator, CompiledItem } from './compile.js';
import { declaredHeaders, describeCondition } from './describe.js';
import type { DeclaredHeaders } from './describe.js';
import { formatUnits, quotientString } from './exact.js';
import { figureOf } from './figures.js';
import { capped, itemPointsUnits } from './items.js';
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
import { STATUS } from './run-state.js';
import type { CohortState, RunState } from './run-state.js';
import { cohortWording } from './wording.js';
import type { CohortWording, IndicatorWording } from './wording.js';

const STATUS_NAME: readonly Status[] = ['rated', 'exempt', 'out_of_scope'];
/** Scope rules are tried before cohorts are known: no indicators. */
const NO_INDICATORS: ReadonlyMap<string, Indicator> = new Map();
/** Scores below this many units have their text cached (at most 64 Ki short strings). */
const SCORE_TEXTS = 65_536;

/**
 * The outcome of one grading run. Decisions are held compactly; each enterprise's full result, with its
 * trace, is written when asked for, so a million-enterprise run stays small until it is serialised.
 */
export class Grading {
  readonly #state: RunState;
  #order: Int32Array | undefined;
  #byCode: Map<string, number> | undefined;
  readonly #wordings = new Map<CohortState, CohortWording>();
  readonly #finalDetails: string[] = [];
  readonly #scoreTexts: DecimalString[] = [];
  readonly #fixedPoints = new Map<CompiledItem, DecimalString>();

  readonly #declared: DeclaredHeaders;

  constructor(state: RunState) {
    this.#state = state;
    this.#declared = declaredHeaders(state.compiled.scheme);
  }

  get scheme(): Scheme {
    return this.#state.compiled.scheme;
  }

  get warnings(): readonly string[] {
    return this.#state.warnings;
  }

  get size(): number {
    return this.#state.records.length;
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
    this.#order ??= outputOrder(this.#state);
    for (const i of this.#order) yield this.#result(i);
  }

  result(uscc: string): EnterpriseResult | undefined {
    this.#byCode ??= indexByCode(this.#state.records);
    const i = this.#byCode.get(uscc);
    return i === undefined ? undefined : this.#result(i);
  }

  /**
   * What the run decided for one enterprise, read straight from the run's state: no result, trace or text
   * is written. For callers that grade many changed records and read only the decisions (toNextClass's
   * probes); the same figures `result()` writes out.
   */
  decided(uscc: string): Decided | undefined {
    this.#byCode ??= indexByCode(this.#state.records);
    const i = this.#byCode.get(uscc);
    if (i === undefined) return undefined;
    const state = this.#state;
    const cohort = state.cohorts[state.cohortOf[i] ?? -1];
    if (state.status[i] !== STATUS.rated || cohort === undefined) {
      return { rated: false, cohort: null, totalUnits: 0, finalClass: -1, scores: [], applicable: [] };
    }
    const count = cohort.compiled.indicators.length;
    const at = ((state.rank[i] ?? 1) - 1) * count;
    const scores: number[] = [];
    const applicable: boolean[] = [];
    for (let k = 0; k < count; k++) {
      scores.push(cohort.scores[at + k] ?? 0);
      applicable.push(cohort.applicable[at + k] === 1);
    }
    return {
      rated: true,
      cohort: cohort.compiled.cohort.id,
      totalUnits: state.total[i] ?? 0,
      finalClass: state.finalClass[i] ?? -1,
      scores,
      applicable,
    };
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
    if (status === 'rated' && cohort !== undefined) return this.#rated(i, record, cohort);
    return this.#unrated(i, record, status === 'exempt' ? 'exempt' : 'out_of_scope');
  }

  /** An exempt or out-of-scope enterprise: the scope rule that decided it, and its class (T or none). */
  #unrated(i: number, record: EnterpriseRecord, status: 'exempt' | 'out_of_scope'): EnterpriseResult {
    const { compiled } = this.#state;
    const exempt = status === 'exempt';
    const rule = (exempt ? compiled.exempt : compiled.outOfScope)[this.#state.scopeRule[i] ?? -1];
    const because = rule
      ? `${rule.label}（${describeCondition(rule.when, record, NO_INDICATORS, this.#declared)}）`
      : '';
    const { id, label } = compiled.scheme.exemptClass;
    const finalClass = exempt ? id : null;
    // One literal with every field, in the order of a rated result (spreading a shared part costs more).
    return {
      uscc: record.uscc,
      name: record.name,
      scale: record.scale,
      town: record.town ?? null,
      park: record.park ?? null,
      industryCode: record.industryCode ?? null,
      industryName: record.industryName ?? null,
      status,
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
      finalClassLabel: exempt ? label : null,
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
          detail: exempt ? `${id} 类：${label}` : '不纳入评价，无类别',
        },
      ],
    };
  }

  #rated(i: number, record: EnterpriseRecord, cohort: CohortState): EnterpriseResult {
    const state = this.#state;
    const { classIds, scheme } = state.compiled;
    const definition = cohort.compiled.cohort;
    const wording = this.#wording(cohort);
    const trace: TraceEntry[] = [
      { rule: 'scope', status: 'rated', ruleId: null, detail: '参加评价' },
      { rule: 'cohort', cohort: definition.id, detail: wording.cohortDetail },
    ];
    const { indicators, indicatorSum } = this.#indicators(i, record, cohort, wording, trace);
    const { bonusItems, bonus, penaltyItems, penalty } = this.#bonusAndPenalty(i, record, trace);
    const totalScore = this.#score(state.total[i] ?? 0);
    trace.push({
      rule: 'total',
      totalScore,
      detail: `总分 = 指标得分 ${this.#score(indicatorSum)} + 加分 ${bonus} − 减分 ${penalty} = ${totalScore}`,
    });
    const rank = state.rank[i] ?? 0;
    trace.push({ rule: 'rank', rank, of: cohort.members.length, detail: wording.rankDetail(rank) });
    const bandClass = classIds[state.bandClass[i] ?? 0] ?? '';
    trace.push({ rule: 'band', class: bandClass, detail: wording.bandDetail(rank, totalScore, bandClass) });
    const overrides = this.#overrides(i, record, cohort, [bonusItems, penaltyItems], trace);
    const finalIndex = state.finalClass[i] ?? 0;
    const finalClass = classIds[finalIndex] ?? '';
    const finalClassLabel = scheme.classes[finalIndex]?.label ?? '';
    trace.push({ rule: 'final', class: finalClass, detail: this.#finalDetail(finalIndex) });
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

  /** Every indicator's result, with its trace sentence; the cohort keeps them by rank. */
  #indicators(
    i: number,
    record: EnterpriseRecord,
    cohort: CohortState,
    wording: CohortWording,
    trace: TraceEntry[],
  ): { indicators: Record<string, IndicatorResult>; indicatorSum: number } {
    const indicators: Record<string, IndicatorResult> = {};
    const count = cohort.compiled.indicators.length;
    const at = ((this.#state.rank[i] ?? 1) - 1) * count;
    let indicatorSum = 0;
    for (let k = 0; k < count; k++) {
      const units = cohort.scores[at + k] ?? 0;
      indicatorSum += units;
      const applicable = cohort.applicable[at + k] === 1;
      const { indicator } = cohort.compiled.indicators[k] as CompiledIndicator;
      const words = wording.indicators[k] as IndicatorWording;
      const score = this.#score(units);
      let value: DecimalString | null = null;
      let detail: string;
      if (applicable) {
        const numerator = figureOf(record, indicator.numerator) ?? '';
        const denominator = figureOf(record, indicator.denominator) ?? '';
        value = this.#value(
          numerator,
          denominator,
          indicator.factor,
          cohort.valueUnits[at + k] ?? Number.NaN,
        );
        detail = words.applicable(numerator, denominator, value, score);
      } else {
        detail = words.notApplicable(score);
      }
      indicators[indicator.key] = {
        label: indicator.label,
        unit: indicator.unit,
        value,
        applicable,
        benchmark: cohort.benchmarks[k]?.text ?? null,
        weight: indicator.weight,
        score,
      };
      trace.push({ rule: 'indicator', indicator: indicator.key, applicable, score, detail });
    }
    return { indicators, indicatorSum };
  }

  /** A published value: from the units grading kept, or (NaN) with decimal.js where the estimate could not. */
  #value(
    numerator: DecimalString,
    denominator: DecimalString,
    factor: DecimalString,
    units: number,
  ): DecimalString {
    const dp = this.#state.compiled.scheme.rounding.value;
    return Number.isNaN(units) ? quotientString(numerator, denominator, factor, dp) : formatUnits(units, dp);
  }

  /** The applied bonus and penalty items and their capped totals, with their trace sentences. */
  #bonusAndPenalty(
    i: number,
    record: EnterpriseRecord,
    trace: TraceEntry[],
  ): { bonusItems: ItemResult[]; bonus: DecimalString; penaltyItems: ItemResult[]; penalty: DecimalString } {
    const state = this.#state;
    const { compiled } = state;
    const bonusItems = this.#items(compiled.bonus, state.bonusMask[i] ?? 0, record);
    const penaltyItems = this.#items(compiled.penalty, state.penaltyMask[i] ?? 0, record);
    for (const item of bonusItems) {
      const shift = item.classShift ? `（${item.classShift > 0 ? '提档' : '降档'}）` : '';
      const detail = `${item.label}：加 ${item.points} 分${shift}`;
      trace.push({ rule: 'bonus', item: item.id, points: item.points, detail });
    }
    const bonusRaw = state.bonusRawUnits[i] ?? 0;
    const bonusUnits = capped(bonusRaw, compiled.bonusCapUnits);
    const bonus = this.#score(bonusUnits);
    if (bonusRaw !== bonusUnits) {
      const detail = `加分合计 ${this.#score(bonusRaw)} 超过上限，按 ${bonus} 分计`;
      trace.push({ rule: 'bonusCap', cap: bonus, detail });
    }
    for (const item of penaltyItems) {
      const detail = `${item.label}：减 ${item.points} 分`;
      trace.push({ rule: 'penalty', item: item.id, points: item.points, detail });
    }
    const penaltyRaw = state.penaltyRawUnits[i] ?? 0;
    const penaltyUnits = capped(penaltyRaw, compiled.penaltyCapUnits);
    const penalty = this.#score(penaltyUnits);
    if (penaltyRaw !== penaltyUnits) {
      const detail = `减分合计 ${this.#score(penaltyRaw)} 超过上限，按 ${penalty} 分计`;
      trace.push({ rule: 'penaltyCap', cap: penalty, detail });
    }
    return { bonusItems, bonus, penaltyItems, penalty };
  }

  /** Each override step that changed the class, with why (for an item shift: the applied items that shift). */
  #overrides(
    i: number,
    record: EnterpriseRecord,
    cohort: CohortState,
    applied: readonly (readonly ItemResult[])[],
    trace: TraceEntry[],
  ): OverrideResult[] {
    const { classIds, scheme } = this.#state.compiled;
    const changes = this.#state.overrides.get(i);
    if (changes === undefined) return [];
    return changes.map((change) => {
      const step = scheme.overrides[change.step];
      const from = classIds[change.from] ?? '';
      const to = classIds[change.to] ?? '';
      const reason =
        step === undefined
          ? ''
          : 'when' in step
            ? describeCondition(step.when, record, cohort.compiled.indicatorMap, this.#declared)
            : applied
                .flat()
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
  }

  /** The cohort's fixed wording, put together on first use. */
  #wording(cohort: CohortState): CohortWording {
    let wording = this.#wordings.get(cohort);
    if (wording === undefined) {
      wording = cohortWording(this.#state.compiled.scheme, cohort);
      this.#wordings.set(cohort, wording);
    }
    return wording;
  }

  /** A score (units of 10^-dp) as text; the small non-negative ones, which recur, are written once. */
  #score(units: number): DecimalString {
    if (!(units >= 0 && units < SCORE_TEXTS)) return formatUnits(units, this.#state.compiled.scoreDp);
    return (this.#scoreTexts[units] ??= formatUnits(units, this.#state.compiled.scoreDp));
  }

  #finalDetail(classIndex: number): string {
    const { classIds, scheme } = this.#state.compiled;
    return (this.#finalDetails[classIndex] ??=
      `最终类别 ${classIds[classIndex] ?? ''} 类：${scheme.classes[classIndex]?.label ?? ''}`);
  }

  /** The applied items (bits of `mask`) as results; fixed points are written once per item. */
  #items(items: readonly CompiledItem[], mask: number, record: EnterpriseRecord): ItemResult[] {
    const results: ItemResult[] = [];
    if (mask === 0) return results;
    const dp = this.#state.compiled.scoreDp;
    for (const compiled of items) {
      if ((mask & (1 << compiled.bit)) === 0) continue;
      const { id, label, classShift } = compiled.item;
      let points = this.#fixedPoints.get(compiled);
      if (points === undefined) {
        points = formatUnits(itemPointsUnits(compiled, record, dp), dp);
        if (compiled.fixedUnits !== null) this.#fixedPoints.set(compiled, points);
      }
      results.push(classShift === undefined ? { id, label, points } : { id, label, points, classShift });
    }
    return results;
  }
}

/** One enterprise's decisions as a run holds them (Grading.decided). */
export interface Decided {
  readonly rated: boolean;
  /** The cohort's id (rated only, else null). */
  readonly cohort: string | null;
  /** The total in score units (10^-dp; 0 unless rated). */
  readonly totalUnits: number;
  /** The final class as an index into the scheme's classes (0 = best; -1 unless rated). */
  readonly finalClass: number;
  /** By the cohort's indicators in the scheme's order: score units, and whether each applies. */
  readonly scores: readonly number[];
  readonly applicable: readonly boolean[];
}

/** Record indices in output order: each cohort by rank, then the exempt, then the out-of-scope, by code. */
function outputOrder(state: RunState): Int32Array {
  const { records, status } = state;
  const order = new Int32Array(records.length);
  let next = 0;
  for (const cohort of state.cohorts) {
    order.set(cohort.members, next);
    next += cohort.members.length;
  }
  for (const wanted of [STATUS.exempt, STATUS.outOfScope]) {
    const group: number[] = [];
    for (let i = 0; i < status.length; i++) if (status[i] === wanted) group.push(i);
    group.sort((a, b) => compareCodes(records[a]?.uscc ?? '', records[b]?.uscc ?? ''));
    order.set(group, next);
    next += group.length;
  }
  return order;
}

/** Record index by code (codes are unique once graded). */
function indexByCode(records: readonly EnterpriseRecord[]): Map<string, number> {
  const byCode = new Map<string, number>();
  for (let i = 0; i < records.length; i++) byCode.set((records[i] as EnterpriseRecord).uscc, i);
  return byCode;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
