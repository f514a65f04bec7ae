import { datasetEntry } from '@mujun/reports';
import type { Dataset, Entry } from '@mujun/reports';
import type { Phase, Store } from '../store/store.js';
import { regrade } from './regrade.js';

/**
 * The 一企一单 dataset of some of an evaluation's enterprises: `dataset` of the grading of `phase` with
 * only their entries, in the grading's order, made for one group (a town's letters) at a time, so the
 * county's entries, each with its result, are never all held. The order is the stored results' (regrade
 * checked it is the grading's); a code not in the evaluation is left out, as filtering the dataset did.
 */
export async function lettersOf(
  store: Store,
  evaluationId: string,
  phase: Phase,
): Promise<(codes: readonly string[]) => Dataset> {
  const [{ records, grading }, order] = await Promise.all([
    regrade(store, evaluationId, phase),
    store.finalClasses(evaluationId, phase),
  ]);
  const recordOf = new Map(records.map((record) => [record.uscc, record]));
  const ordinal = new Map(order.map((row, i) => [row.uscc, i]));
  const cohorts = grading.cohorts();
  return (codes) => {
    const entries: Entry[] = [];
    const ordered = [...new Set(codes)]
      .filter((uscc) => ordinal.has(uscc))
      .sort((a, b) => (ordinal.get(a) ?? 0) - (ordinal.get(b) ?? 0));
    for (const uscc of ordered) {
      const record = recordOf.get(uscc);
      const result = grading.result(uscc);
      if (record !== undefined && result !== undefined) entries.push(datasetEntry(record, result));
    }
    return { scheme: grading.scheme, cohorts, entries };
  };
}
