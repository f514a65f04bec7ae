import { Dec, fixed } from '../decimal/decimal.js';
import type { DecimalString } from '../decimal/decimal.js';
import { published } from '../engine/benchmark.js';
import type { Benchmark } from '../engine/benchmark.js';
import type { CompiledIndicator } from '../engine/compile.js';
import { approx } from '../engine/exact.js';
import { estimateRatioScoreUnits, ratioScoreUnits } from '../engine/score.js';
import type { EnterpriseRecord } from '../records/record.js';

/**
 * The other members of a cohort under changed benchmarks of the indicators one figure moves, without
 * grading the cohort again for each probe.
 *
 * The members are sorted by their totals under some benchmark texts (a base; the moved indicators'
 * missing-data scores taken out, as those are added back per missing pattern). A change of benchmark
 * B0 → B moves a member's score on a ratio indicator by at most weight × cap × |B − B0| / min(B, B0) (a
 * refund without a floor: by its own |ratio| instead of the cap), plus one unit for each of the two
 * roundings. So a member whose total at the base is further than that bound from the probe's total keeps
 * its side of it and is counted by binary search; only members inside the window are scored again,
 * exactly, by the engine's own ratio scoring.
 *
 * One base is the cohort as graded. A probe whose figure moves the benchmark far (a large change, as
 * when an enterprise can only rise by pulling everyone else's ratio down) would have a window as wide as
 * the cohort there, so the bases also include rungs: the totals at benchmarks on a geometric grid around
 * the graded ones, built the first time a probe needs one (and kept, within a memory budget). Every
 * probe is counted from the rung nearest its benchmarks, where the bound is a few score units.
 *
 * Where the caller needs only a decision (which band the rank falls in), the window is rescored only
 * until every count still possible gives the same answer.
 *
 * The missing-data means of the moved indicators are sums over every applicable member, exact, worked
 * out once per set of benchmark texts (cached), and only where some member takes the mean.
 */

export interface Standing {
  readonly total: number;
  readonly ties: readonly Dec[];
  readonly code: string;
}

/** Negative when `a` (its total raised by `shift`) ranks before `b`: total, tie-break figures, code. */
export function standingOrder(a: Standing, b: Standing, shift: number): number {
  const total = a.total + shift - b.total;
  if (total !== 0) return total > 0 ? -1 : 1;
  for (let k = 0; k < a.ties.length; k++) {
    const compared = (a.ties[k] as Dec).comparedTo(b.ties[k] as Dec);
    if (compared !== 0) return -compared;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

interface Entry extends Standing {
  readonly record: EnterpriseRecord;
  /** By moved indicator: whether it applies. */
  readonly applies: readonly boolean[];
  /** By moved indicator: its score units as graded (0 where it does not apply). */
  readonly scores: readonly number[];
  /** By moved indicator: the float images of its numerator and denominator, read once (2k, 2k + 1). */
  readonly images: Float64Array;
}

export interface MovedIndicator {
  readonly compiled: CompiledIndicator;
  /** The benchmark text as graded (null: none). */
  readonly graded: DecimalString | null;
  /** The missing-data score is the cohort mean of the applicable scores. */
  readonly meanMissing: boolean;
}

export interface GradedMember {
  readonly record: EnterpriseRecord;
  /** Its total as graded, in score units. */
  readonly total: number;
  readonly ties: readonly Dec[];
  /** By moved indicator: its graded score units, and whether the indicator applies. */
  readonly scores: readonly number[];
  readonly applies: readonly boolean[];
}

const MEAN_CACHE = 100_000;
/** The widest bound (score units) kthTotal still works through; its answer only aims the next probe. */
const HINT_BOUND = 200;
/**
 * The bound (score units) each moved indicator may add between a probe and the rung nearest it: the rung
 * grid is that fine. Finer rungs mean narrower windows but more of them to build (each one scores and
 * sorts the whole cohort once).
 */
const RUNG_UNITS = 16;
/** Members' totals kept in rungs, all cohorts and figures together (12 bytes each); the oldest go first. */
const RUNG_ENTRIES = 24_000_000;
/** Benchmarks beyond this factor of the graded one get no rung (their decimal text would be huge). */
const RUNG_REACH = 1e12;

/** The totals of one pattern's members under a base's benchmarks, sorted highest first. */
interface Sorted {
  /** Index into the pattern's entries, by position. */
  readonly order: Int32Array;
  /** The totals (missing means excluded), by position. */
  readonly totals: Float64Array;
}

/** A reference point for the windows: every member's total under `texts`, sorted. */
interface Base {
  readonly texts: readonly (DecimalString | null)[];
  /** By missing pattern, as `#groups`. */
  readonly sorted: ReadonlyMap<number, Sorted>;
  /** How many members it sorts (its share of RUNG_ENTRIES). */
  readonly size: number;
}

/** How many others rank before a member: `lo` = `hi` when counted exactly. */
export interface CountRange {
  readonly lo: number;
  readonly hi: number;
}

export class CohortStandings {
  readonly #moved: readonly MovedIndicator[];
  readonly #dp: number;
  /** By missing pattern (bit k: moved indicator k does not apply and takes the mean): the method's order. */
  readonly #groups = new Map<number, Entry[]>();
  readonly #where = new Map<string, { readonly pattern: number; readonly entry: Entry }>();
  /** By moved indicator: the largest |numerator × factor / denominator| among refunds that can score below 0. */
  readonly #negative: number[];
  readonly #means = new Map<string, { readonly sum: number; readonly count: number }>();
  /** The cohort as graded. */
  readonly #graded: Base;
  /** By moved indicator: the rung grid's step, as ln(B / graded B); null: no rungs (no cap, no benchmark). */
  readonly #steps: readonly (number | null)[];
  /** Rungs by grid key, oldest first (a Map keeps insertion order; a rung used again moves to the end). */
  readonly #rungs = new Map<string, Base>();

  constructor(
    members: readonly GradedMember[],
    moved: readonly MovedIndicator[],
    dp: number,
    order: (a: Standing, b: Standing) => number,
  ) {
    this.#moved = moved;
    this.#dp = dp;
    this.#negative = moved.map(() => 0);
    for (const member of members) {
      let pattern = 0;
      let total = member.total;
      moved.forEach((indicator, k) => {
        if (member.applies[k] === true) this.#noteNegative(k, member.record);
        else if (indicator.meanMissing) {
          // The graded mean is taken out of the total; each probe adds back the mean under its benchmarks.
          pattern |= 1 << k;
          total -= member.scores[k] ?? 0;
        }
      });
      const entry: Entry = {
        total,
        ties: member.ties,
        code: member.record.uscc,
        record: member.record,
        applies: member.applies,
        scores: member.scores.map((units, k) => (member.applies[k] === true ? units : 0)),
        images: this.#images(member.record),
      };
      let list = this.#groups.get(pattern);
      if (list === undefined) this.#groups.set(pattern, (list = []));
      list.push(entry);
    }
    const sorted = new Map<number, Sorted>();
    for (const [pattern, list] of this.#groups) {
      list.sort(order);
      list.forEach((entry) => this.#where.set(entry.code, { pattern, entry }));
      const totals = Float64Array.from(list, (entry) => entry.total);
      sorted.set(pattern, { order: Int32Array.from(list, (_, i) => i), totals });
    }
    this.#graded = { texts: moved.map((indicator) => indicator.graded), sorted, size: 0 };
    this.#steps = moved.map(({ compiled, graded }) => {
      const units = compiled.weight * 10 ** dp * (compiled.cap ?? Number.NaN);
      if (graded === null || !(approx(graded) > 0) || !(units > 0)) return null;
      // Half a step either side of a rung moves a score by at most units × step / 2 (to first order).
      return (2 * RUNG_UNITS) / units;
    });
  }

  #noteNegative(k: number, record: EnterpriseRecord): void {
    const { compiled } = this.#moved[k] as MovedIndicator;
    if (compiled.indicator.direction !== 'higher') return;
    if (compiled.floor !== null && compiled.floor >= 0) return;
    const value = ratioValue(compiled, record);
    if (value < 0) this.#negative[k] = Math.max(this.#negative[k] as number, -value);
  }

  /** The missing patterns present (bit k: moved indicator k takes the mean). */
  patterns(): IterableIterator<number> {
    return this.#groups.keys();
  }

  /**
   * Whether any member takes the mean on moved indicator k. When none does, the mean is read by nobody:
   * a changed figure never changes what applies (its numerator stays given, its denominator non-zero).
   */
  takesMean(k: number): boolean {
    for (const pattern of this.#groups.keys()) if ((pattern & (1 << k)) !== 0) return true;
    return false;
  }

  /** Σ of the applicable scores (units) of moved indicator k under `benchmark`, and how many apply. */
  applicableSum(k: number, benchmark: DecimalString | null): { sum: number; count: number } {
    const key = `${String(k)}|${benchmark ?? ''}`;
    const cached = this.#means.get(key);
    if (cached !== undefined) return cached;
    let sum = 0;
    let count = 0;
    for (const list of this.#groups.values()) {
      for (const entry of list) {
        if (entry.applies[k] !== true) continue;
        sum +=
          benchmark === this.#moved[k]?.graded
            ? (entry.scores[k] as number)
            : this.#entryScore(k, entry, benchmark);
        count++;
      }
    }
    const found = { sum, count };
    if (this.#means.size >= MEAN_CACHE) this.#means.delete(this.#means.keys().next().value as string);
    this.#means.set(key, found);
    return found;
  }

  #images(record: EnterpriseRecord): Float64Array {
    const images = new Float64Array(this.#moved.length * 2);
    this.#moved.forEach(({ compiled }, k) => {
      images[2 * k] = approx(figureText(record, compiled.indicator.numerator) ?? '0');
      images[2 * k + 1] = approx(figureText(record, compiled.indicator.denominator) ?? '1');
    });
    return images;
  }

  /** The last benchmark text read, as the engine's Benchmark (probes reuse one set many times). */
  #published: Benchmark | null = null;

  /**
   * A member's score units on moved indicator k: ratioScoreUnits' own steps (the float estimate where it
   * decides, else the exact figures) on figures read once.
   */
  #entryScore(k: number, entry: Entry, benchmark: DecimalString | null): number {
    const { compiled } = this.#moved[k] as MovedIndicator;
    const numerator = entry.images[2 * k] as number;
    const denominator = entry.images[2 * k + 1] as number;
    if (benchmark === null || !(numerator > 0 && denominator > 0))
      return this.score(k, entry.record, benchmark);
    if (this.#published?.text !== benchmark) this.#published = published(benchmark);
    const bench = this.#published;
    if (!(bench.approx > 0)) return 0;
    return (
      estimateRatioScoreUnits(compiled, bench, numerator, denominator, this.#dp) ??
      this.score(k, entry.record, benchmark)
    );
  }

  /** A record's score units on moved indicator k under `benchmark`, by the engine's ratio scoring. */
  score(k: number, record: EnterpriseRecord, benchmark: DecimalString | null): number {
    const { compiled } = this.#moved[k] as MovedIndicator;
    // A benchmark ≤ 0 (or none) scores everyone 0 on the indicator, as the engine does.
    if (benchmark === null || !(approx(benchmark) > 0)) return 0;
    return ratioScoreUnits(
      compiled,
      published(benchmark),
      figureText(record, compiled.indicator.numerator) ?? '0',
      figureText(record, compiled.indicator.denominator) ?? '1',
      this.#dp,
    );
  }

  /**
   * How many others rank before `self` under `benchmarks` (one text per moved indicator), each pattern's
   * totals raised by its missing means; the member `self.code` names (its old figures) left out.
   *
   * Exact (`lo` = `hi`) unless `settled` is given: then the window is scored only until `settled(lo, hi)`
   * says every count in [lo, hi] gives the caller the same answer (say, the same band), and the range is
   * returned as it stands. The members it counts are the same either way; only fewer are scored.
   */
  countAhead(
    self: Standing,
    benchmarks: readonly (DecimalString | null)[],
    shiftOf: (pattern: number) => number,
    order: (a: Standing, b: Standing, shift: number) => number,
    settled: (lo: number, hi: number) => boolean = () => false,
  ): CountRange {
    const base = this.#baseFor(benchmarks);
    const bound = this.#bound(base.texts, benchmarks);
    const own = this.#where.get(self.code);
    const ownTotal = own === undefined ? 0 : this.#baseTotal(own.entry, base);
    let lo = 0;
    let hi = 0;
    const windows: { list: Entry[]; sorted: Sorted; first: number; last: number; shift: number }[] = [];
    for (const [pattern, list] of this.#groups) {
      const sorted = base.sorted.get(pattern) as Sorted;
      const shift = shiftOf(pattern);
      // Sure ahead: total at the base > S − shift + bound; sure behind: < S − shift − bound.
      const high = self.total - shift + bound;
      const low = self.total - shift - bound;
      const first = firstAtMost(sorted.totals, high);
      const last = firstBelow(sorted.totals, low);
      lo += first;
      hi += last;
      if (own?.pattern === pattern && ownTotal >= low) {
        hi -= 1;
        if (ownTotal > high) lo -= 1;
      }
      if (last > first) windows.push({ list, sorted, first, last, shift });
    }
    for (const { list, sorted, first, last, shift } of windows) {
      for (let i = first; i < last; i++) {
        if (settled(lo, hi)) return { lo, hi };
        const entry = list[sorted.order[i] as number] as Entry;
        if (entry.code === self.code) continue;
        const standing = { total: this.#totalAt(entry, benchmarks), ties: entry.ties, code: entry.code };
        if (order(standing, self, shift) < 0) lo++;
        else hi--;
      }
    }
    return { lo, hi };
  }

  /**
   * The `k`-th highest total among the others under `benchmarks` (each pattern's raised by its means),
   * the member `code` names left out; null when there are fewer than k, or when the benchmarks moved so
   * far (bound > HINT_BOUND) that the windows would take in much of the cohort on every step.
   */
  kthTotal(
    k: number,
    code: string,
    benchmarks: readonly (DecimalString | null)[],
    shiftOf: (pattern: number) => number,
    near: number,
  ): number | null {
    // A probe that moves the benchmarks far from the graded ones gets no hint: the estimate's own model
    // aims those searches better than a shortfall read far from where the model was fitted.
    if (this.#bound(this.#graded.texts, benchmarks) > HINT_BOUND) return null;
    const base = this.#baseFor(benchmarks);
    const bound = this.#bound(base.texts, benchmarks);
    const own = this.#where.get(code);
    const ownTotal = own === undefined ? 0 : this.#baseTotal(own.entry, base);
    // The bisection meets the same window members again and again: score each once.
    const totals = new Map<Entry, number>();
    const totalAt = (entry: Entry): number => {
      let total = totals.get(entry);
      if (total === undefined) totals.set(entry, (total = this.#totalAt(entry, benchmarks)));
      return total;
    };
    const atLeast = (t: number): number => {
      let count = 0;
      for (const [pattern, list] of this.#groups) {
        const sorted = base.sorted.get(pattern) as Sorted;
        const shift = shiftOf(pattern);
        const first = firstBelow(sorted.totals, t - shift + bound);
        const last = firstBelow(sorted.totals, t - shift - bound);
        count += first;
        if (own?.pattern === pattern && ownTotal >= t - shift + bound) count -= 1;
        for (let i = first; i < last; i++) {
          const entry = list[sorted.order[i] as number] as Entry;
          if (entry.code !== code && totalAt(entry) + shift >= t) count++;
        }
      }
      return count;
    };
    // The largest t with at least k totals ≥ t is the k-th highest. Galloping out from `near` (the probe's
    // own total, usually close to it) keeps the windows few and small.
    let lo: number;
    let hi: number;
    if (atLeast(near) >= k) {
      lo = near;
      let step = 1;
      while (atLeast(lo + step) >= k) {
        lo += step;
        step *= 2;
        if (step > 2 ** 46) return null;
      }
      hi = lo + step;
    } else {
      hi = near;
      let step = 1;
      while (atLeast(hi - step) < k) {
        hi -= step;
        step *= 2;
        if (step > 2 ** 46) return null;
      }
      lo = hi - step;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (atLeast(mid) >= k) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** A member's total under `benchmarks` (missing means excluded), exact. */
  #totalAt(entry: Entry, benchmarks: readonly (DecimalString | null)[]): number {
    let total = entry.total;
    for (let k = 0; k < this.#moved.length; k++) {
      const indicator = this.#moved[k] as MovedIndicator;
      if (entry.applies[k] !== true || benchmarks[k] === indicator.graded) continue;
      total += this.#entryScore(k, entry, benchmarks[k] ?? null) - (entry.scores[k] as number);
    }
    return total;
  }

  /** A member's total at a base, as the base sorted it. */
  #baseTotal(entry: Entry, base: Base): number {
    return base === this.#graded ? entry.total : this.#totalAt(entry, base.texts);
  }

  /** The last probe's benchmarks and base (countAhead and kthTotal ask for the same probe in turn). */
  #last: { readonly benchmarks: readonly (DecimalString | null)[]; readonly base: Base } | null = null;

  /**
   * The base to count a probe from: the rung of the grid nearest its benchmarks (built now if it is not
   * kept), or the cohort as graded when that is the nearest or the grid does not reach.
   */
  #baseFor(benchmarks: readonly (DecimalString | null)[]): Base {
    if (this.#last?.benchmarks === benchmarks) return this.#last.base;
    const levels = this.#levels(benchmarks);
    let base = this.#graded;
    if (levels !== null) {
      const key = levels.join(',');
      const rung = this.#rungs.get(key);
      if (rung !== undefined) {
        // Most recently used last: the budget lets the oldest go first.
        this.#rungs.delete(key);
        base = rung;
      } else {
        base = this.#build(this.#rungTexts(levels));
        this.#keep(base.size);
      }
      this.#rungs.set(key, base);
    }
    this.#last = { benchmarks, base };
    return base;
  }

  /**
   * The grid levels nearest the benchmarks, one per moved indicator (level ℓ: the graded benchmark times
   * e^(ℓ × step)); null when that is the graded one everywhere or the grid does not reach.
   */
  #levels(benchmarks: readonly (DecimalString | null)[]): number[] | null {
    const levels: number[] = [];
    let moved = false;
    for (let k = 0; k < this.#moved.length; k++) {
      const { graded } = this.#moved[k] as MovedIndicator;
      const step = this.#steps[k] ?? null;
      const text = benchmarks[k] ?? null;
      if (text === graded) {
        levels.push(0);
        continue;
      }
      const ratio = text === null || graded === null ? Number.NaN : approx(text) / approx(graded);
      if (step === null || !(ratio > 1 / RUNG_REACH && ratio < RUNG_REACH)) return null;
      const level = Math.round(Math.log(ratio) / step);
      levels.push(level);
      if (level !== 0) moved = true;
    }
    return moved ? levels : null;
  }

  /** The benchmark texts at grid levels. */
  #rungTexts(levels: readonly number[]): (DecimalString | null)[] {
    return this.#moved.map(({ graded }, k) => {
      const level = levels[k] as number;
      if (level === 0 || graded === null) return graded;
      return rungText(graded, Math.exp(level * (this.#steps[k] as number)));
    });
  }

  /** Every member's total under `texts`, exactly, sorted highest first. */
  #build(texts: readonly (DecimalString | null)[]): Base {
    const sorted = new Map<number, Sorted>();
    let size = 0;
    for (const [pattern, list] of this.#groups) {
      const byEntry = Float64Array.from(list, (entry) => this.#totalAt(entry, texts));
      const order = Int32Array.from(list, (_, i) => i).sort(
        (a, b) => (byEntry[b] as number) - (byEntry[a] as number),
      );
      const totals = Float64Array.from(order, (i) => byEntry[i] as number);
      sorted.set(pattern, { order, totals });
      size += list.length;
    }
    return { texts, sorted, size };
  }

  /** Lets the least recently used rungs go until `adding` more members fit the budget. */
  #keep(adding: number): void {
    let kept = adding;
    for (const rung of this.#rungs.values()) kept += rung.size;
    for (const [key, rung] of this.#rungs) {
      if (kept <= RUNG_ENTRIES) break;
      this.#rungs.delete(key);
      kept -= rung.size;
    }
  }

  /** The most any applicable score can move from benchmarks `from` to `to` (units), or Infinity. */
  #bound(from: readonly (DecimalString | null)[], to: readonly (DecimalString | null)[]): number {
    let bound = 0;
    this.#moved.forEach((indicator, k) => {
      const text = to[k] ?? null;
      const start = from[k] ?? null;
      if (text === start) return;
      const before = start === null ? Number.NaN : approx(start);
      const after = text === null ? Number.NaN : approx(text);
      const { compiled } = indicator;
      const low = Math.min(before, after);
      if (!(low > 0) || compiled.cap === null) {
        bound = Number.POSITIVE_INFINITY;
        return;
      }
      // A refund without a floor scores its own ratio, which may exceed the cap in size.
      const ratio = Math.max(compiled.cap, ((this.#negative[k] as number) * (1 + 1e-6)) / low);
      const units = compiled.weight * 10 ** this.#dp * ratio * (Math.abs(after - before) / low);
      bound += Math.ceil(units * (1 + 1e-9)) + 2;
    });
    return bound;
  }
}

/** A rung's benchmark: the graded one times `factor`, written with the graded text's decimals. */
function rungText(graded: DecimalString, factor: number): DecimalString {
  const point = graded.indexOf('.');
  const decimals = point < 0 ? 0 : graded.length - point - 1;
  // Any text will do (the rung's totals are exact under it); it is only where the windows start from.
  return fixed(new Dec(approx(graded) * factor), Math.max(decimals, 4));
}

/** The float image of a record's ratio value (numerator × factor / denominator). */
function ratioValue(compiled: CompiledIndicator, record: EnterpriseRecord): number {
  const numerator = approx(figureText(record, compiled.indicator.numerator) ?? '0');
  const denominator = approx(figureText(record, compiled.indicator.denominator) ?? '1');
  return (numerator * compiled.factor) / denominator;
}

/** In totals sorted highest first: the index of the first total ≤ limit. */
function firstAtMost(totals: Float64Array, limit: number): number {
  let lo = 0;
  let hi = totals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((totals[mid] as number) > limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In totals sorted highest first: the index of the first total < limit. */
function firstBelow(totals: Float64Array, limit: number): number {
  let lo = 0;
  let hi = totals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((totals[mid] as number) >= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function figureText(record: EnterpriseRecord, key: string): DecimalString | undefined {
  return (record as unknown as Readonly<Record<string, DecimalString | undefined>>)[key];
}
