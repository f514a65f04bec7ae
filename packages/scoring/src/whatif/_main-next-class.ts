import { Dec, canonical, dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { grade } from '../engine/grade.js';
import type { Grading } from '../engine/grading.js';
import type { EnterpriseResult } from '../engine/result.js';
import type { EnterpriseRecord } from '../records/record.js';
import type { Indicator, Scheme } from '../scheme/scheme.js';

/**
 * "How to move up, exactly": for a rated enterprise, the smallest change of one of its own figures (to
 * 0.01 of the figure's unit) which, with every other figure of every enterprise unchanged and its cohort
 * graded again (benchmarks, missing-data means, ranks, bands and overrides), gives it a better final class.
 *
 * Built on the public grading only. A probe never re-implements a rule: what a changed figure does is
 * decided by `grade` itself, in three parts that together are the whole cohort graded again:
 *   1. the cohort's benchmarks with the changed figure, exactly (aggregate ratios are Σ / Σ, so only the
 *      enterprise's own term moves; the sums are kept exactly);
 *   2. every other member's total under those benchmarks: the cohort graded once with them published as
 *      fixed figures (one grading per distinct set of rounded benchmarks, cached; rounding to the
 *      benchmark decimals makes them few), sorted by the method's order (total, tie-break figures, code);
 *   3. the enterprise's own total under the same benchmarks and missing-data means, then its rank among
 *      the others, its band, and the final class the overrides give at that band, graded as a batch with
 *      every other probe of the same round (all searches advance in lockstep, so a grading serves many).
 * The search is exponential (0.01, 0.02, 0.04, …) then binary over whole cents; it assumes the final class
 * does not get worse as the figure improves (the tests check the answer by grading the whole cohort again at
 * the answer and at 0.01 less).
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
  /** 用地面积 (亩) to give up, kept above zero and in scope. */
  readonly landReduction: FigureMove | null;
  /**
   * The points between the total and the lowest total now inside the better band (others unchanged);
   * null when the class is set by other than the rank bands.
   */
  readonly scoreGap: DecimalString | null;
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
}

const LIMIT_CENTS = 1e11; // 10^9 万元: beyond any enterprise; an answer past it is "no increase can".
/** Standings kept for reuse across rounds, in all (the others of one cohort under one set of benchmarks). */
const CACHE = 4_000_000;
const SMALL = 64;
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
  const answers = new Map<string, Map<MoveFigure, FigureMove | null>>();
  const searches: Search[] = [];
  for (const cohort of context.cohorts.values()) {
    for (const member of cohort.members) {
      if (wanted !== null && !wanted.has(member.record.uscc)) continue;
      if (!context.supported(member)) continue;
      answers.set(member.record.uscc, new Map());
      if (member.classIndex === 0) continue;
      for (const figure of figures) {
        const search = newSearch(cohort, member, figure);
        if (search !== null) searches.push(search);
      }
    }
  }
  let active = searches;
  while (active.length > 0) {
    const probes = active.map((search) => ({ search, cents: nextProbe(search) }));
    const outcomes = context.evaluate(probes);
    probes.forEach(({ search, cents }, p) => {
      settle(search, cents, outcomes[p] as number);
    });
    active = active.filter((search) => !search.done);
  }
  for (const search of searches) {
    const found =
      search.hi === null
        ? null
        : { class: context.classId(search.hiClass), change: fixed(new Dec(search.hi).div(100), 2) };
    answers.get(search.member.record.uscc)?.set(search.figure, found);
  }
  const out = new Map<string, ToNextClass | null>();
  for (const [uscc, found] of answers) {
    const member = context.member(uscc);
    const tax = found.get('tax') ?? null;
    const addedValue = found.get('addedValue') ?? null;
    const land = found.get('landMu') ?? null;
    if (member === undefined || (tax === null && addedValue === null && land === null)) {
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
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The search: whole cents, exponential then binary.

interface Search {
  readonly cohort: CohortData;
  readonly member: Member;
  readonly figure: MoveFigure;
  readonly sign: 1 | -1;
  /** The largest change allowed, in cents. */
  readonly max: number;
  /** The largest change known not to move it up (0: none tried yet). */
  lo: number;
  /** The smallest change known to move it up. */
  hi: number | null;
  hiClass: number;
  done: boolean;
}

function newSearch(cohort: CohortData, member: Member, figure: MoveFigure): Search | null {
  const value = figureText(member.record, figure);
  if (value === undefined) return null;
  if (figure !== 'tax' && !cohort.reads.has(figure)) return null;
  let max = LIMIT_CENTS;
  if (figure === 'landMu') {
    // Keep some land: the largest whole-cent reduction that leaves more than zero.
    max = dec(value).times(100).ceil().toNumber() - 1;
    if (max < 1) return null;
  }
  return {
    cohort,
    member,
    figure,
    sign: figure === 'landMu' ? -1 : 1,
    max,
    lo: 0,
    hi: null,
    hiClass: -1,
    done: false,
  };
}

function nextProbe(search: Search): number {
  if (search.hi === null) return Math.min(search.lo === 0 ? 1 : search.lo * 2, search.max);
  return Math.floor((search.lo + search.hi) / 2);
}

/** Takes one probe's outcome: the class index reached, or -1 when it is not better. */
function settle(search: Search, cents: number, reached: number): void {
  if (reached >= 0) {
    search.hi = cents;
    search.hiClass = reached;
  } else {
    search.lo = cents;
    if (search.hi === null && cents >= search.max) search.done = true;
  }
  if (search.hi !== null && search.hi - search.lo <= 1) search.done = true;
}

// ---------------------------------------------------------------------------------------------------
// The cohort as graded, and probes graded again.

interface Member {
  readonly record: EnterpriseRecord;
  readonly cohortId: string;
  readonly classIndex: number;
  readonly totalUnits: number;
  readonly rank: number;
  readonly bandIndex: number;
}

interface CohortData {
  readonly id: string;
  readonly records: readonly EnterpriseRecord[];
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

/** One other member under changed benchmarks: its total without the moved indicators' missing scores. */
interface Standing {
  readonly total: number;
  readonly ties: readonly Dec[];
  readonly code: string;
}

interface Others {
  /** By missing pattern (bit k: moved indicator k not applicable): members in the method's order. */
  readonly groups: Map<number, Standing[]>;
  /** Σ of the applicable scores (units) of each moved indicator, and how many apply. */
  readonly sums: readonly number[];
  readonly counts: readonly number[];
  /** Each member's own entry (pattern and standing), by code. */
  readonly own: Map<
    string,
    { readonly pattern: number; readonly standing: Standing; readonly scores: readonly number[] }
  >;
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
  readonly #others = new Map<string, Others>();
  readonly #forced = new Map<string, Scheme>();
  readonly #tieCache = new WeakMap<EnterpriseRecord, Dec[]>();
  #cached = 0;

  readonly #small: number;

  constructor(records: readonly EnterpriseRecord[], scheme: Scheme, grading: Grading, small: number) {
    this.#small = small;
    this.#scheme = scheme;
    this.#classIds = scheme.classes.map((c) => c.id);
    this.#scoreDp = scheme.rounding.score;
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
        record: cohortRecords[k] as EnterpriseRecord,
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

  /** Each probe graded again: the class index reached when better than now, else -1. */
  evaluate(probes: readonly Probe[]): number[] {
    const outcomes = new Array<number>(probes.length).fill(-1);
    // Group by cohort, figure and the benchmarks the change gives.
    const groups = new Map<
      string,
      {
        cohort: CohortData;
        moved: Indicator[];
        texts: (DecimalString | null)[];
        items: { p: number; variant: EnterpriseRecord }[];
      }
    >();
    probes.forEach(({ search, cents }, p) => {
      const { cohort, member, figure, sign } = search;
      const variant = changed(member.record, figure, sign, cents);
      if (cohort.records.length <= this.#small) {
        // A small cohort: grading it again whole is one grading, cheaper than the three parts.
        const again = grade(
          cohort.records.map((record) => (record === member.record ? variant : record)),
          this.#scheme,
        ).result(variant.uscc);
        const reached = this.#classIds.indexOf(again?.finalClass ?? '');
        const same = again?.status === 'rated' && again.cohort === cohort.id;
        if (same && reached >= 0 && reached < member.classIndex) outcomes[p] = reached;
        return;
      }
      const moved = cohort.indicators.filter((i) => i.numerator === figure || i.denominator === figure);
      const texts = moved.map((indicator) => this.#benchmark(cohort, indicator, member.record, variant));
      const key = `${cohort.id}|${figure}|${texts.join('|')}`;
      let group = groups.get(key);
      if (group === undefined) groups.set(key, (group = { cohort, moved, texts, items: [] }));
      group.items.push({ p, variant });
    });
    const byBand = new Map<
      string,
      { cohort: CohortData; band: number; items: { p: number; variant: EnterpriseRecord }[] }
    >();
    for (const [key, group] of groups) {
      const others = this.#othersFor(key, group.cohort, group.moved, group.texts);
      const ownMissing = group.moved.map((indicator, k) =>
        indicator.notApplicable.method === 'cohortMean' && (others.counts[k] ?? 0) > 0
          ? this.format(divideHalfUp(others.sums[k] ?? 0, others.counts[k] ?? 1))
          : null,
      );
      const scheme = this.#fixedScheme(group.cohort, group.moved, group.texts, ownMissing);
      const graded = grade(
        group.items.map((item) => item.variant),
        scheme,
      );
      for (const item of group.items) {
        const result = graded.result(item.variant.uscc);
        if (result?.status !== 'rated' || result.cohort !== group.cohort.id) continue;
        const band = this.#band(group.cohort, group.moved, others, result, item.variant);
        // One grading per figure: an enterprise searches each figure once per round, so codes stay unique.
        const bandKey = `${group.cohort.id}|${key.split('|')[1] ?? ''}|${band}`;
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
        const result = graded.result(variant.uscc);
        if (result?.status !== 'rated' || result.cohort !== cohort.id) continue;
        const reached = this.#classIds.indexOf(result.finalClass ?? '');
        const probe = probes[p] as Probe;
        if (reached >= 0 && reached < probe.search.member.classIndex) outcomes[p] = reached;
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

  /** The cohort's other members under changed benchmarks, each in the method's order (cached). */
  #othersFor(
    key: string,
    cohort: CohortData,
    moved: readonly Indicator[],
    texts: readonly (DecimalString | null)[],
  ): Others {
    const cached = this.#others.get(key);
    if (cached !== undefined) {
      this.#others.delete(key);
      this.#others.set(key, cached);
      return cached;
    }
    const missing = moved.map((indicator) => (indicator.notApplicable.method === 'cohortMean' ? '0' : null));
    const graded = grade(cohort.records, this.#fixedScheme(cohort, moved, texts, missing));
    const groups = new Map<number, Standing[]>();
    const sums = moved.map(() => 0);
    const counts = moved.map(() => 0);
    const own = new Map<string, { pattern: number; standing: Standing; scores: number[] }>();
    for (const result of graded.results()) {
      if (result.status !== 'rated') continue;
      let pattern = 0;
      const scores = moved.map((indicator, k) => {
        const scored = result.indicators[indicator.key];
        const units = this.units(scored?.score ?? '0');
        if (scored?.applicable === true) {
          sums[k] = (sums[k] as number) + units;
          counts[k] = (counts[k] as number) + 1;
        } else if (indicator.notApplicable.method === 'cohortMean') pattern |= 1 << k;
        return units;
      });
      const record = cohort.byCode.get(result.uscc)?.record as EnterpriseRecord;
      const standing = {
        total: this.units(result.totalScore ?? '0'),
        ties: this.#ties(record),
        code: result.uscc,
      };
      let list = groups.get(pattern);
      if (list === undefined) groups.set(pattern, (list = []));
      list.push(standing);
      own.set(result.uscc, { pattern, standing, scores });
    }
    for (const list of groups.values()) list.sort((a, b) => order(a, b, 0));
    const others: Others = { groups, sums, counts, own };
    this.#others.set(key, others);
    // Keep the most recently used standings, up to CACHE of them in all (about 50 bytes each).
    this.#cached += cohort.records.length;
    while (this.#cached > CACHE && this.#others.size > 1) {
      const oldest = this.#others.keys().next().value as string;
      this.#cached -= this.#others.get(oldest)?.own.size ?? 0;
      this.#others.delete(oldest);
    }
    return others;
  }

  /** The band the variant's total reaches among the others (its own old standing left out). */
  #band(
    cohort: CohortData,
    moved: readonly Indicator[],
    others: Others,
    result: EnterpriseResult,
    variant: EnterpriseRecord,
  ): number {
    const total = this.units(result.totalScore ?? '0');
    const old = others.own.get(variant.uscc);
    // The means the others' missing scores take, with the variant's own scores in place of its old ones.
    const means = moved.map((indicator, k) => {
      if (indicator.notApplicable.method !== 'cohortMean') return 0;
      let sum = others.sums[k] ?? 0;
      let count = others.counts[k] ?? 0;
      if (old !== undefined && (old.pattern & (1 << k)) === 0) {
        sum -= old.scores[k] ?? 0;
        count -= 1;
      }
      const scored = result.indicators[indicator.key];
      if (scored?.applicable === true) {
        sum += this.units(scored.score);
        count += 1;
      }
      return count > 0 ? divideHalfUp(sum, count) : 0;
    });
    const self: Standing = { total, ties: this.#ties(variant), code: variant.uscc };
    let ahead = 0;
    for (const [pattern, list] of others.groups) {
      let shift = 0;
      moved.forEach((_, k) => {
        if ((pattern & (1 << k)) !== 0) shift += means[k] as number;
      });
      ahead += countAhead(list, self, shift);
      if (old !== undefined && old.pattern === pattern && order(old.standing, self, shift) < 0) ahead -= 1;
    }
    const rank = ahead + 1;
    const last = this.#classIds.length - 1;
    let band = 0;
    if (cohort.bandLimits !== null) {
      band = last;
      for (let c = 0; c < cohort.bandLimits.length; c++) {
        if (rank <= (cohort.bandLimits[c] as number)) {
          band = c;
          break;
        }
      }
    }
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
    return band;
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
   * The scheme with this cohort's benchmarks published as fixed figures (the moved indicators' from
   * `texts`, the others' as graded) and its missing scores fixed (the moved ones' from `missing`).
   */
  #fixedScheme(
    cohort: CohortData,
    moved: readonly Indicator[],
    texts: readonly (DecimalString | null)[],
    missing: readonly (DecimalString | null)[],
  ): Scheme {
    const setName = `__whatif_${cohort.id}`;
    const indicators = cohort.indicators.map((indicator) => {
      const k = moved.indexOf(indicator);
      const benchmark = k >= 0 ? (texts[k] ?? null) : (cohort.benchmarks.get(indicator.key) ?? null);
      const missingScore = k >= 0 ? (missing[k] ?? null) : (cohort.missingScores.get(indicator.key) ?? null);
      return {
        ...indicator,
        ...(benchmark === null ? {} : { benchmark: { method: 'fixed' as const, value: benchmark } }),
        ...(missingScore === null || indicator.notApplicable.method !== 'cohortMean'
          ? {}
          : { notApplicable: { method: 'fixed' as const, score: missingScore } }),
      };
    });
    return {
      ...this.#scheme,
      indicatorSets: { ...this.#scheme.indicatorSets, [setName]: indicators },
      cohorts: this.#scheme.cohorts.map((c) => (c.id === cohort.id ? { ...c, indicators: setName } : c)),
    };
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

/** Negative when `a` (its total raised by `shift`) ranks before `b`: total, tie-break figures, code. */
function order(a: Standing, b: Standing, shift: number): number {
  const total = a.total + shift - b.total;
  if (total !== 0) return total > 0 ? -1 : 1;
  for (let k = 0; k < a.ties.length; k++) {
    const compared = (a.ties[k] as Dec).comparedTo(b.ties[k] as Dec);
    if (compared !== 0) return -compared;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** How many of a sorted list (each total raised by `shift`) rank before `self`. */
function countAhead(list: readonly Standing[], self: Standing, shift: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid] as Standing, self, shift) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
