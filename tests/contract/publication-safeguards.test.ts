import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * 公示 cannot start in the past, and can be taken back only before it starts: a date before today
 * (Asia/Shanghai, the server's clock) is a 422 saying why in Chinese; a publication withdrawn before
 * its first day makes the evaluation a draft again, in the audit trail; from the first day on, 409.
 */

describe('publication safeguards', () => {
  let h: Harness;
  const draft = async () => {
    return uploadedSample(h, { file: 'sample-2025.csv', year: '2025' });
  };
  const publish = (id: string, date: string) =>
    h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: { date },
    });
  const withdraw = (id: string) =>
    h.api.call('post', '/v1/evaluations/{id}/publication/withdrawal', {
      token: h.tokens.admin,
      params: { id },
    });

  beforeAll(async () => {
    // 2025-06-05 00:30 in Asia/Shanghai, still the 4th in UTC: "today" is the 5th.
    h = await startApi({ now: '2025-06-04T16:30:00.000Z' });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('refuses a date before today in Asia/Shanghai with a Chinese 422, and stays a draft', async () => {
    const id = await draft();
    const res = await publish(id, '2025-06-04');
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    if (res.status === 422)
      expect(res.body.detail).toContain('公示日期 2025-06-04 早于今天（2025-06-05，北京时间）');
    const evaluation = await h.api.call('get', '/v1/evaluations/{id}', {
      token: h.tokens.admin,
      params: { id },
    });
    expect(evaluation.status === 200 && evaluation.body.state).toBe('draft');
    expect(evaluation.status === 200 && evaluation.body.today).toBe('2025-06-05');
    expect((await publish(id, '2025-06-05')).status).toBe(201);
  });

  it('withdraws a publication before its first day, back to a draft, with the step audited', async () => {
    const id = await draft();
    expect((await publish(id, '2025-06-09')).status).toBe(201);
    const res = await withdraw(id);
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    expect(res.body.state).toBe('draft');
    expect(res.body.publication).toBeNull();
    const audit = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'evaluation', entityId: id },
    });
    expect(audit.status === 200 && audit.body.data.map((entry) => entry.action)).toEqual([
      'create',
      'publish',
      'withdraw-publication',
    ]);
    // A draft again: published anew, the window from the new date.
    const again = await publish(id, '2025-06-10');
    expect(again.status === 201 && again.body.publication?.window.firstDay).toBe('2025-06-10');
    expect((await withdraw(await draft())).status).toBe(409);
  });

  it('refuses to withdraw from the first day of the window on', async () => {
    const id = await draft();
    expect((await publish(id, '2025-06-06')).status).toBe(201);
    h.clock.set('2025-06-06T01:00:00.000Z');
    const res = await withdraw(id);
    expect(res.status).toBe(409);
    if (res.status === 409) expect(res.body.detail).toContain('公示期已于 2025-06-06 开始，不能再撤回');
    expect((await withdraw('ev_missing')).status).toBe(404);
  });
});
