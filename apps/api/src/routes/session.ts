import { DEPARTMENT_LABELS } from '../domain/roles.js';
import { defineRoute } from '../http/route.js';
import { CONTESTABLE_FIELD_LIST, Session } from '../schemas/session.js';

export const getSession = defineRoute({
  method: 'get',
  path: '/v1/session',
  operationId: 'getSession',
  tag: 'Service',
  summary: 'Who the caller is (session or token): role and scope, and the fields an objection may contest',
  description:
    'What the web pages (`/app/`) read to learn whether they are signed in (401 if not) and to show the ' +
    'caller’s side: the role, its ' +
    'department, town or enterprise code, and the contestable fields with their Chinese headers.',
  access: ['admin', 'department', 'town', 'enterprise'],
  responses: { 200: { description: 'the caller', schema: Session } },
  handle({ principal }) {
    const scope =
      principal.role === 'department'
        ? { department: principal.department, departmentLabel: DEPARTMENT_LABELS[principal.department] }
        : principal.role === 'town'
          ? { town: principal.town }
          : principal.role === 'enterprise'
            ? { uscc: principal.uscc }
            : {};
    return Promise.resolve({
      status: 200,
      json: { role: principal.role, ...scope, contestableFields: CONTESTABLE_FIELD_LIST },
    });
  },
});
