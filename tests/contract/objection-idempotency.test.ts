import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, IN_WINDOW, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { publishedSample } from './support/uploads.js';
import { ENGINES, stopTestServer } from '../support/postgres.js';
import { objectionForm } from './support/fixtures.js';

/**
 * A filing looks its Idempotency-Key up inside its own transaction (issue 17): the same key sent many
 * times at once still files once, and a key already used replays its stored 201 whatever the rules say
 * now, the window closed included.
 */
describe.each(ENGINES)('an objection filed once per Idempotency-Key (%s)', (engine) => {
  let h: Harness;
  let evaluationId = '';

  const file = (objection: unknown, idempotencyKey: string) =>
    h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': idempotencyKey },
      body: objectionForm(objection),
    });

  const filedWithReason = async (reason: string) => {
    const mine = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
    });
    if (mine.status !== 200) throw new Error(mine.text);
    return mine.body.data.filter((objection) => objection.reason === reason);
  };

  beforeAll(async () => {
    h = await startApi({ engine, now: '2025-06-02T02:00:00.000Z' });
    evaluationId = await publishedSample(h, { file: 'sample.csv' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('files once when the same key is sent eight times at once, each answer the filing or 409', async () => {
    const body = { reason: '同时重复提交', items: [{ field: 'tax', claimedValue: '51' }] };
    const answers = await Promise.all(Array.from({ length: 8 }, () => file(body, 'burst-key')));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    const created = answers.filter((answer) => answer.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((answer) => answer.text)).size).toBe(1);
    for (const answer of answers) {
      if (answer.status !== 409) continue;
      expect(answer.body.type).toBe('https://mujun.dev/problems/idempotency-in-flight');
    }
    expect(await filedWithReason(body.reason)).toHaveLength(1);
    // Afterwards the key replays the one filing.
    const again = await file(body, 'burst-key');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(created[0]?.text);
  });

  it('replays a used key’s 201 after the window has closed, and refuses it with another body', async () => {
    const body = { reason: '公示期内提交', items: [{ field: 'revenue', claimedValue: '52' }] };
    const first = await file(body, 'late-replay-key');
    expect(first.status).toBe(201);
    h.clock.set(AFTER_WINDOW);
    try {
      const again = await file(body, 'late-replay-key');
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      const other = await file({ ...body, reason: '另一内容' }, 'late-replay-key');
      expect(other.status === 422 && other.body.type).toBe(
        'https://mujun.dev/problems/idempotency-key-reused',
      );
      // A new key after the window is refused as late: the rules still hold for new filings.
      const late = await file({ ...body, reason: '迟交' }, 'late-new-key');
      expect(late.status === 409 && late.body.type).toBe('https://mujun.dev/problems/window-closed');
    } finally {
      h.clock.set(IN_WINDOW);
    }
    expect(await filedWithReason(body.reason)).toHaveLength(1);
  });
});

afterAll(async () => {
  await stopTestServer();
});
