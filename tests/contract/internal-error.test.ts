import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createApp, createLogger, openSqliteStore } from '../../apps/api/src/index.js';

/**
 * A bug is a 500 problem that says nothing of the internals, with a traceId that finds the log line
 * (the request id, from X-Request-Id when the client sent one).
 */
describe('an internal error', () => {
  it('answers 500 problem+json with the traceId of the logged error, and no stack', async () => {
    const store = openSqliteStore(':memory:');
    const broken = Object.assign(Object.create(store) as typeof store, {
      schema: () => Promise.reject(new Error('disk on fire at /secret/path')),
    });
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const app = createApp({ store: broken, logger });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`, {
        headers: { 'x-request-id': 'trace-me-42' },
      });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        type: 'https://mujun.dev/problems/internal',
        status: 500,
        traceId: 'trace-me-42',
      });
      expect(JSON.stringify(body)).not.toMatch(/secret|fire|at .*\.ts/);
      const logged = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((entry) => entry['msg'] === 'unhandled error');
      expect(logged).toMatchObject({
        traceId: 'trace-me-42',
        err: { message: 'disk on fire at /secret/path' },
      });
    } finally {
      server.close();
      store.close();
    }
  });
});
