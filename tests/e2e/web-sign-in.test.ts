import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/api/src/index.js';
import { totpAt } from '../../apps/api/src/accounts/totp.js';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { post } from '../contract/support/sessions.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { manualScreenshot } from './support/manual.js';
import { publishedSample } from './support/web.js';

/**
 * The pages before a session, in a real Chromium: an enterprise activates its account with the code
 * its town handed out; an administrator binds an authenticator at first sign-in and gets recovery
 * codes; a temporary password is changed before anything else; a wrong password and 忘记密码.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample.csv' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

async function fresh(path = '/app/'): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${h.base}${path}`);
  return page;
}

async function signIn(page: Page, account: string, password: string): Promise<void> {
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('sign-in pages', () => {
  it('an enterprise activates its account with the code from its town, then signs in', async () => {
    const issued = await post(
      h,
      `/v1/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}/activation-code`,
      {},
      {
        authorization: `Bearer ${h.tokens.town}`,
      },
    );
    const code = String(issued.body?.['code']);
    const page = await fresh();
    await manualScreenshot(page, 'sign-in');
    await page.getByRole('link', { name: '企业首次使用：用激活码激活账号' }).click();
    await page.locator('[data-page="activate"]').waitFor();
    expect(await page.locator('main').textContent()).toContain('至少 8 位');
    await page.getByLabel('统一社会信用代码').fill(SAMPLE.floorD);
    await page.getByLabel('激活码').fill(code.toLowerCase());
    await page.getByLabel('设置密码').fill('Yuandong#2025');
    await manualScreenshot(page, 'enterprise-1-activate');
    await page.getByLabel('再次输入密码').fill('Yuandong#2026');
    await page.getByRole('button', { name: '激活' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('两次输入的密码不一致。');
    await page.getByLabel('再次输入密码').fill('Yuandong#2025');
    await page.getByRole('button', { name: '激活' }).click();
    await page.locator('[data-page="sign-in"]').waitFor();
    expect(await page.locator('main').textContent()).toContain('账号已激活');
    await signIn(page, SAMPLE.floorD, 'Yuandong#2025');
    await page.locator('[data-role="enterprise"]').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'web-sign-in-activated.png'), fullPage: true });
    await page.close();
  });

  it('an administrator binds an authenticator at first sign-in, keeps recovery codes, then signs in with 动态口令', async () => {
    await createAccount(
      h.store,
      { role: 'admin', username: 'wangwu', password: 'Jingxin#2025' },
      h.clock.now().toISOString(),
    );
    const page = await fresh();
    await signIn(page, 'wangwu', 'Jingxin#2025');
    const secretNode = page.locator('[data-totp-secret]');
    await secretNode.waitFor();
    const secret = (await secretNode.getAttribute('data-totp-secret')) ?? '';
    expect(await page.locator('main').textContent()).toContain('绑定动态口令');
    await page.getByLabel('验证器显示的 6 位动态口令').fill(totpAt(secret, h.clock.now()));
    await page.getByRole('button', { name: '确认绑定' }).click();
    const codes = page.locator('[data-list="recovery-codes"] li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.screenshot({ path: join(ARTIFACTS, 'web-sign-in-recovery-codes.png'), fullPage: true });
    await page.getByRole('button', { name: '继续登录' }).click();
    await signIn(page, 'wangwu', 'Jingxin#2025');
    // The code that confirmed the binding is spent: the authenticator's next one signs in.
    await page.getByLabel('动态口令').fill(totpAt(secret, new Date(h.clock.now().getTime() + 30_000)));
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('[data-role="admin"]').waitFor();
    // 退出登录 ends the session on the server.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.locator('[data-page="sign-in"]').waitFor();
    const answer = await page.evaluate(async () => (await fetch('/v1/session')).status);
    expect(answer).toBe(401);
    await page.close();
  });

  it('a temporary password must be changed first, to one that meets the rule', async () => {
    const { temporaryPassword } = await createAccount(
      h.store,
      { role: 'town', town: '北城街道', username: 'beicheng' },
      h.clock.now().toISOString(),
    );
    const page = await fresh();
    await signIn(page, 'beicheng', temporaryPassword ?? '');
    await page.locator('[data-page="password"]').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('临时密码');
    await page.getByLabel('新密码', { exact: true }).fill('beicheng2025A');
    await page.getByLabel('再次输入新密码').fill('beicheng2025A');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('密码不得包含账号名。');
    await page.getByLabel('新密码', { exact: true }).fill('Huangyan@2025');
    await page.getByLabel('再次输入新密码').fill('Huangyan@2025');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.locator('[data-page="sign-in"]').waitFor();
    await signIn(page, 'beicheng', 'Huangyan@2025');
    await page.locator('[data-role="town"]').waitFor();
    await page.close();
  });

  it('says only that the account or password is wrong, and whom to ask when it is forgotten', async () => {
    const page = await fresh();
    await signIn(page, 'nobody', 'Whatever#2025');
    await expect.poll(() => page.locator('#signin-error').textContent()).toBe('账号或密码错误。');
    await page.getByText('忘记密码', { exact: true }).click();
    expect(await page.locator('details').textContent()).toContain('乡镇街道');
    await page.screenshot({ path: join(ARTIFACTS, 'web-sign-in-failed.png'), fullPage: true });
    await page.close();
  });
});
