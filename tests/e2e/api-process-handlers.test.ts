import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { tempDirectory } from './support/mujun.js';

/**
 * An exception no one catches (issue 10, case 9: an exceljs temporary file vanishing under a stream)
 * must not leave the server running in an unknown state: the process logs it with a traceId and no
 * secret, and exits 1, so that its supervisor starts a clean one. The failure is injected as a
 * library's would be, from outside the server's code: a module preloaded with --import that throws
 * (or rejects) from a timer when the test sends it SIGUSR2.
 */

const SECRET = `mjt_${'S'.repeat(43)}`;

function preload(kind: 'exception' | 'rejection'): string {
  const fail =
    kind === 'exception'
      ? `setImmediate(() => { throw new Error('ENOENT: the library lost its temporary file, token ${SECRET}'); });`
      : `setImmediate(() => { void Promise.reject(new Error('the library rejected, token ${SECRET}')); });`;
  return `data:text/javascript,${encodeURIComponent(`process.on('SIGUSR2', () => { ${fail} });`)}`;
}

async function exitOf(server: ServerProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null) resolve(server.child.exitCode);
    else
      server.child.once('exit', (code) => {
        resolve(code);
      });
  });
}

describe('an uncaught error in the server process', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    dir = await tempDirectory();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  for (const kind of ['exception', 'rejection'] as const) {
    it(`(an uncaught ${kind}) is logged with a traceId and no secret, and the process exits 1`, async () => {
      const dataDir = join(dir.path, kind);
      const server = await startServer(dataDir, {}, ['--import', preload(kind)]);
      try {
        expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
        const started = Date.now();
        server.child.kill('SIGUSR2');
        expect(await exitOf(server)).toBe(1);
        // Closing is quick: idle connections are closed at once, busy ones get at most 2 s.
        expect(Date.now() - started).toBeLessThan(10_000);
        const fatal = server.logs.find((entry) => entry['level'] === 60);
        expect(fatal).toMatchObject({
          msg: 'uncaught error: exiting for a clean restart',
          kind: kind === 'exception' ? 'uncaughtException' : 'unhandledRejection',
          traceId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
        });
        expect(JSON.stringify(fatal)).toContain(
          kind === 'exception' ? 'lost its temporary file' : 'rejected',
        );
        expect(JSON.stringify(server.logs)).not.toContain(SECRET);
      } finally {
        if (server.child.exitCode === null) await server.stop('SIGKILL');
      }
      // What the supervisor does next: a fresh process on the same data serves.
      const again = await startServer(dataDir);
      try {
        expect((await fetch(`${again.base}/healthz`)).status).toBe(200);
      } finally {
        await again.stop('SIGTERM');
      }
    });
  }
});
