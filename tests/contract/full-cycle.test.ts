import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import type { Harness } from './support/harness.js';
import { brokenCsv, dataForm, objectionForm, PDF, SAMPLE_CSV } from './support/fixtures.js';

/**
 * The whole life of an evaluation through the HTTP API, as the bureau, a town, an enterprise and a
 * department live it: upload (first with bad cells), publish, object with a PDF, uphold, recompute
 * (the enterprise moves class, and the diff says why), finalize, and nothing changes after that.
 */
describe.each(ENGINES)('an evaluation from upload to final, over HTTP (%s)', (engine) => {
  let h: Harness;
  let evaluationId = '';
  let objectionId = '';

  beforeAll(async () => {
    h = await startApi({ engine });
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses data with bad cells, listing every one as problem+json, and stores nothing', async () => {
    const res = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: '2025.csv', bytes: brokenCsv() }]),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    if (res.status !== 422) return;
    expect(res.body.type).toBe('https://mujun.dev/problems/invalid-data');
    const cells = (res.body.issues ?? []).map((issue) => [issue.row, issue.column, issue.value]);
    expect(cells).toEqual(
      expect.arrayContaining([
        [2, 'tax', '12万'],
        [3, 'landAreaMu', '-3'],
      ]),
    );
    expect(res.body.issues?.every((issue) => issue.file === '2025.csv' && issue.reason !== '')).toBe(true);
    const list = await h.api.call('get', '/v1/evaluations', { token: h.tokens.admin });
    expect(list.status === 200 && list.body.data).toEqual([]);
  });

  it('grades valid data as a draft that only admin sees', async () => {
    const res = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'sample-2025.csv', bytes: SAMPLE_CSV }], {
        name: '2025年度',
        scheme: 'reference',
      }),
    });
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    evaluationId = res.body.id;
    expect(res.body.state).toBe('draft');
    expect(res.body.enterprises).toBe(31);
    expect(res.body.summary.counts).toEqual({ rated: 28, exempt: 2, outOfScope: 1 });
    expect(res.headers.get('location')).toBe(`/v1/evaluations/${evaluationId}`);

    const asEnterprise = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
      token: h.tokens.enterprise,
      params: { id: evaluationId, uscc: SAMPLE.floorD },
    });
    expect(asEnterprise.status).toBe(404);
    const asAdmin = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
      token: h.tokens.admin,
      params: { id: evaluationId, uscc: SAMPLE.floorD },
    });
    expect(asAdmin.status === 200 && asAdmin.body.finalClass).toBe('D');
  });

  it('lists results with filters and cursor pagination', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await h.api.call('get', '/v1/evaluations/{id}/results', {
        token: h.tokens.admin,
        params: { id: evaluationId },
        query: { cohort: 'above', limit: '7', ...(cursor === undefined ? {} : { cursor }) },
      });
      expect(res.status).toBe(200);
      if (res.status !== 200) return;
      seen.push(...res.body.data.map((row) => row.uscc));
      expect(res.body.data.every((row) => row.cohort === 'above' && !('trace' in row))).toBe(true);
      if (res.body.next_cursor === null) break;
      cursor = res.body.next_cursor;
    }
    expect(seen).toHaveLength(20);
    expect(new Set(seen).size).toBe(20);
    const byClass = await h.api.call('get', '/v1/evaluations/{id}/results', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      query: { class: 'D', town: SAMPLE.townOfFloorD, industry: 'C33' },
    });
    expect(byClass.status === 200 && byClass.body.data.map((row) => row.uscc)).toEqual([SAMPLE.floorD]);
  });

  it('publishes the draft: a 5-working-day window from the holiday calendar and a strong ETag', async () => {
    const res = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    expect(res.body.state).toBe('published');
    expect(res.body.publication?.window.days).toEqual([
      '2025-06-03',
      '2025-06-04',
      '2025-06-05',
      '2025-06-06',
      '2025-06-09',
    ]);
    expect(res.body.publication?.window.closesAt).toBe('2025-06-09T16:00:00.000Z');

    const snapshot = await h.api.call('get', '/v1/evaluations/{id}/publication/snapshot', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(snapshot.status).toBe(200);
    const etag = snapshot.headers.get('etag') ?? '';
    expect(etag).toBe(res.body.publication?.snapshotEtag);
    const digest = createHash('sha256').update(snapshot.text).digest('base64url');
    expect(etag).toBe(`"sha256-${digest}"`);
    const again = await h.api.call('get', '/v1/evaluations/{id}/publication/snapshot', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('takes the enterprise’s objection with a PDF, routed to natural resources', async () => {
    h.clock.set(IN_WINDOW);
    const res = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'objection-1' },
      body: objectionForm(
        { reason: '用地面积含已退还的 11 亩', items: [{ field: 'landAreaMu', claimedValue: '30' }] },
        [{ name: '不动产权证.pdf', bytes: PDF }],
      ),
    });
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    objectionId = res.body.id;
    expect(res.body.status).toBe('under_review');
    expect(res.body.items).toMatchObject([
      {
        field: 'landAreaMu',
        department: 'natural-resources',
        currentValue: '41',
        claimedValue: '30',
        status: 'pending',
      },
    ]);
    expect(res.body.evidence).toMatchObject([
      { filename: '不动产权证.pdf', mediaType: 'application/pdf', size: PDF.length },
    ]);

    const mine = await h.api.call('get', '/v1/objections/{id}', {
      token: h.tokens.enterprise,
      params: { id: objectionId },
    });
    expect(mine.status === 200 && mine.body.status).toBe('under_review');
    const notMine = await h.api.call('get', '/v1/objections/{id}', {
      token: h.tokens.otherEnterprise,
      params: { id: objectionId },
    });
    expect(notMine.status).toBe(404);
    const evidence = await fetch(
      `${h.base}/v1/objections/${objectionId}/evidence/${res.body.evidence[0]?.id ?? ''}`,
      {
        headers: { authorization: `Bearer ${h.tokens.naturalResources}` },
      },
    );
    expect(evidence.status).toBe(200);
    expect(Buffer.from(await evidence.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('refuses to recompute while the window is open', async () => {
    const res = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(res.status === 409 && res.body.type).toBe('https://mujun.dev/problems/window-open');
  });

  it('lets natural resources uphold with the corrected value, on the version it read', async () => {
    const queue = await h.api.call('get', '/v1/review-items', {
      token: h.tokens.naturalResources,
      query: { status: 'pending' },
    });
    expect(queue.status).toBe(200);
    if (queue.status !== 200) return;
    const [item] = queue.body.data;
    expect(item).toMatchObject({ objectionId, field: 'landAreaMu', version: 1 });
    const taxQueue = await h.api.call('get', '/v1/review-items', { token: h.tokens.tax });
    expect(taxQueue.status === 200 && taxQueue.body.data).toEqual([]);

    const res = await h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
      token: h.tokens.naturalResources,
      params: { id: objectionId, itemId: item?.id ?? '' },
      headers: { 'if-match': '"1"' },
      body: { decision: 'upheld', correctedValue: '30.0', reason: '经核实，11 亩已于 2024 年退还' },
    });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    expect(res.body).toMatchObject({ status: 'upheld', correctedValue: '30', version: 2 });
    expect(res.headers.get('etag')).toBe('"2"');
    const mine = await h.api.call('get', '/v1/objections/{id}', {
      token: h.tokens.enterprise,
      params: { id: objectionId },
    });
    expect(mine.status === 200 && mine.body.status).toBe('decided');
  });

  it('recomputes after the window: the enterprise moves D → C and the diff says why', async () => {
    h.clock.set(AFTER_WINDOW);
    const res = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    expect(res.body.corrections).toBe(1);
    const mover = res.body.changes.find((change) => change.uscc === SAMPLE.floorD);
    expect(mover).toMatchObject({ classBefore: 'D', classAfter: 'C', movedClass: true });
    expect(mover?.corrections).toMatchObject([{ field: 'landAreaMu', from: '41', to: '30', objectionId }]);
    expect(mover?.why.join('\n')).toContain('用地面积 41 亩 → 30 亩（异议经自然资源和规划部门核实采纳）');
    // Listed: the corrected and those whose class or rank moved; the rest only counted.
    const listed = res.body.changes.filter(
      (change) =>
        change.movedClass || change.rankBefore !== change.rankAfter || change.corrections.length > 0,
    );
    expect(listed).toEqual(res.body.changes);
    expect(res.body.scoreOnly).toBeGreaterThan(0);
    expect(res.body.changes.length + res.body.scoreOnly).toBeLessThanOrEqual(28);
    expect(res.body.changes.every((change) => change.why.every((line) => !/[a-z]{4}/.test(line)))).toBe(true);
    expect(res.body.benchmarks['above']?.['taxPerMu']).toEqual({
      before: '25.6696',
      after: expect.any(String) as unknown,
    });
    // Until finalized, the enterprise still reads what was published.
    const published = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
      token: h.tokens.enterprise,
      params: { id: evaluationId, uscc: SAMPLE.floorD },
    });
    expect(published.status === 200 && published.body.finalClass).toBe('D');
  });

  it('finalizes: the enterprise reads C, and objections, decisions and recomputation are refused', async () => {
    const res = await h.api.call('post', '/v1/evaluations/{id}/finalization', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(res.status === 201 && res.body.state).toBe('final');
    const final = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
      token: h.tokens.enterprise,
      params: { id: evaluationId, uscc: SAMPLE.floorD },
    });
    expect(final.status === 200 && final.body.finalClass).toBe('C');

    const again = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(again.status === 409 && again.body.type).toBe('https://mujun.dev/problems/final');
    const late = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'objection-2' },
      body: objectionForm({ reason: 'again', items: [{ field: 'tax', claimedValue: '100' }] }),
    });
    expect(late.status === 409 && late.body.type).toBe('https://mujun.dev/problems/final');
  });

  it('kept every state change in the audit trail, with actor, before and after', async () => {
    const res = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'evaluation', entityId: evaluationId },
    });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    expect(res.body.data.map((entry) => entry.action)).toEqual([
      'create',
      'publish',
      'recompute',
      'finalize',
    ]);
    expect(res.body.data[1]).toMatchObject({
      actor: { role: 'admin' },
      before: { state: 'draft' },
      after: { state: 'published' },
    });
    const items = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'objection_item' },
    });
    expect(items.status === 200 && items.body.data[0]).toMatchObject({
      actor: { role: 'department' },
      before: { status: 'pending' },
      after: { status: 'upheld', correctedValue: '30' },
    });
    expect((await h.api.call('get', '/v1/audit', { token: h.tokens.tax })).status).toBe(403);
  });
});

afterAll(async () => {
  await stopTestServer();
});
