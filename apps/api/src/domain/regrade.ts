import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, Grading, Scheme } from '@mujun/scoring';
import type { DecidedItem, JsonText, Phase, Store } from '../store/store.js';
import { notFound } from './errors.js';
import type { JobAnswer, JobName, JobRequest } from './regraded-jobs.js';

/**
 * The store keeps what a grading needs, not the library's Grading object: each evaluation's validated
 * records, the scheme it was graded under (as JSON) and every decided objection item, beside the
 * results as JSON documents. The reports (@mujun/reports) are written from a Grading, so a report
 * grades again: the stored records for the initial grading, the records with the upheld corrections in
 * place for the recomputed one — the same path as the recomputation route. Decisions close when the
 * evaluation is recomputed, so the corrections read later are the ones the recomputation used.
 *
 * The grading is made and held where the downloads' jobs run (HeldGradings: a thread of its own, see
 * work/gradings-thread.ts), so the event loop only reads the stored text and hands it over, and receives
 * what each download needs (domain/regraded-jobs.ts): a county's regrade is about 11 s of CPU at 100k.
 */

/** The scheme the evaluation was graded under, as stored. */
export async function storedScheme(store: Store, evaluationId: string): Promise<Scheme> {
  return parseScheme(JSON.parse(await store.schemeJson(evaluationId)));
}

/** A grading as it is held: shared by every job that reads it (see CACHED_ENTERPRISES), never to be changed. */
export interface Regraded {
  readonly records: readonly EnterpriseRecord[];
  readonly grading: Grading;
}

/** What a grading is made from, as the store keeps it. */
export interface GradeInput {
  readonly schemeJson: string;
  /** The stored records: JSON lines in chunks (see Store.recordChunks). */
  readonly records: readonly JsonText[];
  /** The decided objection items, for the recomputed grading; none for the initial one. */
  readonly items: readonly DecidedItem[];
}

/** The name of the error a job meets when its grading is no longer held (dropped, or its thread restarted). */
export const NOT_HELD = 'NotHeldError';

/**
 * Where gradings are held and their jobs run, each by the key the cache below gives it (HeavyWork's
 * `gradings`). The cache decides what is held: grade, then check against the stored results a page at a
 * time, then jobs, until drop.
 */
export interface HeldGradings {
  /** Grades and holds `key`; answers how many records it holds. */
  grade(key: string, input: GradeInput): Promise<number>;
  /** Compares the next stored result documents with the held grading's; false once one differs. */
  check(key: string, page: readonly string[]): Promise<boolean>;
  /** Where the first difference was, or null when every stored result was the grading's, no more, no fewer. */
  finish(key: string): Promise<number | null>;
  /** Runs a job on the held grading (an error named NOT_HELD when it is not held). */
  run<N extends JobName>(key: string, name: N, request: JobRequest<N>): Promise<JobAnswer<N>>;
  drop(key: string): void;
}

/**
 * The gradings regraded lately, per store, by evaluation and phase, and for the recomputed phase by
 * version: a second download of the same grading (the workbook after the 公示名单, the ledger page
 * reloaded) runs on the held one instead of loading, grading and comparing the county again, and
 * downloads asked at once share one regrade. The initial grading's inputs never change (the stored
 * records and scheme are written once, its results are immutable), so the objections filed through the
 * 公示, each a new version, do not make every later download of the county grade it again; the
 * recomputed one's inputs are the decisions, and a version is never graded differently (every decision
 * writes a new one, and decisions close when the evaluation is recomputed). So an entry is never stale,
 * only superseded: the same grading's older versions are dropped when a newer one is kept. Kept up to CACHED_ENTERPRISES records in all, the least
 * lately read dropped first (the records are most of an entry: 123 MB of heap for 100k generated ones);
 * one larger than that alone is served and then dropped.
 */
export const CACHED_ENTERPRISES = 200_000;

interface Kept {
  readonly key: Promise<string>;
  /** The records it holds once graded; 0 while grading. */
  size: number;
}

const kept = new WeakMap<HeldGradings, Map<string, Kept>>();
const storeIds = new WeakMap<Store, number>();
let lastStoreId = 0;

function keptOf(held: HeldGradings): Map<string, Kept> {
  let entries = kept.get(held);
  if (entries === undefined) kept.set(held, (entries = new Map<string, Kept>()));
  return entries;
}

/** A store's own prefix: the holder may be shared by stores (tests), whose evaluation ids may repeat. */
function storeId(store: Store): number {
  let id = storeIds.get(store);
  if (id === undefined) storeIds.set(store, (id = ++lastStoreId));
  return id;
}

/**
 * Drops the least lately read gradings until the rest hold at most CACHED_ENTERPRISES records, but not
 * `serving` (a grading whose job is yet to run; dropped after it when it is larger than that alone).
 */
function bound(held: HeldGradings, entries: Map<string, Kept>, serving?: string): void {
  let total = 0;
  for (const entry of entries.values()) total += entry.size;
  for (const [key, entry] of entries) {
    if (total <= CACHED_ENTERPRISES) return;
    if (entry.size === 0 || key === serving) continue;
    entries.delete(key);
    held.drop(key);
    total -= entry.size;
  }
}

/**
 * The key of the grading of `phase` again, held and checked against the stored results: a download must
 * say what the results pages say, so a difference (a library that no longer grades as it did) is an
 * error, never a silent second answer. Held already when this version was regraded lately (see
 * CACHED_ENTERPRISES): the check is made once per version in a process.
 */
async function keptGrading(
  store: Store,
  held: HeldGradings,
  evaluationId: string,
  phase: Phase,
): Promise<string> {
  const evaluation = await store.getEvaluation(evaluationId);
  if (evaluation === undefined) throw notFound('evaluation');
  const grading = `${String(storeId(store))}|${evaluationId}|${phase}|`;
  const key = grading + (phase === 'initial' ? '' : String(evaluation.version));
  const entries = keptOf(held);
  const found = entries.get(key);
  if (found !== undefined) {
    // Read again: the most lately read is the last one dropped.
    entries.delete(key);
    entries.set(key, found);
    return found.key;
  }
  for (const older of entries.keys()) {
    if (!older.startsWith(grading)) continue;
    entries.delete(older);
    held.drop(older);
  }
  const entry: Kept = { key: regradeNow(store, held, key, evaluationId, phase), size: 0 };
  entries.set(key, entry);
  try {
    await entry.key;
    bound(held, entries, key);
    return key;
  } catch (error) {
    if (entries.get(key) === entry) entries.delete(key);
    held.drop(key);
    throw error;
  }
}

async function regradeNow(
  store: Store,
  held: HeldGradings,
  key: string,
  evaluationId: string,
  phase: Phase,
): Promise<string> {
  const [schemeJson, records, items] = await Promise.all([
    store.schemeJson(evaluationId),
    store.recordChunks(evaluationId),
    phase === 'recomputed' ? store.decidedItems(evaluationId) : Promise.resolve([]),
  ]);
  const size = await held.grade(key, { schemeJson, records, items });
  // Compared a page of stored results at a time: the county's result JSON is never held at once.
  for await (const page of store.resultDocumentPages(evaluationId, phase)) {
    if (!(await held.check(key, page))) break;
  }
  const difference = await held.finish(key);
  if (difference !== null) {
    throw new Error(
      `evaluation ${evaluationId}: grading the stored records again does not reproduce the stored ` +
        `${phase} results (first difference at result ${String(difference)})`,
    );
  }
  const entry = keptOf(held).get(key);
  if (entry !== undefined) entry.size = size;
  return key;
}

/**
 * Runs the job `name` on the grading of `phase` again (see keptGrading), where it is held: the answer is
 * what the download needs. A grading dropped meanwhile (or lost with its thread) is graded once more.
 */
export async function regraded<N extends JobName>(
  store: Store,
  held: HeldGradings,
  evaluationId: string,
  phase: Phase,
  name: N,
  request: JobRequest<N>,
): Promise<JobAnswer<N>> {
  for (let attempt = 0; ; attempt++) {
    const key = await keptGrading(store, held, evaluationId, phase);
    try {
      const answer = await held.run(key, name, request);
      bound(held, keptOf(held));
      return answer;
    } catch (error) {
      if (attempt > 0 || !(error instanceof Error) || error.name !== NOT_HELD) throw error;
      keptOf(held).delete(key);
    }
  }
}
