import { notFound } from '../domain/errors.js';
import type { Principal } from '../domain/roles.js';
import type { Services } from '../services.js';
import type { Evaluation, Objection, Phase } from '../store/store.js';

/**
 * Who sees what. A resource outside the caller's scope answers 404, as if it did not exist: a town or
 * an enterprise must not learn from a 403 which codes or evaluations there are.
 */

/** The evaluation, if the caller may see it: admin always; towns and enterprises once it is published. */
export async function visibleEvaluation(
  services: Services,
  id: string,
  principal: Principal,
): Promise<Evaluation> {
  const evaluation = await services.store.getEvaluation(id);
  if (evaluation === undefined) throw notFound('evaluation');
  if (principal.role === 'admin') return evaluation;
  if (evaluation.state === 'draft') throw notFound('evaluation');
  if (principal.role === 'enterprise') {
    const own = await services.store.result(id, 'initial', principal.uscc);
    if (own === undefined) throw notFound('evaluation');
  }
  return evaluation;
}

/**
 * The grading the caller reads. Admin reads the latest (the recomputed one once there is one). Towns
 * and enterprises read what was published, until the final result replaces it.
 */
export function readablePhase(evaluation: Pick<Evaluation, 'state'>, principal: Principal): Phase {
  const recomputed = evaluation.state === 'recomputed' || evaluation.state === 'final';
  if (principal.role === 'admin') return recomputed ? 'recomputed' : 'initial';
  return evaluation.state === 'final' ? 'recomputed' : 'initial';
}

/** An objection as the caller may see it: a department only its own items; out of scope, 404. */
export function visibleObjection(objection: Objection | undefined, principal: Principal): Objection {
  if (objection === undefined) throw notFound('objection');
  switch (principal.role) {
    case 'admin':
      return objection;
    case 'enterprise':
      if (objection.uscc !== principal.uscc) throw notFound('objection');
      return objection;
    case 'town':
      if (objection.town !== principal.town) throw notFound('objection');
      return objection;
    case 'department': {
      const items = objection.items.filter((item) => item.department === principal.department);
      if (items.length === 0) throw notFound('objection');
      return { ...objection, items };
    }
  }
}
