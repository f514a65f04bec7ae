import type * as Scoring from '@mujun/scoring';
import type * as Sheets from '@mujun/sheets';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gradeRecords } from '../../apps/api/src/domain/grading.js';
import { storedScheme } from '../../apps/api/src/domain/regrade.js';
import { startApi } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';
import type { Harness } from './support/harness.js';

// The library's grade, counted on this thread only: a worker thread loads its own copy of the module.
vi.mock('@mujun/scoring', async (original) => {
  const scoring = await original<typeof Scoring>();
  return { ...scoring, grade: vi.fn(scoring.grade) };
});
const { grade } = await import('@mujun/scoring');
// And the workbook writer the activation codes' workbook is made with, the same way.
vi.mock('@mujun/sheets', async (original) => {
  const sheets = await original<typeof Sheets>();
  return { ...sheets, workbookBytes: vi.fn(sheets.workbookBytes) };
});
const { workbookBytes } = await import('@mujun/sheets');

/**
 * The downloads that grade an evaluation again do it off the event loop (issue 17): the first download of
 * a version grades the county where the gradings are held (work/gradings-thread.ts), and the event loop,
 * which the harness's server shares with this test, never calls the library's grade, for any of them.
 * Counted on a spy of @mujun/scoring's grade, which does see a grading made on this thread. The
 * activation codes' workbook, seconds of exceljs for a county, is written in a pool worker likewise.
 */
describe('downloads that grade again, off the event loop', () => {
  let h: Harness;
  let id = '';

  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${h.base}/v1/evaluations/${id}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${h.tokens.admin}`, 'content-type': 'application/json' },
    });

  beforeAll(async () => {
    h = await startApi();
    id = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
  });
  afterAll(() => h.close());

  it('grades none of them on the event loop, the first download of a version included', async () => {
    const calls = vi.mocked(grade).mock.calls.length;
    expect((await get('/workbook')).status).toBe(200);
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: {},
    });
    expect(published.status).toBe(201);
    // A new version: each of these is a first download, or shares one.
    const answers = await Promise.all([
      get('/publication-list'),
      get('/summary'),
      get('/low-efficiency'),
      get('/land-notice'),
      get('/confirmations'),
      get('/ledger', { method: 'POST', body: JSON.stringify({ threshold: '1' }) }),
      get('/activation-codes?format=zip', { method: 'POST' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200, 201]);
    await Promise.all(answers.map((answer) => answer.arrayBuffer()));
    expect(vi.mocked(grade).mock.calls.length).toBe(calls);
  });

  it('writes the activation codes’ workbook off the event loop', async () => {
    const calls = vi.mocked(workbookBytes).mock.calls.length;
    for (const format of ['xlsx', 'zip']) {
      const answer = await get(`/activation-codes?format=${format}`, { method: 'POST' });
      expect(answer.status).toBe(201);
      expect((await answer.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect(vi.mocked(workbookBytes).mock.calls.length).toBe(calls);
    // The spy does see a workbook written on this thread.
    await workbookBytes([{ name: 's', columns: [{ header: 'h' }], rows: [] }]);
    expect(vi.mocked(workbookBytes).mock.calls.length).toBe(calls + 1);
  });

  it('would see a grading made on the event loop', async () => {
    const calls = vi.mocked(grade).mock.calls.length;
    gradeRecords(await h.store.records(id), await storedScheme(h.store, id));
    expect(vi.mocked(grade).mock.calls.length).toBe(calls + 1);
  });
});
