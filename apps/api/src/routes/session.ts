import { DEPARTMENT_LABELS } from '../domain/roles.js';
import { defineRoute } from '../http/route.js';
import { CONTESTABLE_FIELD_LIST, Session } from '../schemas/session.js';
import type { Store } from '../store/store.js';

/** An enterprise by its code and, once an evaluation has listed it, its name (for the pages' header). */
async function enterpriseScope(store: Store, uscc: string): Promise<{ uscc: string; name?: string }> {
  const name = await store.enterpriseName(uscc);
  return name === undefined ? { uscc } : { uscc, name };
}

export const getSession = defineRoute({
  method: 'get',
  path: '/v1/session',
  operationId: 'getSession',
  tag: 'Service',
  summary: 'Who the caller is (session or token): role and scope, and the fields an objection may contest',
  description:
    'What the web pages (`/app/`) read to learn whether they are signed in (401 if not) and to show the ' +
    'caller’s side: the role, its ' +
    'department, town or enterprise code (and the enterprise’s name), and the contestable fields with their Chinese headers.',
  access: ['admin', 'department', 'town', 'enterprise'],
  responses: { 200: { description: 'the caller', schema: Session } },
  async handle({ services, principal }) {
    const scope =
      principal.role === 'department'
        ? { department: principal.department, departmentLabel: DEPARTMENT_LABELS[principal.department] }
        : principal.role === 'town'
          ? { town: principal.town }
          : principal.role === 'enterprise'
            ? await enterpriseScope(services.store, principal.uscc)
            : {};
    return {
      status: 200,
      json: { role: principal.role, ...scope, contestableFields: CONTESTABLE_FIELD_LIST },
    };
  },
});
