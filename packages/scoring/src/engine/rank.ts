import type { EnterpriseRecord } from '../records/record.js';
import { compareDecimals } from './exact.js';
import type { FigureTable } from './figures.js';
import type { RunState } from './run-state.js';

/**
 * Orders a cohort's members by total score descending, then the scheme's tie-break figures (descending,
 * missing as 0), then the code ascending, so the order is total and never depends on the input's.
 * Writes each member's rank and returns the members' slots (positions in `members`) in rank order.
 */
export function rankMembers(state: RunState, figures: FigureTable, members: Int32Array): Int32Array {
  const slots =
    sortByCounting(state, figures, members) ??
    sortByPackedTotal(state, figures, members) ??
    sortByComparison(state, figures, members);
  for (let position = 0; position < slots.length; position++) {
    state.rank[members[slots[position] as number] as number] = position + 1;
  }
  return slots;
}

/**
 * Sorts slots by total descending by counting: totals are integers (score units) and usually span a
 * range not much wider than the cohort, so one bucket per total value places every slot in two passes,
 * each reading the totals in record order. Each bucket (a run of equal totals) is then put in tie-break
 * order. Returns null when a total is not a safe integer or the totals span too wide a range to pay.
 * Each pass is its own small function: compiled once and quickly, in a run that grades once.
 */
function sortByCounting(state: RunState, figures: FigureTable, members: Int32Array): Int32Array | null {
  const size = members.length;
  const range = totalRange(state.total, members);
  if (range === null) return null;
  const [min, max] = range;
  // Both ends are safe integers, so the span and every bucket index below are exact.
  if (size > 0 && max - min > 4 * size + 1024) return null;
  const slots = new Int32Array(size);
  if (size === 0) return slots;
  // Bucket b holds the total max − b, so buckets run in rank order.
  const ends = bucketStarts(state.total, members, max, max - min + 1);
  placeSlots(state.total, members, max, ends, slots);
  // The first tie-break figure by slot, gathered while the records are read in order.
  const first = gatherFirstTieKey(state, figures, members);
  let start = 0;
  for (let b = 0; b < ends.length; b++) {
    const end = ends[b] as number;
    if (end - start > SMALL_TIE) sortTies(state, figures, members, slots.subarray(start, end));
    else if (end - start > 1) insertTies(state, figures, members, first, slots, start, end);
    start = end;
  }
  return slots;
}

/** The least and greatest of the members' totals; null when one is not a safe integer. */
function totalRange(total: Float64Array, members: Int32Array): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (let s = 0; s < members.length; s++) {
    const units = total[members[s] as number] as number;
    if (!Number.isSafeInteger(units)) return null;
    if (units < min) min = units;
    if (units > max) max = units;
  }
  return [min, max];
}

/** Where each bucket (total max − b) starts among the slots. */
function bucketStarts(total: Float64Array, members: Int32Array, max: number, buckets: number): Int32Array {
  const starts = new Int32Array(buckets);
  for (let s = 0; s < members.length; s++) {
    const bucket = max - (total[members[s] as number] as number);
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  let start = 0;
  for (let b = 0; b < buckets; b++) {
    const count = starts[b] as number;
    starts[b] = start;
    start += count;
  }
  return starts;
}

/** Places each slot in its bucket, in slot order; each bucket's start then marks where it ends. */
function placeSlots(
  total: Float64Array,
  members: Int32Array,
  max: number,
  starts: Int32Array,
  slots: Int32Array,
): void {
  for (let s = 0; s < members.length; s++) {
    const bucket = max - (total[members[s] as number] as number);
    const at = starts[bucket] as number;
    slots[at] = s;
    starts[bucket] = at + 1;
  }
}

/** Ties up to this many are sorted by insertion, in place; larger ones gather their keys (sortTies). */
const SMALL_TIE = 16;

/** The first tie-break figure's float image (missing as 0) by slot; null when the scheme has none. */
function gatherFirstTieKey(state: RunState, figures: FigureTable, members: Int32Array): Float64Array | null {
  const key = state.compiled.scheme.tieBreak[0];
  return key === undefined ? null : imagesOf(figures.column(key), members);
}

/** A figure's float images for the given records, in their order, a missing one as 0 (tie-break order). */
function imagesOf(column: Float64Array, records: ArrayLike<number>): Float64Array {
  const images = new Float64Array(records.length);
  for (let k = 0; k < records.length; k++) {
    const image = column[records[k] as number] as number;
    images[k] = Number.isNaN(image) ? 0 : image;
  }
  return images;
}

/**
 * Insertion sort of slots[start, end) in tie-break order (tieOrder's, read from the records directly).
 * Distinct first-figure images decide most pairs without a call.
 */
function insertTies(
  state: RunState,
  figures: FigureTable,
  members: Int32Array,
  first: Float64Array | null,
  slots: Int32Array,
  start: number,
  end: number,
): void {
  for (let p = start + 1; p < end; p++) {
    const slot = slots[p] as number;
    const image = first === null ? 0 : (first[slot] as number);
    let q = p;
    while (q > start) {
      const before = slots[q - 1] as number;
      const other = first === null ? 0 : (first[before] as number);
      // The earlier slot stays first when its image is larger (figures descending).
      if (other > image) break;
      if (other === image) {
        const order = tieCompare(state, figures, members[before] as number, members[slot] as number);
        if (order <= 0) break;
      }
      slots[q] = before;
      q--;
    }
    slots[q] = slot;
  }
}

/** Orders records i and j (indices into the run) by the tie-break figures, then by code: tieOrder's order. */
function tieCompare(state: RunState, figures: FigureTable, i: number, j: number): number {
  const keys = state.compiled.scheme.tieBreak;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const column = figures.column(key);
    const a = column[i] as number;
    const b = column[j] as number;
    const x = Number.isNaN(a) ? 0 : a;
    const y = Number.isNaN(b) ? 0 : b;
    // Float images are monotone (exact.ts), so distinct ones order like the figures; equal ones may not.
    if (x !== y) return y - x;
    const order = compareDecimals(figures.text(j, key) ?? '0', figures.text(i, key) ?? '0');
    if (order !== 0) return order;
  }
  const codeA = (state.records[i] as EnterpriseRecord).uscc;
  const codeB = (state.records[j] as EnterpriseRecord).uscc;
  return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
}

/**
 * Sorts slots by total descending with one native numeric sort: each slot's key is −total × 2^k + slot
 * (2^k > slots), so keys order by total first and never collide. Totals are integers (score units), so
 * while every key stays below 2^53 the keys are exact. Runs of equal totals are then put in tie-break
 * order. Returns null when a total is too large to pack.
 */
function sortByPackedTotal(state: RunState, figures: FigureTable, members: Int32Array): Int32Array | null {
  const size = members.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(size + 1)));
  const limit = 2 ** 53 / scale - 1;
  const keys = new Float64Array(size);
  for (let s = 0; s < size; s++) {
    const units = state.total[members[s] as number] as number;
    if (!(Math.abs(units) < limit) || !Number.isInteger(units)) return null;
    keys[s] = -units * scale + s;
  }
  keys.sort(); // a typed array sorts numerically
  const slots = new Int32Array(size);
  for (let p = 0; p < size; p++) {
    const key = keys[p] as number;
    slots[p] = key - Math.floor(key / scale) * scale;
  }
  for (let start = 0; start < size;) {
    const totalKey = Math.floor((keys[start] as number) / scale);
    let end = start + 1;
    while (end < size && Math.floor((keys[end] as number) / scale) === totalKey) end++;
    if (end - start > 1) sortTies(state, figures, members, slots.subarray(start, end));
    start = end;
  }
  return slots;
}

/** Puts slots of equal total in tie-break order, in place. */
function sortTies(state: RunState, figures: FigureTable, members: Int32Array, group: Int32Array): void {
  const records: number[] = [];
  for (const slot of group) records.push(members[slot] as number);
  const order = records
    .map((_, k) => k)
    .sort(tieOrder(state, figures, gatherTieKeys(state, figures, records)));
  const sorted = order.map((k) => group[k] as number);
  group.set(sorted);
}

/** Sorts slots by comparisons: total, then the tie-breaks (for totals beyond the packed sort's range). */
function sortByComparison(state: RunState, figures: FigureTable, members: Int32Array): Int32Array {
  const total = (s: number): number => state.total[members[s] as number] as number;
  const byTie = tieOrder(state, figures, gatherTieKeys(state, figures, Array.from(members)));
  return Int32Array.from(Array.from(members.keys()).sort((a, b) => total(b) - total(a) || byTie(a, b)));
}

/**
 * The tie-break figures' float images (missing as 0) and the codes of some members, gathered in one
 * pass, so that sorting them compares values next to each other in memory.
 */
interface TieKeys {
  readonly records: readonly number[];
  readonly images: readonly Float64Array[];
  readonly codes: readonly string[];
}

function gatherTieKeys(state: RunState, figures: FigureTable, records: readonly number[]): TieKeys {
  const images = state.compiled.scheme.tieBreak.map((key) => imagesOf(figures.column(key), records));
  const codes = records.map((i) => (state.records[i] as EnterpriseRecord).uscc);
  return { records, images, codes };
}

/** Orders two gathered members (indices into `tie`) by the tie-break figures, then by code. */
function tieOrder(state: RunState, figures: FigureTable, tie: TieKeys): (a: number, b: number) => number {
  const keys = state.compiled.scheme.tieBreak;
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const images = tie.images[k] as Float64Array;
      const x = images[a] as number;
      const y = images[b] as number;
      // Float images are monotone (exact.ts), so distinct ones order like the figures; equal ones may not.
      if (x !== y) return y - x;
      const key = keys[k] as string;
      const i = tie.records[a] as number;
      const j = tie.records[b] as number;
      const order = compareDecimals(figures.text(j, key) ?? '0', figures.text(i, key) ?? '0');
      if (order !== 0) return order;
    }
    const codeA = tie.codes[a] as string;
    const codeB = tie.codes[b] as string;
    return codeA < codeB ? -1 : codeA > codeB ? 1 : 0;
  };
}
