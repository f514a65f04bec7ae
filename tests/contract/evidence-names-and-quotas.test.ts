import { afterEach, describe, expect, it } from 'vitest';
import { objectionForm, PDF, PNG } from './support/fixtures.js';
import { IN_WINDOW, ON_PUBLICATION_DAY, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedEvaluation } from './support/uploads.js';

/**
 * Evidence as an attacker or a clumsy clerk sends it (issue 10, cases 5 and 6): the name it is stored
 * and served under follows the type its bytes are, never the name it came with; the download cannot
 * run as a page; and the evidence an enterprise or an evaluation may store is bounded, checked in the
 * filing's transaction so that filings racing each other cannot pass the quota together.
 */

/** A file that is a valid PDF (it starts %PDF-) and, opened as .html, a page that runs a script. */
const POLYGLOT = Buffer.concat([
  PDF,
  Buffer.from('<html><body><script>alert(document.domain)</script></body></html>\n', 'utf8'),
]);

function pdfOf(bytes: number, label: string): Buffer {
  const file = Buffer.alloc(bytes, 0x20);
  Buffer.from(`%PDF-1.4\n% ${label}\n`, 'latin1').copy(file);
  return file;
}

describe('evidence names, downloads and quotas', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function published(quota?: { perEnterprise: number; perEvaluation: number }): Promise<{
    harness: Harness;
    evaluationId: string;
  }> {
    h = await startApi({ now: IN_WINDOW, ...(quota === undefined ? {} : { evidenceQuota: quota }) });
    const harness = h;
    const created = await uploadedEvaluation(harness, { file: 'sample.csv' });
    harness.clock.set(ON_PUBLICATION_DAY);
    const publication = await harness.api.call('post', '/v1/evaluations/{id}/publication', {
      token: harness.tokens.admin,
      params: { id: created.id },
      body: { date: PUBLISHED_ON },
    });
    harness.clock.set(IN_WINDOW);
    if (publication.status !== 201) throw new Error(publication.text);
    return { harness, evaluationId: created.id };
  }

  it('stores and serves a PDF/HTML polyglot named ../../x.html as x.pdf, an inert attachment', async () => {
    const { harness, evaluationId } = await published();
    const filed = await harness.api.call('post', '/v1/evaluations/{id}/objections', {
      token: harness.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'polyglot' },
      body: objectionForm({ reason: '税收少计', items: [{ field: 'tax', claimedValue: '50' }] }, [
        { name: '../../x.html', bytes: POLYGLOT, type: 'text/html' },
        { name: '..\\..\\证明\u202e\t材料 (2).PDF', bytes: PNG, type: 'application/pdf' },
      ]),
    });
    expect(filed.status, filed.text).toBe(201);
    if (filed.status !== 201) return;
    expect(filed.body.evidence.map((file) => [file.filename, file.mediaType])).toEqual([
      ['x.pdf', 'application/pdf'],
      ['证明材料 (2).png', 'image/png'],
    ]);

    const [polyglot, png] = filed.body.evidence;
    const download = await fetch(
      `${harness.base}/v1/objections/${filed.body.id}/evidence/${polyglot?.id ?? ''}`,
      { headers: { authorization: `Bearer ${harness.tokens.enterprise}` } },
    );
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="x.pdf"; filename*=UTF-8''x.pdf`,
    );
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-security-policy')).toContain('sandbox');
    expect(download.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await download.arrayBuffer()).equals(POLYGLOT)).toBe(true);

    const chinese = await fetch(`${harness.base}/v1/objections/${filed.body.id}/evidence/${png?.id ?? ''}`, {
      headers: { authorization: `Bearer ${harness.tokens.enterprise}` },
    });
    expect(chinese.headers.get('content-type')).toBe('image/png');
    // RFC 6266: an ASCII fallback of safe characters, and the UTF-8 name percent-encoded (RFC 8187:
    // parentheses are not attr-chars, so they are encoded too).
    expect(chinese.headers.get('content-disposition')).toBe(
      `attachment; filename="2.png"; filename*=UTF-8''%E8%AF%81%E6%98%8E%E6%9D%90%E6%96%99%20%282%29.png`,
    );
  });

  it('refuses, with a Chinese 413 naming the quota, evidence past an enterprise’s quota and stores nothing', async () => {
    const { harness, evaluationId } = await published({ perEnterprise: 3000, perEvaluation: 1_000_000 });
    const file = (key: string, field: string, bytes: number, token = harness.tokens.enterprise) =>
      harness.api.call('post', '/v1/evaluations/{id}/objections', {
        token,
        params: { id: evaluationId },
        headers: { 'idempotency-key': key },
        body: objectionForm(
          {
            reason: '数据有误',
            items: [{ field, claimedValue: '1' }],
            ...(token === harness.tokens.enterprise ? {} : { uscc: SAMPLE.beicheng }),
          },
          [{ name: `${key}.pdf`, bytes: pdfOf(bytes, key) }],
        ),
      });
    expect((await file('first', 'tax', 2000)).status).toBe(201);
    const over = await file('second', 'revenue', 1001);
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    if (over.status !== 413) return;
    expect(over.body.type).toBe('https://mujun.dev/problems/evidence-quota');
    expect(over.body.title).toBe('证明材料总量超过上限');
    expect(over.body.detail).toContain('MUJUN_EVIDENCE_QUOTA_ENTERPRISE_BYTES');
    expect(over.body.detail).toMatch(/^该企业在本次评价中的证明材料已有/);
    // Exactly at the quota is allowed; another enterprise has its own.
    expect((await file('third', 'revenue', 1000)).status).toBe(201);
    expect((await file('other', 'tax', 2500, harness.tokens.admin)).status).toBe(201);
    const mine = await harness.api.call('get', '/v1/evaluations/{id}/objections', {
      token: harness.tokens.enterprise,
      params: { id: evaluationId },
    });
    expect(mine.status === 200 && mine.body.data.map((objection) => objection.reason)).toHaveLength(2);
  });

  it('lets no more concurrent filings through than the evaluation’s quota holds', async () => {
    const { harness, evaluationId } = await published({ perEnterprise: 1_000_000, perEvaluation: 5000 });
    // Twelve filings of 1000 bytes at once, on distinct fields and enterprises' behalf: 5 fit.
    const fields = ['tax', 'revenue', 'landAreaMu', 'energyTce', 'employees', 'addedValue'];
    const answers = await Promise.all(
      [harness.tokens.enterprise, harness.tokens.admin].flatMap((token, who) =>
        fields.map((field, i) =>
          harness.api.call('post', '/v1/evaluations/{id}/objections', {
            token,
            params: { id: evaluationId },
            headers: { 'idempotency-key': `race-${who}-${i}` },
            body: objectionForm(
              {
                reason: '并发',
                items: [{ field, claimedValue: '1' }],
                ...(who === 0 ? {} : { uscc: SAMPLE.beicheng }),
              },
              [{ name: 'race.pdf', bytes: pdfOf(1000, `race ${who} ${i}`) }],
            ),
          }),
        ),
      ),
    );
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(5);
    expect(statuses.filter((status) => status === 413)).toHaveLength(7);
    const all = await harness.api.call('get', '/v1/evaluations/{id}/objections', {
      token: harness.tokens.admin,
      params: { id: evaluationId },
    });
    const stored =
      all.status === 200
        ? all.body.data.flatMap((objection) => objection.evidence).reduce((sum, file) => sum + file.size, 0)
        : -1;
    expect(stored).toBe(5000);
  });
});
