import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { signedIn as signInPage, uploadedSample } from './support/web.js';

/**
 * The bureau finds an enterprise among the county's without knowing its code: types part of the
 * name, narrows by class, sorts by score, pages, opens the enterprise's full result and downloads the
 * list it found. A town finds among its own enterprises only. Both at 1280 and 390 px.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';
/** The sort menu's choices as the bureau saw them, for the town's to be compared with. */
let bureauSorts: string[] = [];

/** The sort menu's choices, once the method's indicators have come. */
async function sortChoices(page: Page): Promise<string[]> {
  const options = page.getByLabel('排序', { exact: true }).locator('option');
  await expect.poll(() => options.allTextContents()).toContain('亩均税收');
  return options.allTextContents();
}

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await uploadedSample(h, { file: 'sample-2025.csv', year: '2025', name: '亩均效益评价' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('finding an enterprise in the browser', () => {
  it('the bureau searches, filters, sorts, pages, opens a result and exports what it found', async () => {
    const page = await signedIn('admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const list = page.locator('[data-table="results"]');
    await list.waitFor();
    const count = page.locator('[data-field="result-count"]');
    await expect.poll(() => count.textContent()).toBe('共 31 家，显示第 1–20 家。');
    expect(await checkBothWidths(page, 'web-bureau-find')).toEqual([]);
    // Every indicator of the method, though the first page shows 规上 rows only (no 单位电耗税收).
    bureauSorts = await sortChoices(page);
    expect(bureauSorts).toContain('单位电耗税收');

    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(() => count.textContent()).toBe('共 31 家，显示第 21–31 家。');
    await page.getByRole('button', { name: '上一页' }).click();
    await expect.poll(() => count.textContent()).toBe('共 31 家，显示第 1–20 家。');

    await page.getByLabel('最终类别').selectOption('D');
    await page.getByLabel('排序', { exact: true }).selectOption({ label: '亩均税收' });
    await page.getByLabel('顺序').selectOption('desc');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => list.locator('thead').textContent()).toContain('亩均税收');
    const classes = await list.locator('td[data-label="最终类别"]').allTextContents();
    expect(classes.length).toBeGreaterThan(0);
    expect(classes.every((text) => text === 'D 类')).toBe(true);
    const taxes = (await list.locator('td[data-label="亩均税收"]').allTextContents()).map((text) =>
      Number(text.replace(/[^0-9.]/g, '')),
    );
    expect(taxes).toEqual([...taxes].sort((a, b) => b - a));
    expect((await list.locator('td[data-label="亩均税收"]').first().textContent()) ?? '').toContain(
      '万元/亩',
    );
    expect(await checkBothWidths(page, 'web-bureau-find-filtered')).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出查询结果（XLSX）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('2025年度评价结果（草稿）-查询结果.xlsx');
    const book = new ExcelJS.Workbook();
    const bytes = await readFile(await file.path());
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const exported: string[] = [];
    book.worksheets[0]?.eachRow((row) => {
      const cls = row.getCell(book.worksheets[0]?.columnCount ?? 0).value;
      if (cls === 'D' || cls === 'A' || cls === 'B' || cls === 'C') exported.push(cls);
    });
    expect(exported).toEqual(classes.map((text) => text.replace(' 类', '')));

    await page.getByRole('button', { name: '清空条件' }).click();
    await page.getByLabel('查找企业').fill('远东');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => count.textContent()).toBe('共 1 家，显示第 1–1 家。');
    await list.getByRole('link', { name: FLOOR_D_NAME }).click();
    await page.locator('[data-field="finalClass"]').waitFor();
    expect(page.url()).toContain(`/enterprises/${SAMPLE.floorD}`);
    await page.close();
  });

  it('a town finds among its own enterprises only', async () => {
    await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id: evaluationId },
      body: { date: PUBLISHED_ON },
    });
    h.clock.set(IN_WINDOW);
    const page = await signedIn('town');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const list = page.locator('[data-table="town-results"]');
    await list.waitFor();
    const towns = await list.locator('td[data-label="乡镇街道"]').allTextContents();
    expect(towns.length).toBeGreaterThan(1);
    expect(new Set(towns)).toEqual(new Set([SAMPLE.townOfFloorD]));
    expect(await page.getByLabel('乡镇街道', { exact: true }).count()).toBe(0);
    expect(await sortChoices(page)).toEqual(bureauSorts);
    await page.getByLabel('查找企业').fill('恒力');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect
      .poll(() => page.locator('[data-field="result-count"]').textContent())
      .toBe('没有符合条件的企业。');
    expect(await page.locator('main').textContent()).not.toContain(BEICHENG_NAME);
    await page.getByLabel('查找企业').fill('远东');
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await list.getByRole('link', { name: FLOOR_D_NAME }).waitFor();
    expect(await checkBothWidths(page, 'web-town-find')).toEqual([]);
    await page.close();
  });
});
