import type { z } from 'zod';
import { decideItem } from '../domain/objections.js';
import { actorOf } from '../domain/roles.js';
import { encodeCursor, pageRequest } from '../http/cursor.js';
import { EtagHeader, IfMatchHeader } from '../http/headers.js';
import { requiredVersion, versionEtag } from '../http/preconditions.js';
import { defineRoute } from '../http/route.js';
import {
  Decision,
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

export const REVIEW_ROUTES = [listReviewItems, decide];
