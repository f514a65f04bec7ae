import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { signIn } from '../contract/support/sessions.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { signedIn } from './support/web.js';

/**
 * The bureau's staff accounts and API tokens in Chromium, signed in as the admin: a town account made
 * with a temporary password shown once, then disabled after confirming; a token shown once that works
 * until it is revoked after confirming. At 1280 and 390 px.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

async function fitsWidth(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;
}

describe('staff accounts and API tokens page', () => {
  it('makes a town account and a token, each shown once; disables and revokes them after confirming', async () => {
    const page = await signedIn(context, h, 'admin');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('link', { name: '账号与接口令牌' }).click();
    const accounts = page.locator('[data-table="staff-accounts"]');
    await accounts.waitFor();

    // A town account: the department field is hidden for a town.
    const form = page.locator('[data-form="new-account"]');
    await form.getByLabel('角色').selectOption('town');
    expect(await form.getByLabel('所属部门').isVisible()).toBe(false);
    await form.getByLabel('用户名（3–32 位小写字母、数字，以字母开头）').fill('shabu');
    await form.getByRole('button', { name: '新建账号' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('乡镇街道账号须填写乡镇街道名称');
    await form.getByLabel('乡镇街道名称').fill('沙埠镇');
    await form.getByRole('button', { name: '新建账号' }).click();
    const secret = page.locator('[data-secret]');
    await secret.waitFor();
    const temporary = (await secret.textContent()) ?? '';
    expect(await page.locator('[data-panel="accounts"]').textContent()).toContain('只显示这一次');
    const row = page.locator('[data-table="staff-accounts"] tbody tr', { hasText: 'shabu' });
    expect(await row.locator('td').allTextContents()).toEqual(
      expect.arrayContaining(['shabu', '乡镇街道', '沙埠镇', '待修改临时密码', '未绑定']),
    );
    const first = await signIn(h, 'shabu', temporary);
    expect(String(first.body?.['type'])).toMatch(/password-change-required$/);
    await page.screenshot({ path: join(ARTIFACTS, 'web-accounts-admin-created.png'), fullPage: true });

    // Disable: 取消 changes nothing; 确认停用 does, and the temporary password no longer signs in.
    await row.getByRole('button', { name: '停用' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain('将停用账号「shabu」');
    await page.getByRole('alertdialog').getByRole('button', { name: '取消' }).click();
    expect(await row.locator('td').nth(3).textContent()).toBe('待修改临时密码');
    await row.getByRole('button', { name: '停用' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认停用' }).click();
    await expect.poll(() => page.locator('[data-panel="accounts"]').textContent()).toContain('已停用：shabu');
    const disabled = page.locator('[data-table="staff-accounts"] tbody tr', { hasText: 'shabu' });
    expect(await disabled.locator('td').nth(3).textContent()).toContain('已停用');
    expect((await signIn(h, 'shabu', temporary)).status).toBe(401);

    // A token for a town's system: shown once, it works, then revoked it stops working.
    const tokenForm = page.locator('[data-form="new-token"]');
    await tokenForm.getByLabel('角色').selectOption('town');
    await tokenForm.getByLabel('乡镇街道名称').fill('沙埠镇');
    await tokenForm.getByLabel('用途说明').fill('沙埠镇企业服务平台');
    await tokenForm.getByRole('button', { name: '新建令牌' }).click();
    await page.locator('[data-secret]').waitFor();
    const token = (await page.locator('[data-secret]').textContent()) ?? '';
    const session = await fetch(`${h.base}/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(session.status).toBe(200);
    const tokenRow = page.locator('[data-table="api-tokens"] tbody tr', { hasText: '沙埠镇企业服务平台' });
    expect(await tokenRow.locator('td').nth(5).textContent()).toBe('有效');
    expect(await page.locator('[data-table="api-tokens"]').textContent()).not.toContain(token);
    await page.screenshot({ path: join(ARTIFACTS, 'web-accounts-admin-token.png'), fullPage: true });
    await tokenRow.getByRole('button', { name: '吊销' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain('将吊销令牌「沙埠镇企业服务平台」');
    await page.getByRole('alertdialog').getByRole('button', { name: '确认吊销' }).click();
    await expect.poll(() => page.locator('[data-panel="accounts"]').textContent()).toContain('令牌已吊销');
    expect(
      await page
        .locator('[data-table="api-tokens"] tbody tr', { hasText: '沙埠镇企业服务平台' })
        .locator('td')
        .nth(5)
        .textContent(),
    ).toContain('已吊销');
    const after = await fetch(`${h.base}/v1/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await page.screenshot({ path: join(ARTIFACTS, 'web-accounts-admin-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'web-accounts-admin-390.png'), fullPage: true });
    await page.close();
  });
});
