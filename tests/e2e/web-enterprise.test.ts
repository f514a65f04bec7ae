import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF } from '../contract/support/fixtures.js';
import { AFTER_WINDOW, IN_WINDOW, SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { manualScreenshot } from './support/manual.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample, signInOnPage } from './support/web.js';

/**
 * The enterprise's side of the web pages (/app/) in a real headless Chromium, over the app on an
 * ephemeral port with a test clock: sign in with the 统一社会信用代码 and password, read the grade and why, file an objection
 * with a PDF, see it pending; a late objection refused with the reason on the page; another
 * enterprise's code in the URL shows nothing of it.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';
const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

/** A page with every console error and CSP violation collected. */
async function open(width = 1200, height = 900): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx as an error; 401 is the page asking whether it is signed in yet.
    if (message.type() === 'error' && !/status of 40[149]/.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width, height });
  await page.goto(`${h.base}/app/`);
  return { page, errors };
}

function signIn(page: Page, who: 'enterprise' | 'otherEnterprise'): Promise<void> {
  return signInOnPage(page, h, who);
}

beforeAll(async () => {
  // The clock jumps past the 公示 window under an open page: sessions here outlast that.
  const days = 30 * 24 * 60 * 60_000;
  h = await startApi({ now: '2025-06-02T02:00:00.000Z', auth: { idleMs: days, absoluteMs: days } });
  evaluationId = await publishedSample(h, { file: 'sample.csv' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('the pages are static assets with a strict policy', () => {
  it('serves /app/ with a Content-Security-Policy that allows only its own script', async () => {
    const res = await fetch(`${h.base}/app/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('lang="zh-CN"');
    expect(html).toContain('name="viewport"');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
    const js = await fetch(`${h.base}/app/app.js`);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(1000);
  });
});

describe('an enterprise in the browser', () => {
  it('signs in with its account and password and sees its grade and why, in Chinese, with the 公示 deadline', async () => {
    const { page, errors } = await open();
    await signIn(page, 'enterprise');
    // Named in the header by its name and code, as its evaluation lists it.
    expect(await page.locator('[data-role]').textContent()).toBe(`企业：${FLOOR_D_NAME}（${SAMPLE.floorD}）`);
    // The session is a cookie no script can read: HttpOnly, SameSite=Strict.
    expect(await page.evaluate('document.cookie')).not.toContain('mujun_session');
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'mujun_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.locator('[data-list="evaluations"] a').first().click();
    await page.locator('#result-title').waitFor();
    expect(await page.locator('#result-title').textContent()).toBe(FLOOR_D_NAME);
    expect(await page.locator('[data-field="finalClass"]').textContent()).toContain('D 类');
    expect(await page.locator('[data-field="rank"]').textContent()).toMatch(/第 \d+ 名 \/ 共 \d+ 家/);
    // Every indicator with its value, benchmark and score.
    const indicators = page.locator('[data-table="indicators"] tbody tr');
    expect(await indicators.count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-table="indicators"]').textContent()).toContain('亩均税收');
    // The override that made it D, with its reason.
    const overrides = (await page.locator('[data-table="overrides"]').textContent()) ?? '';
    expect(overrides).toContain('D');
    expect(overrides).toMatch(/亩均税收/);
    // The 公示 window: 5 working days from 2025-06-03 to 06-09, closing at 24:00 Beijing time.
    expect(await page.locator('[data-field="deadline"]').textContent()).toBe(
      '2025年6月9日（星期一） 24:00（北京时间）',
    );
    expect(await page.locator('[data-field="state"]').textContent()).toBe('公示中');
    // How to move up, exactly, once the server has worked it out (issue 15).
    const way = page.locator('[data-field="toNextClass"]');
    await way.getByRole('heading', { name: '如何提升类别' }).waitFor();
    expect(await way.textContent()).toMatch(
      /税收再增加 [\d,]+\.\d{2} 万元（亩均税收提高 [\d,]+\.\d{2} 万元\/亩）即可升为 [A-C] 类（其他企业数据不变时）/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'web-enterprise-result.png'), fullPage: true });
    await manualScreenshot(page, 'enterprise-2-result');
    expect(await checkBothWidths(page, 'web-enterprise-result')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('files an objection with an uploaded PDF and sees it pending', async () => {
    const { page, errors } = await open();
    await signIn(page, 'enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}`);
    await page.locator('#result-title').waitFor();
    // Every input of the form has a label.
    const unlabeled = await page.evaluate(
      `Array.from(document.querySelectorAll('form input, form select, form textarea'))
        .filter((input) => input.id === '' || document.querySelector('label[for="' + input.id + '"]') === null)
        .map((input) => input.outerHTML)`,
    );
    expect(unlabeled).toEqual([]);
    await page.getByLabel('税收实际贡献(万元)', { exact: true }).check();
    await page.getByLabel('税收实际贡献(万元)的申报值').fill('36.00');
    await page.getByLabel('异议理由').fill('税务部门数据漏计了本企业第四季度的入库税款，附完税证明。');
    // A Word file is refused by its content, in Chinese only: the API's English gloss is for logs.
    await page.getByLabel('证明材料').setInputFiles({
      name: '完税证明.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: Buffer.from('PK\u0003\u0004 a Word document'),
    });
    await page.getByRole('button', { name: '提交异议' }).click();
    const refused = page.locator('#objection-error');
    await expect.poll(() => refused.textContent()).toContain('证明材料须为 PDF、JPEG 或 PNG 文件');
    expect(await refused.textContent()).toContain('「完税证明.docx」不是 PDF、JPEG 或 PNG 文件');
    expect(await refused.textContent()).not.toMatch(/[a-z]{3,} [a-z]{3,}/);
    // The refusal's own line in the console (a 415) is the one error expected here.
    const refusal = errors.findIndex((line) => line.includes('status of 415'));
    expect(refusal).toBeGreaterThanOrEqual(0);
    errors.splice(refusal, 1);
    await page
      .getByLabel('证明材料')
      .setInputFiles({ name: '完税证明.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: '提交异议' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '异议' }).textContent())
      .toContain('异议已提交');
    const table = page.locator('[data-table="objections"]');
    await table.waitFor();
    expect(await table.textContent()).toContain('税收实际贡献(万元)');
    expect(await table.locator('[data-item-status="pending"]').count()).toBe(1);
    expect(await table.locator('[data-objection-status]').first().textContent()).toBe('审核中');
    expect(await table.textContent()).toContain('完税证明.pdf');
    await page.screenshot({ path: join(ARTIFACTS, 'web-enterprise-objection-filed.png'), fullPage: true });
    await manualScreenshot(page, 'enterprise-3-objection-filed');
    expect(await checkBothWidths(page, 'web-enterprise-objection-filed')).toEqual([]);
    // The server holds it, with the PDF, routed to the tax department.
    const listed = await h.api.call('get', '/v1/evaluations/{id}/objections', {
      token: h.tokens.admin,
      params: { id: evaluationId },
    });
    const filed = listed.status === 200 ? listed.body.data.filter((o) => o.uscc === SAMPLE.floorD) : [];
    expect(filed).toHaveLength(1);
    expect(filed[0]?.items[0]?.department).toBe('tax');
    expect(filed[0]?.evidence[0]?.mediaType).toBe('application/pdf');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is one column on a phone, with nothing wider than the screen', async () => {
    const { page } = await open(390, 844);
    await signIn(page, 'enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}`);
    await page.locator('#result-title').waitFor();
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'web-enterprise-phone.png'), fullPage: true });
    // Each figure says what it is: value, benchmark, weight and score are told apart on the phone.
    const labels = await page.evaluate(
      `Array.from(document.querySelectorAll('[data-table="indicators"] tbody tr:first-child td'), (cell) => cell.dataset.label)`,
    );
    expect(labels).toEqual(['指标', '数值', '基准值', '权重', '得分']);
    const before = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-table="indicators"] td[data-label="基准值"]'), '::before').content`,
    );
    expect(before).toBe('"基准值"');
    await page.close();
  });

  it('never shows another enterprise: its code in the URL is not found', async () => {
    const { page } = await open();
    await signIn(page, 'enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.beicheng}`);
    await page.locator('[data-error="404"]').waitFor();
    expect(await page.locator('main').textContent()).toContain('未找到该企业的评价结果');
    expect(await page.locator('main').textContent()).not.toContain(BEICHENG_NAME);
    await page.screenshot({ path: join(ARTIFACTS, 'web-enterprise-other-not-found.png') });
    // The other enterprise, signed in, sees its own result and none of the first one's objection.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('[data-page="sign-in"]').waitFor();
    expect((await context.cookies()).filter((cookie) => cookie.name === 'mujun_session')).toEqual([]);
    // The session is over on the server, not only forgotten by the browser.
    const audit = await h.store.listAudit({ entity: 'session' }, { limit: 100 });
    expect(audit.items.map((entry) => entry.action)).toContain('sign-out');
    await signIn(page, 'otherEnterprise');
    await page.locator('[data-list="evaluations"] a').first().click();
    await page.locator('#result-title').waitFor();
    expect(await page.locator('#result-title').textContent()).toBe(BEICHENG_NAME);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain(FLOOR_D_NAME);
    expect(text).toContain('暂无异议');
    await page.close();
  });

  it('is refused when late, with the reason shown next to the form', async () => {
    const { page } = await open();
    await signIn(page, 'enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}`);
    await page.locator('#result-title').waitFor();
    h.clock.set(AFTER_WINDOW);
    try {
      await page.getByLabel('用地面积(亩)', { exact: true }).check();
      await page.getByLabel('用地面积(亩)的申报值').fill('30');
      await page.getByLabel('异议理由').fill('用地面积应按不动产权证计。');
      await page
        .getByLabel('证明材料')
        .setInputFiles({ name: '不动产权证.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: '提交异议' }).click();
      const alert = page.locator('#objection-error');
      await expect.poll(() => alert.textContent()).toContain('公示期已结束');
      await page
        .locator('form.objection')
        .screenshot({ path: join(ARTIFACTS, 'web-enterprise-late-refused.png') });
      const listed = await h.api.call('get', '/v1/evaluations/{id}/objections', {
        token: h.tokens.enterprise,
        params: { id: evaluationId },
      });
      expect(listed.status === 200 ? listed.body.data : []).toHaveLength(1);
    } finally {
      h.clock.set(IN_WINDOW);
    }
    await page.close();
  });
});
