import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { objectionForm } from './support/fixtures.js';
import { uploadedEvaluation } from './support/uploads.js';

/**
 * The bureau's downloads of a stored evaluation, written by @mujun/reports as the command line writes
 * them: the result workbook (`mujun grade --out result.xlsx`) and the 公示 list (`mujun publish`), each of
 * the grading the caller reads. The sample goes through the year: draft, published, one objection upheld
 * (台州远东铸造, 用地 41 → 30 亩: D → C), recomputed, final; the downloads follow.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNRATED_SHEET = '暂不评价及不纳入评价';
const FLOOR_D_NAME = '台州远东铸造有限公司';

interface Row {
  readonly rank: number;
  readonly finalClass: string;
  readonly totalScore: string;
}

/** A sheet's rows as header → cell value, below the header row (the row naming 统一社会信用代码). */
function records(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.CellValue>[] {
  let headers: string[] | null = null;
  const rows: Map<string, ExcelJS.CellValue>[] = [];
  sheet.eachRow((row) => {
    // row.values is sparse (a blank cell is a hole) and 1-based.
    const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1));
    if (headers === null) {
      if (values.includes('统一社会信用代码')) headers = values.map(String);
      return;
    }
    const header = headers;
    rows.push(new Map(values.map((value, i) => [header[i] ?? '', value])));
  });
  return rows;
}

async function workbook(response: Response): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

describe('result workbook and 公示 list downloads', () => {
  let h: Harness;
  let evaluationId = '';
  let cohortLabels: string[] = [];

  const get = (path: string, token: string) =>
    fetch(`${h.base}/v1/evaluations/${evaluationId}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  /** The server's own rows (results route) of the grading the caller reads, by code. */
  async function results(token: string): Promise<Map<string, Row>> {
    const rows = new Map<string, Row>();
    const res = await h.api.call('get', '/v1/evaluations/{id}/results', {
      token,
      params: { id: evaluationId },
      query: { limit: '100' },
    });
    if (res.status !== 200) throw new Error(res.text);
    for (const r of res.body.data) {
      if (r.status === 'rated' && r.rank !== null && r.finalClass !== null && r.totalScore !== null)
        rows.set(r.uscc, { rank: r.rank, finalClass: r.finalClass, totalScore: r.totalScore });
    }
    return rows;
  }

  /** Every rated row of the workbook agrees with the results route: rank, class and score, as numbers. */
  async function expectWorkbookOfResults(response: Response): Promise<Map<string, ExcelJS.CellValue>[]> {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]*-result-/);
    const book = await workbook(response);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([...cohortLabels, UNRATED_SHEET]);
    const expected = await results(h.tokens.admin);
    const rated = cohortLabels.flatMap((label) => {
      const sheet = book.getWorksheet(label);
      if (sheet === undefined) throw new Error(`no sheet ${label}`);
      return records(sheet);
    });
    expect(rated).toHaveLength(28);
    expect(expected.size).toBe(28);
    for (const row of rated) {
      const code = row.get('统一社会信用代码');
      const want = typeof code === 'string' ? expected.get(code) : undefined;
      expect(want).toBeDefined();
      expect(row.get('排名')).toBe(want?.rank);
      expect(typeof row.get('总分')).toBe('number');
      expect(row.get('总分')).toBe(Number(want?.totalScore));
      expect(row.get('最终类别')).toBe(want?.finalClass);
    }
    const unrated = book.getWorksheet(UNRATED_SHEET);
    expect(unrated && records(unrated).length).toBe(3);
    return rated;
  }

  /** The html list's class of the enterprise named `name` in its cohort: the class heading above it. */
  function classOf(html: string, name: string): string | undefined {
    const at = html.indexOf(`<li>${name} `);
    if (at < 0) return undefined;
    const headings = [...html.slice(0, at).matchAll(/<h3>([A-D]) 类/g)];
    return headings.at(-1)?.[1];
  }

  beforeAll(async () => {
    // The day before the 公示 date: a publication may not start in the past.
    h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
    const created = await uploadedEvaluation(h, { file: 'sample-2025.csv', name: '2025年度' });
    evaluationId = created.id;
    cohortLabels = Object.values(created.summary.cohorts).map((cohort) => cohort.label);
  });
  afterAll(async () => {
    await h.close();
  });

  it('writes the draft’s result workbook: one sheet per cohort with numeric cells, then the unrated', async () => {
    const rows = await expectWorkbookOfResults(await get('workbook', h.tokens.admin));
    const floorD = rows.find((row) => row.get('统一社会信用代码') === SAMPLE.floorD);
    expect(floorD?.get('最终类别')).toBe('D');
    // 亩均税收 0.9 万元/亩, under the floor: a number cell, as are its benchmark and score.
    const taxPerMu = [...(floorD?.entries() ?? [])].filter(([header]) => header.startsWith('亩均税收'));
    expect(taxPerMu).toHaveLength(3);
    for (const [, value] of taxPerMu) expect(value).toEqual(expect.any(Number));
    expect(floorD?.get('调整原因')).toEqual(expect.stringContaining('→ D'));
  });

  it('has no 公示 list for a draft', async () => {
    const res = await get('publication-list', h.tokens.admin);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { type: string }).type).toBe('https://mujun.dev/problems/invalid-state');
    expect((await get('publication-list', h.tokens.town)).status).toBe(404);
  });

  it('writes the published 公示 list: classes by cohort, names only, for the bureau, towns and enterprises', async () => {
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    expect(published.status).toBe(201);
    h.clock.set(IN_WINDOW);

    const xlsx = await get('publication-list?format=xlsx', h.tokens.admin);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('公示名单.xlsx')}`,
    );
    const book = await workbook(xlsx);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '公示说明',
      ...cohortLabels,
      '附件1 暂不评价企业',
      '附件2 保护性政策企业',
    ]);
    const listed = cohortLabels.flatMap((label) => {
      const sheet = book.getWorksheet(label);
      return sheet === undefined ? [] : records(sheet).filter((row) => row.get('统一社会信用代码'));
    });
    expect(listed).toHaveLength(28);
    expect(listed.find((row) => row.get('统一社会信用代码') === SAMPLE.floorD)?.get('评价类别')).toMatch(
      /^D 类/,
    );
    for (const row of listed) {
      expect([...row.keys()]).toEqual(['序号', '企业名称', '统一社会信用代码', '所属乡镇街道', '评价类别']);
      expect(typeof row.get('序号')).toBe('number');
    }

    const page = await get('publication-list?format=html', h.tokens.admin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    for (const id of Object.keys(published.status === 201 ? published.body.summary.cohorts : {}))
      expect(html).toContain(`<section aria-labelledby="cohort-${id}">`);
    for (const klass of ['A', 'B', 'C', 'D']) expect(html).toContain(`<h3>${klass} 类`);
    expect(classOf(html, FLOOR_D_NAME)).toBe('D');
    // 排名不分先后: no score, no rank.
    const scores = await results(h.tokens.admin);
    for (const { totalScore } of scores.values()) expect(html).not.toContain(totalScore);
    expect(html).not.toMatch(/得分|总分|排名第/);

    // The notice is public: a town and an enterprise read all of it, not their scope only.
    const townPage = await (await get('publication-list?format=html', h.tokens.town)).text();
    expect(townPage).toBe(html);
    expect(townPage).toContain('台州市黄岩恒力模具有限公司'); // 北城街道, not the town's
    expect((await get('publication-list?format=html', h.tokens.enterprise)).status).toBe(200);
    expect((await get('publication-list', h.tokens.naturalResources)).status).toBe(403);
    expect((await get('workbook', h.tokens.town)).status).toBe(403);
    expect((await get('publication-list?format=pdf', h.tokens.admin)).status).toBe(400);
  });

  it('follows the recomputation: the bureau’s workbook and list say C, the public list stays D until final', async () => {
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'reports-1' },
      body: objectionForm({ reason: '用地面积有误', items: [{ field: 'landAreaMu', claimedValue: '30' }] }),
    });
    if (filed.status !== 201) throw new Error(filed.text);
    const decided = await h.api.call('put', '/v1/objections/{id}/items/{itemId}/decision', {
      token: h.tokens.naturalResources,
      params: { id: filed.body.id, itemId: filed.body.items[0]?.id ?? '' },
      headers: { 'if-match': '"1"' },
      body: { decision: 'upheld', correctedValue: '30', reason: '经核实' },
    });
    expect(decided.status).toBe(200);
    h.clock.set(AFTER_WINDOW);
    const recomputed = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(recomputed.status).toBe(201);

    const rows = await expectWorkbookOfResults(await get('workbook', h.tokens.admin));
    expect(rows.find((row) => row.get('统一社会信用代码') === SAMPLE.floorD)?.get('最终类别')).toBe('C');
    const bureau = await (await get('publication-list?format=html', h.tokens.admin)).text();
    expect(classOf(bureau, FLOOR_D_NAME)).toBe('C');
    const town = await (await get('publication-list?format=html', h.tokens.town)).text();
    expect(classOf(town, FLOOR_D_NAME)).toBe('D');

    const finalized = await h.api.call('post', '/v1/evaluations/{id}/finalization', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(finalized.status).toBe(201);
    const final = await (await get('publication-list?format=html', h.tokens.town)).text();
    expect(classOf(final, FLOOR_D_NAME)).toBe('C');
    await expectWorkbookOfResults(await get('workbook', h.tokens.admin));
  });
});
