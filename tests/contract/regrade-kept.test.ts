import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import type { Harness } from './support/harness.js';
import { objectionForm, PDF } from './support/fixtures.js';
import { AFTER_WINDOW, IN_WINDOW, ON_PUBLICATION_DAY, PUBLISHED_ON, startApi } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * The downloads that grade an evaluation again (domain/regrade.ts) keep the checked grading: a second
 * download, or several at once, read the county's records once. The initial grading is kept through the
 * 公示's new versions (its inputs never change); the recomputed one is graded again for a new version.
 * The answers are the same bytes either way. Counted by the store's records reads.
 */
describe.each(ENGINES)('gradings kept between downloads (%s)', (engine) => {
  let h: Harness;
  let id = '';
  let reads: MockInstance<Harness['store']['recordChunks']>;
  let filing = { objection: '', item: '' };

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
    h = await startApi({ engine, now: ON_PUBLICATION_DAY });
    id = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
    reads = vi.spyOn(h.store, 'recordChunks');
  });
  afterAll(() => h.close());

  it('reads the records once for one version, however many downloads, at once or one after another', async () => {
    expect(await workbook()).toBe(200);
    expect(await Promise.all([workbook(), workbook(), workbook()])).toEqual([200, 200, 200]);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('keeps the initial grading through the 公示: publishing and each filing are new versions, not a regrade', async () => {
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: { date: PUBLISHED_ON },
    });
    expect(published.status).toBe(201);
    h.clock.set(IN_WINDOW);
    const [first, second] = await Promise.all([page(h.tokens.admin), page(h.tokens.town)]);
    expect(reads).toHaveBeenCalledTimes(1);
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id },
      headers: { 'idempotency-key': `regrade-kept-${engine}` },
      body: objectionForm(
        { reason: '用地面积有误，见附件。', items: [{ field: 'landAreaMu', claimedValue: '30' }] },
        [{ name: '不动产权证.pdf', bytes: PDF }],
      ),
    });
    expect(filed.status === 201 && filed.body.items.length).toBe(1);
    if (filed.status === 201) filing = { objection: filed.body.id, item: filed.body.items[0]?.id ?? '' };
    expect(await page(h.tokens.admin)).toBe(first);
    expect(await page(h.tokens.town)).toBe(second);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('grades the recomputed phase once per version: the decisions are its inputs', async () => {
    const decided = await h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
      token: h.tokens.naturalResources,
      params: { id: filing.objection, itemId: filing.item },
      headers: { 'if-match': '"1"' },
      body: { decision: 'rejected', reason: '不动产权证载面积与登记一致' },
    });
    expect(decided.status).toBe(200);
    h.clock.set(AFTER_WINDOW);
    const recomputed = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(recomputed.status).toBe(201);
    // The recomputation read them itself; from here, the downloads' reads.
    const before = reads.mock.calls.length;
    expect(await Promise.all([workbook(), workbook()])).toEqual([200, 200]);
    expect(reads).toHaveBeenCalledTimes(before + 1);
    const finalized = await h.api.call('post', '/v1/evaluations/{id}/finalization', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(finalized.status).toBe(201);
    expect(await workbook()).toBe(200);
    expect(reads).toHaveBeenCalledTimes(before + 2);
  });
});

afterAll(async () => {
  await stopTestServer();
});
