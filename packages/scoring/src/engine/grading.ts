import type { DecimalString } from '../decimal/decimal.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator, OverrideStep, Scheme, ScopeRule } from '../scheme/scheme.js';
import type { CompiledIndicator, CompiledItem } from './compile.js';
import { declaredHeaders, describeCondition } from './describe.js';
import type { DeclaredHeaders } from './describe.js';
import type { Benchmark } from './benchmark.js';
import { formatUnits, quotientString } from './exact.js';
import { fixedTemplate, joined, JsonBytes, jsonBytes, slot, template } from './json-bytes.js';
import type { Template } from './json-bytes.js';
import { figureOf } from './figures.js';
import { countClasses } from './classes.js';
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
import type { OverrideChange } from './overrides.js';
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
  #cohorts: Record<string, CohortSummary> | undefined;
  readonly #wordings = new Map<CohortState, CohortWording>();
  readonly #finalDetails: string[] = [];
  readonly #scoreTexts: DecimalString[] = [];
  readonly #fixedPoints = new Map<CompiledItem, DecimalString>();
  readonly #cohortTemplates = new Map<CohortState, CohortTemplates | undefined>();
  /** The items' JSON by both masks (itemsKey), for masks with at most one item counted per record. */
  readonly #itemsJson = new Map<number, ItemsJson[]>();
  /** Override templates by change (#overrideTemplates): undefined where they did not check out. */
  readonly #overrideTemplateCache = new Map<number, OverrideTemplates | undefined>();
  /** Reused: the record being written's override reasons and their templates (#overrideReasons). */
  readonly #reasons: Uint8Array[] = [];
  readonly #changeTemplates: OverrideTemplates[] = [];
  /** Unrated results' JSON after the identity, by scope rule (#unratedTemplate). */
  readonly #exemptTemplates = new Map<ScopeRule | null, Template | undefined>();
  readonly #outOfScopeTemplates = new Map<ScopeRule | null, Template | undefined>();

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

  /**
   * Each cohort's benchmarks, band limits and class counts: counted once (a run's decisions never change
   * after grading) and shared by every caller, so a report's head and a summary line cost one count.
   */
  cohorts(): Record<string, CohortSummary> {
    this.#cohorts ??= this.#countCohorts();
    return this.#cohorts;
  }

  #countCohorts(): Record<string, CohortSummary> {
    const { compiled, bandClass, finalClass } = this.#state;
    const { classIds } = compiled;
    const summaries: Record<string, CohortSummary> = {};
    for (const cohort of this.#state.cohorts) {
      // Counted by class index in one small loop each, the objects built once.
      const { members } = cohort;
      const bands = countClasses(members, bandClass, classIds.length);
      const finals = countClasses(members, finalClass, classIds.length);
      const countsOf = (counts: Int32Array): Record<string, number> =>
        Object.fromEntries(classIds.map((id, c) => [id, counts[c] as number]));
      const { cohort: definition, indicators } = cohort.compiled;
      summaries[definition.id] = {
        id: definition.id,
        label: definition.label,
        rated: members.length,
        benchmarks: Object.fromEntries(
          indicators.map((indicator, k) => [indicator.indicator.key, cohort.benchmarks[k]?.text ?? null]),
        ),
        bandLimits: Object.fromEntries(cohort.bandLimits.map((limit, c) => [classIds[c] ?? '', limit])),
        bandCounts: countsOf(bands),
        finalCounts: countsOf(finals),
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

  /**
   * Every result of `results()`, in its order, as the UTF-8 bytes of its `JSON.stringify`, the results
   * joined by `separator`: the result JSON of a large run without building each result as objects and
   * strings first (at 100,000 enterprises those cost three times the grading). `write` is handed a
   * reused buffer of whole characters (not always whole results): it must use the bytes before it
   * returns. Byte for byte the same as encoding `JSON.stringify` of each result.
   */
  writeResultsJson(write: (chunk: Uint8Array) => void, separator = ',\n'): void {
    this.#order ??= outputOrder(this.#state);
    const out = new JsonBytes(write);
    const between = jsonBytes(separator);
    const state = this.#state;
    // By cohort index, and which records have override steps (2: steps whose templates did not check
    // out, written through JSON.stringify): looked up once, not per result.
    const templatesOf = state.cohorts.map((cohort) => this.#templates(cohort));
    const overridden = new Uint8Array(state.records.length);
    for (const i of state.overrides.keys()) overridden[i] = this.#overridesTemplated(i) ? 1 : 2;
    const order = this.#order;
    // Counted, not iterated: a typed array's iterator allocates until the loop is optimised.
    for (let n = 0; n < order.length; n++) {
      const i = order[n] as number;
      if (n > 0) out.bytes(between);
      const c = state.cohortOf[i] ?? -1;
      const templates = c < 0 ? undefined : templatesOf[c];
      if (state.status[i] === STATUS.rated && templates !== undefined && overridden[i] !== 2) {
        const cohort = state.cohorts[c] as CohortState;
        const record = state.records[i] as EnterpriseRecord;
        this.#writeRated(out, i, record, cohort, templates, overridden[i] === 1);
      } else if (state.status[i] === STATUS.exempt) this.#writeUnrated(out, i, 'exempt');
      else if (state.status[i] === STATUS.outOfScope) this.#writeUnrated(out, i, 'out_of_scope');
      else out.json(JSON.stringify(this.#result(i)));
    }
    out.flush();
  }

  /** One rated result's JSON, the same fields in the same order as #rated writes them. */
  #writeRated(
    out: JsonBytes,
    i: number,
    record: EnterpriseRecord,
    cohort: CohortState,
    templates: CohortTemplates,
    overridden: boolean,
  ): void {
    const state = this.#state;
    writeIdentity(out, record);
    const count = cohort.compiled.indicators.length;
    const at = ((state.rank[i] ?? 1) - 1) * count;
    // Indicator k's figures go to slots k * SLOTS_EACH + NUMERATOR … SCORE (those not applicable use
    // only the score); which indicators apply picks the joined templates.
    const values = templates.values;
    let indicatorSum = 0;
    let applies = 0;
    for (let k = 0; k < count; k++) {
      const units = cohort.scores[at + k] ?? 0;
      indicatorSum += units;
      const base = k * SLOTS_EACH;
      values[base + SCORE] = this.#score(units);
      if (cohort.applicable[at + k] !== 1) continue;
      applies |= 1 << k;
      const { indicator } = cohort.compiled.indicators[k] as CompiledIndicator;
      const numerator = figureOf(record, indicator.numerator) ?? '';
      const denominator = figureOf(record, indicator.denominator) ?? '';
      values[base + NUMERATOR] = numerator;
      values[base + DENOMINATOR] = denominator;
      // Units the fill writes as digits, or (NaN) decimal.js's text, as #value gives them.
      const valueUnits = cohort.valueUnits[at + k] ?? Number.NaN;
      values[base + VALUE] = Number.isNaN(valueUnits)
        ? this.#value(numerator, denominator, indicator.factor, valueUnits)
        : valueUnits;
    }
    const joinedTemplates = templates.byApplying.get(applies) ?? templates.join(applies);
    out.fill(joinedTemplates.indicators, values, templates.dps);
    // Items and caps are written by the same code as results() (few results have many); overrides by
    // templates, their reasons by the same code.
    const items = this.#itemsJsonOf(i, record);
    const changes = overridden ? this.#overrideReasons(i, record, cohort, items) : 0;
    const totalScore = this.#score(state.total[i] ?? 0);
    const rank = state.rank[i] ?? 0;
    const bandIndex = state.bandClass[i] ?? 0;
    const finalIndex = state.finalClass[i] ?? 0;
    const classes = (bandIndex * templates.classCount + finalIndex) * 2 + (overridden ? 1 : 0);
    const sums = templates.sums;
    sums[SUM] = this.#score(indicatorSum);
    sums[BONUS_SUM] = items.bonus;
    sums[PENALTY_SUM] = items.penalty;
    sums[TOTAL] = totalScore;
    sums[RANK_SLOT] = rank;
    out.bytes(items.fields);
    out.fill(templates.middle[classes] as Template, sums, COUNTS);
    if (overridden) writeOverrides(out, this.#changeTemplates, this.#reasons, changes);
    out.fill(joinedTemplates.entries, values, templates.dps);
    out.bytes(items.entries);
    out.fill(templates.ending[classes] as Template, sums, COUNTS);
    if (overridden) {
      writeOverrideEntries(out, this.#changeTemplates, this.#reasons, changes);
      out.bytes(templates.final[finalIndex] as Uint8Array);
    }
  }

  /**
   * Record i's bonus and penalty fields and trace entries as JSON: written by #bonusAndPenalty and
   * JSON.stringify, and kept for the next record with the same items and points. Items' labels are fixed,
   * so their JSON depends only on the masks and each applied item's points: kept when at most one applied
   * item counts its points per record (the sublet tenants' penalty), those points being part of the key
   * (the raw sums are checked all the same).
   */
  #itemsJsonOf(i: number, record: EnterpriseRecord): ItemsJson {
    const state = this.#state;
    const bonusMask = state.bonusMask[i] ?? 0;
    const penaltyMask = state.penaltyMask[i] ?? 0;
    const bonusRaw = state.bonusRawUnits[i] ?? 0;
    const penaltyRaw = state.penaltyRawUnits[i] ?? 0;
    const { compiled } = state;
    const key = itemsKey(compiled.bonus.length, bonusMask, compiled.penalty.length, penaltyMask);
    const counted = key === null ? null : countedPoints(compiled, bonusMask, penaltyMask, record);
    const kept = counted === null ? undefined : this.#itemsJson.get(key as number);
    if (kept !== undefined) {
      for (const made of kept) {
        if (made.counted === counted && made.bonusRaw === bonusRaw && made.penaltyRaw === penaltyRaw) {
          return made;
        }
      }
    }
    const before: TraceEntry[] = [];
    const applied = this.#bonusAndPenalty(i, record, before);
    const made: ItemsJson = {
      counted: counted ?? Number.NaN,
      bonusRaw,
      penaltyRaw,
      bonusItems: applied.bonusItems,
      penaltyItems: applied.penaltyItems,
      bonus: applied.bonus,
      penalty: applied.penalty,
      fields: jsonBytes(
        `},"bonusItems":${applied.bonusItems.length === 0 ? '[]' : JSON.stringify(applied.bonusItems)}` +
          `,"bonus":${JSON.stringify(applied.bonus)}` +
          `,"penaltyItems":${applied.penaltyItems.length === 0 ? '[]' : JSON.stringify(applied.penaltyItems)}` +
          `,"penalty":${JSON.stringify(applied.penalty)}`,
      ),
      entries: jsonBytes(before.map((entry) => `,${JSON.stringify(entry)}`).join('')),
      shiftReason: shiftReason([applied.bonusItems, applied.penaltyItems]),
    };
    if (counted !== null) {
      const list = this.#itemsJson.get(key as number);
      if (list === undefined) this.#itemsJson.set(key as number, [made]);
      else list.push(made);
    }
    return made;
  }

  /**
   * The reasons of record i's overrides, in `reasons` (reused), and their templates by change (as
   * #overrideTemplates): the field's and the trace's JSON are each these filled with their reason.
   * A reason is JSON-escaped and encoded here, once for both: it is a sentence joined from parts (a cons
   * string), which the fill's character loops must never see: given one, their charCodeAt turned generic
   * for every figure after it, and the result JSON took 40% longer to write (545 against 378 ms, warm).
   */
  #overrideReasons(i: number, record: EnterpriseRecord, cohort: CohortState, items: ItemsJson): number {
    const changes = this.#state.overrides.get(i) ?? [];
    const { scheme } = this.#state.compiled;
    const reasons = this.#reasons;
    const templates = this.#changeTemplates;
    for (let c = 0; c < changes.length; c++) {
      const change = changes[c] as OverrideChange;
      const reason = this.#overrideReason(
        scheme.overrides[change.step],
        record,
        cohort,
        () => items.shiftReason,
      );
      reasons[c] = jsonBytes(JSON.stringify(reason).slice(1, -1));
      templates[c] = this.#overrideTemplates(change) as OverrideTemplates;
    }
    return changes.length;
  }

  /**
   * The templates of one change (its step, from and to), its reason a slot; undefined if filling them
   * does not give back the shapes' JSON (a scheme text with a slot's character), and such a record is
   * then written through JSON.stringify.
   */
  #overrideTemplates(change: OverrideChange): OverrideTemplates | undefined {
    const { classIds, scheme } = this.#state.compiled;
    const key = (change.step * classIds.length + change.from) * classIds.length + change.to;
    if (this.#overrideTemplateCache.has(key)) return this.#overrideTemplateCache.get(key);
    const step = scheme.overrides[change.step];
    const from = classIds[change.from] ?? '';
    const to = classIds[change.to] ?? '';
    const field = reasonTemplate((reason) => JSON.stringify(overrideResult(step, from, to, reason)));
    const entry = reasonTemplate((reason) => `,${JSON.stringify(overrideEntry(step, from, to, reason))}`);
    const made = field === undefined || entry === undefined ? undefined : { field, entry };
    this.#overrideTemplateCache.set(key, made);
    return made;
  }

  /** Whether every override of record i has its templates (else the record goes through JSON.stringify). */
  #overridesTemplated(i: number): boolean {
    return (this.#state.overrides.get(i) ?? []).every(
      (change) => this.#overrideTemplates(change) !== undefined,
    );
  }

  /**
   * A cohort's fixed JSON, made once from the same shapes and wording as its results, each with its
   * member's figures as slots; or undefined (its results then go through JSON.stringify) if a template
   * does not give back what the wording writes for example figures.
   */
  #templates(cohort: CohortState): CohortTemplates | undefined {
    if (this.#cohortTemplates.has(cohort)) return this.#cohortTemplates.get(cohort);
    const made = cohortTemplates(this.#state, cohort, this.#wording(cohort), (k) => this.#finalDetail(k));
    this.#cohortTemplates.set(cohort, made);
    return made;
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
  #unrated(i: number, record: EnterpriseRecord, status: UnratedStatus): EnterpriseResult {
    const rule = this.#scopeRule(i, status);
    const { exemptClass } = this.#state.compiled.scheme;
    return unratedResult(record, status, rule, this.#scopeBecause(rule, record), exemptClass);
  }

  #scopeRule(i: number, status: UnratedStatus): ScopeRule | undefined {
    const { compiled } = this.#state;
    return (status === 'exempt' ? compiled.exempt : compiled.outOfScope)[this.#state.scopeRule[i] ?? -1];
  }

  /** The scope rule and its condition in the record's figures (empty without a rule). */
  #scopeBecause(rule: ScopeRule | undefined, record: EnterpriseRecord): string {
    if (rule === undefined) return '';
    return `${rule.label}（${describeCondition(rule.when, record, NO_INDICATORS, this.#declared)}）`;
  }

  /**
   * An exempt or out-of-scope result's JSON, as #unrated's JSON.stringify: its identity, then its rule's
   * template with the reason's bytes (JSON.stringify's only where the template did not check out).
   */
  #writeUnrated(out: JsonBytes, i: number, status: UnratedStatus): void {
    const record = this.#state.records[i] as EnterpriseRecord;
    const rule = this.#scopeRule(i, status);
    const made = this.#unratedTemplate(rule, status);
    if (made === undefined) {
      out.json(JSON.stringify(this.#unrated(i, record, status)));
      return;
    }
    writeIdentity(out, record);
    // Escaped and encoded apart, as an override's reason is (#overrideReasons says why).
    writeWithBytes(out, made, jsonBytes(JSON.stringify(this.#scopeBecause(rule, record)).slice(1, -1)));
  }

  /**
   * The JSON after the identity of an unrated result by `rule` (its reason a slot), made from the same
   * shape, or undefined if filling it does not give back the shape's JSON (a scheme text with a slot's
   * character).
   */
  #unratedTemplate(rule: ScopeRule | undefined, status: UnratedStatus): Template | undefined {
    const key = rule ?? null;
    const byRule = status === 'exempt' ? this.#exemptTemplates : this.#outOfScopeTemplates;
    if (byRule.has(key)) return byRule.get(key);
    const { exemptClass } = this.#state.compiled.scheme;
    const head = JSON.stringify(identityOf(EXAMPLE_IDENTITY)).slice(0, -1);
    const whole = (because: string): string =>
      JSON.stringify(unratedResult(EXAMPLE_IDENTITY, status, rule, because, exemptClass));
    const made = whole(slot(0)).startsWith(head)
      ? reasonTemplate((because) => whole(because).slice(head.length))
      : undefined;
    byRule.set(key, made);
    return made;
  }

  #rated(i: number, record: EnterpriseRecord, cohort: CohortState): EnterpriseResult {
    const state = this.#state;
    const { classIds, scheme } = state.compiled;
    const definition = cohort.compiled.cohort;
    const wording = this.#wording(cohort);
    const trace: TraceEntry[] = [ratedScope(), cohortEntry(definition.id, wording)];
    const { indicators, indicatorSum } = this.#indicators(i, record, cohort, wording, trace);
    const { bonusItems, bonus, penaltyItems, penalty } = this.#bonusAndPenalty(i, record, trace);
    const totalScore = this.#score(state.total[i] ?? 0);
    trace.push(totalEntry(this.#score(indicatorSum), bonus, penalty, totalScore));
    const rank = state.rank[i] ?? 0;
    trace.push(rankEntry(rank, cohort.members.length, wording));
    const bandClass = classIds[state.bandClass[i] ?? 0] ?? '';
    trace.push(bandEntry(rank, totalScore, bandClass, wording));
    const overrides = this.#overrides(i, record, cohort, [bonusItems, penaltyItems], trace);
    const finalIndex = state.finalClass[i] ?? 0;
    const finalClass = classIds[finalIndex] ?? '';
    const finalClassLabel = scheme.classes[finalIndex]?.label ?? '';
    trace.push(finalEntry(finalClass, this.#finalDetail(finalIndex)));
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
      indicators[indicator.key] = indicatorResult(indicator, value, applicable, cohort.benchmarks[k], score);
      trace.push(indicatorEntry(indicator, applicable, score, detail));
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
      const reason = this.#overrideReason(step, record, cohort, () => shiftReason(applied));
      trace.push(overrideEntry(step, from, to, reason));
      return overrideResult(step, from, to, reason);
    });
  }

  /** Why a step changed the class: its condition in the record's figures, or the items that shift. */
  #overrideReason(
    step: OverrideStep | undefined,
    record: EnterpriseRecord,
    cohort: CohortState,
    shifting: () => string,
  ): string {
    if (step === undefined) return '';
    if ('when' in step) {
      return describeCondition(step.when, record, cohort.compiled.indicatorMap, this.#declared);
    }
    return shifting();
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

type UnratedStatus = 'exempt' | 'out_of_scope';
type Identity = Pick<
  EnterpriseRecord,
  'uscc' | 'name' | 'scale' | 'town' | 'park' | 'industryCode' | 'industryName'
>;

/** An unrated result's fields in full. */
function unratedResult(
  record: Identity,
  status: UnratedStatus,
  rule: ScopeRule | undefined,
  because: string,
  exemptClass: Scheme['exemptClass'],
): EnterpriseResult {
  const exempt = status === 'exempt';
  const { id, label } = exemptClass;
  const finalClass = exempt ? id : null;
  // In the order of a rated result. Spread, unlike #rated's one literal: the result JSON writes unrated
  // results from templates, and results() makes few of them.
  return {
    ...identityOf(record),
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

/** The identity fields as a result starts with them (writeIdentity's). */
function identityOf(record: Identity): Pick<EnterpriseResult, keyof Identity> {
  return {
    uscc: record.uscc,
    name: record.name,
    scale: record.scale,
    town: record.town ?? null,
    park: record.park ?? null,
    industryCode: record.industryCode ?? null,
    industryName: record.industryName ?? null,
  };
}

/** For cutting the identity off an unrated result's JSON (#unratedTemplate). */
const EXAMPLE_IDENTITY: Identity = {
  uscc: '91330382MA2ABCDE1X',
  name: '示例企业',
  scale: 'below',
};

/** The shapes results() writes, shared with the templates of writeResultsJson so that both agree. */

function ratedScope(): TraceEntry {
  return { rule: 'scope', status: 'rated', ruleId: null, detail: '参加评价' };
}

function cohortEntry(id: string, wording: CohortWording): TraceEntry {
  return { rule: 'cohort', cohort: id, detail: wording.cohortDetail };
}

function indicatorResult(
  indicator: Indicator,
  value: DecimalString | null,
  applicable: boolean,
  benchmark: Benchmark | null | undefined,
  score: DecimalString,
): IndicatorResult {
  return {
    label: indicator.label,
    unit: indicator.unit,
    value,
    applicable,
    benchmark: benchmark?.text ?? null,
    weight: indicator.weight,
    score,
  };
}

function indicatorEntry(
  indicator: Indicator,
  applicable: boolean,
  score: DecimalString,
  detail: string,
): TraceEntry {
  return { rule: 'indicator', indicator: indicator.key, applicable, score, detail };
}

function totalEntry(
  indicatorSum: DecimalString,
  bonus: DecimalString,
  penalty: DecimalString,
  totalScore: DecimalString,
): TraceEntry {
  return {
    rule: 'total',
    totalScore,
    detail: `总分 = 指标得分 ${indicatorSum} + 加分 ${bonus} − 减分 ${penalty} = ${totalScore}`,
  };
}

function rankEntry(rank: number, of: number, wording: CohortWording): TraceEntry {
  return { rule: 'rank', rank, of, detail: wording.rankDetail(rank) };
}

function bandEntry(rank: number, total: DecimalString, band: string, wording: CohortWording): TraceEntry {
  return { rule: 'band', class: band, detail: wording.bandDetail(rank, total, band) };
}

function overrideResult(
  step: OverrideStep | undefined,
  from: string,
  to: string,
  reason: string,
): OverrideResult {
  return { step: step?.id ?? '', label: step?.label ?? '', from, to, reason };
}

function overrideEntry(step: OverrideStep | undefined, from: string, to: string, reason: string): TraceEntry {
  const label = step?.label ?? '';
  return { rule: 'override', step: step?.id ?? '', from, to, detail: `${label}：${reason}，${from} → ${to}` };
}

/** An item shift's reason: the applied items that shift the class, by label. */
function shiftReason(applied: readonly (readonly ItemResult[])[]): string {
  return applied
    .flat()
    .filter((item) => item.classShift)
    .map((item) => item.label)
    .join('、');
}

function finalEntry(finalClass: string | null, detail: string): TraceEntry {
  return { rule: 'final', class: finalClass, detail };
}

// Slots of an indicator's templates (`values`, SLOTS_EACH per indicator), and of the total, rank and
// band templates (`sums`).
const NUMERATOR = 0;
const DENOMINATOR = 1;
const VALUE = 2;
const SCORE = 3;
const SLOTS_EACH = 4;
/** Which indicators apply is a bit mask: cohorts with more are written through JSON.stringify. */
const MAX_INDICATORS = 30;
const SUM = 0;
const BONUS_SUM = 1;
const PENALTY_SUM = 2;
const TOTAL = 3;
/** The rank: a number in its field, text in its sentence, the same digits in both. */
const RANK_SLOT = 4;

/** The decimals of the sums' number slot (the rank, a count). */
const COUNTS: readonly number[] = [0, 0, 0, 0, 0];

/** Both masks as one number, exact while the items' bits fit a double's 53 (else null: not kept). */
function itemsKey(
  bonusCount: number,
  bonusMask: number,
  penaltyCount: number,
  penaltyMask: number,
): number | null {
  if (bonusCount + penaltyCount > 53) return null;
  return (bonusMask >>> 0) * 2 ** penaltyCount + (penaltyMask >>> 0);
}

/**
 * The points of the one applied item that counts them per record (0 when none does), or null when more
 * than one does (the items' JSON is then not kept).
 */
function countedPoints(
  compiled: RunState['compiled'],
  bonusMask: number,
  penaltyMask: number,
  record: EnterpriseRecord,
): number | null {
  const bonus = countedItem(compiled.bonus, bonusMask);
  const penalty = countedItem(compiled.penalty, penaltyMask);
  if (bonus === null || penalty === null || (bonus !== undefined && penalty !== undefined)) return null;
  const item = bonus ?? penalty;
  return item === undefined ? 0 : itemPointsUnits(item, record, compiled.scoreDp);
}

/** The one item of `mask` that counts its points per record: undefined if none, null if several. */
function countedItem(items: readonly CompiledItem[], mask: number): CompiledItem | null | undefined {
  let found: CompiledItem | undefined;
  if (mask === 0) return found;
  for (const item of items) {
    if ((mask & (1 << item.bit)) === 0 || item.fixedUnits !== null) continue;
    if (found !== undefined) return null;
    found = item;
  }
  return found;
}

/** A record's bonus and penalty as #writeRated writes them (#itemsJsonOf). */
interface ItemsJson {
  /** countedPoints (NaN: not kept). */
  readonly counted: number;
  readonly bonusRaw: number;
  readonly penaltyRaw: number;
  readonly bonusItems: readonly ItemResult[];
  readonly penaltyItems: readonly ItemResult[];
  readonly bonus: DecimalString;
  readonly penalty: DecimalString;
  /** From the indicators' closing brace through the penalty's value: `},"bonusItems":…,"penalty":"…"`. */
  readonly fields: Uint8Array;
  /** The bonus, cap, penalty and cap trace entries, each comma first. */
  readonly entries: Uint8Array;
  /** The reason of an item shift (提档) for records with these items. */
  readonly shiftReason: string;
}

/** One override change's JSON (#overrideTemplates), its reason slot 0. */
interface OverrideTemplates {
  /** Its element of the overrides field. */
  readonly field: Template;
  /** Its trace entry, comma first. */
  readonly entry: Template;
}

const OPEN = jsonBytes('[');
const COMMA = jsonBytes(',');
const CLOSE = jsonBytes(']');

/** The overrides field's value: the first `count` changes, each its template with its reason's bytes. */
function writeOverrides(
  out: JsonBytes,
  templates: readonly OverrideTemplates[],
  reasons: readonly Uint8Array[],
  count: number,
): void {
  out.bytes(OPEN);
  for (let c = 0; c < count; c++) {
    if (c > 0) out.bytes(COMMA);
    writeWithBytes(out, (templates[c] as OverrideTemplates).field, reasons[c] as Uint8Array);
  }
  out.bytes(CLOSE);
}

/** The overrides' trace entries, each comma first. */
function writeOverrideEntries(
  out: JsonBytes,
  templates: readonly OverrideTemplates[],
  reasons: readonly Uint8Array[],
  count: number,
): void {
  for (let c = 0; c < count; c++) {
    writeWithBytes(out, (templates[c] as OverrideTemplates).entry, reasons[c] as Uint8Array);
  }
}

/** A template with every slot the same JSON text, given as its (escaped) bytes. */
function writeWithBytes(out: JsonBytes, made: Template, bytes: Uint8Array): void {
  const { parts, slots } = made;
  for (let p = 0; p < slots.length; p++) {
    out.bytes(parts[p] as Uint8Array);
    out.bytes(bytes);
  }
  out.bytes(parts[slots.length] as Uint8Array);
}

const IDENTITY = [
  jsonBytes('{"uscc":'),
  jsonBytes(',"name":'),
  jsonBytes(',"scale":'),
  jsonBytes(',"town":'),
  jsonBytes(',"park":'),
  jsonBytes(',"industryCode":'),
  jsonBytes(',"industryName":'),
];
/** Reused: the identity texts of the record being written. */
const IDENTITY_TEXTS: (string | null | undefined)[] = [null, null, null, null, null, null, null];

/** The fields every result starts with, as #rated and #unrated write them. */
function writeIdentity(out: JsonBytes, record: EnterpriseRecord): void {
  const texts = IDENTITY_TEXTS;
  texts[0] = record.uscc;
  texts[1] = record.name;
  texts[2] = record.scale;
  texts[3] = record.town;
  texts[4] = record.park;
  texts[5] = record.industryCode;
  texts[6] = record.industryName;
  out.fields(IDENTITY, texts);
}

/** A cohort's fixed JSON with slots (writeResultsJson). */
interface CohortTemplates {
  /** Indicator k's key and result, applicable or not (slots NUMERATOR … SCORE). */
  readonly applicable: readonly Template[];
  readonly notApplicable: readonly Template[];
  /** Indicator k's trace entry, comma first. */
  readonly applicableEntry: readonly Template[];
  readonly notApplicableEntry: readonly Template[];
  /** By which indicators apply (a bit each): the templates joined (`join`, made on first use). */
  readonly byApplying: Map<number, JoinedTemplates>;
  readonly join: (applies: number) => JoinedTemplates;
  readonly classCount: number;
  /**
   * By (band class × classCount + final class) × 2 + whether overridden (the sums' slots): from the
   * total score through `"overrides":` (not overridden: and its `[]`); from the total's trace entry
   * through the band's (not overridden: and the final entry and the result's end).
   */
  readonly middle: readonly Template[];
  readonly ending: readonly Template[];
  /** By final class index: the final entry and the result's end. */
  readonly final: readonly Uint8Array[];
  readonly total: Template;
  readonly rank: Template;
  readonly band: readonly Template[];
  /** Reused slot values: the indicators' (SLOTS_EACH each), and the sums'. */
  readonly values: (string | number)[];
  readonly sums: (string | number)[];
  /** The decimals of the indicators' number slots (the values' units). */
  readonly dps: readonly number[];
}

/** A cohort's indicators and their trace entries, for one set of applicable indicators. */
interface JoinedTemplates {
  /** From `,"status"` through the indicators' results. */
  readonly indicators: Template;
  /** From `,"trace":[` through the indicators' entries. */
  readonly entries: Template;
}

function cohortTemplates(
  state: RunState,
  cohort: CohortState,
  wording: CohortWording,
  finalDetail: (classIndex: number) => string,
): CohortTemplates | undefined {
  const { classIds, scheme } = state.compiled;
  const definition = cohort.compiled.cohort;
  const indicators = cohort.compiled.indicators.map(({ indicator }) => indicator);
  const keys = indicators.map((indicator) => indicator.key);
  // An object puts integer-like keys first, and a repeated key once: leave such a cohort to JSON.stringify.
  if (new Set(keys).size !== keys.length || keys.some((key) => /^(0|[1-9][0-9]*)$/.test(key)))
    return undefined;
  if (indicators.length > MAX_INDICATORS) return undefined;
  const [n, d, v, s] = [NUMERATOR, DENOMINATOR, VALUE, SCORE].map(slot) as [string, string, string, string];
  const applicable: Template[] = [];
  const notApplicable: Template[] = [];
  const applicableEntry: Template[] = [];
  const notApplicableEntry: Template[] = [];
  indicators.forEach((indicator, k) => {
    const words = wording.indicators[k] as IndicatorWording;
    const benchmark = cohort.benchmarks[k];
    const comma = k === 0 ? '' : ',';
    const key = `${comma}${JSON.stringify(indicator.key)}:`;
    applicable.push(template(key + JSON.stringify(indicatorResult(indicator, v, true, benchmark, s))));
    notApplicable.push(template(key + JSON.stringify(indicatorResult(indicator, null, false, benchmark, s))));
    applicableEntry.push(
      template(`,${JSON.stringify(indicatorEntry(indicator, true, s, words.applicable(n, d, v, s)))}`),
    );
    notApplicableEntry.push(
      template(`,${JSON.stringify(indicatorEntry(indicator, false, s, words.notApplicable(s)))}`),
    );
  });
  const sums = [SUM, BONUS_SUM, PENALTY_SUM, TOTAL].map(slot) as [string, string, string, string];
  // The rank's marker stands in for a number (its JSON is then quoted, which template() undoes).
  const rankAsNumber = slot(RANK_SLOT) as unknown as number;
  const head = fixedTemplate(`,"status":"rated","cohort":${JSON.stringify(definition.id)},"indicators":{`);
  const traceHead = fixedTemplate(
    `,"trace":[${JSON.stringify(ratedScope())},${JSON.stringify(cohortEntry(definition.id, wording))}`,
  );
  const offsets = [0, ...indicators.map((_, k) => k * SLOTS_EACH)];
  const valueDp = state.compiled.scheme.rounding.value;
  const band = classIds.map((id) =>
    template(`,${JSON.stringify(bandEntry(rankAsNumber, sums[TOTAL], id, wording))}`, [RANK_SLOT]),
  );
  const total = template(`,${JSON.stringify(totalEntry(...sums))}`);
  const rank = template(`,${JSON.stringify(rankEntry(rankAsNumber, cohort.members.length, wording))}`, [
    RANK_SLOT,
  ]);
  const byApplying = new Map<number, JoinedTemplates>();
  // The total score is text in its field; the rank, a number (its marker's quotes are undone).
  const scoreAndRank = template(`,"totalScore":"${sums[TOTAL]}","rank":"${slot(RANK_SLOT)}"`, [RANK_SLOT]);
  const final = classIds.map((id, c) => `,${JSON.stringify(finalEntry(id, finalDetail(c)))}]}`);
  const byClasses = (make: (band: number, final: number, overridden: boolean) => Template): Template[] =>
    classIds.flatMap((_, b) => classIds.flatMap((_, f) => [make(b, f, false), make(b, f, true)]));
  const made: CohortTemplates = {
    applicable,
    notApplicable,
    applicableEntry,
    notApplicableEntry,
    byApplying,
    join: (applies) => {
      const applying = (k: number) => (applies & (1 << k)) !== 0;
      const joinedTemplates: JoinedTemplates = {
        indicators: joined(
          [head, ...indicators.map((_, k) => (applying(k) ? applicable[k] : notApplicable[k]) as Template)],
          offsets,
        ),
        entries: joined(
          [
            traceHead,
            ...indicators.map(
              (_, k) => (applying(k) ? applicableEntry[k] : notApplicableEntry[k]) as Template,
            ),
          ],
          offsets,
        ),
      };
      byApplying.set(applies, joinedTemplates);
      return joinedTemplates;
    },
    classCount: classIds.length,
    middle: byClasses((b, f, overridden) =>
      joined(
        [
          scoreAndRank,
          fixedTemplate(
            `,"bandClass":${JSON.stringify(classIds[b])},"finalClass":${JSON.stringify(classIds[f])}` +
              `,"finalClassLabel":${JSON.stringify(scheme.classes[f]?.label ?? '')},"overrides":${overridden ? '' : '[]'}`,
          ),
        ],
        [0, 0],
      ),
    ),
    ending: byClasses((b, f, overridden) =>
      joined(
        [total, rank, band[b] as Template, ...(overridden ? [] : [fixedTemplate(final[f] as string)])],
        [0, 0, 0, 0],
      ),
    ),
    final: final.map((text) => jsonBytes(text)),
    total,
    rank,
    band,
    values: indicators.flatMap(() => ['', '', '', '']),
    sums: ['', '', '', '', 0],
    // The value's units have the value's decimals; the other slots hold text.
    dps: indicators.flatMap(() => [0, 0, valueDp, 0]),
  };
  return checked(made, indicators, cohort, wording, classIds) ? made : undefined;
}

/** Example figures for checking a cohort's templates against its wording. */
const EXAMPLE = { numerator: '1286.33', denominator: '31.79', value: '40.4634', score: '80.00' };
const EXAMPLE_SUMS: readonly (string | number)[] = ['198.04', '7.00', '0.00', '205.04', 17];

function rendered(
  made: Template,
  values: readonly (string | number)[],
  dps: readonly number[] = COUNTS,
): string {
  const decoder = new TextDecoder();
  let text = '';
  const out = new JsonBytes((chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  out.fill(made, values, dps);
  out.flush();
  return text + decoder.decode();
}

/**
 * The template of a JSON text `shape(reason)` with the reason a slot, or undefined if filling it with an
 * example reason's escaped bytes does not give back `shape(example)` (a scheme text with a slot's
 * character): the caller then writes through JSON.stringify.
 */
function reasonTemplate(shape: (reason: string) => string): Template | undefined {
  const made = template(shape(slot(0)));
  const example = '亩均税收 0.97 万元/亩 < "1"';
  const bytes = jsonBytes(JSON.stringify(example).slice(1, -1));
  return renderedWith(made, bytes) === shape(example) ? made : undefined;
}

/** What writeWithBytes writes, as text. */
function renderedWith(made: Template, bytes: Uint8Array): string {
  const decoder = new TextDecoder();
  let text = '';
  const out = new JsonBytes((chunk) => {
    text += decoder.decode(chunk, { stream: true });
  });
  writeWithBytes(out, made, bytes);
  out.flush();
  return text + decoder.decode();
}

/**
 * Whether every template, filled with example figures, is what the shapes and wording write for them:
 * a wording that did more than put its figures in place (or a scheme text with a slot's character)
 * would show here, and its cohort would be written through JSON.stringify instead.
 */
function checked(
  made: CohortTemplates,
  indicators: readonly Indicator[],
  cohort: CohortState,
  wording: CohortWording,
  classIds: readonly string[],
): boolean {
  const { numerator, denominator, value, score } = EXAMPLE;
  const filled = [numerator, denominator, value, score];
  const ok = indicators.every((indicator, k) => {
    const words = wording.indicators[k] as IndicatorWording;
    const benchmark = cohort.benchmarks[k];
    const key = `${k === 0 ? '' : ','}${JSON.stringify(indicator.key)}:`;
    return (
      rendered(made.applicable[k] as Template, filled) ===
        key + JSON.stringify(indicatorResult(indicator, value, true, benchmark, score)) &&
      rendered(made.notApplicable[k] as Template, filled) ===
        key + JSON.stringify(indicatorResult(indicator, null, false, benchmark, score)) &&
      rendered(made.applicableEntry[k] as Template, filled) ===
        `,${JSON.stringify(indicatorEntry(indicator, true, score, words.applicable(numerator, denominator, value, score)))}` &&
      rendered(made.notApplicableEntry[k] as Template, filled) ===
        `,${JSON.stringify(indicatorEntry(indicator, false, score, words.notApplicable(score)))}`
    );
  });
  const [sum, bonus, penalty, total, rank] = EXAMPLE_SUMS as [string, string, string, string, number];
  return (
    ok &&
    rendered(made.total, EXAMPLE_SUMS) === `,${JSON.stringify(totalEntry(sum, bonus, penalty, total))}` &&
    rendered(made.rank, EXAMPLE_SUMS) ===
      `,${JSON.stringify(rankEntry(rank, cohort.members.length, wording))}` &&
    classIds.every(
      (id, c) =>
        rendered(made.band[c] as Template, EXAMPLE_SUMS) ===
        `,${JSON.stringify(bandEntry(rank, total, id, wording))}`,
    )
  );
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
