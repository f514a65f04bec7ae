import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataForm, SAMPLE_CSV } from './support/fixtures.js';
import { IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';

/**
 * The documents `mujun publish` writes, served for a stored evaluation to whoever may read them: the
 * bureau everything, a town its enterprises' 一企一单, an enterprise its own; names with year and state.
 */

const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

describe('published documents', () => {
  let h: Harness;
  let id = '';
  const get = (path: string, token: string) =>
    fetch(`${h.base}/v1/evaluations/${id}/reports/${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  beforeAll(async () => {
    h = await startApi();
    const created = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'sample-2025.csv', bytes: SAMPLE_CSV }], { year: '2025' }),
    });
    if (created.status !== 201) throw new Error(created.text);
    id = created.body.id;
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('gives the bureau the summary with charts, the low-efficiency list and the land notice, named by year and state', async () => {
    const page = await get('summary?format=html', h.tokens.admin);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<svg');
    expect(html).toContain('亩均税收');
    const low = await get('low-efficiency', h.tokens.admin);
    expect(low.status).toBe(200);
    expect(low.headers.get('content-disposition')).toContain(
      encodeURIComponent('2025年度低效企业筛选（草稿）.xlsx'),
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await low.arrayBuffer());
    const cells: string[] = [];
    book.worksheets.forEach((sheet) => {
      sheet.eachRow((row) => {
        row.eachCell((cell) => cells.push(cell.text));
      });
    });
    expect(cells.join(' ')).toContain(FLOOR_D_NAME);
    const land = await get('land-notice', h.tokens.admin);
    expect(land.headers.get('content-disposition')).toContain(
      encodeURIComponent('2025年度用地面积公示（草稿）.xlsx'),
    );
    expect((await get('land-notice?format=html', h.tokens.admin)).status).toBe(400);
  });

  it('gives a town its enterprises’ 一企一单 and an enterprise its own, nothing else', async () => {
    await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: { date: PUBLISHED_ON },
    });
    h.clock.set(IN_WINDOW);
    const town = await (await get('confirmation', h.tokens.town)).text();
    expect(town).toContain(FLOOR_D_NAME);
    expect(town).not.toContain(BEICHENG_NAME);
    expect((await get(`confirmation?uscc=${SAMPLE.beicheng}`, h.tokens.town)).status).toBe(404);
    const own = await (await get('confirmation', h.tokens.enterprise)).text();
    expect(own).toContain(FLOOR_D_NAME);
    expect(own).not.toContain(BEICHENG_NAME);
    expect((await get(`confirmation?uscc=${SAMPLE.beicheng}`, h.tokens.enterprise)).status).toBe(404);
    expect((await get('summary', h.tokens.town)).status).toBe(403);
    const all = await (await get('confirmation', h.tokens.admin)).text();
    expect(all).toContain(BEICHENG_NAME);
  });
});
