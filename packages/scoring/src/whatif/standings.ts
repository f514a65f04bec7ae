import type { Dec } from '../decimal/decimal.js';
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
 * The members are sorted once by their graded totals (the moved indicators' missing-data scores taken
 * out, as those are added back per missing pattern). A change of benchmark B0 → B moves a member's score
 * on a ratio indicator by at most weight × cap × |B − B0| / min(B, B0) (a refund without a floor: by its
 * own |ratio| instead of the cap), plus one unit for each of the two roundings. So a member whose graded
 * total is further than that bound from the probe's total keeps its side of it and is counted by binary
 * search; only members inside the window are scored again, exactly, by the engine's own ratio scoring.
 * The missing-data means of the moved indicators are sums over every applicable member, exact, worked out
 * once per set of benchmark texts (cached).
 */

export interface Standing {
  readonly total: number;
  readonly ties: readonly Dec[];
  readonly code: string;
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

export class CohortStandings {
  readonly #moved: readonly MovedIndicator[];
  readonly #dp: number;
  /** By missing pattern (bit k: moved indicator k does not apply and takes the mean): the method's order. */
  readonly #groups = new Map<number, Entry[]>();
  readonly #where = new Map<string, { readonly pattern: number; readonly index: number }>();
  /** By moved indicator: the largest |numerator × factor / denominator| among refunds that can score below 0. */
  readonly #negative: number[];
  readonly #means = new Map<string, { readonly sum: number; readonly count: number }>();

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
    for (const [pattern, list] of this.#groups) {
      list.sort(order);
      list.forEach((entry, index) => this.#where.set(entry.code, { pattern, index }));
    }
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
   */
  countAhead(
    self: Standing,
    benchmarks: readonly (DecimalString | null)[],
    shiftOf: (pattern: number) => number,
    order: (a: Standing, b: Standing, shift: number) => number,
  ): number {
    const bound = this.#bound(benchmarks);
    let ahead = 0;
    for (const [pattern, list] of this.#groups) {
      const shift = shiftOf(pattern);
      // Sure ahead: graded total > S − shift + bound; sure behind: < S − shift − bound.
      const first = firstAtMost(list, self.total - shift + bound);
      const last = firstBelow(list, self.total - shift - bound);
      ahead += first;
      const own = this.#where.get(self.code);
      if (own !== undefined && own.pattern === pattern && own.index < first) ahead -= 1;
      for (let i = first; i < last; i++) {
        const entry = list[i] as Entry;
        if (entry.code === self.code) continue;
        const standing = { total: this.#totalAt(entry, benchmarks), ties: entry.ties, code: entry.code };
        if (order(standing, self, shift) < 0) ahead++;
      }
    }
    return ahead;
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
    const bound = this.#bound(benchmarks);
    // A wide bound means rescoring much of the cohort many times over for a mere hint: give none.
    if (bound > HINT_BOUND) return null;
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
        const shift = shiftOf(pattern);
        const first = firstBelow(list, t - shift + bound);
        const last = firstBelow(list, t - shift - bound);
        count += first;
        const own = this.#where.get(code);
        if (own !== undefined && own.pattern === pattern && own.index < first) count -= 1;
        for (let i = first; i < last; i++) {
          const entry = list[i] as Entry;
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

  /** The most any applicable score can move from the graded benchmarks to these (units), or Infinity. */
  #bound(benchmarks: readonly (DecimalString | null)[]): number {
    let bound = 0;
    this.#moved.forEach((indicator, k) => {
      const text = benchmarks[k] ?? null;
      if (text === indicator.graded) return;
      const before = indicator.graded === null ? Number.NaN : approx(indicator.graded);
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

/** The float image of a record's ratio value (numerator × factor / denominator). */
function ratioValue(compiled: CompiledIndicator, record: EnterpriseRecord): number {
  const numerator = approx(figureText(record, compiled.indicator.numerator) ?? '0');
  const denominator = approx(figureText(record, compiled.indicator.denominator) ?? '1');
  return (numerator * compiled.factor) / denominator;
}

/** In a list sorted by total, highest first: the index of the first total ≤ limit. */
function firstAtMost(list: readonly Standing[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Standing).total > limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In a list sorted by total, highest first: the index of the first total < limit. */
function firstBelow(list: readonly Standing[], limit: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Standing).total >= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function figureText(record: EnterpriseRecord, key: string): DecimalString | undefined {
  return (record as unknown as Readonly<Record<string, DecimalString | undefined>>)[key];
}
