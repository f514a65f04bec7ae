import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokenCsv, objectionForm, SAMPLE_CSV } from '../contract/support/fixtures.js';
import { AFTER_WINDOW, IN_WINDOW, SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { manualScreenshot } from './support/manual.js';
import { checkBothWidths } from './support/pages.js';
import { signedIn as signInPage } from './support/web.js';
import { tempDirectory } from './support/mujun.js';

/**
 * The bureau runs the year in the browser: a bad upload's validation report, then the year's data,
 * the summary and its chart, publish; a town sees only its enterprises; the natural-resources
 * department upholds an objection; after the window, recompute shows who moved; finalize; the
 * surcharge list, the result workbook, the 公示 list and an objection's evidence download. One app, one
 * test clock, steps in order.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('the year in the browser', () => {
  it('the bureau sees every bad cell of a bad upload, then uploads the year and publishes it', async () => {
    const page = await signedIn('admin');
    await manualScreenshot(page, 'bureau-1-home');
    const dir = await tempDirectory();
    try {
      const broken = join(dir.path, '税务-有误.csv');
      const good = join(dir.path, 'sample-2025.csv');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(broken, brokenCsv());
      await writeFile(good, SAMPLE_CSV);
      await page.getByLabel('各部门数据文件（CSV 或 XLSX，可多选）').setInputFiles(broken);
      await page.getByRole('button', { name: '上传并计算' }).click();
      const report = page.locator('[data-table="validation"]');
      await report.waitFor();
      expect(await report.locator('tbody tr').count()).toBe(2);
      expect(await page.locator('#upload-error').textContent()).toContain('上传的数据文件有错误');
      await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-validation-report.png'), fullPage: true });
      await manualScreenshot(page, 'bureau-2-validation-report');
      expect(await checkBothWidths(page, 'web-bureau-validation-report')).toEqual([]);

      await page.getByLabel('各部门数据文件（CSV 或 XLSX，可多选）').setInputFiles(good);
      await page.getByLabel('评价名称').fill('2025年度亩均效益评价');
      // A two-digit year is said on the page, in words, before anything is sent.
      let uploads = 0;
      const count = (request: { method(): string; url(): string }) => {
        if (request.method() === 'POST' && request.url().endsWith('/v1/evaluations')) uploads++;
      };
      page.on('request', count);
      await page.getByLabel('评价年度（数据年份）').fill('25');
      await page.getByRole('button', { name: '上传并计算' }).click();
      expect(await page.locator('#upload-error').textContent()).toBe('评价年度请填写四位数字年份，如 2025。');
      expect(await page.getByLabel('评价年度（数据年份）').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate('document.activeElement?.getAttribute("inputmode")')).toBe('numeric');
      page.off('request', count);
      expect(uploads).toBe(0);
      await page.getByLabel('评价年度（数据年份）').fill('2025');
      await page.getByRole('button', { name: '上传并计算' }).click();
      await page.locator('[data-table="summary"]').waitFor();
      evaluationId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
      expect(evaluationId).toMatch(/^ev_/);
      expect(await page.locator('svg#chart-final-classes rect').count()).toBeGreaterThan(3);
      expect(await page.locator('[data-field="state"]').textContent()).toBe('草稿（未公示）');
      await manualScreenshot(page, 'bureau-3-draft');
      await page.getByLabel('公示日期（不早于今天）').fill('2025-06-03');
      await page.getByRole('button', { name: '发布公示' }).click();
      await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
      // Published on the 2nd for the 3rd: not yet open, and still withdrawable until then.
      await expect
        .poll(() => page.locator('[data-field="state"]').textContent())
        .toBe('已发布，2025年6月3日（星期二）起公示');
      expect(await page.getByRole('button', { name: '撤回公示' }).count()).toBe(1);
      // The button pressed is gone with the redrawn page: it says what was done, where the keyboard is.
      expect(await page.locator('[data-status="done"]').textContent()).toBe(
        '已发布公示。公示期的起止日期见本页上方。',
      );
      expect(await page.evaluate('document.activeElement?.dataset.status')).toBe('done');
      expect(await page.locator('[data-field="deadline"]').textContent()).toContain('2025年6月9日');
      await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-published.png'), fullPage: true });
      await manualScreenshot(page, 'bureau-4-published');
      expect(await checkBothWidths(page, 'web-bureau-published')).toEqual([]);
    } finally {
      await dir.cleanup();
      await page.close();
    }
  });

  it('a town sees its own enterprises only', async () => {
    h.clock.set(IN_WINDOW);
    const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
      token: h.tokens.enterprise,
      params: { id: evaluationId },
      headers: { 'idempotency-key': 'web-year-1' },
      body: objectionForm({
        reason: '用地面积应按不动产权证计',
        items: [{ field: 'landAreaMu', claimedValue: '30' }],
      }),
    });
    expect(filed.status, filed.text).toBe(201);
    const page = await signedIn('town');
    await page.locator('[data-list="evaluations"] a').first().click();
    const results = page.locator('[data-table="town-results"]');
    await results.waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain(FLOOR_D_NAME);
    expect(text).not.toContain(BEICHENG_NAME);
    expect(await page.locator('[data-table="objections"]').textContent()).toContain('用地面积(亩)');
    await page.screenshot({ path: join(ARTIFACTS, 'web-town.png'), fullPage: true });
    await manualScreenshot(page, 'town-1-results');
    expect(await checkBothWidths(page, 'web-town')).toEqual([]);
    // Another town's enterprise through the URL: not found.
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.beicheng}`);
    await page.locator('[data-error="404"]').waitFor();
    await page.close();
  });

  it('the natural-resources department upholds the item; the tax department has nothing to review', async () => {
    const tax = await signedIn('tax');
    await tax.locator('[data-review="empty"]').waitFor();
    await tax.close();
    const page = await signedIn('naturalResources');
    const card = page.locator('[data-review="pending"] section').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(FLOOR_D_NAME);
    await manualScreenshot(page, 'department-1-pending');
    await card.getByLabel('核实后的用地面积（亩）（采纳时填写）').fill('30');
    await card.getByRole('button', { name: '采纳并更正' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认采纳' }).click();
    await page.locator('[data-table="decided"]').waitFor();
    expect(await page.locator('[data-table="decided"]').textContent()).toContain('已采纳');
    await page.screenshot({ path: join(ARTIFACTS, 'web-department-decided.png'), fullPage: true });
    await manualScreenshot(page, 'department-2-decided');
    await page.close();
  });

  it('after the window the bureau recomputes, sees who moved, finalizes and downloads the lists', async () => {
    h.clock.set(AFTER_WINDOW);
    const page = await signedIn('admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await page.getByRole('button', { name: '复核重算' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认重算' }).click();
    const changes = page.locator('[data-table="changes"]');
    await changes.waitFor();
    expect(await changes.textContent()).toContain(FLOOR_D_NAME);
    await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-recomputed.png'), fullPage: true });
    await manualScreenshot(page, 'bureau-5-recomputed');
    expect(await checkBothWidths(page, 'web-bureau-recomputed')).toEqual([]);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认定稿' }).click();
    await expect.poll(() => page.locator('[data-field="state"]').textContent()).toBe('已定稿');
    expect(await page.locator('[data-status="done"]').textContent()).toBe('已定稿。');
    // No 依据文号: said beside the field, not at 操作 a screen above; gone once the list downloads.
    await page.getByRole('button', { name: '差别化电价名单（XLSX）' }).click();
    const surchargeError = page.locator('#surcharge-error');
    expect(await surchargeError.textContent()).toContain('请先填写依据文号');
    expect(await page.locator('#bureau-error').textContent()).toBe('');
    expect(await page.getByLabel('差别化电价依据文号').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('差别化电价依据文号').fill('黄经信〔2026〕12号');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '差别化电价名单（XLSX）' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2025年度工业企业差别化电价执行名单.xlsx');
    expect(await surchargeError.textContent()).toBe('');
    const saved = join(ARTIFACTS, 'web-差别化电价名单.xlsx');
    await download.saveAs(saved);
    expect((await readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');

    // The result workbook and the 公示 list, of the final grading.
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '评价结果（复核后，XLSX）' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe('2025年度评价结果（定稿）.xlsx');
    const book = join(ARTIFACTS, 'web-评价结果.xlsx');
    await workbook.saveAs(book);
    expect((await readFile(book)).subarray(0, 2).toString('latin1')).toBe('PK');
    const [list] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '公示名单（网页）' }).click(),
    ]);
    expect(list.suggestedFilename()).toBe('2025年度公示名单（定稿）.html');
    const listPage = join(ARTIFACTS, 'web-公示名单.html');
    await list.saveAs(listPage);
    const html = await readFile(listPage, 'utf8');
    expect(html).toContain('工业企业亩均效益综合评价结果公示名单');
    // A final list is worded for after the window: closed, reviewed, the final result.
    expect(html).toContain('现予公布2025年度最终评价结果');
    expect(html).not.toMatch(/公示期：|公示期间/);
    expect(html).toContain(FLOOR_D_NAME);
    // The objection's evidence, from the bureau's objection table.
    const [evidence] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-table="objections"] [data-evidence]').first().click(),
    ]);
    expect(evidence.suggestedFilename()).toBe('证明.pdf');
    await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-final.png'), fullPage: true });
    await manualScreenshot(page, 'bureau-6-final');
    expect(await checkBothWidths(page, 'web-bureau-final')).toEqual([]);
    await page.close();
  });
});
