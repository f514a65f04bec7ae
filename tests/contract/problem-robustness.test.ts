import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, createLogger, openSqliteStore } from '../../apps/api/src/index.js';
import type { Store } from '../../apps/api/src/index.js';
import { HttpProblem } from '../../apps/api/src/http/problem.js';

/**
 * Errors never fall through (issue 10): whatever fails while a problem is built or sent (a body JSON
 * cannot serialise, a getter that throws, a body too large to send), the client gets problem+json,
 * never Express's HTML page, a stack or a path (an error after the headers went out:
 * apps/api/src/http/problem.test.ts). And no log line carries a token, wherever the client put it.
 */

interface Running {
  readonly base: string;
  readonly lines: string[];
  close(): Promise<void>;
}

const running: Running[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function serve(
  app: ReturnType<typeof createApp>,
  lines: string[],
  store?: Store & { close(): void },
): Promise<Running> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const handle: Running = {
    base: `http://127.0.0.1:${port}`,
    lines,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      store?.close();
    },
  };
  running.push(handle);
  return handle;
}

/** The app over a store whose readiness check fails with `error`: how a handler's failure is injected. */
async function appFailingWith(error: unknown): Promise<Running> {
  const store = openSqliteStore(':memory:');
  const broken = Object.assign(Object.create(store) as typeof store, {
    schema: () => Promise.reject(error as Error),
  });
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
  return serve(createApp({ store: broken, logger }), lines, store);
}

async function expectMinimal500(res: Response, traceId: string): Promise<void> {
  expect(res.status).toBe(500);
  expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre|at .*\.ts|\/work\/|node_modules/i);
  expect(JSON.parse(text)).toEqual({
    type: 'https://mujun.dev/problems/internal',
    title: '服务器内部错误',
    status: 500,
    detail: expect.stringContaining(traceId) as unknown,
    traceId,
  });
}

describe('a problem that cannot be built or sent', () => {
  it('is a minimal 500 with the traceId when its body is cyclic', async () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    const app = await appFailingWith(new HttpProblem(422, 'invalid-value', '数值无效', '…', { cyclic }));
    const res = await fetch(`${app.base}/readyz`, { headers: { 'x-request-id': 'cyclic-1' } });
    await expectMinimal500(res, 'cyclic-1');
    expect(app.lines.join('\n')).toContain('the problem could not be sent');
  });

  it('is a minimal 500 when a value in it cannot be serialised (a BigInt)', async () => {
    const app = await appFailingWith(new HttpProblem(400, 'validation', '请求内容有误', '…', { n: 10n }));
    await expectMinimal500(
      await fetch(`${app.base}/readyz`, { headers: { 'x-request-id': 'big-1' } }),
      'big-1',
    );
  });

  it('is a minimal 500 when reading the error throws (a getter)', async () => {
    const hostile = Object.defineProperty(new Error('x'), 'status', {
      get() {
        throw new Error('getter at /secret/path');
      },
    });
    const app = await appFailingWith(hostile);
    await expectMinimal500(
      await fetch(`${app.base}/readyz`, { headers: { 'x-request-id': 'getter-1' } }),
      'getter-1',
    );
  });

  it('is cut down, not dropped, when its lists are huge: the first 1000 entries and a count of the rest', async () => {
    const issues = Array.from({ length: 200_000 }, (_, row) => ({
      row,
      column: 'tax',
      value: 'x'.repeat(40),
      reason: '不是数字 (not a number)',
    }));
    const app = await appFailingWith(
      new HttpProblem(422, 'invalid-data', '数据有误', '数据有 200000 处问题', { issues }),
    );
    const res = await fetch(`${app.base}/readyz`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: unknown[]; issuesOmitted: number; detail: string };
    expect(body.issues).toHaveLength(1000);
    expect(body.issuesOmitted).toBe(199_000);
    expect(body.detail).toBe('数据有 200000 处问题');
  });
});

describe('the log', () => {
  it('never carries a token from a header, the query string, the path or an error message', async () => {
    const token = `mjt_${'A'.repeat(43)}`;
    const other = `mjt_${'b'.repeat(43)}`;
    const app = await appFailingWith(new Error(`a library quoting the body: {"token":"${other}"}`));
    const headers = {
      authorization: `Bearer ${token}`,
      cookie: `session=${token}`,
      'x-api-key': 'plain-secret-value',
      referer: `https://evil.example/page?token=plain-secret-referer&x=1`,
    };
    await fetch(`${app.base}/readyz?access_token=${token}&uscc=91331003MA20CKPQ23`, { headers });
    await fetch(`${app.base}/v1/evaluations?token=plain-query-secret&limit=5`, { headers });
    await fetch(`${app.base}/v1/${token}/x?api_key=plain-key`, { headers });
    const log = app.lines.join('\n');
    expect(log).toContain('unhandled error');
    for (const secret of [
      token,
      other,
      'plain-secret-value',
      'plain-secret-referer',
      'plain-query-secret',
      'plain-key',
    ]) {
      expect(log).not.toContain(secret);
    }
    const urls = app.lines
      .map((line) => JSON.parse(line) as { req?: { url?: string } })
      .map((entry) => entry.req?.url)
      .filter((url) => url !== undefined);
    expect(urls).toContain('/readyz?access_token=[redacted]&uscc=91331003MA20CKPQ23');
    expect(urls).toContain('/v1/evaluations?token=[redacted]&limit=5');
    expect(urls).toContain('/v1/mjt_[redacted]/x?api_key=[redacted]');
  });
});
