import { defineRoute } from '../http/route.js';
import { HttpProblem } from '../http/problem.js';
import { Health, Ready } from '../schemas/common.js';
import { VERSION } from '../version.js';

/**
 * Liveness: the process answers HTTP. It does not touch the store, so a supervisor (systemd's watchdog,
 * a load balancer's liveness probe) restarts a hung process, not one whose database is briefly away.
 */
export const health = defineRoute({
  method: 'get',
  path: '/healthz',
  operationId: 'health',
  tag: 'Service',
  summary: 'Liveness and the running version',
  access: 'public',
  responses: { 200: { description: 'the process answers', schema: Health } },
  handle() {
    return Promise.resolve({ status: 200, json: { status: 'ok', version: VERSION } });
  },
});

/**
 * Readiness: the store answers and its schema is the one this build migrates to. A proxy or load
 * balancer sends traffic only to a ready instance; 503 (store unreachable, or migrated by a newer
 * instance sharing the PostgreSQL database) takes it out of rotation until it is ready again.
 */
export const ready = defineRoute({
  method: 'get',
  path: '/readyz',
  operationId: 'ready',
  tag: 'Service',
  summary: 'Readiness: store reachable and migrated',
  access: 'public',
  responses: { 200: { description: "the store answers, at this build's schema", schema: Ready } },
  problems: [503],
  async handle({ services }) {
    const { applied, expected } = await services.store.schema();
    if (applied !== expected) {
      throw new HttpProblem(
        503,
        'not-ready',
        '服务尚未就绪',
        `数据库结构版本为 ${applied}，本版本需要 ${expected} (the store's schema is at ${applied}; this build needs ${expected})`,
        { applied, expected },
        { 'Retry-After': '5' },
      );
    }
    return { status: 200, json: { status: 'ready', schema: applied } };
  },
});
