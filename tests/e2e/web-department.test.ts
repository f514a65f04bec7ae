import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectionForm, PDF } from '../contract/support/fixtures.js';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample, signedIn as signInPage } from './support/web.js';

/**
 * A natural-resources clerk decides an item with the evidence in front of them: the enterprise and
 * its code, its reason, the claimed area beside the current one in 亩, the photo shown inline and the
 * PDF in a frame, the history and the deadline; 采纳 asks first, naming the effect, and going back
 * sends nothing.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const REASON = '厂区西侧 11 亩已于 2024 年交还园区，不动产权证已变更，见附件。';
/** A real 1×1 PNG, so the page can show it. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample-2025.csv', name: '亩均效益评价' });
  const filed = await h.api.call('post', '/v1/evaluations/{id}/objections', {
    token: h.tokens.enterprise,
    params: { id: evaluationId },
    headers: { 'idempotency-key': 'web-department-1' },
    body: objectionForm({ reason: REASON, items: [{ field: 'landAreaMu', claimedValue: '30' }] }, [
      { name: '不动产权证.pdf', bytes: PDF },
      { name: '现场照片.png', bytes: PHOTO, type: 'image/png' },
    ]),
  });
  if (filed.status !== 201) throw new Error(filed.text);
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('reviewing an objection with its evidence', () => {
  it('shows the enterprise, its reason, both values with the unit, the evidence, history and deadline', async () => {
    const page = await signedIn('naturalResources');
    const card = page.locator('[data-review="pending"] section').first();
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain(FLOOR_D_NAME);
    expect(text).toContain(SAMPLE.floorD);
    expect(text).toContain(SAMPLE.townOfFloorD);
    expect(await card.locator('[data-field="reason"]').textContent()).toBe(REASON);
    expect(await card.locator('[data-field="claim"]').textContent()).toBe('现值 41 亩，企业申报 30 亩');
    expect(text).toContain('异议受理截止 2025年6月9日（星期一） 24:00（北京时间）');
    // The item's history from the audit trail: filed with its receipt number, routed, waiting.
    const history = card.locator('[data-field="history"]');
    expect(await history.locator('[data-event="filed"]').textContent()).toMatch(
      /企业提出异议（受理回执 YY2025-\d{6}），主张用地面积为 /,
    );
    expect(await history.locator('[data-event="routed"]').textContent()).toContain(
      '按数据归属分送自然资源和规划部门审核',
    );

    await card.getByRole('button', { name: '查看 现场照片.png' }).click();
    const photo = card.locator('.evidence-view img');
    await photo.waitFor();
    await expect
      .poll(() => page.evaluate<number>("document.querySelector('.evidence-view img').naturalWidth"))
      .toBe(1);
    expect(await photo.getAttribute('src')).toMatch(/^blob:/);
    await card.getByRole('button', { name: '查看 不动产权证.pdf' }).click();
    const frame = card.locator('.evidence-view iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.getAttribute('title')).toBe('佐证材料：不动产权证.pdf');
    expect(await checkBothWidths(page, 'web-department-review')).toEqual([]);

    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: '下载' }).first().click(),
    ]);
    expect(saved.suggestedFilename()).toBe('不动产权证.pdf');
    await page.close();
  });

  it('asks before 采纳, naming the effect; going back sends nothing, confirming decides', async () => {
    const page = await signedIn('naturalResources');
    const card = page.locator('[data-review="pending"] section').first();
    await card.waitFor();
    let decisions = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/decision')) decisions++;
    });
    await card.getByLabel('核实后的用地面积（亩）（采纳时填写）').fill('30');
    await card.getByRole('button', { name: '采纳并更正' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('采纳后用地面积将由 41 亩 改为 30 亩，重新计算时生效。');
    await page.screenshot({ path: join(ARTIFACTS, 'web-department-confirm.png') });
    await dialog.getByRole('button', { name: '返回，不执行' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(decisions).toBe(0);
    expect(await page.locator('[data-review="pending"] section').count()).toBe(1);

    await card.getByRole('button', { name: '采纳并更正' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认采纳' }).click();
    const decided = page.locator('[data-table="decided"]');
    await decided.waitFor();
    expect(await decided.locator('td[data-label="更正值"]').textContent()).toBe('30 亩');
    expect(decisions).toBe(1);
    // The card the clerk acted on is gone: the page says what was done, and the keyboard is there.
    const said = page.locator('[data-status="decided"]');
    expect(await said.textContent()).toBe(
      `已采纳：${FLOOR_D_NAME}的用地面积更正为 30 亩，已移入“已审核事项”。`,
    );
    expect(await page.evaluate('document.activeElement?.dataset.status')).toBe('decided');
    expect(await checkBothWidths(page, 'web-department-decided')).toEqual([]);
    await page.close();
  });
});

describe('a page the department may not open', () => {
  it('says so and leads home, rather than showing its own page under the address it was given', async () => {
    const page = await signedIn('naturalResources');
    for (const [address, name] of [
      ['#/accounts', '账号与接口令牌'],
      [`#/evaluations/${evaluationId}/ledger`, '一企一档整改台账'],
      [`#/evaluations/${evaluationId}/simulation`, '评价办法修订模拟测算'],
    ] as const) {
      await page.goto(`${h.base}/app/${address}`);
      await page.locator('[data-error="role"]').waitFor();
      expect(await page.locator('main h2').textContent()).toBe('无权访问此页面');
      expect(await page.locator('[data-error="role"]').textContent()).toBe(
        `“${name}”页面不对部门账号开放。如需使用，请联系县经信局。`,
      );
    }
    await page.screenshot({ path: join(ARTIFACTS, 'web-department-not-for-role.png') });
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.locator('[data-review]').first().waitFor();
    expect(await page.locator('main h2').textContent()).toContain('异议审核');
    await page.close();
  });

  it('stays the page asked for when the page before it finishes loading afterwards', async () => {
    const page = await signedIn('naturalResources');
    await page.locator('[data-review]').first().waitFor();
    // The home page's requests are held while the clerk follows a bookmark elsewhere, then let go.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/v1/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${h.base}/app/#/calendar`);
    await page.locator('[data-error="role"]').waitFor();
    await page.goto(`${h.base}/app/#/`);
    await page.locator('main p[role="status"]').waitFor();
    await page.evaluate('window.homeView = document.getElementById("main")');
    await page.goto(`${h.base}/app/#/history`);
    await page.locator('[data-error="role"]').waitFor();
    release();
    // The home page has finished: into the element it was given, not the one on screen.
    await expect
      .poll(() => page.evaluate('window.homeView.querySelector("[data-review]") !== null'))
      .toBe(true);
    expect(await page.locator('main h2').textContent()).toBe('无权访问此页面');
    expect(await page.locator('[data-error="role"]').textContent()).toContain('历年对比与往年导入');
    await page.close();
  });
});

describe('the skip link', () => {
  it('moves the keyboard to the page and keeps the address the clerk is at', async () => {
    const page = await signedIn('naturalResources');
    await page.goto(`${h.base}/app/#/history`);
    await page.locator('[data-error="role"]').waitFor();
    const address = page.url();
    await page.getByRole('link', { name: '跳到正文' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    expect(page.url()).toBe(address);
    expect(await page.locator('main h2').textContent()).toBe('无权访问此页面');
    await page.close();
  });
});
