import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../contract/support/fixtures.js';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { manualScreenshot } from './support/manual.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample, signedIn as signInPage } from './support/web.js';

/**
 * Objections in the browser beyond the happy path of web-year.test.ts: a town files on an enterprise's
 * behalf (and downloads the evidence it sent); the tax department rejects its item with a reason,
 * which the town then reads; two natural-resources clerks decide the same item from two pages, and
 * the second, holding the old version (If-Match), is told someone else has decided it (412).
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const REJECTION = '经核对税务系统，第四季度税款已计入，原值无误。';

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample-2025.csv', name: '2025年度' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('objection review in the browser', () => {
  it('a town files on behalf of one of its enterprises, and downloads the evidence it sent', async () => {
    const page = await signedIn('town');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await page.locator('[data-table="town-results"]').waitFor();
    await page.getByLabel('企业', { exact: true }).selectOption({ label: FLOOR_D_NAME });
    await page.getByLabel('税收实际贡献(万元)', { exact: true }).check();
    await page.getByLabel('税收实际贡献(万元)的申报值').fill('40');
    await page.getByLabel('用地面积(亩)', { exact: true }).check();
    await page.getByLabel('用地面积(亩)的申报值').fill('30');
    await page.getByLabel('异议理由').fill('企业委托镇里代为提出：税款漏计，用地按不动产权证计。');
    await page
      .getByLabel('证明材料')
      .setInputFiles({ name: '不动产权证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '提交异议' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('异议已提交');
    const objections = page.locator('[data-table="objections"]');
    await expect.poll(() => objections.textContent()).toContain('乡镇街道代填');
    expect(await objections.textContent()).toContain(FLOOR_D_NAME);
    expect(await objections.locator('[data-item-status="pending"]').count()).toBe(2);

    const listed = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    expect(listed.status === 200 && listed.body.data.map((o) => [o.uscc, o.filedBy])).toEqual([
      [SAMPLE.floorD, 'town'],
    ]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      objections.getByRole('button', { name: /不动产权证\.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('不动产权证.pdf');
    const saved = join(ARTIFACTS, 'web-review-evidence.pdf');
    await download.saveAs(saved);
    expect((await readFile(saved)).equals(PDF)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'web-review-town-filed.png'), fullPage: true });
    await manualScreenshot(page, 'town-2-filed-on-behalf');
    expect(await checkBothWidths(page, 'web-review-town-filed')).toEqual([]);
    await page.close();
  });

  it('the tax department rejects its item with a reason, which the town reads', async () => {
    const page = await signedIn('tax');
    const card = page.locator('[data-review="pending"] section').first();
    await card.waitFor();
    expect(await card.textContent()).toContain(FLOOR_D_NAME);
    // No reason: refused in the page, nothing sent.
    await card.getByRole('button', { name: '不采纳' }).click();
    expect(await card.getByRole('alert').textContent()).toBe('不采纳时须填写理由，企业会看到这一理由。');
    await card.getByLabel('审核意见（不采纳时必填，企业可见）').fill(REJECTION);
    await card.getByRole('button', { name: '不采纳' }).click();
    // The reason quoted as the enterprise will read it, its own 。 inside the quotes and none after.
    expect(await page.getByRole('dialog').textContent()).toContain(`将看到您填写的理由：“${REJECTION}”`);
    expect(await page.getByRole('dialog').textContent()).not.toContain('。”。');
    await page.getByRole('dialog').getByRole('button', { name: '确认不采纳' }).click();
    expect(await page.locator('[data-status="decided"]').textContent()).toMatch(/^已不采纳：/);
    const decided = page.locator('[data-table="decided"]');
    await decided.waitFor();
    expect(await decided.textContent()).toContain('未采纳');
    expect(await decided.textContent()).toContain(REJECTION);
    await page.locator('[data-review="empty"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'web-review-tax-rejected.png'), fullPage: true });
    await manualScreenshot(page, 'department-3-rejected');
    expect(await checkBothWidths(page, 'web-review-tax-rejected')).toEqual([]);
    await page.close();

    const town = await signedIn('town');
    await town.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const rejected = town.locator('[data-table="objections"] [data-item-status="rejected"]');
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain(REJECTION);
    await town.close();
  });

  it('a decision on an item another clerk has just decided shows the stale-version (412) message', async () => {
    const first = await signedIn('naturalResources');
    const second = await signedIn('naturalResources');
    const cards = [first, second].map((page) => page.locator('[data-review="pending"] section').first());
    for (const card of cards) await card.waitFor();
    const [firstCard, secondCard] = cards;
    if (firstCard === undefined || secondCard === undefined) throw new Error('two pages');

    await firstCard.getByLabel('核实后的用地面积（亩）（采纳时填写）').fill('30');
    await firstCard.getByRole('button', { name: '采纳并更正' }).click();
    await first.getByRole('dialog').getByRole('button', { name: '确认采纳' }).click();
    await first.locator('[data-table="decided"]').waitFor();

    const responded = second.waitForResponse((response) => response.url().endsWith('/decision'));
    await secondCard.getByLabel('审核意见（不采纳时必填，企业可见）').fill('原值无误');
    await secondCard.getByRole('button', { name: '不采纳' }).click();
    await second.getByRole('dialog').getByRole('button', { name: '确认不采纳' }).click();
    expect((await responded).status()).toBe(412);
    const alert = secondCard.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('该事项已被他人处理，请刷新后重试。');
    await second.screenshot({ path: join(ARTIFACTS, 'web-review-stale-412.png'), fullPage: true });

    // The first decision stands.
    const items = await h.api.call('get', '/v1/review-items', {
      token: h.tokens.naturalResources,
      query: { status: 'decided' },
    });
    expect(items.status === 200 && items.body.data.map((item) => item.status)).toEqual(['upheld']);
    await first.close();
    await second.close();
  });
});
