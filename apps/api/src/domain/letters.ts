import type { ActivationNotice } from '@mujun/reports';
import type { Deflated } from '../http/zip.js';
import type { Phase, Store } from '../store/store.js';
import { regraded } from './regrade.js';
import type { HeldGradings } from './regrade.js';

/**
 * The 一企一单 letters of some of an evaluation's enterprises with their activation codes, one group (a
 * town's letters) at a time, made and deflated where the grading of `phase` is held (see
 * domain/regrade.ts), so the county's entries, each with its result, are never all held, nor sent back.
 * The order is the stored results' (regrade checked it is the grading's); a code not in the evaluation is
 * left out, as filtering the dataset did.
 */
export async function lettersOf(
  store: Store,
  held: HeldGradings,
  evaluationId: string,
  phase: Phase,
): Promise<(codes: readonly string[], notices: ReadonlyMap<string, ActivationNotice>) => Promise<Deflated>> {
  const order = await store.finalClasses(evaluationId, phase);
  const ordinal = new Map(order.map((row, i) => [row.uscc, i]));
  return (codes, notices) => {
    const ordered = [...new Set(codes)]
      .filter((uscc) => ordinal.has(uscc))
      .sort((a, b) => (ordinal.get(a) ?? 0) - (ordinal.get(b) ?? 0));
    const theirs = ordered.flatMap((uscc): [string, ActivationNotice][] => {
      const notice = notices.get(uscc);
      return notice === undefined ? [] : [[uscc, notice]];
    });
    return regraded(store, held, evaluationId, phase, 'letters', { codes: ordered, notices: theirs });
  };
}
