import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../e2e/support/csv.js';
import { startApi } from './support/harness.js';
import type { Harness, Tokens } from './support/harness.js';
import { finalizedEvaluation } from './support/years.js';
import { SURCHARGE_LIST_HEADERS } from '../support/surcharge-list.js';
import { uploadedEvaluation, uploadedSample } from './support/uploads.js';

/**
 * The 差别化电价 list from the server (reference-method.md §10), for the county of
 * tests/fixtures/surcharges that `mujun surcharges` is tested on, three years of it graded, published and
 * finalized through the API, so the class history comes from the store instead of a file:
 *
 *   data-2023.csv  data-2025.csv with 黄岩新华纸品厂 (…0028) paying 60 万元 of tax (B, not D)
 *   data-2024.csv  data-2025.csv without 黄岩兴达塑料厂 (…003B: a gap year), with 台州明光五金厂 (…004E)
 *                  exempt (停产整改: T) and 黄岩永丰包装厂 (…005H) at 5 万元 (D)
 *   data-2025.csv  as the CLI's test has it
 *
 * which are the classes of history.csv, so the 2025 list is the CLI's: 远东 …0015 in its 3rd D year
 * (0.40), 新华 …0028 in its 2nd at its existing 0.50, 兴达 …003B and 明光 …004E back to their 1st (0.30);
 * and the 2024 list computed from the store is list-2024.csv, so the diff says 新增 2, 移出 1, 加价变化 2.
 */

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/surcharges/${name}`, import.meta.url)));

const DOC_NO = '黄经信〔2026〕12号';
const code = (suffix: string) => `91331003MA2FTC${suffix}`;

/** Upload, publish, let the window close, recompute (nothing contested) and finalize at `finalizedAt`. */
async function finalEvaluation(
  h: Harness,
  file: string,
  fields: Readonly<Record<string, string>>,
  publishedOn: string,
  finalizedAt: string,
): Promise<string> {
  return finalizedEvaluation(h, [{ name: file, bytes: fixture(file) }], fields, publishedOn, finalizedAt);
}

describe('GET /v1/evaluations/{id}/surcharges', () => {
  let h: Harness;
  const ids = { 2023: '', 2024: '', 2025: '', published: '', noYear: '', noPolicy: '' };

  const get = (id: string, token: string, query: Record<string, string> = { docNo: DOC_NO }) =>
    fetch(`${h.base}/v1/evaluations/${id}/surcharges?${new URLSearchParams(query).toString()}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    h = await startApi();
    ids[2023] = await finalEvaluation(
      h,
      'data-2023.csv',
      { year: '2023' },
      '2024-03-04',
      '2024-03-15T02:00:00.000Z',
    );
    ids[2024] = await finalEvaluation(
      h,
      'data-2024.csv',
      { year: '2024' },
      '2025-03-03',
      '2025-03-15T02:00:00.000Z',
    );
    // Finalized on 2026-03-15 in Asia/Shanghai: the list runs from 2026-04-01 to 2027-03-31.
    ids[2025] = await finalEvaluation(
      h,
      'data-2025.csv',
      { year: '2025', name: '2025年度' },
      '2026-03-02',
      '2026-03-15T02:00:00.000Z',
    );
    ids.noYear = await finalEvaluation(h, 'data-2025.csv', {}, '2026-03-02', '2026-03-16T02:00:00.000Z');
    // Huangyan's 2022 method has no price policy.
    ids.noPolicy = await finalEvaluation(
      h,
      'data-2025.csv',
      { year: '2025', scheme: 'huangyan-2022-reference' },
      '2026-03-02',
      '2026-03-17T02:00:00.000Z',
    );
    ids.published = await uploadedSample(h, {
      file: 'data-2025.csv',
      bytes: fixture('data-2025.csv'),
      year: '2026',
    });
    h.clock.set('2026-03-02T01:00:00.000Z');
    await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: ids.published },
      body: { date: '2026-03-02' },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps the data year given at upload on the evaluation', async () => {
    const res = await h.api.call('get', '/v1/evaluations/{id}', {
      token: h.tokens.admin,
      params: { id: ids[2025] },
    });
    expect(res.status === 200 && [res.body.year, res.body.state]).toEqual([2025, 'final']);
    const none = await h.api.call('get', '/v1/evaluations/{id}', {
      token: h.tokens.admin,
      params: { id: ids.noYear },
    });
    expect(none.status === 200 && none.body.year).toBeNull();
  });

  it('prices the final classes by consecutive D years from the earlier final evaluations, as JSON', async () => {
    const res = await h.api.call('get', '/v1/evaluations/{id}/surcharges', {
      token: h.tokens.power,
      params: { id: ids[2025] },
      query: { docNo: DOC_NO },
    });
    expect(res.status).toBe(200);
    if (res.status !== 200) return;
    const list = res.body;
    expect(list).toMatchObject({
      evaluationId: ids[2025],
      year: 2025,
      scheme: { id: 'reference' },
      unit: '元/kWh',
      publishedOn: '2026-03-15',
      period: { start: '2026-04-01', end: '2027-03-31' },
      documentNumber: DOC_NO,
      sources: {
        history: [
          { year: 2024, evaluationId: ids[2024] },
          { year: 2023, evaluationId: ids[2023] },
        ],
        previous: { year: 2024, evaluationId: ids[2024] },
      },
    });
    const rows = list.rows.map((row) => [
      row.uscc.slice(-4),
      row.account,
      row.class,
      row.consecutiveDYears,
      row.price,
      row.basis,
      row.start,
      row.end,
      row.documentNumber,
    ]);
    expect(rows).toEqual([
      ['0015', '3310040070001', 'D', 3, '0.40', 'policy', '2026-04-01', '2027-03-31', DOC_NO],
      ['0015', '3310040070002', 'D', 3, '0.40', 'policy', '2026-04-01', '2027-03-31', DOC_NO],
      ['0028', '3310040070011', 'D', 2, '0.50', 'existing', '2026-04-01', '2027-03-31', DOC_NO],
      ['003B', '3310040070021', 'D', 1, '0.30', 'policy', '2026-04-01', '2027-03-31', DOC_NO],
      ['004E', '', 'D', 1, '0.30', 'policy', '2026-04-01', '2027-03-31', DOC_NO],
    ]);
    expect(list.rows[2]).toMatchObject({ policyPrice: '0.30', existingPrice: '0.50' });
    expect(list.rows[4]?.noAccount).toBe(true);
    expect(list.warnings.join('\n')).toContain(
      '台州明光五金厂（91331003MA2FTC004E）应执行差别化电价，但未提供电力户号',
    );
    expect(list.diff).toEqual({
      added: [
        { uscc: code('003B'), name: '黄岩兴达塑料厂', account: '3310040070021', price: '0.30' },
        { uscc: code('004E'), name: '台州明光五金厂', account: '', price: '0.30' },
      ],
      removed: [{ uscc: code('005H'), name: '黄岩永丰包装厂', account: '3310040070041', price: '0.30' }],
      changed: [
        { uscc: code('0015'), name: '台州远东铸造厂', account: '3310040070001', from: '0.30', to: '0.40' },
        { uscc: code('0015'), name: '台州远东铸造厂', account: '3310040070002', from: '0.30', to: '0.40' },
      ],
      unchanged: 1,
    });
    expect(list.newIndustries.map((industry) => industry.code)).toEqual(['C29', 'C33']);
  });

  it('gives the grid company the §10 CSV: UTF-8 with BOM, the Chinese headers, one row per account', async () => {
    const res = await get(ids[2025], h.tokens.admin, { docNo: DOC_NO, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="surcharges-2025.csv"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const rows = readCsv(text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(SURCHARGE_LIST_HEADERS);
    expect(rows.slice(1).map((row) => [row[0]?.slice(-4), row[2], row[7], row[8], row[11]])).toEqual([
      ['0015', '3310040070001', '3', '0.40', DOC_NO],
      ['0015', '3310040070002', '3', '0.40', DOC_NO],
      ['0028', '3310040070011', '2', '0.50', DOC_NO],
      ['003B', '3310040070021', '1', '0.30', DOC_NO],
      ['004E', '', '1', '0.30', DOC_NO],
    ]);
    expect(rows[3]?.[12]).toBe(
      '已执行其他加价 0.50 元/kWh，高于本次差别化电价 0.30 元/kWh，按较高的 0.50 元/kWh 执行，不叠加',
    );
  });

  it('computes last year’s list from the store as the county published it (list-2024.csv)', async () => {
    const res = await get(ids[2024], h.tokens.power, { docNo: '黄经信〔2025〕8号', format: 'csv' });
    expect(res.status).toBe(200);
    const ours = readCsv((await res.text()).replace(/^\uFEFF/, ''));
    const published = readCsv(
      fixture('list-2024.csv')
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r?\n/g, '\r\n'),
    );
    expect(ours).toEqual(published);
  });

  it('writes the workbook and the publication page', async () => {
    const xlsx = await get(ids[2025], h.tokens.power, { docNo: DOC_NO, format: 'xlsx' });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '差别化电价执行清单',
      '新纳入加价行业',
      '与上年清单对比',
      '说明',
    ]);
    const first = workbook.getWorksheet('差别化电价执行清单');
    expect(first?.getRow(2).getCell(9).value).toBe(0.4);

    const html = await get(ids[2025], h.tokens.admin, { docNo: DOC_NO, format: 'html' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await html.text();
    expect(page).toContain('<title>2025 年度工业企业差别化电价执行名单</title>');
    expect(page).toContain('新增 2、移出 1、加价变化 2、未变化 1 个电力户号');
  });

  it('is for admin and the power department only', async () => {
    const seen: Partial<Record<keyof Tokens, number>> = {};
    for (const caller of Object.keys(h.tokens) as (keyof Tokens)[]) {
      const res = await get(ids[2025], h.tokens[caller]);
      await res.arrayBuffer();
      seen[caller] = res.status;
    }
    expect(seen).toEqual({
      admin: 200,
      power: 200,
      tax: 403,
      statistics: 403,
      naturalResources: 403,
      ecology: 403,
      town: 403,
      otherTown: 403,
      enterprise: 403,
      otherEnterprise: 403,
    });
    const other = await get(ids[2025], h.tokens.tax);
    expect(await other.json()).toMatchObject({
      type: 'https://mujun.dev/problems/forbidden',
      detail: expect.stringContaining('the tax department may not use this route') as unknown,
    });
  });

  it('refuses an evaluation that is not final, uploaded without its year, or with no price policy (409)', async () => {
    for (const token of [h.tokens.admin, h.tokens.power]) {
      const res = await h.api.call('get', '/v1/evaluations/{id}/surcharges', {
        token,
        params: { id: ids.published },
        query: { docNo: DOC_NO },
      });
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.status === 409 && res.body.type).toBe('https://mujun.dev/problems/invalid-state');
    }
    const csv = await get(ids.published, h.tokens.admin, { docNo: DOC_NO, format: 'csv' });
    expect(csv.status).toBe(409);
    const noYear = await h.api.call('get', '/v1/evaluations/{id}/surcharges', {
      token: h.tokens.admin,
      params: { id: ids.noYear },
      query: { docNo: DOC_NO },
    });
    expect(noYear.status === 409 && noYear.body.type).toBe('https://mujun.dev/problems/no-data-year');
    const noPolicy = await h.api.call('get', '/v1/evaluations/{id}/surcharges', {
      token: h.tokens.power,
      params: { id: ids.noPolicy },
      query: { docNo: DOC_NO },
    });
    expect(noPolicy.status === 409 && noPolicy.body.type).toBe(
      'https://mujun.dev/problems/no-surcharge-policy',
    );
  });

  it('asks for the document number, and hides what the caller may not see', async () => {
    const missing = await get(ids[2025], h.tokens.admin, {});
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      errors: [expect.objectContaining({ pointer: '#/query/docNo' }) as unknown],
    });
    const blank = await get(ids[2025], h.tokens.admin, { docNo: '  ' });
    expect(blank.status).toBe(400);
    const unknown = await get('ev_missing', h.tokens.power);
    expect(unknown.status).toBe(404);
    // A draft is not shown to a department: 404, as for the other routes.
    const draft = await uploadedEvaluation(h, {
      file: 'data-2025.csv',
      bytes: fixture('data-2025.csv'),
      year: '2027',
    });
    expect((await get(draft.id, h.tokens.power)).status).toBe(404);
    expect((await get(draft.id, h.tokens.admin)).status).toBe(409);
  });
});
