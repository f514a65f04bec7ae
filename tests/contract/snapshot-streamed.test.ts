import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../apps/api/src/domain/snapshot.js';
import { Snapshot } from '../../apps/api/src/routes/publication.js';
import { generatedCsv } from '../e2e/support/api-data.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { PUBLISHED_ON, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The published snapshot of an evaluation larger than one page of the store (a thousand results), as the
 * server streams it a page at a time: the bytes are those of the whole document the server once built in
 * memory, and they hash to the ETag taken at publication.
 */

const COUNT = 2_345;

describe.each(ENGINES)('the published snapshot streamed over several pages (%s)', (engine) => {
  let h: Harness;
  let evaluationId = '';
  let published = '';

  beforeAll(async () => {
    h = await startApi({ engine });
    evaluationId = await uploadedSample(h, {
      file: 'generated.csv',
      bytes: generatedCsv(COUNT, 17).bytes,
      name: '2025年度',
    });
    const publication = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    if (publication.status !== 201) throw new Error(`setup: ${publication.text}`);
    published = publication.body.publication?.snapshotEtag ?? '';
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('sends the whole document, byte for byte, hashing to the ETag taken at publication', async () => {
    const res = await fetch(`${h.base}/v1/evaluations/${evaluationId}/publication/snapshot`, {
      headers: { authorization: `Bearer ${h.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"/);
    const etag = res.headers.get('etag');
    expect(etag).toBe(published);
    const body = Buffer.from(await res.arrayBuffer());
    expect(etag).toBe(`"sha256-${createHash('sha256').update(body).digest('base64url')}"`);
    const whole = snapshotDocument(
      evaluationId,
      'published',
      await h.store.resultDocuments(evaluationId, 'initial'),
    );
    expect(body.equals(Buffer.from(whole, 'utf8'))).toBe(true);
    const parsed = Snapshot.parse(JSON.parse(body.toString('utf8')));
    expect(parsed.results).toHaveLength(COUNT);
    expect(new Set(parsed.results.map((result) => result.uscc)).size).toBe(COUNT);
  });

  it('answers 304 to the ETag held, and a HEAD with the same headers and no body', async () => {
    const path = `${h.base}/v1/evaluations/${evaluationId}/publication/snapshot`;
    const auth = { authorization: `Bearer ${h.tokens.admin}` };
    const again = await fetch(path, { headers: { ...auth, 'if-none-match': published } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await fetch(path, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(published);
    expect(await head.text()).toBe('');
  });
});

afterAll(async () => {
  await stopTestServer();
});
