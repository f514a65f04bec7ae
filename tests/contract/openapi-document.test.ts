import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../apps/api/src/routes/index.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';

/**
 * The contract others rely on: the served document is the committed one (so the committed client
 * types describe the running app), it keeps the fixed paths, and the reference page shows every route.
 */
const committed = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../apps/api/openapi.json', import.meta.url)), 'utf8'),
) as { openapi: string; paths: Record<string, Record<string, unknown>> };

const FIXED = [
  ['get', '/healthz'],
  ['get', '/readyz'],
  ['post', '/v1/evaluations'],
  ['get', '/v1/evaluations/{id}/results'],
  ['get', '/v1/evaluations/{id}/enterprises/{uscc}'],
  ['post', '/v1/evaluations/{id}/publication'],
  ['post', '/v1/evaluations/{id}/objections'],
  ['get', '/v1/objections/{id}'],
] as const;

describe('the OpenAPI document and the reference page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApi();
  });
  afterAll(async () => {
    await h.close();
  });

  it('serves the committed OpenAPI 3.1 document (pnpm openapi regenerates it)', async () => {
    const res = await h.api.call('get', '/openapi.json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual(committed);
    expect(committed.openapi).toBe('3.1.0');
  });

  it('keeps the paths other systems rely on', () => {
    for (const [method, path] of FIXED)
      expect(committed.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('renders every operation on a page with no script and no outside resource', async () => {
    const res = await fetch(`${h.base}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    for (const route of ROUTES) expect(html).toContain(`id="${route.operationId}"`);
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });
});
