import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The downloads that grade an evaluation again (domain/regrade.ts) keep the checked grading per version:
 * a second download, or several at once, read the county's records once; a new version (published)
 * reads them again; the answers are the same bytes either way. Counted by the store's records reads.
 */
describe.each(ENGINES)('gradings kept between downloads (%s)', (engine) => {
  let h: Harness;
  let id = '';
  let reads: ReturnType<typeof vi.spyOn>;

  const page = async (token: string): Promise<string> => {
    const response = await fetch(`${h.base}/v1/evaluations/${id}/publication-list?format=html`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };
  const workbook = async (): Promise<number> =>
    (
      await fetch(`${h.base}/v1/evaluations/${id}/workbook`, {
        headers: { authorization: `Bearer ${h.tokens.admin}` },
      })
    ).status;

  beforeAll(async () => {
    h = await startApi({ engine });
    id = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
    reads = vi.spyOn(h.store, 'recordChunks');
  });
  afterAll(() => h.close());

  it('reads the records once for one version, however many downloads, at once or one after another', async () => {
    expect(await workbook()).toBe(200);
    expect(await Promise.all([workbook(), workbook(), workbook()])).toEqual([200, 200, 200]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('grades again for a new version, then answers the same bytes from the kept grading', async () => {
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: {},
    });
    expect(published.status).toBe(201);
    const [first, second] = await Promise.all([page(h.tokens.admin), page(h.tokens.town)]);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(await page(h.tokens.admin)).toBe(first);
    expect(await page(h.tokens.town)).toBe(second);
  });
});

afterAll(async () => {
  await stopTestServer();
});
