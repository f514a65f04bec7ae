import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, IN_WINDOW, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { dataForm, JPEG, objectionForm, PDF, PNG, SAMPLE_CSV, TEXT } from './support/fixtures.js';
import { publishedSample, uploadedSample } from './support/uploads.js';

/**
 * §11's filing rules over HTTP: only while the window is open, only for one's own enterprise (or one's
 * town's), with evidence that really is a PDF, JPEG or PNG, and exactly once per Idempotency-Key. Then
 * the review's rules: the department the item is routed to, If-Match on the version read.
 */
describe('filing and reviewing objections', () => {
  let h: Harness;
  let evaluationId = '';
  let keys = 0;
  const key = () => `key-${++keys}`;

  const file = (
    token: string,
    objection: unknown,
    evidence?: Parameters<typeof objectionForm>[1],
    idempotencyKey = key(),
  ) =>
    h.api.call('post', '/v1/evaluations/{id}/objections', {
      token,
      params: { id: evaluationId },
      headers: { 'idempotency-key': idempotencyKey },
      body: objectionForm(objection, evidence),
    });

  beforeAll(async () => {
    // The day before the 公示 date: a publication may not start in the past.
    h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
    evaluationId = await publishedSample(h, { file: 'sample.csv' });
  });
  afterAll(async () => {
    await h.close();
  });
  beforeEach(() => {
    h.clock.set(IN_WINDOW);
  });

  it('replays the stored answer for the same key and body, once, and refuses the key with another body', async () => {
    const body = { reason: '税收少计', items: [{ field: 'tax', claimedValue: '50' }] };
    const first = await file(h.tokens.enterprise, body, undefined, 'same-key');
    const again = await file(h.tokens.enterprise, body, undefined, 'same-key');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const mine = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
    });
    expect(mine.status === 200 && mine.body.data.filter((o) => o.reason === '税收少计')).toHaveLength(1);

    const changed = await file(h.tokens.enterprise, { ...body, reason: '另一个理由' }, undefined, 'same-key');
    expect(changed.status === 422 && changed.body.type).toBe(
      'https://mujun.dev/problems/idempotency-key-reused',
    );
    // The key is the caller's own: another caller's same key is a new request.
    const town = await file(
      h.tokens.town,
      { ...body, uscc: SAMPLE.floorD, items: [{ field: 'revenue', claimedValue: '1' }] },
      undefined,
      'same-key',
    );
    expect(town.status === 201 && town.body.filedBy).toBe('town');
  });

  it('requires an Idempotency-Key', async () => {
    const res = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      body: objectionForm({ reason: 'x', items: [{ field: 'employees', claimedValue: '1' }] }),
    });
    expect(res.status === 400 && res.body.type).toBe('https://mujun.dev/problems/idempotency-key-required');
  });

  it('refuses a late objection with the window’s end in the problem', async () => {
    h.clock.set(AFTER_WINDOW);
    const res = await file(h.tokens.enterprise, {
      reason: '迟交',
      items: [{ field: 'energyTce', claimedValue: '100' }],
    });
    expect(res.status).toBe(409);
    if (res.status !== 409) return;
    expect(res.body.type).toBe('https://mujun.dev/problems/window-closed');
    expect(res.body['closesAt']).toBe('2025-06-09T16:00:00.000Z');
    expect(res.body.detail).toContain('2025-06-09 24:00');
  });

  it('refuses another enterprise’s code from an enterprise token, and another town’s enterprise from a town', async () => {
    const wrong = await file(h.tokens.enterprise, {
      uscc: SAMPLE.beicheng,
      reason: 'x',
      items: [{ field: 'tax', claimedValue: '1' }],
    });
    expect(wrong.status === 403 && wrong.body.type).toBe('https://mujun.dev/problems/wrong-enterprise');
    const otherTown = await file(h.tokens.town, {
      uscc: SAMPLE.beicheng,
      reason: 'x',
      items: [{ field: 'tax', claimedValue: '1' }],
    });
    expect(otherTown.status).toBe(404);
    const notInEvaluation = await file(h.tokens.admin, {
      uscc: '91110000100000000A',
      reason: 'x',
      items: [{ field: 'tax', claimedValue: '1' }],
    });
    expect(notInEvaluation.status).toBe(404);
  });

  it('checks evidence by content: a PNG named .pdf is taken as PNG, a text file named .pdf is refused', async () => {
    const png = await file(
      h.tokens.otherEnterprise,
      { reason: '扫描件', items: [{ field: 'employees', claimedValue: '270' }] },
      [
        { name: '证明.pdf', bytes: PNG, type: 'application/pdf' },
        { name: 'photo.jpg', bytes: JPEG },
        { name: 'scan.pdf', bytes: PDF },
      ],
    );
    expect(png.status).toBe(201);
    expect(png.status === 201 && png.body.evidence.map((e) => e.mediaType)).toEqual([
      'image/png',
      'image/jpeg',
      'application/pdf',
    ]);
    const text = await file(
      h.tokens.otherEnterprise,
      { reason: 'x', items: [{ field: 'rdExpense', claimedValue: '1' }] },
      [
        { name: 'scan.pdf', bytes: PDF },
        { name: '证明.pdf', bytes: TEXT, type: 'application/pdf' },
      ],
    );
    expect(text.status).toBe(415);
    expect(text.status === 415 && text.body.errors).toEqual([
      { pointer: '#/evidence/1', detail: expect.any(String) as unknown },
    ]);
    expect(text.status === 415 && text.body.detail).toContain('证明.pdf');
  });

  it('refuses an oversized file with 413, more than ten files and no file with 400', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const oversized = await file(
      h.tokens.otherEnterprise,
      { reason: 'x', items: [{ field: 'rdExpense', claimedValue: '1' }] },
      [{ name: 'big.pdf', bytes: big }],
    );
    expect(oversized.status === 413 && oversized.body.type).toBe('https://mujun.dev/problems/too-large');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.pdf`, bytes: PDF }));
    const many = await file(
      h.tokens.otherEnterprise,
      { reason: 'x', items: [{ field: 'rdExpense', claimedValue: '1' }] },
      eleven,
    );
    expect(many.status).toBe(400);
    const none = await file(
      h.tokens.otherEnterprise,
      { reason: 'x', items: [{ field: 'rdExpense', claimedValue: '1' }] },
      [],
    );
    expect(none.status === 400 && none.body.errors?.[0]?.pointer).toBe('#/evidence');
  });

  it('points at the bad part of a malformed objection', async () => {
    const res = await file(h.tokens.otherEnterprise, {
      reason: '',
      items: [{ field: 'colour', claimedValue: '1,234' }],
    });
    expect(res.status).toBe(400);
    const pointers = res.status === 400 ? (res.body.errors ?? []).map((e) => e.pointer) : [];
    expect(pointers).toEqual(
      expect.arrayContaining([
        '#/objection/reason',
        '#/objection/items/0/field',
        '#/objection/items/0/claimedValue',
      ]),
    );
    const negative = await file(h.tokens.otherEnterprise, {
      reason: 'x',
      items: [{ field: 'landAreaMu', claimedValue: '-1' }],
    });
    expect(negative.status === 422 && negative.body.type).toBe('https://mujun.dev/problems/invalid-value');
  });

  it('refuses a claim of the value already graded, however it is written, and stores nothing', async () => {
    // SAMPLE.floorD is graded on 41 亩 and 610 万元 of added value (the sample's row).
    for (const [field, claimedValue] of [
      ['landAreaMu', '41.00'],
      ['addedValue', '610.0'],
    ] as const) {
      const same = await file(h.tokens.enterprise, { reason: '同值', items: [{ field, claimedValue }] });
      expect(same.status === 422 && same.body.type).toBe('https://mujun.dev/problems/invalid-value');
      expect(same.status === 422 && same.body.title).toMatch(/[\u4e00-\u9fff]/);
      expect(same.text).toContain('申报值与评价所用数据相同');
    }
    const mine = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
    });
    expect(mine.status === 200 && mine.body.data.filter((o) => o.reason === '同值')).toHaveLength(0);
  });

  it('refuses a second objection on a field already under review', async () => {
    const first = await file(h.tokens.otherEnterprise, {
      reason: 'x',
      items: [{ field: 'electricityKwh', claimedValue: '1000' }],
    });
    expect(first.status).toBe(201);
    const second = await file(h.tokens.otherEnterprise, {
      reason: 'y',
      items: [{ field: 'electricityKwh', claimedValue: '2000' }],
    });
    expect(second.status === 409 && second.body.type).toBe('https://mujun.dev/problems/already-contested');
  });

  it('takes decisions only from the item’s department, with If-Match: 428 without, 412 when stale', async () => {
    const filed = await file(h.tokens.otherEnterprise, {
      reason: 'x',
      items: [{ field: 'emissionsTon', claimedValue: '3' }],
    });
    if (filed.status !== 201) throw new Error(filed.text);
    const item = filed.body.items[0];
    expect(item?.department).toBe('ecology');
    const decide = (
      token: string,
      ifMatch: string | undefined,
      body: { decision: 'upheld'; correctedValue: string } | { decision: 'rejected'; reason: string },
    ) =>
      h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
        token,
        params: { id: filed.body.id, itemId: item?.id ?? '' },
        ...(ifMatch === undefined ? {} : { headers: { 'if-match': ifMatch } }),
        body,
      });
    expect(
      (await decide(h.tokens.ecology, undefined, { decision: 'rejected', reason: '无依据' })).status,
    ).toBe(428);
    expect((await decide(h.tokens.tax, '"1"', { decision: 'rejected', reason: '无依据' })).status).toBe(404);
    const first = await decide(h.tokens.ecology, '"1"', { decision: 'upheld', correctedValue: '3.5' });
    expect(first.status === 200 && first.body.version).toBe(2);
    const stale = await decide(h.tokens.ecology, '"1"', { decision: 'rejected', reason: '改判' });
    expect(stale.status === 412 && stale.body['currentVersion']).toBe(2);
    const revised = await decide(h.tokens.ecology, '"2"', { decision: 'rejected', reason: '复核后不予采纳' });
    expect(revised.status === 200 && revised.body).toMatchObject({
      status: 'rejected',
      correctedValue: null,
      version: 3,
    });
  });
});

describe('publishing', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApi({ now: '2025-10-08T04:00:00.000Z' });
  });
  afterAll(async () => {
    await h.close();
  });

  const draft = async () => {
    return uploadedSample(h, { file: 'sample.csv' });
  };

  it('defaults to today in Asia/Shanghai and counts working days past the National Day holiday', async () => {
    const id = await draft();
    const res = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(res.status).toBe(201);
    // 2025-10-08 is the last day of the 国庆/中秋 holiday; 10-11 (Saturday) is a make-up working day.
    expect(res.status === 201 && res.body.publication?.window).toMatchObject({
      firstDay: '2025-10-09',
      days: ['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13', '2025-10-14'],
      closesAt: '2025-10-14T16:00:00.000Z',
    });
    const twice = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(twice.status === 409 && twice.body.type).toBe('https://mujun.dev/problems/invalid-state');
  });

  it('refuses a date the holiday calendar does not cover', async () => {
    const id = await draft();
    const res = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: { date: '2019-06-03' },
    });
    expect(res.status === 422 && res.body.type).toBe('https://mujun.dev/problems/calendar-coverage');
    const evaluation = await h.api.call('get', '/v1/evaluations/{id}', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(evaluation.status === 200 && evaluation.body.state).toBe('draft');
  });

  it('refuses an unknown scheme and an invalid one as 422', async () => {
    const unknown = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'sample.csv', bytes: SAMPLE_CSV }], { scheme: 'nowhere-2030' }),
    });
    expect(unknown.status === 422 && unknown.body.type).toBe('https://mujun.dev/problems/unknown-scheme');
    const invalid = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'sample.csv', bytes: SAMPLE_CSV }], { scheme: '{"id": 3}' }),
    });
    expect(invalid.status === 422 && invalid.body.type).toBe('https://mujun.dev/problems/invalid-scheme');
  });
});
