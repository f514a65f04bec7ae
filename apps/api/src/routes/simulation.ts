import { renderSimulationPage, writeSimulationWorkbook } from '@mujun/simulation';
import type { Simulation as Built } from '@mujun/simulation';
import { historyFromResults } from '@mujun/surcharges';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import type { z } from 'zod';
import { notFound } from '../domain/errors.js';
import { resolveScheme } from '../domain/grading.js';
import { newId } from '../domain/ids.js';
import { actorOf } from '../domain/roles.js';
import { regraded } from '../domain/regrade.js';
import { attachment, PAGE_HEADERS, written, XLSX_TYPE } from '../http/files.js';
import { ContentDispositionHeader } from '../http/headers.js';
import { defineRoute } from '../http/route.js';
import type { Reply } from '../http/route.js';
import type { Evaluation, Proposal as StoredProposal, Store } from '../store/store.js';
import { EvaluationPath } from '../schemas/result.js';
import {
  NewProposal,
  Proposal,
  ProposalPath,
  Proposals,
  Simulation,
  SimulationQuery,
  SimulationRequest,
} from '../schemas/simulation.js';
import { readablePhase, visibleEvaluation } from './scope.js';

/**
 * Method simulation on an evaluation in the store: its records (with the upheld corrections once
 * recomputed) graded again under its own method, which must reproduce the stored results (regrade), and
 * under a proposed method, independently; compared by @mujun/simulation as `mujun simulate` compares
 * them. Nothing is stored: a proposal is a question, not a change.
 */

/** The class history the 差别化电价 tiers read: the final classes of each earlier final evaluation. */
async function history(store: Store, evaluation: Evaluation): Promise<ClassHistoryEntry[]> {
  if (evaluation.year === null) return [];
  const entries: ClassHistoryEntry[] = [];
  for (const before of await store.finalEvaluationsBefore(evaluation.year)) {
    if (before.year === null) continue;
    entries.push(...historyFromResults(before.year, await store.finalClasses(before.id, 'recomputed')));
  }
  return entries;
}

export function simulationWire(evaluationId: string, built: Built): z.output<typeof Simulation> {
  return { evaluationId, ...structuredClone(built) } as z.output<typeof Simulation>;
}

function fileName(evaluation: Evaluation, extension: string): Record<string, string> {
  const year = evaluation.year === null ? '' : `${String(evaluation.year)}年度`;
  return attachment(`simulation-${evaluation.id}.${extension}`, `${year}评价办法修订模拟测算.${extension}`);
}

export const postSimulation = defineRoute({
  method: 'post',
  path: '/v1/evaluations/{id}/simulation',
  operationId: 'postSimulation',
  problems: [415, 422],
  tag: 'Results',
  summary: 'Grade the evaluation’s data under a proposed method and compare it with the method in force',
  description:
    'The evaluation’s records (with the upheld corrections once recomputed) graded under its own scheme ' +
    'and, independently, under the proposed one (a preset id or a scheme document as JSON text; 422 ' +
    'invalid-scheme listing every problem, or the records’ issues when the proposal needs a figure they ' +
    'lack): every enterprise under both (final class, total, rank), the class movement matrix, who moves ' +
    'and by which rule (scope, cohort, band, override; read from both traces), the distributions by ' +
    'town and GB/T 4754 大类, and the 差别化电价 impact (newly surcharged and relieved enterprises and ' +
    'power accounts, the surcharge at the data year’s electricity use; runs of D years from the earlier ' +
    'final evaluations). Nothing is stored. `format`: JSON, the workbook or the printable page.',
  access: ['admin'],
  params: EvaluationPath,
  query: SimulationQuery,
  body: { kind: 'json', schema: SimulationRequest },
  responses: {
    200: {
      description: 'the comparison',
      schema: Simulation,
      headers: ContentDispositionHeader,
      alternatives: [
        { contentType: XLSX_TYPE, description: 'format=xlsx: the simulation workbook', binary: true },
        { contentType: 'text/html', description: 'format=html: the printable page for the 起草说明' },
      ],
    },
  },
  async handle({ services, principal, params, query, body }): Promise<Reply> {
    const evaluation = await visibleEvaluation(services, params.id, principal);
    const proposed = resolveScheme(body.scheme);
    // Graded under the proposal and compared where the grading in force is held (domain/regrade.ts).
    const built = await regraded(
      services.store,
      services.work.gradings,
      evaluation.id,
      readablePhase(evaluation, principal),
      'simulation',
      {
        schemeJson: JSON.stringify(proposed),
        year: evaluation.year,
        history: await history(services.store, evaluation),
      },
    );
    switch (query.format ?? 'json') {
      case 'json':
        return { status: 200, json: simulationWire(evaluation.id, built) };
      case 'xlsx':
        return {
          status: 200,
          bytes: await written((stream) => writeSimulationWorkbook(built, stream)),
          contentType: XLSX_TYPE,
          headers: fileName(evaluation, 'xlsx'),
        };
      case 'html':
        return {
          status: 200,
          raw: renderSimulationPage(built),
          contentType: 'text/html; charset=utf-8',
          headers: { ...PAGE_HEADERS, ...fileName(evaluation, 'html') },
        };
    }
  },
});

/** A saved proposal on the wire: who saved it is in the audit trail. */
function proposalWire(saved: StoredProposal): z.output<typeof Proposal> {
  return {
    id: saved.id,
    name: saved.name,
    note: saved.note,
    schemeId: saved.schemeId,
    schemeName: saved.schemeName,
    savedAt: saved.savedAt,
    scheme: saved.scheme,
  };
}

export const saveProposal = defineRoute({
  method: 'post',
  path: '/v1/proposals',
  operationId: 'saveProposal',
  problems: [415, 422],
  tag: 'Results',
  summary: 'Save a proposed method, so the bureau can come back to it',
  description:
    'A name, an optional note, and the proposed scheme as the simulation takes it (a preset id or the ' +
    'scheme document as JSON text), checked as the simulation checks it (422 invalid-scheme listing every ' +
    'problem). Kept as given; audited (entity proposal). The simulation page lists the saved proposals ' +
    'and runs one again on any evaluation.',
  access: ['admin'],
  body: { kind: 'json', schema: NewProposal },
  responses: { 201: { description: 'the proposal as saved', schema: Proposal } },
  async handle({ services, principal, body }) {
    const scheme = resolveScheme(body.scheme);
    const saved = await services.store.saveProposal(
      {
        id: newId('prop'),
        name: body.name,
        note: body.note === undefined || body.note === null || body.note === '' ? null : body.note,
        scheme: body.scheme.trim(),
        schemeId: scheme.id,
        schemeName: scheme.name,
      },
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    return { status: 201, json: proposalWire(saved) };
  },
});

export const listProposals = defineRoute({
  method: 'get',
  path: '/v1/proposals',
  operationId: 'listProposals',
  tag: 'Results',
  summary: 'The saved proposed methods, newest first',
  access: ['admin'],
  responses: { 200: { description: 'the proposals, without their schemes', schema: Proposals } },
  async handle({ services }) {
    const data = (await services.store.proposals()).map((saved) => ({
      id: saved.id,
      name: saved.name,
      note: saved.note,
      schemeId: saved.schemeId,
      schemeName: saved.schemeName,
      savedAt: saved.savedAt,
    }));
    return { status: 200, json: { data } };
  },
});

export const getProposal = defineRoute({
  method: 'get',
  path: '/v1/proposals/{proposalId}',
  operationId: 'getProposal',
  tag: 'Results',
  summary: 'One saved proposed method, with its scheme as given',
  access: ['admin'],
  params: ProposalPath,
  responses: { 200: { description: 'the proposal', schema: Proposal } },
  async handle({ services, params }) {
    const found = await services.store.proposal(params.proposalId);
    if (found === undefined) throw notFound('proposal');
    return { status: 200, json: proposalWire(found) };
  },
});

export const SIMULATION_ROUTES = [postSimulation, saveProposal, listProposals, getProposal];
