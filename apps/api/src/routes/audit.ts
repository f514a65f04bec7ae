import { encodeCursor, pageRequest } from '../http/cursor.js';
import { defineRoute } from '../http/route.js';
import { AuditPage, AuditQuery } from '../schemas/audit.js';
import type { AuditFilter } from '../store/store.js';

export const listAudit = defineRoute({
  method: 'get',
  path: '/v1/audit',
  operationId: 'listAudit',
  tag: 'Audit',
  summary: 'The audit trail: every state change with actor, time, before and after',
  description:
    'Append-only (the database refuses updates and deletes). Oldest first; filter by entity and id.',
  access: ['admin'],
  query: AuditQuery,
  responses: { 200: { description: 'a page of entries', schema: AuditPage } },
  async handle({ services, query }) {
    const filter: AuditFilter = {
      ...(query.entity === undefined ? {} : { entity: query.entity }),
      ...(query.entityId === undefined ? {} : { entityId: query.entityId }),
    };
    const page = await services.store.listAudit(filter, pageRequest(query));
    return { status: 200, json: { data: page.items, next_cursor: encodeCursor(page.next) } };
  },
});

export const AUDIT_ROUTES = [listAudit];
