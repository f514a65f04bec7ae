import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, Grading, Scheme } from '@mujun/scoring';
import type { Phase, Store } from '../store/store.js';
import { notFound } from './errors.js';
import { gradeRecords } from './grading.js';
import { correctRecords } from './recompute.js';

/**
 * The store keeps what a grading needs, not the library's Grading object: each evaluation's validated
 * records, the scheme it was graded under (as JSON) and every decided objection item, beside the
 * results as JSON documents. The reports (@mujun/reports) are written from a Grading, so a report
 * grades again: the stored records for the initial grading, the records with the upheld corrections in
 * place for the recomputed one — the same path as the recomputation route. Decisions close when the
 * evaluation is recomputed, so the corrections read later are the ones the recomputation used.
 */

/** The scheme the evaluation was graded under, as stored. */
export async function storedScheme(store: Store, evaluationId: string): Promise<Scheme> {
  return parseScheme(JSON.parse(await store.schemeJson(evaluationId)));
}

/** Shared by every request that reads the same grading (see CACHED_ENTERPRISES): never to be changed. */
export interface Regraded {
  readonly records: readonly EnterpriseRecord[];
  readonly grading: Grading;
}

/**
 * The gradings regraded lately, per store, by evaluation, phase and version: a second download of the
 * same grading (the workbook after the 公示名单, the ledger page reloaded) reads it from here instead of
 * loading, grading and comparing the county again, and downloads asked at once share one regrade. A
 * version is never graded differently (every change of state writes a new one, and decisions close when
 * the evaluation is recomputed), so an entry is never stale, only superseded: the same grading's older
 * versions are dropped when a newer one is kept. Kept up to CACHED_ENTERPRISES records in all, the least
 * lately read dropped first (the records are most of an entry: 123 MB of heap for 100k generated ones);
 * one larger than that alone is served and not kept.
 */
export const CACHED_ENTERPRISES = 200_000;

interface Kept {
  readonly answer: Promise<Regraded>;
  /** The records it holds once graded; 0 while grading. */
  size: number;
}

const kept = new WeakMap<Store, Map<string, Kept>>();

function keptOf(store: Store): Map<string, Kept> {
  let entries = kept.get(store);
  if (entries === undefined) kept.set(store, (entries = new Map<string, Kept>()));
  return entries;
}

/** Drops the least lately read gradings until the rest hold at most CACHED_ENTERPRISES records. */
function bound(entries: Map<string, Kept>): void {
  let total = 0;
  for (const entry of entries.values()) total += entry.size;
  for (const [key, entry] of entries) {
    if (total <= CACHED_ENTERPRISES) return;
    if (entry.size === 0) continue;
    entries.delete(key);
    total -= entry.size;
  }
}

/**
 * The grading of `phase` again, checked against the stored results: a download must say what the results
 * pages say, so a difference (a library that no longer grades as it did) is an error, never a silent
 * second answer. From the kept gradings when this version was regraded lately (see CACHED_ENTERPRISES).
 */
export async function regrade(store: Store, evaluationId: string, phase: Phase): Promise<Regraded> {
  const evaluation = await store.getEvaluation(evaluationId);
  if (evaluation === undefined) throw notFound('evaluation');
  const grading = `${evaluationId}|${phase}|`;
  const key = grading + String(evaluation.version);
  const entries = keptOf(store);
  const found = entries.get(key);
  if (found !== undefined) {
    // Read again: the most lately read is the last one dropped.
    entries.delete(key);
    entries.set(key, found);
    return found.answer;
  }
  for (const older of entries.keys()) if (older.startsWith(grading)) entries.delete(older);
  const entry: Kept = { answer: regradeNow(store, evaluationId, phase), size: 0 };
  entries.set(key, entry);
  try {
    const answer = await entry.answer;
    entry.size = answer.records.length;
    bound(entries);
    return answer;
  } catch (error) {
    if (entries.get(key) === entry) entries.delete(key);
    throw error;
  }
}

async function regradeNow(store: Store, evaluationId: string, phase: Phase): Promise<Regraded> {
  const [scheme, stored, items] = await Promise.all([
    storedScheme(store, evaluationId),
    store.records(evaluationId),
    phase === 'recomputed' ? store.decidedItems(evaluationId) : Promise.resolve([]),
  ]);
  const { records } = correctRecords(stored, items);
  const grading = gradeRecords(records, scheme);
  // Compared a page of stored results at a time: the county's result JSON is never held at once.
  const results = grading.results()[Symbol.iterator]();
  let index = 0;
  let differs = false;
  pages: for await (const page of store.resultDocumentPages(evaluationId, phase)) {
    for (const document of page) {
      const result = results.next();
      if (result.done === true || JSON.stringify(result.value) !== document) {
        differs = true;
        break pages;
      }
      index++;
    }
  }
  if (differs || index !== grading.size) {
    throw new Error(
      `evaluation ${evaluationId}: grading the stored records again does not reproduce the stored ` +
        `${phase} results (first difference at result ${String(index)})`,
    );
  }
  return { records, grading };
}
