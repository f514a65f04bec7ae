import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/api/src/index.js';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { listenProvider } from '../contract/support/oidc.js';
import type { TestProvider } from '../contract/support/oidc.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';

/**
 * Single sign-on in a real Chromium against a real OpenID provider (oidc-provider) on another site
 * (localhost, the app being 127.0.0.1): the sign-in page offers 政务服务账号登录, the person signs in on
 * the provider's own page, and lands on /app/ signed in; someone without an account here is told why.
 */

let h: Harness;
let provider: TestProvider;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

beforeAll(async () => {
  provider = await listenProvider({ host: 'localhost' });
  h = await startApi({ now: '2025-06-02T02:00:00.000Z', auth: { oidc: provider.settings } });
  provider.start(`${h.base}/v1/auth/oidc/callback`);
  await createAccount(
    h.store,
    { role: 'town', town: '院桥镇', username: 'yuanqiao', password: 'Taizhou#2025a' },
    h.clock.now().toISOString(),
  );
  browser = await launchChromium();
  context = browser.context;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
  await provider.close();
});

/** From our sign-in page through the provider's login page, as `login`. */
async function signInBySso(login: string): Promise<Page> {
  await context.clearCookies();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${h.base}/app/`);
  await page.getByRole('link', { name: '政务服务账号登录' }).click();
  // The provider's own page (oidc-provider's development login form), on its own site.
  await page.waitForURL((url) => url.origin === provider.issuer);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.origin === h.base);
  return page;
}

describe('single sign-on in the browser', () => {
  it('offers 政务服务账号登录 on the sign-in page, at 1280 and 390 px', async () => {
    await context.clearCookies();
    const page = await context.newPage();
    await page.goto(`${h.base}/app/`);
    const button = page.getByRole('link', { name: '政务服务账号登录' });
    await button.waitFor();
    expect(await button.getAttribute('href')).toBe('/v1/auth/oidc/start');
    expect(await checkBothWidths(page, 'web-oidc-sign-in')).toEqual([]);
    await page.close();
  });

  it('signs a town clerk in at the provider and lands on /app/ signed in', async () => {
    const page = await signInBySso('clerk-001');
    await page.locator('[data-role="town"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/app/');
    expect(await page.locator('[data-role="town"]').textContent()).toContain('院桥镇');
    // The session is the server's HttpOnly cookie, as a password gives.
    const cookies = await context.cookies(h.base);
    const session = cookies.find((cookie) => cookie.name === 'mujun_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate('document.cookie')).toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'web-oidc-signed-in.png'), fullPage: true });
    // 退出登录 ends it here, then at the provider (RP-initiated logout): its confirmation page, and back.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL((url) => url.origin === h.base);
    await page.locator('[data-page="sign-in"]').waitFor();
    expect((await context.cookies(h.base)).some((cookie) => cookie.name === 'mujun_session')).toBe(false);
    // The provider forgot the person: single sign-on asks for a login again.
    await page.getByRole('link', { name: '政务服务账号登录' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').waitFor();
    await page.close();
  });

  it('tells someone the provider knows but who has no account here why they are not signed in', async () => {
    const page = await signInBySso('stranger-001');
    const alert = page.locator('#signin-error');
    await expect.poll(async () => alert.textContent()).toContain('本系统没有对应的账号');
    // The reason is said once: the address no longer carries it.
    expect(new URL(page.url()).search).toBe('');
    expect((await context.cookies(h.base)).some((cookie) => cookie.name === 'mujun_session')).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'web-oidc-refused.png'), fullPage: true });
    await page.close();
  });
});
