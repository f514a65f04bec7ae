import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import type { Services } from '../services.js';
import { errorMiddleware } from './problem.js';
import { defineRoute } from './route.js';
import { registerRoutes } from './router.js';

/**
 * A streamed reply (`{ stream }`) through the router over real HTTP: its chunks in order with the headers
 * and 304 of any other reply, the source pulled only as fast as the client reads, stopped when the
 * client goes away, and a failure half way a cut connection, never a body that looks complete.
 */

const KIB64 = 'x'.repeat(64 * 1024);

interface Source {
  /** Chunks taken from the source so far. */
  pulled: number;
  /** Resolves when the source has been closed (finished, stopped or failed). */
  readonly closed: Promise<void>;
  readonly chunks: AsyncIterable<string>;
}

function source(chunks: number, failAt?: number): Source {
  let close = () => {};
  const closed = new Promise<void>((resolve) => {
    close = resolve;
  });
  const counter = { pulled: 0 };
  async function* chunked(): AsyncGenerator<string> {
    try {
      for (let i = 0; i < chunks; i += 1) {
        await new Promise((resolve) => setImmediate(resolve));
        if (i === failAt) throw new Error('the store went away half way');
        counter.pulled += 1;
        yield i === 0 ? `chunk ${i}|` : `${KIB64}|chunk ${i}|`;
      }
    } finally {
      close();
    }
  }
  return Object.assign(counter, { closed, chunks: chunked() });
}

let current: Source = source(0);
const lines: string[] = [];
let server: ReturnType<express.Express['listen']> | undefined;

const routes = [
  defineRoute({
    method: 'get',
    path: '/streamed',
    operationId: 'streamed',
    tag: 'test',
    summary: 'a streamed body',
    access: 'public',
    responses: { 200: { description: 'the chunks', contentType: 'text/plain' }, 304: { description: '' } },
    handle: () =>
      Promise.resolve({
        status: 200,
        stream: current.chunks,
        contentType: 'text/plain',
        etag: '"v1"',
        headers: { 'Content-Disposition': 'attachment; filename="chunks.txt"' },
      }),
  }),
];

async function start(): Promise<string> {
  const app = express();
  registerRoutes(app, routes, {} as Services, true);
  app.use(errorMiddleware(createLogger('info', { write: (line: string) => void lines.push(line) })));
  const listening = app.listen(0, '127.0.0.1');
  server = listening;
  await new Promise((resolve) => listening.once('listening', resolve));
  return `http://127.0.0.1:${String((listening.address() as AddressInfo).port)}`;
}

afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  lines.length = 0;
});

const expected = (chunks: number) =>
  Array.from({ length: chunks }, (_, i) => (i === 0 ? `chunk ${i}|` : `${KIB64}|chunk ${i}|`)).join('');

describe('a streamed reply', () => {
  it('sends every chunk in order, chunked, with its ETag and other headers', async () => {
    const base = await start();
    current = source(40);
    const res = await fetch(`${base}/streamed`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="chunks.txt"');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(await res.text()).toBe(expected(40));
    await current.closed;
  });

  it('answers If-None-Match with 304 and a HEAD with the headers, without reading the source', async () => {
    const base = await start();
    current = source(40);
    const again = await fetch(`${base}/streamed`, { headers: { 'if-none-match': '"v1"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await fetch(`${base}/streamed`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe('"v1"');
    expect(current.pulled).toBe(0);
  });

  it('answers a source that fails before its first chunk with a problem, not a cut', async () => {
    const base = await start();
    current = source(40, 0);
    const res = await fetch(`${base}/streamed`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { type: string }).type).toBe('https://mujun.dev/problems/internal');
  });

  it('cuts the connection when the source fails half way: the client never takes it for the whole body', async () => {
    const base = await start();
    current = source(40, 20);
    const res = await fetch(`${base}/streamed`);
    expect(res.status).toBe(200);
    const outcome = await res.text().then(
      () => 'complete',
      () => 'cut',
    );
    expect(outcome).toBe('cut');
    await current.closed;
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.find((entry) => entry['msg'] === 'error after the response started')).toMatchObject({
      err: { message: 'the store went away half way' },
    });
  });

  it('pulls no faster than the client reads, and stops the source when the client goes away', async () => {
    const base = await start();
    // 64 KiB a chunk, 256 MiB in all: without back-pressure it is all pulled at once.
    current = source(4096);
    const { port } = new URL(base);
    const req = request({ host: '127.0.0.1', port, path: '/streamed' });
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
    response.pause();
    // The client reads nothing: wait until the server stops pulling (the socket buffers are full).
    let before = -1;
    while (current.pulled !== before) {
      before = current.pulled;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // What the kernel's socket buffers and the response's own take, a few MB: not the 256 MiB.
    expect(current.pulled * 64 * 1024).toBeLessThan(64 * 1024 * 1024);
    req.destroy();
    await current.closed;
    expect(current.pulled).toBe(before);
    expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);
  });
});
