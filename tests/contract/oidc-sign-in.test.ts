import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/api/src/index.js';
import { SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import {
  confirmLogoutAtProvider,
  CookieJar,
  listenProvider,
  returnsWithoutLogin,
  signInAtProvider,
  step,
} from './support/oidc.js';
import type { TestProvider } from './support/oidc.js';

/**
 * OpenID Connect single sign-on against a real provider (oidc-provider) on a loopback port: the
 * authorization code flow with PKCE as a browser walks it (cookies kept per site, redirects followed
 * by hand), and each way it must refuse.
 */

const T0 = '2025-06-02T02:00:00.000Z';
const PASSWORD = 'Taizhou#2025a';
const system = { actor: { id: 'test', role: 'system' as const }, at: T0, address: null, userAgent: null };

let h: Harness | undefined;
let provider: TestProvider | undefined;
afterEach(async () => {
  await h?.close();
  await provider?.close();
  h = undefined;
  provider = undefined;
});

/** The app with single sign-on to a fresh provider, and the accounts the provider's people map to. */
async function withProvider(
  options: { rpInitiatedLogout?: boolean } = {},
): Promise<{ h: Harness; provider: TestProvider }> {
  provider = await listenProvider(options);
  h = await startApi({ now: T0, auth: { oidc: provider.settings } });
  provider.start(`${h.base}/v1/auth/oidc/callback`);
  await createAccount(
    h.store,
    { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
    T0,
  );
  await createAccount(h.store, { role: 'admin', username: 'zhangsan', password: PASSWORD }, T0);
  // An enterprise account as an issued activation code makes it: no password yet.
  await h.store.createAccount(
    {
      id: 'acc_floor',
      name: SAMPLE.floorD,
      role: 'enterprise',
      uscc: SAMPLE.floorD,
      passwordHash: null,
      mustChange: false,
    },
    system,
  );
  return { h, provider };
}

/** /start as a browser follows it: the provider's authorization URL and the browser's jar. */
async function begin(app: Harness): Promise<{ jar: CookieJar; authorization: URL; setCookie: string }> {
  const jar = new CookieJar();
  const started = await step(jar, `${app.base}/v1/auth/oidc/start`);
  expect(started.status).toBe(303);
  return {
    jar,
    authorization: new URL(started.headers.get('location') ?? ''),
    setCookie: started.headers.get('set-cookie') ?? '',
  };
}

/**
 * Back at our callback: where it sends the browser, and the session cookie if one was set. Whatever
 * the outcome, the callback clears the browser's flow cookie (a Set-Cookie of its own, expired).
 */
async function land(app: Harness, jar: CookieJar, callback: string) {
  expect(callback.startsWith(`${app.base}/v1/auth/oidc/callback?`)).toBe(true);
  const answer = await step(jar, callback);
  expect(answer.status).toBe(303);
  expect(answer.headers.getSetCookie()).toContain(
    'mujun_oidc=; Path=/v1/auth/oidc; Max-Age=0; HttpOnly; SameSite=Lax',
  );
  expect(jar.get(app.base, 'mujun_oidc')).toBeUndefined();
  return { location: answer.headers.get('location'), session: jar.get(app.base, 'mujun_session') };
}

async function sessionOf(app: Harness, session: string | undefined) {
  const response = await fetch(`${app.base}/v1/session`, { headers: { cookie: `mujun_session=${session}` } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function signInEvents(app: Harness) {
  const audit = await app.store.listAudit({ entity: 'sign-in' }, { limit: 50 });
  return audit.items.map((entry): Record<string, unknown> => ({
    action: entry.action,
    entityId: entry.entityId,
    ...(entry.after as Record<string, unknown>),
  }));
}

describe('single sign-on (OpenID Connect, code flow with PKCE) against oidc-provider', () => {
  it('is not offered, and its routes do not exist, until it is configured', async () => {
    h = await startApi({ now: T0 });
    const methods = await fetch(`${h.base}/v1/auth/methods`);
    expect(await methods.json()).toEqual({ password: true, sso: null });
    const start = await fetch(`${h.base}/v1/auth/oidc/start`, { redirect: 'manual' });
    expect(start.status).toBe(404);
    expect(start.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signs a town clerk in by username: the same session cookie as a password, audited as oidc', async () => {
    const { h: app } = await withProvider();
    expect(await (await fetch(`${app.base}/v1/auth/methods`)).json()).toEqual({
      password: true,
      sso: { label: '政务服务账号登录', start: '/v1/auth/oidc/start' },
    });
    const { jar, authorization, setCookie } = await begin(app);
    // To the provider with a code request, our redirect URI, state, nonce and an S256 PKCE challenge.
    expect(authorization.origin).toBe(provider?.issuer);
    const params = authorization.searchParams;
    expect(params.get('response_type')).toBe('code');
    expect(params.get('redirect_uri')).toBe(`${app.base}/v1/auth/oidc/callback`);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // The browser's half of the flow: HttpOnly, Lax (the way back is a cross-site navigation), 10 minutes.
    expect(setCookie).toMatch(
      /^mujun_oidc=[A-Za-z0-9_-]{43}; Path=\/v1\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/,
    );
    const callback = await signInAtProvider(jar, authorization.href, 'clerk-001');
    expect(jar.get(app.base, 'mujun_oidc')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const landed = await land(app, jar, callback);
    expect(landed.location).toBe('/app/');
    expect(landed.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await sessionOf(app, landed.session);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'town', town: '院桥镇' });
    expect(await signInEvents(app)).toEqual([
      expect.objectContaining({ action: 'success', entityId: 'yuanqiao', method: 'oidc' }),
    ]);
    // The flow is used up: the same callback again signs nobody in.
    const again = await step(new CookieJar(), callback);
    expect(again.headers.get('location')).toBe('/app/?sso=expired');
  });

  it('signs a legal person in to its enterprise account by the 统一社会信用代码 claim, activated or not', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    const landed = await land(app, jar, await signInAtProvider(jar, authorization.href, 'legal-001'));
    expect(landed.location).toBe('/app/');
    const me = await sessionOf(app, landed.session);
    expect(me.body).toMatchObject({ role: 'enterprise', uscc: SAMPLE.floorD });
  });

  it('refuses a person without an account here, a disabled account and an administrator, and audits each', async () => {
    const { h: app } = await withProvider();
    const attempt = async (login: string) => {
      const { jar, authorization } = await begin(app);
      return land(app, jar, await signInAtProvider(jar, authorization.href, login));
    };
    const stranger = await attempt('stranger-001');
    expect(stranger).toEqual({ location: '/app/?sso=no-account', session: undefined });
    const admin = await attempt('admin-001');
    expect(admin).toEqual({ location: '/app/?sso=admin', session: undefined });
    await app.store.setAccountDisabled('yuanqiao', true, system);
    const disabled = await attempt('clerk-001');
    expect(disabled).toEqual({ location: '/app/?sso=no-account', session: undefined });
    const events = await signInEvents(app);
    expect(events.map((e) => [e['action'], e['entityId'], e['method'], e['reason']])).toEqual([
      ['failure', 'nobody-here', 'oidc', 'oidc-no-account'],
      ['failure', 'zhangsan', 'oidc', 'oidc-admin'],
      ['failure', 'yuanqiao', 'oidc', 'oidc-no-account'],
    ]);
    // Refusals by single sign-on are not password guesses: the accounts are not locked by them.
    expect(await app.store.throttle('yuanqiao')).toBeUndefined();
    expect(events.every((e) => typeof e['address'] === 'string')).toBe(true);
  });

  it('refuses an account locked by failed password sign-ins until it is unlocked, and audits the refusal', async () => {
    const { h: app } = await withProvider();
    const attempt = async () => {
      const { jar, authorization } = await begin(app);
      return land(app, jar, await signInAtProvider(jar, authorization.href, 'clerk-001'));
    };
    // Five wrong passwords lock the account (429 at the fifth).
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const answer = await fetch(`${app.base}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: 'yuanqiao', password: `Wrong#${i}xyz` }),
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // The provider vouches for the clerk, but a locked account is locked whatever the door.
    expect(await attempt()).toEqual({ location: '/app/?sso=locked', session: undefined });
    const [refusal] = (await signInEvents(app)).filter((e) => e['method'] === 'oidc');
    expect(refusal).toMatchObject({ action: 'failure', entityId: 'yuanqiao', reason: 'oidc-locked' });
    // The refusal neither counts as another failure nor lengthens the lock.
    const lock = await app.store.throttle('yuanqiao');
    expect(lock).toMatchObject({
      failures: 5,
      lockedUntil: new Date(Date.parse(T0) + 15 * 60_000).toISOString(),
    });
    // The bureau lifts the lock: single sign-on works again.
    const unlocked = await fetch(`${app.base}/v1/accounts/yuanqiao/unlock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.tokens.admin}` },
    });
    expect(unlocked.status).toBe(204);
    const after = await attempt();
    expect(after.location).toBe('/app/');
    expect((await sessionOf(app, after.session)).body).toMatchObject({ role: 'town', town: '院桥镇' });
  });

  it('lets a locked account in by single sign-on again once its lock has run out', async () => {
    const { h: app } = await withProvider();
    for (let i = 1; i <= 5; i += 1) {
      await fetch(`${app.base}/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account: 'yuanqiao', password: `Wrong#${i}xyz` }),
      });
    }
    // 15 minutes later the lock is over, for single sign-on as for the password.
    app.clock.set(new Date(Date.parse(T0) + 16 * 60_000).toISOString());
    const { jar, authorization } = await begin(app);
    const landed = await land(app, jar, await signInAtProvider(jar, authorization.href, 'clerk-001'));
    expect(landed.location).toBe('/app/');
  });

  it('signing out of a single sign-on session ends the provider’s session too (RP-initiated logout)', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    const landed = await land(app, jar, await signInAtProvider(jar, authorization.href, 'clerk-001'));
    expect(landed.location).toBe('/app/');
    // The provider remembers the person: another flow comes straight back without a login.
    expect(await returnsWithoutLogin(jar, (await begin(app)).authorization.href)).toBe(true);

    const out = await fetch(`${app.base}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: `mujun_session=${landed.session}`, origin: app.base },
    });
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()).toEqual([
      'mujun_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict',
    ]);
    const { endSession } = (await out.json()) as { endSession: string };
    const url = new URL(endSession);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider?.issuer}/session/end`);
    expect(url.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${app.base}/app/`);
    expect(url.searchParams.get('client_id')).toBe('mujun-test');
    // Our session is over at once, whatever the browser does next.
    expect((await sessionOf(app, landed.session)).status).toBe(401);

    // The browser goes there, the person confirms, and the provider sends it back to our sign-in page.
    expect(await confirmLogoutAtProvider(jar, endSession)).toBe(`${app.base}/app/`);
    // The provider's session is over too: the next single sign-on asks for a login again.
    expect(await returnsWithoutLogin(jar, (await begin(app)).authorization.href)).toBe(false);

    // A password session signs out as before: 204, nothing to end elsewhere.
    const signedIn = await fetch(`${app.base}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'yuanqiao', password: PASSWORD }),
    });
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const plain = await fetch(`${app.base}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, origin: app.base },
    });
    expect(plain.status).toBe(204);
  });

  it('signs out with a plain 204 when the provider offers no RP-initiated logout', async () => {
    const { h: app } = await withProvider({ rpInitiatedLogout: false });
    const { jar, authorization } = await begin(app);
    const landed = await land(app, jar, await signInAtProvider(jar, authorization.href, 'clerk-001'));
    const out = await fetch(`${app.base}/v1/auth/sign-out`, {
      method: 'POST',
      headers: { cookie: `mujun_session=${landed.session}`, origin: app.base },
    });
    expect(out.status).toBe(204);
    expect((await sessionOf(app, landed.session)).status).toBe(401);
  });

  it('refuses an answer whose state is not the one this browser’s flow sent', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    // The request reaches the provider with another state (as a forged link would carry).
    const callback = await signInAtProvider(jar, authorization.href, 'clerk-001', (url) => {
      url.searchParams.set('state', 'an-attackers-state-value-0000000000000');
    });
    expect(new URL(callback).searchParams.get('code')).not.toBeNull();
    expect(await land(app, jar, callback)).toEqual({
      location: '/app/?sso=state-mismatch',
      session: undefined,
    });
  });

  it('refuses an ID token whose nonce is not the flow’s', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    const callback = await signInAtProvider(jar, authorization.href, 'clerk-001', (url) => {
      url.searchParams.set('nonce', 'a-nonce-the-server-never-made-000000000');
    });
    expect(await land(app, jar, callback)).toEqual({ location: '/app/?sso=failed', session: undefined });
    const [event] = await signInEvents(app);
    expect(event).toMatchObject({ action: 'failure', method: 'oidc', reason: 'oidc-failed' });
    expect(String(event?.['detail'])).toMatch(/nonce/);
  });

  it('refuses a callback in a browser that did not start the flow (no flow cookie)', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    const callback = await signInAtProvider(jar, authorization.href, 'clerk-001');
    // Another browser (a victim sent the attacker's callback link): no mujun_oidc cookie.
    const elsewhere = new CookieJar();
    expect(await land(app, elsewhere, callback)).toEqual({
      location: '/app/?sso=expired',
      session: undefined,
    });
  });

  it('refuses a flow older than 10 minutes', async () => {
    const { h: app } = await withProvider();
    const { jar, authorization } = await begin(app);
    const callback = await signInAtProvider(jar, authorization.href, 'clerk-001');
    app.clock.set(new Date(Date.parse(T0) + 11 * 60_000).toISOString());
    expect(await land(app, jar, callback)).toEqual({ location: '/app/?sso=expired', session: undefined });
  });
});
