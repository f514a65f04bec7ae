import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { tempDirectory } from './support/mujun.js';

/**
 * The real server keeps an idle keep-alive connection open longer than its peers do (a proxy's idle
 * upstream connections, a client's pool), so that none of them sends a request onto a connection the
 * server is closing. With the 5 s it had, a client whose event loop was busy for 6 s (building a large
 * upload, as the hostile-input suite does) then sent its POST and a /healthz probe on its two pooled
 * connections, and both failed: `write EPIPE` and `other side closed`.
 */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
let server: ServerProcess;
beforeAll(async () => {
  dir = await tempDirectory();
  server = await startServer(join(dir.path, 'data'));
}, 120_000);
afterAll(async () => {
  await server.stop('SIGKILL');
  await dir.cleanup();
});

/** Blocks this process's event loop, as a long synchronous step does: no socket event is read meanwhile. */
function busyFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // spinning
  }
}

describe('keep-alive connections', () => {
  it('are still open when a client that was busy for 6 s sends on them: every request is answered', async () => {
    // Two pooled connections, as the hostile-input suite's upload and /healthz poller hold.
    const warm = await Promise.all([fetch(`${server.base}/healthz`), fetch(`${server.base}/healthz`)]);
    await Promise.all(warm.map((res) => res.arrayBuffer()));
    busyFor(6_000);
    const body = new FormData();
    body.append('data', new Blob([Buffer.alloc(40 * 1024 * 1024, 0x41)]), 'big.csv');
    const [upload, health] = await Promise.allSettled([
      fetch(`${server.base}/v1/evaluations`, { method: 'POST', body }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
      fetch(`${server.base}/healthz`).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    ]);
    // Signed in as nobody: the upload's answer is 401, after the server read (drained) the body.
    expect(upload).toEqual({ status: 'fulfilled', value: 401 });
    expect(health).toEqual({ status: 'fulfilled', value: 200 });
  }, 60_000);
});
