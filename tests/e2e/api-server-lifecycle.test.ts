import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../apps/api/src/index.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { mujun, ROOT, SAMPLE, tempDirectory } from './support/mujun.js';

/**
 * The API as an operator runs it: the server process on a data directory it creates and migrates,
 * tokens issued with `mujun token create`, a backup taken with `mujun backup` while it serves, and a
 * clean stop on SIGTERM. The data survives a restart.
 */
/** Waits, 10 s at most, for something the child process writes asynchronously. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition()).toBe(true);
}

describe('the API server process', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let server: ServerProcess | undefined;
  let token = '';
  let evaluationId = '';

  beforeAll(async () => {
    dir = await tempDirectory();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await dir.cleanup();
  });

  it('starts on an empty data directory and answers /healthz', async () => {
    server = await startServer(join(dir.path, 'data'));
    const health = await fetch(`${server.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as string,
    });
  });

  it('takes a token issued by mujun token create while it runs', async () => {
    const run = await mujun(
      'token',
      'create',
      '--role',
      'admin',
      '--label',
      'e2e',
      '--data-dir',
      join(dir.path, 'data'),
    );
    expect(run.code).toBe(0);
    token = run.stdout.trim();
    expect(token).toMatch(/^mjt_[A-Za-z0-9_-]{43}$/);
    const bad = await mujun('token', 'create', '--role', 'department', '--data-dir', join(dir.path, 'data'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--department');

    const form = new FormData();
    const { readFile } = await import('node:fs/promises');
    form.append('data', new Blob([await readFile(join(ROOT, SAMPLE))]), 'sample-2025.csv');
    const created = await fetch(`${server?.base ?? ''}/v1/evaluations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'e2e-upload-1' },
      body: form,
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-request-id')).toBe('e2e-upload-1');
    evaluationId = ((await created.json()) as { id: string }).id;
    // The log has the request (its line reaches our pipe a moment after the answer), never the token.
    await until(() => JSON.stringify(server?.logs).includes('e2e-upload-1'));
    expect(JSON.stringify(server?.logs)).not.toContain(token);
  });

  it('is backed up consistently by mujun backup while serving', async () => {
    const file = join(dir.path, 'backup.sqlite');
    const run = await mujun('backup', file, '--data-dir', join(dir.path, 'data'));
    expect(run.code).toBe(0);
    const again = await mujun('backup', file, '--data-dir', join(dir.path, 'data'));
    expect(again.code).toBe(2);
    const restored = join(dir.path, 'restored');
    await mkdir(restored);
    await copyFile(file, join(restored, 'mujun.sqlite'));
    const store = openSqliteStore(restored);
    expect((await store.getEvaluation(evaluationId))?.enterprises).toBe(31);
    store.close();
  });

  it('stops cleanly on SIGTERM and serves the same data after a restart', async () => {
    expect(await server?.stop('SIGTERM')).toBe(0);
    server = await startServer(join(dir.path, 'data'));
    const res = await fetch(`${server.base}/v1/evaluations/${evaluationId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { state: string }).state).toBe('draft');
  });
});
