import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../contract/support/fixtures.js';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample, signedIn as signInPage } from './support/web.js';

/**
 * The bonus and penalty inputs in the pages: an enterprise contests 国家高新技术企业 (是/否) and 出租户数
 * (a count) in their own fieldset, told the bureau reviews them; the bureau finds them on the
 * evaluation's page, with the item's history, and 采纳 asks first, naming the effect in 是/否.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample-2025.csv', name: '亩均效益评价' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('contesting a bonus or penalty input', () => {
  it('the enterprise picks 是/否 and types a count, in a fieldset the bureau reviews', async () => {
    const page = await signedIn('enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}`);
    const bonus = page.locator('[data-fieldset="bonus"]');
    await bonus.waitFor();
    expect(await bonus.locator('legend').textContent()).toContain('由经信局核实');
    const labels = await bonus.locator('.check label').allTextContents();
    expect(labels).toEqual([
      '国家高新技术企业',
      '专精特新',
      '应急医疗物资重点生产企业',
      '产业链关键环节企业',
      '出租户数',
    ]);
    await page.getByLabel('国家高新技术企业', { exact: true }).check();
    const flag = page.getByLabel('国家高新技术企业的申报值');
    expect(await page.locator('select[data-claimed="highTech"]').count()).toBe(1);
    expect(await flag.locator('option').allTextContents()).toEqual(['请选择', '是', '否']);
    await flag.selectOption('true');
    await page.getByLabel('专精特新', { exact: true }).check();
    expect(await page.getByLabel('专精特新的申报值').locator('option').allTextContents()).toEqual([
      '请选择',
      '无',
      '省级',
      '国家级',
    ]);
    await page.getByLabel('专精特新', { exact: true }).uncheck();
    await page.getByLabel('出租户数', { exact: true }).check();
    // A count is a whole number: 1.5 is refused on the page, in Chinese, before anything is sent.
    await page.getByLabel('出租户数的申报值').fill('1.5');
    await page.getByLabel('异议理由').fill('本企业已于 2025 年 3 月取得国家高新技术企业证书；厂区无出租。');
    await page
      .getByLabel('证明材料')
      .setInputFiles({ name: '高新证书.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '提交异议' }).click();
    expect(await page.locator('#objection-error').textContent()).toContain('「出租户数」应为不小于 0 的整数');
    await page.getByLabel('出租户数的申报值').fill('2');
    expect(await checkBothWidths(page, 'web-bonus-enterprise-form')).toEqual([]);
    await page.getByRole('button', { name: '提交异议' }).click();
    const table = page.locator('[data-table="objections"]');
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('国家高新技术企业：原值 否，申报 是');
    expect(text).toContain('出租户数：原值 0 户，申报 2 户');
    expect(await checkBothWidths(page, 'web-bonus-enterprise-filed')).toEqual([]);
    await page.close();
  });

  it('no department sees it; the bureau decides it on the evaluation’s page, asked first', async () => {
    const department = await signedIn('statistics');
    await department.locator('[data-review="empty"]').waitFor();
    await department.close();

    const page = await signedIn('admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const section = page.locator('[data-review-by="bureau"]');
    await section.waitFor();
    const card = section.locator('section.review[aria-label="台州远东铸造有限公司 国家高新技术企业"]');
    await card.waitFor();
    expect(await card.locator('[data-field="claim"]').textContent()).toBe('现值 否，企业申报 是');
    const history = card.locator('[data-field="history"]');
    expect(await history.locator('[data-event="filed"]').textContent()).toContain(
      '主张国家高新技术企业为 是（评价所用为 否）',
    );
    expect(await history.locator('[data-event="routed"]').textContent()).toContain(
      '按数据归属分送经信局审核',
    );
    expect(await history.locator('[data-event="waiting"]').textContent()).toBe('待经信局审核');
    const corrected = card.getByLabel('核实后的国家高新技术企业情况（采纳时选择）');
    expect(await corrected.inputValue()).toBe('true');
    expect(await checkBothWidths(page, 'web-bonus-bureau-review')).toEqual([]);
    await card.getByRole('button', { name: '采纳并更正' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('采纳后国家高新技术企业将由 否 改为 是，重新计算时生效。');
    await page.screenshot({ path: join(ARTIFACTS, 'web-bonus-bureau-confirm.png') });
    await dialog.getByRole('button', { name: '确认采纳' }).click();
    const decided = page.locator('[data-review-by="bureau"] [data-table="decided"]');
    await decided.waitFor();
    expect(await decided.locator('td[data-label="更正值"]').first().textContent()).toBe('是');
    expect(await checkBothWidths(page, 'web-bonus-bureau-decided')).toEqual([]);
    await page.close();
  });
});
