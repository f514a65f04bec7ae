import type { z } from 'zod';
import { notFound } from '../domain/errors.js';
import { itemHistory } from '../domain/item-history.js';
import { decideItem } from '../domain/objections.js';
import type { Audit, AuditFilter } from '../store/store.js';
import type { Services } from '../services.js';
import { visibleObjection } from './scope.js';
import { actorOf } from '../domain/roles.js';
import { encodeCursor, pageRequest } from '../http/cursor.js';
import { EtagHeader, IfMatchHeader } from '../http/headers.js';
import { requiredVersion, versionEtag } from '../http/preconditions.js';
import { defineRoute } from '../http/route.js';
import {
  Decision,
  ItemHistory,
  ItemPath,
  ObjectionItem,
  ReviewItemsPage,
  ReviewItemsQuery,
} from '../schemas/objection.js';
import type { ReviewFilter } from '../store/store.js';

export const listReviewItems = defineRoute({
  method: 'get',
  path: '/v1/review-items',
  operationId: 'listReviewItems',
  tag: 'Review',
  summary: 'Objection items to review: a department’s own, or all for admin',
  access: ['admin', 'department'],
  query: ReviewItemsQuery,
  responses: { 200: { description: 'a page of items', schema: ReviewItemsPage } },
  async handle({ services, principal, query }) {
    const filter: ReviewFilter = {
      ...(principal.role === 'department' ? { department: principal.department } : {}),
      ...(query.status === undefined ? {} : { status: query.status }),
      ...(query.evaluation === undefined ? {} : { evaluationId: query.evaluation }),
    };
    const page = await services.store.listReviewItems(filter, pageRequest(query));
    return { status: 200, json: { data: page.items, next_cursor: encodeCursor(page.next) } };
  },
});

export const decide = defineRoute({
  method: 'put',
  path: '/v1/objections/{id}/items/{itemId}/decision',
  operationId: 'decideObjectionItem',
  problems: [409, 412, 415, 422, 428],
  tag: 'Review',
  summary: 'Uphold (with the corrected value) or reject (with a reason) one item',
  description:
    'Only the department the item is routed to (or admin), while the evaluation is published. Requires ' +
    'If-Match with the item’s version: 428 without it, 412 when another decision came first. A decision ' +
    'may be revised (with the new version) until the evaluation is recomputed.',
  access: ['admin', 'department'],
  params: ItemPath,
  headers: IfMatchHeader,
  body: { kind: 'json', schema: Decision },
  responses: { 200: { description: 'the decided item', schema: ObjectionItem, headers: EtagHeader } },
  async handle({ services, principal, params, body, req }) {
    const version = requiredVersion(req);
    const item = await services.store.decideItem(
      params.id,
      params.itemId,
      version,
      (view) => decideItem(view, principal, body),
      { actor: actorOf(principal), at: services.clock.now().toISOString() },
    );
    const reply: { status: number; json: z.output<typeof ObjectionItem>; etag: string } = {
      status: 200,
      json: item,
      etag: versionEtag(item.version),
    };
    return reply;
  },
});

/** Every audit entry of one entity, oldest first. */
async function trailOf(services: Services, filter: AuditFilter): Promise<Audit[]> {
  const entries: Audit[] = [];
  let after: number | undefined;
  for (;;) {
    const page = await services.store.listAudit(
      filter,
      after === undefined ? { limit: 100 } : { limit: 100, after },
    );
    entries.push(...page.items);
    if (page.next === null) return entries;
    after = page.next;
  }
}

export const getItemHistory = defineRoute({
  method: 'get',
  path: '/v1/objections/{id}/items/{itemId}/history',
  operationId: 'getObjectionItemHistory',
  tag: 'Review',
  summary: 'One item’s history from the audit trail: filed, routed, decided (and revised), recomputed, final',
  description:
    'Each event with its time, who acted (by role) and a Chinese sentence with the values and the ' +
    'reason. For whoever may read the item: the department it is routed to, the bureau, and the ' +
    'enterprise and its town.',
  access: ['admin', 'department', 'town', 'enterprise'],
  params: ItemPath,
  responses: { 200: { description: 'the item’s events, oldest first', schema: ItemHistory } },
  async handle({ services, principal, params }) {
    const objection = visibleObjection(await services.store.getObjection(params.id), principal);
    const item = objection.items.find((candidate) => candidate.id === params.itemId);
    if (item === undefined) throw notFound('objection item');
    const [filing, decisions, evaluation] = await Promise.all([
      trailOf(services, { entity: 'objection', entityId: objection.id }),
      trailOf(services, { entity: 'objection_item', entityId: item.id }),
      trailOf(services, { entity: 'evaluation', entityId: objection.evaluationId }),
    ]);
    return {
      status: 200,
      json: { data: itemHistory(objection, item, { filing, item: decisions, evaluation }) },
    };
  },
});

export const REVIEW_ROUTES = [listReviewItems, decide, getItemHistory];
