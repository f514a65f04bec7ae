import { defineRoute } from '../http/route.js';
import { Health } from '../schemas/common.js';

export const health = defineRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  tag: 'Service',
  summary: 'Liveness and store check',
  access: 'public',
  responses: { 200: { description: 'the service and its store answer', schema: Health } },
  async handle({ services }) {
    await services.store.ping();
    return { status: 200, json: { status: 'ok' } };
  },
});
