import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * Method simulation on an evaluation in the store (the bundled sample, 2025). The proof the issue asks
 * for, through the HTTP API: the simulation's two sides are the results of two independent evaluations of
 * the same file, one uploaded under the method in force and one under the proposed method (the draft of
 * tests/fixtures/simulation: 亩均税收 floor 6 万元/亩, no 提档), enterprise by enterprise.
 */
const DRAFT = readFileSync(
  fileURLToPath(new URL('../fixtures/simulation/proposed-2026.json', import.meta.url)),
  'utf8',
);

interface Row {
  uscc: string;
  finalClass: string | null;
  totalScore: string | null;
  rank: number | null;
}

describe('POST /v1/evaluations/{id}/simulation', () => {
  let h: Harness;
  let current = '';
  let proposed = '';

  const simulate = (id: string, token: string, scheme: string, format?: string) =>
    fetch(`${h.base}/v1/evaluations/${id}/simulation${format === undefined ? '' : `?format=${format}`}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scheme }),
    });

  async function results(id: string): Promise<Map<string, Row>> {
    const rows = new Map<string, Row>();
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { limit: '100', ...(cursor === null ? {} : { cursor }) };
      const response = await fetch(
        `${h.base}/v1/evaluations/${id}/results?${new URLSearchParams(query).toString()}`,
        { headers: { authorization: `Bearer ${h.tokens.admin}` } },
      );
      const page = (await response.json()) as { data: Row[]; next_cursor: string | null };
      for (const row of page.data) rows.set(row.uscc, row);
      cursor = page.next_cursor;
    } while (cursor !== null);
    return rows;
  }

  beforeAll(async () => {
    h = await startApi();
    current = await uploadedSample(h, { file: 'sample-2025.csv', year: '2025' });
    proposed = await uploadedSample(h, { file: 'sample-2025.csv', year: '2025', scheme: DRAFT });
  });
  afterAll(() => h.close());

  it('equals two independent evaluations of the same data, enterprise by enterprise', async () => {
    const response = await simulate(current, h.tokens.admin, DRAFT);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      evaluationId: string;
      proposed: { id: string };
      totals: { enterprises: number; moved: number };
      enterprises: { uscc: string; current: Row; proposed: Row; rules: string[]; move: string }[];
    };
    const [a, b] = await Promise.all([results(current), results(proposed)]);
    expect(body.evaluationId).toBe(current);
    expect(body.proposed.id).toBe('draft-2026');
    expect(body.enterprises.length).toBe(a.size);
    for (const e of body.enterprises) {
      const now = a.get(e.uscc);
      const then = b.get(e.uscc);
      expect(e.current).toMatchObject({
        finalClass: now?.finalClass,
        totalScore: now?.totalScore,
        rank: now?.rank,
      });
      expect(e.proposed).toMatchObject({
        finalClass: then?.finalClass,
        totalScore: then?.totalScore,
        rank: then?.rank,
      });
      expect(e.rules.length > 0).toBe(now?.finalClass !== then?.finalClass);
    }
    expect(body.totals.moved).toBe(
      [...a.values()].filter((r) => b.get(r.uscc)?.finalClass !== r.finalClass).length,
    );
  });

  it('takes a preset id; the same method moves nobody', async () => {
    const response = await simulate(current, h.tokens.admin, 'reference');
    const body = (await response.json()) as {
      totals: { moved: number };
      matrix: Record<string, Record<string, number>>;
    };
    expect(response.status).toBe(200);
    expect(body.totals.moved).toBe(0);
  });

  it('answers the workbook and the page', async () => {
    const xlsx = await simulate(current, h.tokens.admin, DRAFT, 'xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toContain('simulation-');
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const html = await simulate(current, h.tokens.admin, DRAFT, 'html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = await html.text();
    expect(text).toContain('类别变动矩阵');
    expect(text).toContain('2026年度亩均效益评价办法（征求意见稿）');
  });

  it('refuses an invalid scheme with every problem, in Chinese', async () => {
    const broken = JSON.stringify({ extends: 'reference', id: 'x', name: 'x', classes: [] });
    const response = await simulate(current, h.tokens.admin, broken);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { title: string; errors: unknown[] };
    expect(problem.title).toBe('评价办法无效');
    expect(problem.errors.length).toBeGreaterThan(0);
    const unknown = await simulate(current, h.tokens.admin, 'no-such-method');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { title: string }).title).toBe('未知的评价办法');
  });

  it('is the bureau’s only', async () => {
    for (const token of [h.tokens.town, h.tokens.power, h.tokens.enterprise]) {
      const response = await simulate(current, token, DRAFT);
      expect(response.status).toBe(403);
    }
    expect((await simulate('ev_missing', h.tokens.admin, DRAFT)).status).toBe(404);
  });
  it('saves a proposal the bureau comes back to, and runs it again as it was', async () => {
    const save = (body: unknown, token = h.tokens.admin) =>
      fetch(`${h.base}/v1/proposals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const get = (path: string, token = h.tokens.admin) =>
      fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const broken = JSON.stringify({ extends: 'reference', id: 'x', name: 'x', classes: [] });
    expect((await save({ name: '坏方案', scheme: broken })).status).toBe(422);
    expect((await save({ name: '', scheme: 'reference' })).status).toBe(400);
    expect((await save({ name: '草案', scheme: DRAFT }, h.tokens.town)).status).toBe(403);
    const saved = await save({
      name: '2026 年修订草案',
      note: '亩均税收底线提高到 6 万元/亩',
      scheme: DRAFT,
    });
    expect(saved.status).toBe(201);
    const proposal = (await saved.json()) as { id: string; schemeName: string; scheme: string };
    expect(proposal.schemeName).toBe('2026年度亩均效益评价办法（征求意见稿）');
    const list = (await (await get('/v1/proposals')).json()) as { data: { id: string; name: string }[] };
    expect(list.data).toEqual([expect.objectContaining({ id: proposal.id, name: '2026 年修订草案' })]);
    expect(list.data[0]).not.toHaveProperty('scheme');
    const again = (await (await get(`/v1/proposals/${proposal.id}`)).json()) as { scheme: string };
    expect(again.scheme).toBe(DRAFT.trim());
    // Run again from what was saved: the same comparison as from the file.
    const fromSaved = await (await simulate(current, h.tokens.admin, again.scheme)).json();
    const fromFile = await (await simulate(current, h.tokens.admin, DRAFT)).json();
    expect(fromSaved).toEqual(fromFile);
    expect((await get('/v1/proposals/prop_missing')).status).toBe(404);
    const audit = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'proposal' },
    });
    if (audit.status !== 200) throw new Error(audit.text);
    expect(audit.body.data.map((entry) => entry.action)).toEqual(['save']);
  });
});
