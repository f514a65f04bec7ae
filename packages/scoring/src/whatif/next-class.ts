import { Dec, canonical, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { grade } from '../engine/grade.js';
import type { Decided, Grading } from '../engine/grading.js';
import type { PreviousResult } from '../engine/previous.js';
import type { EnterpriseResult } from '../engine/result.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';
import { compileScheme } from '../engine/compile.js';
import type { CompiledIndicator, CompiledScheme } from '../engine/compile.js';
import { estimateCents, othersMove, rankEstimate, refineCents } from './estimate.js';
import type { CohortModel, EstimatedIndicator, Model } from './estimate.js';
import { approx } from '../engine/exact.js';
import { landScopeCents } from './land-scope.js';
import { CohortStandings, standingOrder } from './standings.js';
import type { MovedIndicator, Standing } from './standings.js';

/**
 * "How to move up, exactly": for a rated enterprise, the smallest change of one of its own figures (to
 * 0.01 of the figure's unit) which, with every other figure of every enterprise unchanged and its cohort
 * graded again (benchmarks, missing-data means, ranks, bands and overrides), gives it a better final class.
 *
 * Built on the engine's own rules. A probe never re-implements a rule: what a changed figure does is
 * decided by `grade` and the engine's ratio scoring, in three parts that together are the whole cohort
 * graded again:
 *   1. the cohort's benchmarks with the changed figure, exactly (aggregate ratios are Σ / Σ, so only the
 *      enterprise's own term moves; the sums are kept exactly);
 *   2. every other member's total under those benchmarks, counted in a window (standings.ts): the members
 *      sorted once as graded, and only those whose total the benchmark's move could carry across the
 *      probe's own scored again, exactly; the missing-data means summed exactly per set of benchmarks;
 *   3. the enterprise's own total under the same benchmarks and missing-data means, then its rank among
 *      the others, its band, and the final class the overrides give at that band, graded as a batch with
 *      every other probe of the same round (all searches advance in lockstep, so a grading serves many).
 * The search works in whole cents. It starts at a float estimate of the answer (estimate.ts: the own
 * score and the better band's last member's, the benchmark moving with the figure; or where a floor rule
 * such as 亩均税收 < 1 lets go), takes the model's next guess from each probe's exact shortfall, gallops
 * (±1, ±2, ±4 … cents) until two adjacent cents bracket the answer, and bisects; without an estimate it
 * is exponential from 0.01. A budget of probes per search bounds any call (an exhausted search answers
 * null and says so in `unanswered`). It assumes the final class does not get worse as the figure improves
 * (the tests check the answer by grading the whole cohort again at the answer and at 0.01 less); land
 * breaks that past a scope limit (out of scope, or another cohort), so a land search never probes past
 * it: its largest reduction is the largest that keeps the enterprise rated in its cohort.
 */

export interface FigureMove {
  /** The final class the change reaches. */
  readonly class: string;
  /** The change, a positive decimal with 2 decimals, in the figure's unit. */
  readonly change: DecimalString;
}

export interface ToNextClass {
  /** The class reached by `taxIncrease`; null when no increase of tax reaches a better class. */
  readonly class: string | null;
  /** 税收 (万元) to add; null when no increase can move it. */
  readonly taxIncrease: DecimalString | null;
  /** What `taxIncrease` adds to 亩均税收 (万元/亩, 2 decimals). */
  readonly taxPerMuIncrease: DecimalString | null;
  /** 工业增加值 (万元) to add, when the cohort's indicators read it. */
  readonly addedValueIncrease: FigureMove | null;
  /** 用地面积 (亩) to give up, kept above zero, in scope and in its cohort (the search stops at the limit). */
  readonly landReduction: FigureMove | null;
  /**
   * The points between the total and the lowest total now inside the better band (others unchanged);
   * null when the class is set by other than the rank bands.
   */
  readonly scoreGap: DecimalString | null;
  /**
   * Null when every search finished; else which figures' searches ran out of the probe budget, in a
   * Chinese sentence ("税收的升档测算未能在限定计算量内求出"): their answers are null, not "no change can".
   */
  readonly unanswered: string | null;
}

export type MoveFigure = 'tax' | 'addedValue' | 'landMu';

export interface NextClassOptions {
  /** Which figures to search (default all three). */
  readonly figures?: readonly MoveFigure[];
  /** Only these enterprises (default every rated one). */
  readonly only?: readonly string[];
  /**
   * Cohorts up to this many rated enterprises are graded again whole for each probe (one grading), larger
   * ones in the three parts above. Default 64; the tests set 0 and a large figure to check both ways.
   */
  readonly wholeCohortUpTo?: number;
  /**
   * Probes (gradings of one changed figure) allowed per search before it gives up with `unanswered`
   * (default 96: more than any search takes, ±0.01 to 10^9 万元 being about 2 × 37 probes; it bounds the
   * cost of a call on demand whatever the data).
   */
  readonly probeBudget?: number;
  /** Told of every finished search, with its probe count (for measurement: the bench's histogram). */
  readonly onSearch?: (search: SearchReport) => void;
}

export interface SearchReport {
  readonly uscc: string;
  readonly figure: MoveFigure;
  /** Probes (gradings of one changed figure) the search took. */
  readonly probes: number;
  /** The search ran out of its probe budget. */
  readonly exhausted: boolean;
  /** Its first probe (cents) when it started from an estimate, else null. */
  readonly start: number | null;
}

const FIGURE_NAMES: Readonly<Record<MoveFigure, string>> = {
  tax: '税收',
  addedValue: '工业增加值',
  landMu: '用地面积',
};

const LIMIT_CENTS = 1e11; // 10^9 万元: beyond any enterprise; an answer past it is "no increase can".
const SMALL = 64;
const PROBE_BUDGET = 96;
/** Model-suggested probes per search; past them the gallop and bisection go on alone. */
const REFINEMENTS = 4;
/** Given-benchmark schemes kept (oldest dropped first); only a variant taking a mean makes a new one. */
const GIVEN_SCHEMES = 1_000;
const LOW = '-1000000000000';
const HIGH = '1000000000000';

/** Every rated enterprise's way up, by code (null: nothing it can change moves it up). */
export function toNextClass(
  records: readonly EnterpriseRecord[],
  scheme: Scheme,
  grading: Grading = grade(records, scheme),
  options: NextClassOptions = {},
): Map<string, ToNextClass | null> {
  const context = new Context(records, scheme, grading, options.wholeCohortUpTo ?? SMALL);
  const wanted = options.only === undefined ? null : new Set(options.only);
  const figures = options.figures ?? ['tax', 'addedValue', 'landMu'];
  const budget = options.probeBudget ?? PROBE_BUDGET;
  const answers = new Map<string, Map<MoveFigure, FigureMove | null>>();
  const unanswered = new Map<string, MoveFigure[]>();
  const searches: Search[] = [];
  for (const cohort of context.cohorts.values()) {
    for (const member of cohort.members) {
      if (wanted !== null && !wanted.has(member.record.uscc)) continue;
      if (!context.supported(member)) continue;
      answers.set(member.record.uscc, new Map());
      if (member.classIndex === 0) continue;
      for (const figure of figures) {
        const search = newSearch(cohort, member, figure, context);
        if (search !== null) searches.push(search);
      }
    }
  }
  let active = searches;
  while (active.length > 0) {
    const probes = active.map((search) => ({ search, cents: nextProbe(search) }));
    const outcomes = context.evaluate(probes);
    probes.forEach(({ search, cents }, p) => {
      settle(search, cents, outcomes[p] as Outcome, budget);
    });
    active = active.filter((search) => !search.done);
  }
  for (const search of searches) {
    const code = search.member.record.uscc;
    options.onSearch?.({
      uscc: code,
      figure: search.figure,
      probes: search.probes,
      exhausted: search.exhausted,
      start: search.start,
    });
    if (search.exhausted) {
      // No answer rather than one not proven smallest (or not found): say so.
      unanswered.set(code, [...(unanswered.get(code) ?? []), search.figure]);
      answers.get(code)?.set(search.figure, null);
      continue;
    }
    const found =
      search.hi === null
        ? null
        : { class: context.classId(search.hiClass), change: fixed(new Dec(search.hi).div(100), 2) };
    answers.get(code)?.set(search.figure, found);
  }
  const out = new Map<string, ToNextClass | null>();
  for (const [uscc, found] of answers) {
    const member = context.member(uscc);
    const tax = found.get('tax') ?? null;
    const addedValue = found.get('addedValue') ?? null;
    const land = found.get('landMu') ?? null;
    const cut = unanswered.get(uscc) ?? [];
    if (member === undefined || (tax === null && addedValue === null && land === null && cut.length === 0)) {
      out.set(uscc, null);
      continue;
    }
    out.set(uscc, {
      class: tax?.class ?? null,
      taxIncrease: tax?.change ?? null,
      taxPerMuIncrease: tax === null ? null : fixed(dec(tax.change).div(dec(member.record.landMu)), 2),
      addedValueIncrease: addedValue,
      landReduction: land,
      scoreGap: context.scoreGap(member),
      unanswered:
        cut.length === 0
          ? null
          : `${cut.map((figure) => FIGURE_NAMES[figure]).join('、')}的升档测算未能在限定计算量内求出`,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The search: whole cents, from an estimate (or 0.01) galloping outward, then binary.

interface Search {
  readonly cohort: CohortData;
  readonly member: Member;
  readonly figure: MoveFigure;
  readonly sign: 1 | -1;
  /** The largest change allowed, in cents. */
  readonly max: number;
  /** The first probe (a float estimate of the answer), or null: start from 0.01. */
  readonly start: number | null;
  /** The float model behind the estimate, which each probe's exact shortfall refines (null: none). */
  readonly model: Model | null;
  /** The last rank of the band the estimate aims at (null: none). */
  readonly targetRank: number | null;
  /** The next probe the model suggests from the last probe's shortfall (null: gallop or bisect). */
  suggested: number | null;
  refinements: number;
  /** The largest change known not to move it up (0: none tried yet). */
  lo: number;
  /** The smallest change known to move it up. */
  hi: number | null;
  hiClass: number;
  /** The gallop's next step up from `lo` (no answer known yet) or down from `hi` (null: bisect). */
  up: number;
  down: number | null;
  probes: number;
  done: boolean;
  /** Stopped by the probe budget before the answer was pinned to a cent. */
  exhausted: boolean;
}

function newSearch(cohort: CohortData, member: Member, figure: MoveFigure, context: Context): Search | null {
  const value = figureText(member.record, figure);
  if (value === undefined) return null;
  if (figure !== 'tax' && !cohort.reads.has(figure)) return null;
  let max = LIMIT_CENTS;
  if (figure === 'landMu') {
    // Keep some land: the largest whole-cent reduction that leaves more than zero. Past 2^53 cents whole
    // cents are no longer numbers (the bisection would stall), hence LIMIT_CENTS here too. And keep it in
    // scope: never probe past the scope limit (the largest reduction searched leaves it rated in its
    // cohort, land-scope.ts), where the class is not monotone in land and a probe would read "not better".
    max = context.landScope(member, Math.min(dec(value).times(100).ceil().toNumber() - 1, LIMIT_CENTS));
    if (max < 1) return null;
  }
  const sign = figure === 'landMu' ? -1 : 1;
  const estimate = context.estimate(cohort, member, figure, sign, max);
  return {
    cohort,
    member,
    figure,
    sign,
    max,
    start: estimate?.start ?? null,
    model: estimate?.model ?? null,
    targetRank: estimate?.targetRank ?? null,
    suggested: null,
    refinements: 0,
    lo: 0,
    hi: null,
    hiClass: -1,
    up: 1,
    down: null,
    probes: 0,
    done: false,
    exhausted: false,
  };
}

/**
 * Gallop from the estimate (±1, ±2, ±4 … cents) until the answer is bracketed by adjacent cents, then
 * bisect; without an estimate the gallop starts at 0.01, an exponential search.
 */
function nextProbe(search: Search): number {
  if (search.probes === 0 && search.start !== null) return search.start;
  if (search.suggested !== null) return search.suggested;
  if (search.hi === null) return Math.min(search.lo + search.up, search.max);
  if (search.down !== null && search.hi - search.down > search.lo) return search.hi - search.down;
  return Math.floor((search.lo + search.hi) / 2);
}

/**
 * Takes one probe's outcome: the class index reached (-1: not better), and how many units its exact total
 * fell short of the better band (negative: to spare; null: unknown), which the model turns into the next
 * probe while that lies strictly inside the bracket (so each one narrows it).
 */
function settle(search: Search, cents: number, outcome: Outcome, budget: number): void {
  const fromModel = search.probes === 0 ? search.start !== null : search.suggested === cents;
  search.probes++;
  search.suggested = null;
  if (outcome.reached >= 0) {
    search.hi = cents;
    search.hiClass = outcome.reached;
    // An estimate of "never" probed the largest change first and was wrong: bisect, no gallop from there.
    search.down = fromModel && cents < search.max ? 1 : search.down === null ? null : search.down * 2;
  } else {
    search.lo = cents;
    if (search.hi === null) {
      search.up = fromModel ? 1 : search.up * 2;
      if (cents >= search.max) search.done = true;
    } else search.down = null;
  }
  if (search.hi !== null && search.hi - search.lo <= 1) search.done = true;
  if (!search.done && search.probes >= budget) {
    search.done = true;
    search.exhausted = true;
  }
  if (search.done || search.model === null || outcome.need === null || search.refinements >= REFINEMENTS) {
    return;
  }
  const next = refineCents(search.model, cents, outcome.need);
  if (next !== null && next > search.lo && (search.hi === null ? next <= search.max : next < search.hi)) {
    search.suggested = next;
    search.refinements++;
  }
}

// ---------------------------------------------------------------------------------------------------
// The cohort as graded, and probes graded again.

interface Member {
  /** Its place in its cohort's `records`, `results` and `members`. */
  readonly index: number;
  readonly record: EnterpriseRecord;
  readonly result: EnterpriseResult;
  readonly cohortId: string;
  readonly classIndex: number;
  readonly totalUnits: number;
  readonly rank: number;
  readonly bandIndex: number;
}

interface CohortData {
  readonly id: string;
  readonly records: readonly EnterpriseRecord[];
  /** The members' results as graded, in the order of `records`. */
  readonly results: readonly EnterpriseResult[];
  readonly members: readonly Member[];
  readonly byCode: ReadonlyMap<string, Member>;
  readonly indicators: readonly Indicator[];
  /** Figures the cohort's indicators read. */
  readonly reads: ReadonlySet<string>;
  /** The benchmarks as published, by indicator key. */
  readonly benchmarks: ReadonlyMap<string, DecimalString | null>;
  /** The not-applicable score as graded, by indicator key (when someone is not applicable). */
  readonly missingScores: ReadonlyMap<string, DecimalString>;
  /** Exact Σ numerator and Σ denominator over the applicable members, for aggregate-ratio indicators. */
  readonly sums: ReadonlyMap<string, { readonly numerator: Dec; readonly denominator: Dec }>;
  readonly bandLimits: readonly number[] | null;
  readonly thresholds: readonly number[] | null;
  /** Totals (score units) by rank. */
  readonly totalsByRank: readonly number[];
}

interface Outcome {
  /** The class index reached when better than now, else -1. */
  reached: number;
  /** Units the exact total fell short of the better band's last rank among the others (null: unknown). */
  need: number | null;
}

/** Probes of one cohort and figure that give the same benchmark texts, graded as one batch. */
interface GradeGroup {
  readonly cohort: CohortData;
  readonly figure: MoveFigure;
  readonly moved: readonly Indicator[];
  readonly texts: readonly (DecimalString | null)[];
  readonly items: readonly {
    readonly p: number;
    readonly record: EnterpriseRecord;
    readonly variant: EnterpriseRecord;
  }[];
  /** By moved indicator: its missing-data mean was fixed in the last scheme graded. */
  readonly meanFixed: boolean[];
}

interface Probe {
  readonly search: Search;
  readonly cents: number;
}

class Context {
  readonly cohorts = new Map<string, CohortData>();
  readonly #scheme: Scheme;
  readonly #classIds: readonly string[];
  readonly #scoreDp: number;
  readonly #standings = new Map<string, CohortStandings>();
  readonly #ranked = new Map<string, (Member | undefined)[]>();
  readonly #compiled: CompiledScheme;
  readonly #forced = new Map<string, Scheme>();
  readonly #byBandFinal = new Map<string, readonly Int8Array[]>();
  readonly #cohortModels = new Map<string, { model: CohortModel; index: ReadonlyMap<string, number> }>();
  /** Schemes with the moved benchmarks given, by cohort, figure and the means fixed in them. */
  readonly #given = new Map<string, Scheme>();
  readonly #tieCache = new WeakMap<EnterpriseRecord, Dec[]>();

  readonly #small: number;

  constructor(records: readonly EnterpriseRecord[], scheme: Scheme, grading: Grading, small: number) {
    this.#small = small;
    this.#scheme = scheme;
    this.#classIds = scheme.classes.map((c) => c.id);
    this.#scoreDp = scheme.rounding.score;
    this.#compiled = compileScheme(scheme);
    const byCode = new Map(records.map((record) => [record.uscc, record]));
    const summaries = grading.cohorts();
    const results = new Map<string, EnterpriseResult[]>();
    for (const result of grading.results()) {
      if (result.status !== 'rated' || result.cohort === null) continue;
      let list = results.get(result.cohort);
      if (list === undefined) results.set(result.cohort, (list = []));
      list.push(result);
    }
    for (const cohort of scheme.cohorts) {
      const summary = summaries[cohort.id];
      const rated = results.get(cohort.id) ?? [];
      if (summary === undefined) continue;
      const indicators = scheme.indicatorSets[cohort.indicators] ?? [];
      const cohortRecords = rated.map((result) => byCode.get(result.uscc) as EnterpriseRecord);
      const members = rated.map((result, k) => ({
        index: k,
        record: cohortRecords[k] as EnterpriseRecord,
        result,
        cohortId: cohort.id,
        classIndex: this.#classIds.indexOf(result.finalClass ?? ''),
        totalUnits: this.units(result.totalScore ?? '0'),
        rank: result.rank ?? 0,
        bandIndex: this.#classIds.indexOf(result.bandClass ?? ''),
      }));
      const missingScores = new Map<string, DecimalString>();
      for (const result of rated) {
        for (const [key, indicator] of Object.entries(result.indicators)) {
          if (!indicator.applicable && !missingScores.has(key)) missingScores.set(key, indicator.score);
        }
      }
      const sums = new Map<string, { numerator: Dec; denominator: Dec }>();
      for (const indicator of indicators) {
        if (indicator.benchmark.method !== 'aggregateRatio') continue;
        let numerator = new Dec(0);
        let denominator = new Dec(0);
        rated.forEach((result, k) => {
          if (result.indicators[indicator.key]?.applicable !== true) return;
          const record = cohortRecords[k] as EnterpriseRecord;
          numerator = numerator.plus(dec(figureText(record, indicator.numerator) ?? '0'));
          denominator = denominator.plus(dec(figureText(record, indicator.denominator) ?? '0'));
        });
        sums.set(indicator.key, { numerator, denominator });
      }
      const { bands, thresholds } = cohort.classification;
      this.cohorts.set(cohort.id, {
        id: cohort.id,
        records: cohortRecords,
        results: rated,
        members,
        byCode: new Map(members.map((member) => [member.record.uscc, member])),
        indicators,
        reads: new Set(indicators.flatMap((indicator) => [indicator.numerator, indicator.denominator])),
        benchmarks: new Map(Object.entries(summary.benchmarks)),
        missingScores,
        sums,
        bandLimits:
          bands === undefined ? null : this.#classIds.slice(0, -1).map((id) => summary.bandLimits[id] ?? 0),
        thresholds: thresholds === undefined ? null : thresholds.map((t) => this.units(t.minScore)),
        totalsByRank: members.map((member) => member.totalUnits),
      });
    }
  }

  member(uscc: string): Member | undefined {
    for (const cohort of this.cohorts.values()) {
      const member = cohort.byCode.get(uscc);
      if (member !== undefined) return member;
    }
    return undefined;
  }

  /** The largest land reduction (cents, at most `upTo`) searched: every one up to it keeps it in scope. */
  landScope(member: Member, upTo: number): number {
    const cohort = this.#compiled.cohorts.findIndex((c) => c.cohort.id === member.cohortId);
    return landScopeCents(this.#compiled, member.record, cohort, upTo);
  }

  classId(index: number): string {
    return this.#classIds[index] ?? '';
  }

  /**
   * Whether the search knows how this cohort's benchmarks move: ratio scoring over aggregate-ratio or
   * fixed benchmarks (the reference method and the published-benchmark presets). Others get no answer.
   */
  supported(member: Member): boolean {
    const cohort = this.cohorts.get(member.cohortId);
    if (cohort === undefined) return false;
    return cohort.indicators.every(
      (indicator) =>
        indicator.scoring.method === 'ratio' &&
        (indicator.benchmark.method === 'aggregateRatio' || indicator.benchmark.method === 'fixed'),
    );
  }

  scoreGap(member: Member): DecimalString | null {
    const cohort = this.cohorts.get(member.cohortId);
    if (cohort?.bandLimits == null || member.bandIndex <= 0) return null;
    const last = cohort.bandLimits[member.bandIndex - 1] ?? 0;
    const at = cohort.totalsByRank[last - 1];
    if (last < 1 || at === undefined) return null;
    return this.format(Math.max(0, at - member.totalUnits));
  }

  /**
   * A float estimate of the search's answer (cents) and the model behind it, or null where there is no
   * band above it to aim at.
   */
  estimate(
    cohort: CohortData,
    member: Member,
    figure: MoveFigure,
    sign: 1 | -1,
    max: number,
  ): { start: number | null; model: Model | null; targetRank: number | null } | null {
    // A floor rule holding it down (亩均税收 < 1 → D): the change that lifts the indicator to the rule's
    // value comes first; the band's model would aim below it, so the gallop goes on from there alone.
    const floor = this.#floorCents(cohort, member, figure, sign, max, false);
    if (floor !== null) return { start: floor, model: null, targetRank: null };
    // Aimed at the band that decides: the worst band at which the overrides (提档, protection, a veto's
    // cap), as the engine applies them to its record as it is, give a better class than now. A floor rule
    // that holds but does not set its class now (a D band under 亩均税收 < 1) still has to be lifted: the
    // start is at least the change that lifts it.
    const lift = this.#floorCents(cohort, member, figure, sign, max, true);
    const byBand = this.#finalByBand(cohort);
    const at = member.index;
    let band = -1;
    for (let b = member.bandIndex - 1; b >= 0 && band < 0; b--) {
      if (((byBand[b] as Int8Array)[at] as number) < member.classIndex) band = b;
    }
    // No band gives a better class and no floor on this figure holds: the search would end at the largest
    // change, not better; probe it first (one probe, not 37; a better class there turns to bisection).
    if (band < 0 && lift === null && ((byBand[0] as Int8Array)[at] as number) >= member.classIndex) {
      return { start: max, model: null, targetRank: null };
    }
    if (member.bandIndex <= 0 || cohort.bandLimits === null) return null;
    if (band < 0) band = member.bandIndex - 1;
    const last = cohort.bandLimits[band] ?? 0;
    const target = this.#byRank(cohort)[last - 1];
    if (target === undefined) return null;
    const moved = cohort.indicators.filter((i) => i.numerator === figure || i.denominator === figure);
    const compiledCohort = this.#compiled.cohorts.find((c) => c.cohort.id === cohort.id);
    const indicators: EstimatedIndicator[] = [];
    for (const indicator of moved) {
      const compiled = compiledCohort?.indicators.find((c) => c.indicator.key === indicator.key);
      const benchmark = cohort.benchmarks.get(indicator.key);
      if (compiled === undefined || benchmark === undefined || benchmark === null) return null;
      const sums = cohort.sums.get(indicator.key);
      indicators.push({
        compiled,
        inNumerator: indicator.numerator === figure,
        sums:
          indicator.benchmark.method === 'aggregateRatio' && sums !== undefined
            ? {
                numerator: sums.numerator.times(dec(indicator.factor)).toNumber(),
                denominator: sums.denominator.toNumber(),
              }
            : null,
        benchmark: Number(benchmark),
        dp: this.#scoreDp,
      });
    }
    const applies = (m: Member): boolean[] =>
      moved.map((indicator) => m.result.indicators[indicator.key]?.applicable === true);
    const model: Model = { indicators, own: member.record, ownApplies: applies(member), sign, max };
    const gap = target.totalUnits - member.totalUnits;
    let cents = estimateCents(model, { record: target.record, applies: applies(target) }, gap);
    // Where the others' scores move with the benchmark (or the fixed target says never), the member at
    // that rank changes: count who stays ahead in the cohort model instead.
    if (cents === null || othersMove(model, cents) >= 1) {
      const { model: cohortModel, index } = this.#cohortModel(cohort, figure, moved);
      const own = index.get(member.record.uscc);
      if (own !== undefined) {
        const base =
          member.totalUnits -
          moved.reduce(
            (sum, indicator) => sum + this.units(member.result.indicators[indicator.key]?.score ?? '0'),
            0,
          );
        const ties = this.#scheme.tieBreak.map((key) => approx(figureText(member.record, key) ?? '0'));
        const ranked = rankEstimate(
          model,
          cohortModel,
          { index: own, base, ties, tieMoved: this.#scheme.tieBreak.indexOf(figure) },
          last,
          this.#scheme.rounding.benchmark,
        );
        // Not even the largest change: probe it first, as the search would end there (one probe, not 37).
        cents = ranked ?? max;
      }
    }
    // The floor decides where lifting it is the larger change: gallop from there, without the band's
    // model (its suggestions would aim below the floor).
    if (lift !== null && (cents === null || lift >= cents))
      return { start: lift, model: null, targetRank: null };
    return { start: cents === null ? null : Math.min(Math.max(cents, 1), max), model, targetRank: last };
  }

  /**
   * By band: each member's final class (by its index in the cohort) when its band is forced to that band,
   * its record as it is: the engine's overrides, graded once per band for the whole cohort.
   */
  #finalByBand(cohort: CohortData): readonly Int8Array[] {
    let found = this.#byBandFinal.get(cohort.id);
    if (found === undefined) {
      found = this.#classIds.map((_, band) => {
        const graded = grade(cohort.records, this.#forcedBand(cohort.id, band));
        return Int8Array.from(cohort.records, (record) => graded.decided(record.uscc)?.finalClass ?? -1);
      });
      this.#byBandFinal.set(cohort.id, found);
    }
    return found;
  }

  /** The cohort model for `figure` (estimate.ts), built once per cohort and figure, and its index by code. */
  #cohortModel(
    cohort: CohortData,
    figure: MoveFigure,
    moved: readonly Indicator[],
  ): { model: CohortModel; index: ReadonlyMap<string, number> } {
    const key = `${cohort.id}|${figure}`;
    let found = this.#cohortModels.get(key);
    if (found === undefined) {
      const n = cohort.members.length;
      const base = new Float64Array(n);
      const values = moved.map(() => new Float64Array(n));
      const ties = this.#scheme.tieBreak.map(() => new Float64Array(n));
      cohort.members.forEach((member, i) => {
        let total = member.totalUnits;
        moved.forEach((indicator, k) => {
          const scored = member.result.indicators[indicator.key];
          total -= this.units(scored?.score ?? '0');
          const numerator = approx(figureText(member.record, indicator.numerator) ?? '0');
          const denominator = approx(figureText(member.record, indicator.denominator) ?? '1');
          (values[k] as Float64Array)[i] =
            scored?.applicable === true ? (numerator * approx(indicator.factor)) / denominator : Number.NaN;
        });
        base[i] = total;
        this.#scheme.tieBreak.forEach((tie, t) => {
          (ties[t] as Float64Array)[i] = approx(figureText(member.record, tie) ?? '0');
        });
      });
      found = {
        model: {
          codes: cohort.members.map((member) => member.record.uscc),
          base,
          values,
          ties,
          meanMissing: moved.map((indicator) => indicator.notApplicable.method === 'cohortMean'),
          scratch: new Float64Array(n),
          scores: new Float64Array(n),
        },
        index: new Map(cohort.members.map((member, i) => [member.record.uscc, i])),
      };
      this.#cohortModels.set(key, found);
    }
    return found;
  }

  /**
   * Where a "set" override on an indicator this figure moves ("亩均税收 < 1 → D") gives the member its class
   * now: the change (cents) that brings the indicator's value to the rule's value, or null.
   */
  #floorCents(
    cohort: CohortData,
    member: Member,
    figure: MoveFigure,
    sign: 1 | -1,
    max: number,
    /** Any such rule that holds now, whatever class it sets (else only one that sets the class it has). */
    holding: boolean,
  ): number | null {
    if (!holding && member.classIndex <= member.bandIndex) return null;
    let best: number | null = null;
    for (const step of this.#scheme.overrides) {
      if (step.kind !== 'set') continue;
      if (!holding && this.#classIds.indexOf(step.class) !== member.classIndex) continue;
      const when = step.when;
      if (!('indicator' in when) || (when.op !== 'lt' && when.op !== 'lte')) continue;
      const indicator = cohort.indicators.find((i) => i.key === when.indicator);
      if (indicator === undefined || indicator.direction !== 'higher') continue;
      const numerator = figureText(member.record, indicator.numerator);
      const denominator = figureText(member.record, indicator.denominator);
      if (numerator === undefined || denominator === undefined) continue;
      const factor = dec(indicator.factor);
      const value = dec(when.value);
      let change: Dec;
      if (indicator.numerator === figure)
        change = value.times(dec(denominator)).div(factor).minus(dec(numerator));
      else if (indicator.denominator === figure && sign < 0 && value.gt(0)) {
        change = dec(denominator).minus(dec(numerator).times(factor).div(value));
      } else continue;
      if (holding && !change.gt(0)) continue;
      const cents = Math.min(Math.max(change.times(100).ceil().toNumber(), 1), max);
      best = best === null ? cents : Math.max(best, cents);
    }
    return best;
  }

  /** The cohort's members by rank (rank r at r − 1). */
  #byRank(cohort: CohortData): readonly (Member | undefined)[] {
    let list = this.#ranked.get(cohort.id);
    if (list === undefined) {
      list = [];
      for (const m of cohort.members) if (m.rank >= 1) list[m.rank - 1] = m;
      this.#ranked.set(cohort.id, list);
    }
    return list;
  }

  /** Each probe graded again: the class index reached when better than now, else -1. */
  evaluate(probes: readonly Probe[]): Outcome[] {
    const outcomes: Outcome[] = probes.map(() => ({ reached: -1, need: null }));
    // Group by cohort, figure and the benchmarks the change gives.
    const groups = new Map<
      string,
      {
        cohort: CohortData;
        figure: MoveFigure;
        moved: Indicator[];
        texts: (DecimalString | null)[];
        items: { p: number; record: EnterpriseRecord; variant: EnterpriseRecord }[];
        meanFixed: boolean[];
      }
    >();
    probes.forEach(({ search, cents }, p) => {
      const { cohort, member, figure, sign } = search;
      const variant = changed(member.record, figure, sign, cents);
      if (cohort.records.length <= this.#small) {
        // A small cohort: grading it again whole is one grading, cheaper than the three parts.
        const graded = grade(
          cohort.records.map((record) => (record === member.record ? variant : record)),
          this.#scheme,
        );
        const again = graded.result(variant.uscc);
        const reached = this.#classIds.indexOf(again?.finalClass ?? '');
        const same = again?.status === 'rated' && again.cohort === cohort.id;
        const outcome = outcomes[p] as Outcome;
        if (same && reached >= 0 && reached < member.classIndex) outcome.reached = reached;
        const last = this.#targetRank(search);
        if (same && last !== null) {
          const totals: number[] = [];
          for (const other of graded.results()) {
            if (other.status !== 'rated' || other.cohort !== cohort.id || other.uscc === variant.uscc)
              continue;
            totals.push(this.units(other.totalScore ?? '0'));
          }
          totals.sort((a, b) => b - a);
          const at = totals[last - 1];
          if (at !== undefined) outcome.need = at - this.units(again.totalScore ?? '0');
        }
        return;
      }
      const moved = cohort.indicators.filter((i) => i.numerator === figure || i.denominator === figure);
      const texts = moved.map((indicator) => this.#benchmark(cohort, indicator, member.record, variant));
      const key = `${cohort.id}|${figure}|${texts.join('|')}`;
      let group = groups.get(key);
      if (group === undefined) {
        groups.set(
          key,
          (group = { cohort, figure, moved, texts, items: [], meanFixed: moved.map(() => false) }),
        );
      }
      group.items.push({ p, record: member.record, variant });
    });
    const byBand = new Map<
      string,
      { cohort: CohortData; band: number; items: { p: number; variant: EnterpriseRecord }[] }
    >();
    for (const group of groups.values()) {
      const standings = this.#standingsFor(group.cohort, group.figure, group.moved);
      // The own records are graded with the moved benchmarks given (and the missing-data means where a
      // variant takes one); a member that the prediction said applies but does not is graded again with
      // every moved mean fixed, so a batch's own mean never stands in for the cohort's.
      let graded = this.#gradeGiven(group, standings, false);
      const unexpected = group.items.some((item) => {
        const decided = graded.decided(item.variant.uscc);
        return group.moved.some(
          (indicator, k) =>
            group.meanFixed[k] !== true &&
            indicator.notApplicable.method === 'cohortMean' &&
            decided?.applicable[group.cohort.indicators.indexOf(indicator)] === false,
        );
      });
      if (unexpected) graded = this.#gradeGiven(group, standings, true);
      for (const item of group.items) {
        // Its decisions only: writing its full result (trace and texts) cost more than grading it.
        const decided = graded.decided(item.variant.uscc);
        if (decided?.rated !== true || decided.cohort !== group.cohort.id) continue;
        const search = (probes[item.p] as Probe).search;
        const { band, need } = this.#band(
          group.cohort,
          group.moved,
          group.texts,
          standings,
          decided,
          item,
          search,
        );
        (outcomes[item.p] as Outcome).need = need;
        // One grading per figure: an enterprise searches each figure once per round, so codes stay unique.
        const bandKey = `${group.cohort.id}|${group.figure}|${band}`;
        let list = byBand.get(bandKey);
        if (list === undefined) byBand.set(bandKey, (list = { cohort: group.cohort, band, items: [] }));
        list.items.push(item);
      }
    }
    for (const { cohort, band, items } of byBand.values()) {
      const graded = grade(
        items.map((item) => item.variant),
        this.#forcedBand(cohort.id, band),
      );
      for (const { p, variant } of items) {
        const decided = graded.decided(variant.uscc);
        if (decided?.rated !== true || decided.cohort !== cohort.id) continue;
        const reached = decided.finalClass;
        const probe = probes[p] as Probe;
        if (reached >= 0 && reached < probe.search.member.classIndex)
          (outcomes[p] as Outcome).reached = reached;
      }
    }
    return outcomes;
  }

  /** A moved indicator's benchmark with the member's figures replaced by the variant's. */
  #benchmark(
    cohort: CohortData,
    indicator: Indicator,
    record: EnterpriseRecord,
    variant: EnterpriseRecord,
  ): DecimalString | null {
    const method = indicator.benchmark;
    if (method.method !== 'aggregateRatio') return cohort.benchmarks.get(indicator.key) ?? null;
    const sums = cohort.sums.get(indicator.key);
    if (sums === undefined) return null;
    const applies = (r: EnterpriseRecord): boolean => {
      const n = figureText(r, indicator.numerator);
      const d = figureText(r, indicator.denominator);
      return n !== undefined && d !== undefined && !dec(d).isZero();
    };
    let numerator = sums.numerator;
    let denominator = sums.denominator;
    if (applies(record)) {
      numerator = numerator.minus(dec(figureText(record, indicator.numerator) ?? '0'));
      denominator = denominator.minus(dec(figureText(record, indicator.denominator) ?? '0'));
    }
    if (applies(variant)) {
      numerator = numerator.plus(dec(figureText(variant, indicator.numerator) ?? '0'));
      denominator = denominator.plus(dec(figureText(variant, indicator.denominator) ?? '0'));
    }
    if (denominator.isZero()) return null;
    return fixed(numerator.times(dec(indicator.factor)).div(denominator), this.#scheme.rounding.benchmark);
  }

  /** The cohort's members sorted once as graded, for the indicators `figure` moves (kept per figure). */
  #standingsFor(cohort: CohortData, figure: MoveFigure, moved: readonly Indicator[]): CohortStandings {
    const key = `${cohort.id}|${figure}`;
    let standings = this.#standings.get(key);
    if (standings !== undefined) return standings;
    const compiledCohort = this.#compiled.cohorts.find((c) => c.cohort.id === cohort.id);
    const indicators: MovedIndicator[] = moved.map((indicator) => ({
      compiled: compiledCohort?.indicators.find(
        (c) => c.indicator.key === indicator.key,
      ) as CompiledIndicator,
      graded: cohort.benchmarks.get(indicator.key) ?? null,
      meanMissing: indicator.notApplicable.method === 'cohortMean',
    }));
    const members = cohort.results.map((result, m) => {
      const record = cohort.records[m] as EnterpriseRecord;
      return {
        record,
        total: this.units(result.totalScore ?? '0'),
        ties: this.#ties(record),
        scores: moved.map((indicator) => this.units(result.indicators[indicator.key]?.score ?? '0')),
        applies: moved.map((indicator) => result.indicators[indicator.key]?.applicable === true),
      };
    });
    standings = new CohortStandings(members, indicators, this.#scoreDp, (a, b) => standingOrder(a, b, 0));
    this.#standings.set(key, standings);
    return standings;
  }

  /** The band the variant's total reaches among the others (its own old standing left out). */
  #band(
    cohort: CohortData,
    moved: readonly Indicator[],
    texts: readonly (DecimalString | null)[],
    standings: CohortStandings,
    decided: Decided,
    item: { readonly record: EnterpriseRecord; readonly variant: EnterpriseRecord },
    search: Search,
  ): { band: number; need: number | null } {
    const total = decided.totalUnits;
    const oldResult = cohort.byCode.get(item.record.uscc)?.result;
    // The means the others' missing scores take, with the variant's own scores in place of its old ones.
    const means = moved.map((indicator, k) => {
      if (indicator.notApplicable.method !== 'cohortMean' || !standings.takesMean(k)) return 0;
      let { sum, count } = standings.applicableSum(k, texts[k] ?? null);
      if (oldResult?.indicators[indicator.key]?.applicable === true) {
        sum -= standings.score(k, item.record, texts[k] ?? null);
        count -= 1;
      }
      // The fixed scheme keeps the cohort's indicators in their order.
      const at = cohort.indicators.indexOf(indicator);
      if (decided.applicable[at] === true) {
        sum += decided.scores[at] ?? 0;
        count += 1;
      }
      return count > 0 ? divideHalfUp(sum, count) : 0;
    });
    const self: Standing = { total, ties: this.#ties(item.variant), code: item.variant.uscc };
    const shiftOf = (pattern: number): number => {
      let shift = 0;
      means.forEach((mean, k) => {
        if ((pattern & (1 << k)) !== 0) shift += mean;
      });
      return shift;
    };
    const last = this.#classIds.length - 1;
    const bandAt = (rank: number): number => {
      if (cohort.bandLimits === null) return 0;
      for (let c = 0; c < cohort.bandLimits.length; c++)
        if (rank <= (cohort.bandLimits[c] as number)) return c;
      return last;
    };
    // Only the band is read from the rank: the count stops once every count left gives the same band.
    const ahead = standings.countAhead(
      self,
      texts,
      shiftOf,
      standingOrder,
      (lo, hi) => bandAt(lo + 1) === bandAt(hi + 1),
    );
    let band = bandAt(ahead.lo + 1);
    const targetRank = this.#targetRank(search);
    const at = targetRank === null ? null : standings.kthTotal(targetRank, self.code, texts, shiftOf, total);
    if (cohort.thresholds !== null) {
      let byScore = last;
      for (let c = 0; c < cohort.thresholds.length; c++) {
        if (total >= (cohort.thresholds[c] as number)) {
          byScore = c;
          break;
        }
      }
      band = Math.max(band, byScore);
    }
    return { band, need: at === null ? null : at - total };
  }

  /** The better band's last rank, which the model aims at (null: the search has no model). */
  #targetRank(search: Search): number | null {
    // Worked out only while the search still takes the model's suggestions.
    if (search.model === null || search.refinements >= REFINEMENTS) return null;
    return search.targetRank;
  }

  /** The tie-break figures (missing as 0), read once per record object. */
  #ties(record: EnterpriseRecord): Dec[] {
    let ties = this.#tieCache.get(record);
    if (ties === undefined) {
      ties = this.#scheme.tieBreak.map((key) => dec(figureText(record, key) ?? '0'));
      this.#tieCache.set(record, ties);
    }
    return ties;
  }

  /**
   * A group's own records graded under its benchmark texts. The texts go in as given benchmarks (the
   * engine's `previousYear` route, `GradeOptions.previous`), so one scheme per cohort, figure and fixed
   * means serves every probe and is compiled once, instead of one scheme per texts (compileScheme was a
   * sixth of the time). A moved indicator's missing-data mean is fixed in the scheme only where a variant
   * may take it: where one of the members did not apply as graded, or `all`. Without a text (no
   * benchmark), the scheme with everything fixed, as before.
   */
  #gradeGiven(group: GradeGroup, standings: CohortStandings, all: boolean): Grading {
    const { cohort, moved, texts } = group;
    const variants = group.items.map((item) => item.variant);
    const missing = moved.map((indicator, k) => {
      if (indicator.notApplicable.method !== 'cohortMean') return null;
      const taken =
        all ||
        group.items.some(
          (item) =>
            cohort.byCode.get(item.record.uscc)?.result.indicators[indicator.key]?.applicable !== true,
        );
      if (!taken) return null;
      group.meanFixed[k] = true;
      const { sum, count } = standings.applicableSum(k, texts[k] ?? null);
      return count > 0 ? this.format(divideHalfUp(sum, count)) : null;
    });
    if (texts.some((text) => text === null)) {
      const everyMean = moved.map((indicator, k) => {
        if (indicator.notApplicable.method !== 'cohortMean') return null;
        group.meanFixed[k] = true;
        const { sum, count } = standings.applicableSum(k, texts[k] ?? null);
        return count > 0 ? this.format(divideHalfUp(sum, count)) : null;
      });
      return grade(variants, this.#fixedScheme(cohort, moved, texts, everyMean));
    }
    const key = `${cohort.id}|${group.figure}|${missing.join('|')}`;
    let scheme = this.#given.get(key);
    if (scheme === undefined) {
      scheme = this.#givenScheme(cohort, moved, missing);
      if (this.#given.size >= GIVEN_SCHEMES) this.#given.delete(this.#given.keys().next().value as string);
      this.#given.set(key, scheme);
    }
    const benchmarks = Object.fromEntries(moved.map((indicator, k) => [indicator.key, texts[k] ?? null]));
    // Only the cohorts' benchmarks are read of a "previous result" (previous.ts, statistic 'benchmark').
    const previous = {
      cohorts: { [cohort.id]: { benchmarks } },
      enterprises: [],
    } as unknown as PreviousResult;
    return grade(variants, scheme, { previous });
  }

  /**
   * The scheme with this cohort's moved indicators' benchmarks given from outside (`previousYear`,
   * statistic 'benchmark', read from `GradeOptions.previous`), the others' fixed as graded, and the
   * missing scores fixed: the moved ones' from `missing` where given, the others' as graded.
   */
  #givenScheme(
    cohort: CohortData,
    moved: readonly Indicator[],
    missing: readonly (DecimalString | null)[],
  ): Scheme {
    const indicators = cohort.indicators.map((indicator): Indicator => {
      const k = moved.indexOf(indicator);
      const graded = cohort.benchmarks.get(indicator.key) ?? null;
      const missingScore = k >= 0 ? (missing[k] ?? null) : (cohort.missingScores.get(indicator.key) ?? null);
      return {
        ...indicator,
        ...(k >= 0
          ? { benchmark: { method: 'previousYear' as const, statistic: 'benchmark' as const } }
          : graded === null
            ? {}
            : { benchmark: { method: 'fixed' as const, value: graded } }),
        ...fixedMissing(indicator, missingScore),
      };
    });
    return this.#withIndicators(cohort, indicators);
  }

  /** The scheme with `cohort` graded by `indicators`: a set of its own, so no other cohort changes. */
  #withIndicators(cohort: CohortData, indicators: Indicator[]): Scheme {
    const setName = `__whatif_${cohort.id}`;
    return {
      ...this.#scheme,
      indicatorSets: { ...this.#scheme.indicatorSets, [setName]: indicators },
      cohorts: this.#scheme.cohorts.map((c) => (c.id === cohort.id ? { ...c, indicators: setName } : c)),
    };
  }

  /**
   * The scheme with this cohort's benchmarks published as fixed figures (the moved indicators' from
   * `texts`, the others' as graded) and its missing scores fixed (the moved ones' from `missing`).
   */
  #fixedScheme(
    cohort: CohortData,
    moved: readonly Indicator[],
    texts: readonly (DecimalString | null)[],
    missing: readonly (DecimalString | null)[],
  ): Scheme {
    const indicators = cohort.indicators.map((indicator) => {
      const k = moved.indexOf(indicator);
      const benchmark = k >= 0 ? (texts[k] ?? null) : (cohort.benchmarks.get(indicator.key) ?? null);
      const missingScore = k >= 0 ? (missing[k] ?? null) : (cohort.missingScores.get(indicator.key) ?? null);
      return {
        ...indicator,
        ...(benchmark === null ? {} : { benchmark: { method: 'fixed' as const, value: benchmark } }),
        ...fixedMissing(indicator, missingScore),
      };
    });
    return this.#withIndicators(cohort, indicators);
  }

  /** The scheme with this cohort's class forced to `band` before the overrides (by score thresholds). */
  #forcedBand(cohortId: string, band: number): Scheme {
    const key = `${cohortId}|${band}`;
    let scheme = this.#forced.get(key);
    if (scheme === undefined) {
      const thresholds = this.#classIds
        .slice(0, -1)
        .map((id, c) => ({ class: id, minScore: c < band ? HIGH : LOW }));
      scheme = {
        ...this.#scheme,
        cohorts: this.#scheme.cohorts.map((c) =>
          c.id === cohortId ? { ...c, classification: { thresholds } } : c,
        ),
      };
      this.#forced.set(key, scheme);
    }
    return scheme;
  }

  /** A score written with exactly the score decimals, as integer units (exact below 2^53). */
  units(score: DecimalString): number {
    return this.#scoreDp === 0 ? Number(score) : Number(score.replace('.', ''));
  }

  format(units: number): DecimalString {
    return fixed(new Dec(units).div(new Dec(10).pow(this.#scoreDp)), this.#scoreDp);
  }
}

/** A cohort-mean indicator's missing score fixed at `score` (nothing where there is none or no mean). */
function fixedMissing(indicator: Indicator, score: DecimalString | null): Partial<Indicator> {
  return score === null || indicator.notApplicable.method !== 'cohortMean'
    ? {}
    : { notApplicable: { method: 'fixed', score } };
}

/** Round half-up of a / b for integers (b > 0), ties away from zero, as the engine's missing-data mean. */
function divideHalfUp(a: number, b: number): number {
  const rounded = Math.floor((2 * Math.abs(a) + b) / (2 * b));
  return a < 0 && rounded !== 0 ? -rounded : rounded;
}

function figureText(record: EnterpriseRecord, key: string): DecimalString | undefined {
  return (record as unknown as Readonly<Record<string, DecimalString | undefined>>)[key];
}

/** The record with one figure moved by `sign` × cents / 100 (land: the resolved 亩). */
function changed(
  record: EnterpriseRecord,
  figure: MoveFigure,
  sign: 1 | -1,
  cents: number,
): EnterpriseRecord {
  const value = canonical(dec(figureText(record, figure) ?? '0').plus(new Dec(sign * cents).div(100)));
  return { ...record, [figure]: value };
}
