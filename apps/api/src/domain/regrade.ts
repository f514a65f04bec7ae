import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, Grading, Scheme } from '@mujun/scoring';
import type { Phase, Store } from '../store/store.js';
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

export interface Regraded {
  readonly records: EnterpriseRecord[];
  readonly grading: Grading;
}

/**
 * The grading of `phase` again, checked against the stored results: a download must say what the results
 * pages say, so a difference (a library that no longer grades as it did) is an error, never a silent
 * second answer.
 */
export async function regrade(store: Store, evaluationId: string, phase: Phase): Promise<Regraded> {
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
