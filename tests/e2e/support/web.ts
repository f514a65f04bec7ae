import type { BrowserContext, Page } from 'playwright-core';
import { SAMPLE } from '../../contract/support/harness.js';
import { enrolTotp, freshOtp, post } from '../../contract/support/sessions.js';
import { createAccount } from '../../../apps/api/src/index.js';
import type { AccountRequest } from '../../../apps/api/src/index.js';
import { codeHash, newActivationCode, newSalt } from '../../../apps/api/src/accounts/service.js';
import type { Harness } from '../../contract/support/harness.js';

type Who = keyof Harness['tokens'];

/** Every browser test's password: it meets the complexity rule and contains no account name. */
export const BROWSER_PASSWORD = 'Browser#Test2025';

const ACCOUNTS: Readonly<Record<Who, AccountRequest | { readonly enterprise: string }>> = {
  admin: { role: 'admin', username: 'web-admin' },
  tax: { role: 'department', department: 'tax', username: 'web-tax' },
  statistics: { role: 'department', department: 'statistics', username: 'web-statistics' },
  naturalResources: { role: 'department', department: 'natural-resources', username: 'web-land' },
  power: { role: 'department', department: 'power', username: 'web-power' },
  ecology: { role: 'department', department: 'ecology', username: 'web-ecology' },
  town: { role: 'town', town: SAMPLE.townOfFloorD, username: 'web-town' },
  otherTown: { role: 'town', town: '北城街道', username: 'web-other-town' },
  enterprise: { enterprise: SAMPLE.floorD },
  otherEnterprise: { enterprise: SAMPLE.beicheng },
};

const made = new WeakMap<Harness, Map<Who, { account: string; totpSecret?: string }>>();

/**
 * The account behind each of the harness's roles, made once per harness as a person's would be: staff
 * by `mujun account create` (the admin then binds an authenticator), an enterprise activated with the
 * code the bureau issued for it.
 */
export async function accountFor(h: Harness, who: Who): Promise<{ account: string; totpSecret?: string }> {
  let accounts = made.get(h);
  if (accounts === undefined) {
    accounts = new Map();
    made.set(h, accounts);
  }
  const known = accounts.get(who);
  if (known !== undefined) return known;
  const spec = ACCOUNTS[who];
  let entry: { account: string; totpSecret?: string };
  if ('enterprise' in spec) {
    const uscc = spec.enterprise;
    const at = h.clock.now().toISOString();
    const salt = newSalt();
    const code = newActivationCode();
    const context = { actor: { id: 'test', role: 'system' }, at, address: null, userAgent: null } as const;
    const [evaluation] = (
      await h.store.listEvaluations(['draft', 'published', 'recomputed', 'final'], { limit: 1 })
    ).items;
    if (evaluation === undefined) throw new Error('setup: an enterprise account needs an evaluation');
    await h.store.issueActivationCodes(
      evaluation.id,
      [
        {
          uscc,
          town: null,
          salt,
          hash: codeHash(salt, code),
          expiresAt: new Date(Date.parse(at) + 86_400_000).toISOString(),
        },
      ],
      context,
    );
    const activated = await post(h, '/v1/auth/activate', { uscc, code, password: BROWSER_PASSWORD });
    if (activated.status !== 204) throw new Error(`setup: activate ${JSON.stringify(activated.body)}`);
    entry = { account: uscc };
  } else {
    await createAccount(h.store, { ...spec, password: BROWSER_PASSWORD }, h.clock.now().toISOString());
    entry =
      spec.role === 'admin'
        ? { account: spec.username, totpSecret: (await enrolTotp(h, spec.username, BROWSER_PASSWORD)).secret }
        : { account: spec.username };
  }
  accounts.set(who, entry);
  return entry;
}

/**
 * Signs `page` in through the sign-in form with the role's account and password (and the 动态口令 from
 * its authenticator for the admin), as a person does. The context's cookies are cleared first: one
 * browser context holds one session.
 */
export async function signInOnPage(page: Page, h: Harness, who: Who): Promise<void> {
  const { account, totpSecret } = await accountFor(h, who);
  await page.context().clearCookies();
  await page.goto(`${h.base}/app/`);
  await page.getByLabel('账号').fill(account);
  await page.getByLabel('密码', { exact: true }).fill(BROWSER_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  if (totpSecret !== undefined) {
    const otp = page.getByLabel('动态口令');
    await otp.waitFor();
    await otp.fill(freshOtp(h, totpSecret));
    await page.getByRole('button', { name: '登录' }).click();
  }
  await page.locator('[data-role]').waitFor();
}

/** A new page at /app/, signed in with the role's account. */
export async function signedIn(context: BrowserContext, h: Harness, who: Who): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await signInOnPage(page, h, who);
  return page;
}

export { publishedSample, uploadedSample } from '../../contract/support/uploads.js';
export type { SampleUpload } from '../../contract/support/uploads.js';
