import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_WINDOW, ON_PUBLICATION_DAY, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedEvaluation, uploadedSample } from './support/uploads.js';

/**
 * The documents `mujun publish` writes, served to the roles that may read them: the 一企一单 (one
 * enterprise or a town's), the 评价汇总 (XLSX and the page with charts), the 低效企业 list and the 用地面积
 * notice (a town: its own enterprises), each named with the year and the grading it is of.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

function utf8Name(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''(.+)$/.exec(header);
  return match?.[1] === undefined ? '' : decodeURIComponent(match[1]);
}

async function cells(response: Response): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  const values: string[] = [];
  for (const sheet of book.worksheets)
    sheet.eachRow((row) => {
      for (const value of (row.values as ExcelJS.CellValue[]).slice(1))
        if (typeof value === 'string' || typeof value === 'number') values.push(String(value));
    });
  return values;
}

describe('publication downloads for each role', () => {
  let h: Harness;
  let evaluationId = '';
  const get = (path: string, token: string) =>
    fetch(`${h.base}/v1/evaluations/${evaluationId}/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    h = await startApi({ now: IN_WINDOW });
    evaluationId = await uploadedSample(h, { file: 'sample-2025.csv', name: '2025年度', year: '2025' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('names the draft’s files with the year and 草稿, and keeps them from towns', async () => {
    const workbook = await get('workbook', h.tokens.admin);
    expect(workbook.status).toBe(200);
    expect(utf8Name(workbook)).toBe('2025年度评价结果（草稿）.xlsx');
    expect(workbook.headers.get('content-disposition')).toMatch(
      /^attachment; filename="2025-result-draft\.xlsx"; filename\*=UTF-8''/,
    );
    const summary = await get('summary', h.tokens.admin);
    expect(summary.headers.get('content-type')).toBe(XLSX);
    expect(utf8Name(summary)).toBe('2025年度评价汇总（草稿）.xlsx');
    expect(await cells(summary)).toEqual(expect.arrayContaining([SAMPLE.townOfFloorD, '北城街道']));
    // Drafts are the bureau's: a town does not learn the evaluation exists.
    expect((await get('land-notice', h.tokens.town)).status).toBe(404);
    expect((await get('confirmations', h.tokens.enterprise)).status).toBe(404);
  });

  it('serves the 评价汇总 page with its charts, 亩均税收 by town among them', async () => {
    const page = await get('summary?format=html&lowThreshold=1.5', h.tokens.admin);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(utf8Name(page)).toBe('2025年度评价汇总（草稿）.html');
    const html = await page.text();
    expect(html).toContain('<svg');
    expect(html).toContain('亩均税收');
    expect(html).toContain(SAMPLE.townOfFloorD);
    expect(html).toContain('1.5');
    expect((await get('summary?lowThreshold=abc', h.tokens.admin)).status).toBe(400);
    expect((await get('summary', h.tokens.town)).status).toBe(403);
  });

  it('gives a town its own enterprises and an enterprise its own sheet once published', async () => {
    h.clock.set(ON_PUBLICATION_DAY);
    const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    h.clock.set(IN_WINDOW);
    expect(published.status).toBe(201);

    // 一企一单: the enterprise's own, by default.
    const own = await get('confirmations', h.tokens.enterprise);
    expect(own.status).toBe(200);
    expect(utf8Name(own)).toBe(`2025年度一企一单（${FLOOR_D_NAME}）.html`);
    const ownHtml = await own.text();
    expect(ownHtml).toContain(SAMPLE.floorD);
    expect(ownHtml).not.toContain(SAMPLE.beicheng);
    expect((await get(`confirmations?uscc=${SAMPLE.beicheng}`, h.tokens.enterprise)).status).toBe(404);

    // A town's: every enterprise of the town in one document, and none of another town's.
    const town = await get('confirmations', h.tokens.town);
    expect(utf8Name(town)).toBe(`2025年度一企一单（${SAMPLE.townOfFloorD}）.html`);
    const townHtml = await town.text();
    expect(townHtml).toContain(FLOOR_D_NAME);
    expect(townHtml).not.toContain(BEICHENG_NAME);
    expect((await get(`confirmations?uscc=${SAMPLE.beicheng}`, h.tokens.town)).status).toBe(404);
    expect((await get(`confirmations?town=${encodeURIComponent('北城街道')}`, h.tokens.town)).status).toBe(
      404,
    );
    // The bureau: any town, any enterprise.
    const beicheng = await get(`confirmations?uscc=${SAMPLE.beicheng}`, h.tokens.admin);
    expect(await beicheng.text()).toContain(BEICHENG_NAME);
    expect((await get('confirmations?uscc=91331003XXXXXXXXXX', h.tokens.admin)).status).toBe(404);
    // The county's, streamed a batch of sheets at a time: one whole page, every enterprise's sheet once.
    const sheets = await get('confirmations', h.tokens.admin);
    expect(sheets.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(sheets.headers.get('content-security-policy')).toContain("default-src 'none'");
    const countyHtml = await sheets.text();
    expect(countyHtml.length).toBeGreaterThan(64 * 1024);
    expect(countyHtml).toMatch(/^<!DOCTYPE html>[^]*<\/main>\n<\/body>\n<\/html>\n$/i);
    expect(countyHtml.match(/<section class="sheet"/g)).toHaveLength(31);

    // 低效企业 and 用地面积: the town's own only; the bureau's the county.
    const low = await get('low-efficiency', h.tokens.town);
    expect(low.status).toBe(200);
    expect(utf8Name(low)).toBe(`2025年度低效企业筛选（${SAMPLE.townOfFloorD}）.xlsx`);
    const lowCells = await cells(low);
    expect(lowCells).toContain(SAMPLE.floorD);
    expect(lowCells).not.toContain('北城街道');
    const land = await get('land-notice', h.tokens.town);
    expect(utf8Name(land)).toBe(`2025年度用地面积公示（${SAMPLE.townOfFloorD}）.xlsx`);
    const landCells = await cells(land);
    expect(landCells).toContain(FLOOR_D_NAME);
    expect(landCells).not.toContain(BEICHENG_NAME);
    const county = await cells(await get('land-notice', h.tokens.admin));
    expect(county).toEqual(expect.arrayContaining([FLOOR_D_NAME, BEICHENG_NAME]));
    expect((await get('land-notice', h.tokens.enterprise)).status).toBe(403);
    expect((await get('low-efficiency?threshold=-1', h.tokens.admin)).status).toBe(400);

    // The 公示名单: the same file for towns and enterprises, named by its year.
    for (const token of [h.tokens.admin, h.tokens.town, h.tokens.enterprise]) {
      const list = await get('publication-list', token);
      expect(list.status).toBe(200);
      expect(utf8Name(list)).toBe('2025年度公示名单.xlsx');
    }
    expect(utf8Name(await get('workbook', h.tokens.admin))).toBe('2025年度评价结果.xlsx');
  });
});

describe('the served 公示 notice', () => {
  it('states the year, the 公示期 with weekdays, the issuer, the contact and where to object online', async () => {
    const h = await startApi({
      now: IN_WINDOW,
      notice: {
        issuer: '黄岩区经济和信息化局',
        contact: '联系人 王某 0576-84123456',
        publicUrl: 'https://mujun.example.gov.cn/',
      },
    });
    try {
      const id = await uploadedSample(h, { file: 'sample.csv', year: '2025' });
      h.clock.set(ON_PUBLICATION_DAY);
      const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
        token: h.tokens.admin,
        params: { id },
        body: { date: PUBLISHED_ON },
      });
      h.clock.set(IN_WINDOW);
      if (published.status !== 201) throw new Error(published.text);
      // 2025-06-03 is a Tuesday; five working days to Monday 9 June (the weekend skipped).
      expect(published.body.publication?.window.lastDay).toBe('2025-06-09');
      const get = (query: string) =>
        fetch(`${h.base}/v1/evaluations/${id}/publication-list?${query}`, {
          headers: { authorization: `Bearer ${h.tokens.enterprise}` },
        });
      const html = await (await get('format=html')).text();
      expect(html).toContain('<h1>2025年度工业企业亩均效益综合评价结果公示名单</h1>');
      expect(html).toContain('公示期：2025年6月3日（星期二）至2025年6月9日（星期一），共 5 个工作日');
      expect(html).toContain('请登录 https://mujun.example.gov.cn/app/ 在线提出异议申诉');
      expect(html).toContain('发布单位：黄岩区经济和信息化局');
      expect(html).toContain('联系方式：联系人 王某 0576-84123456');
      expect(html).not.toMatch(/书面|undefined/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await (await get('format=xlsx')).arrayBuffer());
      const words = book.getWorksheet('公示说明');
      const lines: string[] = [];
      words?.eachRow((row) => {
        const value = row.getCell(1).value;
        if (typeof value === 'string') lines.push(value);
      });
      expect(lines[0]).toBe('2025年度工业企业亩均效益综合评价结果公示名单');
      expect(lines).toContain('发布单位：黄岩区经济和信息化局');
      expect(lines.join('\n')).toContain('公示期：2025年6月3日（星期二）至2025年6月9日（星期一）');
    } finally {
      await h.close();
    }
  });

  it('leaves out the lines whose settings are missing', async () => {
    const h = await startApi({ now: IN_WINDOW });
    try {
      const created = await uploadedEvaluation(h, { file: 'sample.csv' });
      h.clock.set(ON_PUBLICATION_DAY);
      await h.api.call('post', '/v1/evaluations/{id}/publication', {
        token: h.tokens.admin,
        params: { id: created.id },
        body: { date: PUBLISHED_ON },
      });
      h.clock.set(IN_WINDOW);
      const res = await fetch(`${h.base}/v1/evaluations/${created.id}/publication-list?format=html`, {
        headers: { authorization: `Bearer ${h.tokens.town}` },
      });
      const html = await res.text();
      expect(html).toContain('<h1>工业企业亩均效益综合评价结果公示名单</h1>');
      expect(html).toContain('公示期：2025年6月3日（星期二）');
      expect(html).toContain('请通过亩均效益评价系统在线提出异议申诉');
      expect(html).not.toMatch(/发布单位|联系方式|undefined|书面/);
    } finally {
      await h.close();
    }
  });
});
