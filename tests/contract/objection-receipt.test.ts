import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { objectionForm, PDF } from './support/fixtures.js';
import { publishedSample } from '../e2e/support/web.js';

/** Each objection has a receipt number, and the enterprise a printable receipt of what it filed. */
describe('objection receipts', () => {
  let h: Harness;
  let evaluationId = '';
  beforeAll(async () => {
    h = await startApi();
    evaluationId = await publishedSample(h, { file: 'sample.csv' });
  });
  afterAll(async () => {
    await h.close();
  });

  const file = async (key: string, token = h.tokens.enterprise) => {
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token,
      params: { id: evaluationId },
      headers: { 'idempotency-key': key },
      body: objectionForm({
        reason: '用地面积含已转让地块',
        items: [{ field: 'landAreaMu', claimedValue: '30' }],
      }),
    });
    if (filed.status !== 201) throw new Error(filed.text);
    return filed.body;
  };

  it('numbers objections by year and filing order, in every answer', async () => {
    const first = await file('receipt-1');
    const second = await file('receipt-2', h.tokens.otherEnterprise);
    expect(first.receiptNo).toMatch(/^YY2025-\d{6}$/);
    expect(Number(second.receiptNo.slice(7))).toBe(Number(first.receiptNo.slice(7)) + 1);
    const read = await h.api.call('get', '/v1/objections/{id}', {
      token: h.tokens.town,
      params: { id: first.id },
    });
    expect(read.status === 200 && read.body.receiptNo).toBe(first.receiptNo);
  });

  it('prints the receipt: number, time, enterprise, claimed values, files with size and SHA-256', async () => {
    const list = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
    });
    if (list.status !== 200) throw new Error(list.text);
    const filed = list.body.data[0];
    if (filed === undefined) throw new Error('no objection');
    const res = await fetch(`${h.base}/v1/objections/${filed.id}/receipt`, {
      headers: { authorization: `Bearer ${h.tokens.enterprise}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain(
      `异议申诉受理回执（${filed.receiptNo}）.html`,
    );
    const html = await res.text();
    expect(html).toContain(`回执编号：<strong data-receipt="${filed.receiptNo}">`);
    expect(html).toContain('台州远东铸造有限公司');
    expect(html).toContain(SAMPLE.floorD);
    expect(html).toContain('（北京时间）');
    expect(html).toContain('用地面积含已转让地块');
    expect(html).toContain('<td class="num">30 亩</td>');
    expect(html).toContain('证明.pdf');
    expect(html).toContain(createHash('sha256').update(PDF).digest('hex'));
    expect(html).toContain(`${PDF.length} 字节`);
    expect(html).toContain('佐证材料 1 份');
  });
});
