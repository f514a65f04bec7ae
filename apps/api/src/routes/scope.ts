import { notFound } from '../domain/errors.js';
import type { Principal } from '../domain/roles.js';
import type { Services } from '../services.js';
import type { Evaluation, EvaluationState, Objection, Phase } from '../store/store.js';

/**
 * Who sees what. A resource outside the caller's scope answers 404, as if it did not exist: a town or
 * an enterprise must not learn from a 403 which codes or evaluations there are.
 */

/** Admin sees every evaluation; towns and enterprises once it is published, an enterprise only one it is in. */
async function mustSee(services: Services, id: string, state: EvaluationState, principal: Principal) {
  if (principal.role === 'admin') return;
  if (state === 'draft') throw notFound('evaluation');
  if (principal.role === 'enterprise') {
    const own = await services.store.result(id, 'initial', principal.uscc);
    if (own === undefined) throw notFound('evaluation');
  }
}

/** The evaluation, if the caller may see it. */
export async function visibleEvaluation(
  services: Services,
  id: string,
  principal: Principal,
): Promise<Evaluation> {
  const evaluation = await services.store.getEvaluation(id);
  if (evaluation === undefined) throw notFound('evaluation');
  await mustSee(services, id, evaluation.state, principal);
  return evaluation;
}

/**
 * The evaluation's state, if the caller may see it: for the frequent requests (a result lookup, a filing)
 * that need no more of it, read without the evaluation's row (see Store.evaluationState).
 */
export async function visibleEvaluationState(
  services: Services,
  id: string,
  principal: Principal,
): Promise<EvaluationState> {
  const state = await services.store.evaluationState(id);
  if (state === undefined) throw notFound('evaluation');
  await mustSee(services, id, state, principal);
  return state;
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
