import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AFTER_WINDOW, IN_WINDOW, SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { signedIn as signInPage, signInOnPage, uploadedSample } from './support/web.js';

/**
 * The irreversible steps ask first and say what will happen; a 公示 can be withdrawn before its first
 * day; the state is read from the server's clock (已发布…起公示, 公示中, 公示期已结束); and once the window
 * has closed the enterprise sees why it can no longer object, not the form.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';

function signedIn(who: Parameters<typeof signInPage>[2]): Promise<Page> {
  return signInPage(context, h, who);
}
const state = (page: Page) => page.locator('[data-field="state"]').textContent();

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

describe('safeguards on the steps that cannot be undone', () => {
  it('publishing asks first; a publication not yet open is withdrawn back to a draft', async () => {
    const page = await signedIn('admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    const date = page.getByLabel('公示日期（不早于今天）');
    await date.waitFor();
    expect(await date.getAttribute('min')).toBe('2025-06-02');
    await date.fill('2025-06-01');
    await page.getByRole('button', { name: '发布公示' }).click();
    expect(await page.locator('#bureau-error').textContent()).toContain('公示日期不能早于今天');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await date.fill('2025-06-03');
    await page.getByRole('button', { name: '发布公示' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('将自 2025年6月3日（星期二） 起公示 5 个工作日');
    await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-confirm-publish.png') });
    await dialog.getByRole('button', { name: '返回，不执行' }).click();
    expect(await state(page)).toBe('草稿（未公示）');
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => state(page)).toBe('已发布，2025年6月3日（星期二）起公示');

    await page.getByRole('button', { name: '撤回公示' }).click();
    expect(await page.getByRole('dialog').textContent()).toContain('撤回后评价恢复为草稿');
    await page.getByRole('dialog').getByRole('button', { name: '确认撤回' }).click();
    await expect.poll(() => state(page)).toBe('草稿（未公示）');

    await page.getByLabel('公示日期（不早于今天）').fill('2025-06-03');
    await page.getByRole('button', { name: '发布公示' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发布' }).click();
    await expect.poll(() => state(page)).toBe('已发布，2025年6月3日（星期二）起公示');
    await page.close();
  });

  it('reads the state from the clock, and recomputing waits for the window, then asks first', async () => {
    h.clock.set(IN_WINDOW);
    const page = await signedIn('admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await expect.poll(() => state(page)).toBe('公示中');
    expect(await page.getByRole('button', { name: '撤回公示' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '复核重算' }).isDisabled()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('结束后才能复核重算');

    // Six days on, the session has long expired (30 minutes idle): sign in again, as a clerk would.
    h.clock.set(AFTER_WINDOW);
    await signInOnPage(page, h, 'admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await expect.poll(() => state(page)).toBe('公示期已结束');
    await page.getByRole('button', { name: '复核重算' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('没有被采纳的异议，将按原数据重新计算');
    expect(await dialog.textContent()).toContain('复核重算只能进行一次');
    await dialog.getByRole('button', { name: '确认重算' }).click();
    await expect.poll(() => state(page)).toBe('复核中');
    // Nothing upheld, nothing moved: said once, not in two sentences meaning the same.
    expect(await page.locator('[data-status="done"]').textContent()).toContain('复核重算已完成');
    const recomputed =
      (await page.locator('section', { hasText: '复核重算结果' }).last().textContent()) ?? '';
    expect(recomputed).toContain('所有企业的得分、名次和类别均未变化。');
    expect(recomputed).not.toContain('没有企业的类别或名次发生变化');
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    expect(await page.getByRole('dialog').textContent()).toContain('定稿后评价结果不能再更改');
    await page.screenshot({ path: join(ARTIFACTS, 'web-bureau-confirm-finalize.png') });
    await page.getByRole('dialog').getByRole('button', { name: '返回，不执行' }).click();
    expect(await state(page)).toBe('复核中');
    await page.close();
  });

  it('after the window an enterprise sees why it cannot object and what it can still do', async () => {
    const page = await signedIn('enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}`);
    const closed = page.locator('[data-field="filing-closed"]');
    await closed.waitFor();
    expect(await closed.textContent()).toContain('公示期已于 2025年6月9日（星期一） 24:00（北京时间） 结束');
    expect(await page.getByRole('button', { name: '提交异议' }).count()).toBe(0);
    // The trace in sentences, not formulas; R&D as a percentage.
    const trace = (await page.locator('ol.trace').textContent()) ?? '';
    expect(trace).toContain('本组参评 20 家，前 4 名为 A 类');
    expect(trace).not.toMatch(/floor\(|min\(max/);
    expect(trace).toContain('R&D经费支出 30 万元 ÷ 营业收入 7,250 万元 = 0.41%；基准值 3.70%');
    expect(trace).not.toMatch(/0\.0041|\(万元\)/);
    expect(await page.locator('[data-table="indicators"]').textContent()).toContain('0.41%');
    expect(await checkBothWidths(page, 'web-enterprise-window-closed')).toEqual([]);
    // Its own 一企一单, named with the year and whose it is.
    const [sheet] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '本企业一企一单（可打印网页）' }).click(),
    ]);
    expect(sheet.suggestedFilename()).toMatch(/^2025年度一企一单（.+）\.html$/);
    const saved = join(ARTIFACTS, 'web-enterprise-一企一单.html');
    await sheet.saveAs(saved);
    const html = await readFile(saved, 'utf8');
    expect(html).toContain(SAMPLE.floorD);
    expect(html).not.toContain(SAMPLE.beicheng);
    await page.close();
  });
});

describe('the server address', () => {
  it('leads to the pages, not to a JSON 404', async () => {
    const res = await fetch(`${h.base}/`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/app/');
    const page = await context.newPage();
    await page.goto(`${h.base}/`);
    expect(new URL(page.url()).pathname).toBe('/app/');
    expect(await page.getByRole('button', { name: '登录' }).count()).toBe(1);
    await page.close();
  });
});
