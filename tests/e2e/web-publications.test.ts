import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectionForm, PDF } from '../contract/support/fixtures.js';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { publishedSample, signedIn } from './support/web.js';

/**
 * The publications in the pages, in a real headless Chromium at 1280 and 390 px: the bureau downloads
 * the 评价汇总 (with its charts), the 低效企业 list, the 用地面积 notice and a town's 一企一单; a town its own
 * enterprises' documents and the 公示名单; an enterprise its 一企一单 and the 公示名单. Each file saved
 * under the name with the year, and what it holds checked.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample.csv', name: '2025年度亩均效益评价', year: '2025' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

/** Clicks the button named `label`, saves the download under test-artifacts/; its name and bytes. */
async function save(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
  const name = file.suggestedFilename();
  const path = join(ARTIFACTS, `web-publications-${name}`);
  await file.saveAs(path);
  return { name, bytes: await readFile(path) };
}

/** Nothing wider than the window: no horizontal scrolling on a phone. */
async function expectNoOverflow(page: Page): Promise<void> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
}

const isXlsx = (bytes: Buffer) => bytes.subarray(0, 2).toString('latin1') === 'PK';

describe('publications in the pages', () => {
  it('the bureau downloads the county’s documents and a town’s 一企一单', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const section = page.locator('[data-section="publications"]');
    await section.waitFor();
    expect(await section.locator('h3').textContent()).toBe('评价文件下载');

    const summary = await save(page, '评价汇总（网页，含图表）');
    expect(summary.name).toBe('2025年度评价汇总.html');
    const summaryHtml = summary.bytes.toString('utf8');
    expect(summaryHtml).toContain('<svg');
    expect(summaryHtml).toContain(SAMPLE.townOfFloorD);
    const summaryXlsx = await save(page, '评价汇总（XLSX）');
    expect(summaryXlsx.name).toBe('2025年度评价汇总.xlsx');
    expect(isXlsx(summaryXlsx.bytes)).toBe(true);
    const low = await save(page, '低效企业筛选（XLSX）');
    expect(low.name).toBe('2025年度低效企业筛选.xlsx');
    expect(isXlsx(low.bytes)).toBe(true);
    const land = await save(page, '用地面积公示（XLSX）');
    expect(land.name).toBe('2025年度用地面积公示.xlsx');
    expect(isXlsx(land.bytes)).toBe(true);

    await page.getByLabel('一企一单的乡镇街道（留空为全部企业）').fill(SAMPLE.townOfFloorD);
    const sheets = await save(page, '一企一单（可打印网页）');
    expect(sheets.name).toBe(`2025年度一企一单（${SAMPLE.townOfFloorD}）.html`);
    const sheetsHtml = sheets.bytes.toString('utf8');
    expect(sheetsHtml).toContain(FLOOR_D_NAME);
    expect(sheetsHtml).not.toContain(BEICHENG_NAME);
    // A town with no enterprise: the reason on the page, not a saved error document.
    await page.getByLabel('一企一单的乡镇街道（留空为全部企业）').fill('无此镇');
    await page.getByRole('button', { name: '一企一单（可打印网页）', exact: true }).click();
    await expect.poll(() => section.locator('[data-error="download"]').textContent()).not.toBe('');
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-bureau-1280.png') });

    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-bureau-390.png') });
    await page.close();
  });

  it('a town downloads its own enterprises’ documents and the 公示名单', async () => {
    const page = await signedIn(browser.context, h, 'town');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const section = page.locator('[data-section="publications"]');
    await section.waitFor();
    const list = await save(page, '公示名单（XLSX）');
    expect(list.name).toBe('2025年度公示名单.xlsx');
    expect(isXlsx(list.bytes)).toBe(true);
    const sheets = await save(page, '本乡镇街道一企一单（可打印网页）');
    expect(sheets.name).toBe(`2025年度一企一单（${SAMPLE.townOfFloorD}）.html`);
    expect(sheets.bytes.toString('utf8')).not.toContain(BEICHENG_NAME);
    const land = await save(page, '本乡镇街道用地面积公示（XLSX）');
    expect(land.name).toBe(`2025年度用地面积公示（${SAMPLE.townOfFloorD}）.xlsx`);
    const low = await save(page, '本乡镇街道低效企业筛选（XLSX）');
    expect(low.name).toBe(`2025年度低效企业筛选（${SAMPLE.townOfFloorD}）.xlsx`);
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-town-1280.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await section.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-town-390.png') });
    await page.close();
  });

  it('an enterprise downloads its own 一企一单 and the 公示名单', async () => {
    const page = await signedIn(browser.context, h, 'enterprise');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-list="evaluations"] a').first().click();
    const section = page.locator('[data-section="publications"]');
    await section.waitFor();
    const sheet = await save(page, '本企业一企一单（可打印网页）');
    expect(sheet.name).toBe(`2025年度一企一单（${FLOOR_D_NAME}）.html`);
    const sheetHtml = sheet.bytes.toString('utf8');
    expect(sheetHtml).toContain(SAMPLE.floorD);
    expect(sheetHtml).not.toContain(SAMPLE.beicheng);
    const list = await save(page, '公示名单（可打印网页）');
    expect(list.name).toBe('2025年度公示名单.html');
    expect(list.bytes.toString('utf8')).toContain(FLOOR_D_NAME);
    // The receipt of an objection it filed: its number, the claimed value and the file's SHA-256.
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'web-receipt' },
      body: objectionForm({ reason: '用地面积有误', items: [{ field: 'landAreaMu', claimedValue: '30' }] }),
    });
    if (filed.status !== 201) throw new Error(filed.text);
    await page.getByRole('button', { name: '异议申诉受理回执', exact: true }).click();
    const receipt = await save(page, `回执 ${filed.body.receiptNo}（可打印网页）`);
    expect(receipt.name).toBe(`异议申诉受理回执（${filed.body.receiptNo}）.html`);
    const receiptHtml = receipt.bytes.toString('utf8');
    expect(receiptHtml).toContain(filed.body.receiptNo);
    expect(receiptHtml).toContain(createHash('sha256').update(PDF).digest('hex'));
    await section.scrollIntoViewIfNeeded();
    await expectNoOverflow(page);
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-enterprise-390.png') });
    const printed = await browser.context.newPage();
    await printed.setViewportSize({ width: 390, height: 844 });
    await printed.setContent(receiptHtml);
    await printed.screenshot({ path: join(ARTIFACTS, 'web-receipt-390.png'), fullPage: true });
    await printed.setViewportSize({ width: 1280, height: 900 });
    await printed.screenshot({ path: join(ARTIFACTS, 'web-receipt-1280.png'), fullPage: true });
    await printed.close();
    await page.setViewportSize({ width: 1280, height: 900 });
    await section.screenshot({ path: join(ARTIFACTS, 'web-publications-enterprise-1280.png') });
    await page.close();
  });
});
