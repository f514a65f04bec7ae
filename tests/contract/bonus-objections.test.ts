import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { objectionForm } from './support/fixtures.js';
import { publishedSample } from '../e2e/support/web.js';

/**
 * The bonus and penalty inputs of the reference method (§6: 国家高新技术企业, 专精特新, 应急医疗物资,
 * 产业链关键环节, 出租户数) are contestable like the figures, in the form each takes (是/否, a level, a
 * count), and routed to the bureau: no department reports them, so no department sees or decides them.
 * 台州远东铸造 (sample-2025.csv) has none of them: not 高新, no 专精特新, no tenants.
 */
describe('objections to bonus and penalty inputs, reviewed by the bureau', () => {
  let h: Harness;
  let evaluationId = '';
  let objectionId = '';

  beforeAll(async () => {
    h = await startApi();
    evaluationId = await publishedSample(h, { file: 'sample.csv' });
  });
  afterAll(async () => {
    await h.close();
  });

  const file = (key: string, items: readonly { field: string; claimedValue: string }[]) =>
    h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': key },
      body: objectionForm({ reason: '企业已于 2025 年 3 月取得国家高新技术企业证书', items }),
    });

  it('the session offers them with Chinese labels, their kind and the bureau as reviewer', async () => {
    const res = await h.api.call('get', '/v1/session', { token: h.tokens.enterprise });
    if (res.status !== 200) throw new Error(res.text);
    const byField = new Map(res.body.contestableFields.map((field) => [field.field, field]));
    expect(byField.get('highTech')).toMatchObject({
      header: '国家高新技术企业',
      kind: 'flag',
      department: 'bureau',
      reviewerName: '经信局',
    });
    expect(byField.get('specialized')).toMatchObject({ header: '专精特新', kind: 'specialized' });
    expect(byField.get('subletTenants')).toMatchObject({ header: '出租户数', kind: 'count' });
    expect(byField.get('emergencySupplier')?.department).toBe('bureau');
    expect(byField.get('keyChainLink')?.department).toBe('bureau');
    expect(byField.get('landAreaMu')).toMatchObject({ kind: 'figure', reviewerName: '自然资源和规划部门' });
  });

  it('refuses a value in the wrong form for its field, saying why in Chinese', async () => {
    const flag = await file('bonus-bad-1', [{ field: 'highTech', claimedValue: 'province' }]);
    expect(flag.status).toBe(422);
    if (flag.status !== 422) return;
    expect(flag.body.title).toBe('数值无效');
    expect(flag.body.detail).toContain('国家高新技术企业只能填“是”或“否”');
    const count = await file('bonus-bad-2', [{ field: 'subletTenants', claimedValue: '1.5' }]);
    expect(count.status === 422 && count.body.detail).toContain('出租户数应为不小于 0 的整数');
    const level = await file('bonus-bad-3', [{ field: 'specialized', claimedValue: 'true' }]);
    expect(level.status === 422 && level.body.detail).toContain('专精特新只能为无、省级或国家级');
  });

  it('files them with the graded values, routed to the bureau', async () => {
    const res = await file('bonus-1', [
      { field: 'highTech', claimedValue: 'true' },
      { field: 'specialized', claimedValue: 'province' },
      { field: 'subletTenants', claimedValue: '2' },
    ]);
    expect(res.status).toBe(201);
    if (res.status !== 201) return;
    objectionId = res.body.id;
    expect(res.body.items.map((item) => [item.field, item.kind, item.department, item.currentValue])).toEqual(
      [
        ['highTech', 'flag', 'bureau', 'false'],
        ['specialized', 'specialized', 'bureau', 'none'],
        ['subletTenants', 'count', 'bureau', '0'],
      ],
    );
  });

  it('no department sees or decides them; the bureau does', async () => {
    for (const token of [h.tokens.statistics, h.tokens.tax, h.tokens.naturalResources]) {
      const queue = await h.api.call('get', '/v1/review-items', { token });
      expect(queue.status === 200 && queue.body.data).toEqual([]);
      const read = await h.api.call('get', '/v1/objections/{id}', { token, params: { id: objectionId } });
      expect(read.status).toBe(404);
    }
    const queue = await h.api.call('get', '/v1/review-items', {
      token: h.tokens.admin,
      query: { status: 'pending', evaluation: evaluationId },
    });
    if (queue.status !== 200) throw new Error(queue.text);
    const items = queue.body.data;
    expect(items.map((item) => item.department)).toEqual(['bureau', 'bureau', 'bureau']);
    const [highTech, specialized, tenants] = items;
    const refused = await h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
      token: h.tokens.statistics,
      params: { id: objectionId, itemId: highTech?.id ?? '' },
      headers: { 'if-match': '"1"' },
      body: { decision: 'upheld', correctedValue: 'true' },
    });
    expect(refused.status).toBe(404);
    const wrongForm = await h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
      token: h.tokens.admin,
      params: { id: objectionId, itemId: highTech?.id ?? '' },
      headers: { 'if-match': '"1"' },
      body: { decision: 'upheld', correctedValue: '1' },
    });
    expect(wrongForm.status).toBe(422);
    const decide = (itemId: string, body: Record<string, string>) =>
      h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
        token: h.tokens.admin,
        params: { id: objectionId, itemId },
        headers: { 'if-match': '"1"' },
        body: body as never,
      });
    const upheld = await decide(highTech?.id ?? '', {
      decision: 'upheld',
      correctedValue: 'true',
      reason: '经核对高新技术企业名单，证书编号 GR202533000123',
    });
    expect(upheld.status === 200 && upheld.body).toMatchObject({ status: 'upheld', correctedValue: 'true' });
    expect(
      (await decide(specialized?.id ?? '', { decision: 'rejected', reason: '未列入省级专精特新名单' }))
        .status,
    ).toBe(200);
    expect(
      (await decide(tenants?.id ?? '', { decision: 'rejected', reason: '未见租赁合同，不予采纳' })).status,
    ).toBe(200);
  });

  it('recomputes with the upheld input: 国家高新技术企业 adds its 2 points, said in Chinese', async () => {
    const before = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
      token: h.tokens.admin,
      params: { id: evaluationId, uscc: SAMPLE.floorD },
    });
    if (before.status !== 200) throw new Error(before.text);
    h.clock.set(AFTER_WINDOW);
    const res = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    if (res.status !== 201) throw new Error(res.text);
    expect(res.body.corrections).toBe(1);
    const change = res.body.changes.find((entry) => entry.uscc === SAMPLE.floorD);
    expect(change?.corrections).toMatchObject([
      { field: 'highTech', department: 'bureau', from: 'false', to: 'true', objectionId },
    ]);
    expect(change?.why[0]).toBe('国家高新技术企业 否 → 是（异议经经信局核实采纳）');
    // 10.66 + 2 (reference method §6: national high-tech enterprise +2).
    expect(before.body.totalScore).toBe('10.66');
    // No figure changed, so neither did a benchmark: only the bonus moves the score.
    expect(res.body.benchmarks).toEqual({});
    expect(change).toMatchObject({ scoreBefore: '10.66', scoreAfter: '12.66' });
  });

  it('tells each item’s history from the audit trail, to whoever may read the item', async () => {
    const objection = await h.api.call('get', '/v1/objections/{id}', {
      token: h.tokens.enterprise,
      params: { id: objectionId },
    });
    if (objection.status !== 200) throw new Error(objection.text);
    const highTech = objection.body.items.find((item) => item.field === 'highTech');
    const history = await h.api.call('get', '/v1/objections/{id}/items/{itemId}/history', {
      token: h.tokens.enterprise,
      params: { id: objectionId, itemId: highTech?.id ?? '' },
    });
    if (history.status !== 200) throw new Error(history.text);
    expect(history.body.data.map((event) => event.kind)).toEqual([
      'filed',
      'routed',
      'decided',
      'recomputed',
    ]);
    expect(history.body.data.map((event) => event.text)).toEqual([
      `企业提出异议（受理回执 ${objection.body.receiptNo}），主张国家高新技术企业为 是（评价所用为 否）`,
      '按数据归属分送经信局审核',
      '经信局采纳，国家高新技术企业核实为 是，理由：经核对高新技术企业名单，证书编号 GR202533000123',
      '经信局复核重算，核实后的国家高新技术企业已计入评价结果',
    ]);
    const other = await h.api.call('get', '/v1/objections/{id}/items/{itemId}/history', {
      token: h.tokens.statistics,
      params: { id: objectionId, itemId: highTech?.id ?? '' },
    });
    expect(other.status).toBe(404);
    const stranger = await h.api.call('get', '/v1/objections/{id}/items/{itemId}/history', {
      token: h.tokens.otherEnterprise,
      params: { id: objectionId, itemId: highTech?.id ?? '' },
    });
    expect(stranger.status).toBe(404);
  });
});
