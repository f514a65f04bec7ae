import { afterEach, describe, expect, it } from 'vitest';
import { createAccount } from '../../apps/api/src/index.js';
import { totpAt } from '../../apps/api/src/accounts/totp.js';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { enrolTotp, post, signIn, staffSession } from './support/sessions.js';

/** Accounts, sessions, lockout, CSRF and the second factor, through HTTP on a test clock. */

const T0 = '2025-06-02T02:00:00.000Z';
const minutes = (n: number) => new Date(Date.parse(T0) + n * 60_000).toISOString();
const PASSWORD = 'Taizhou#2025a';

let h: Harness;
afterEach(async () => {
  await h.close();
});

async function session(cookie: string, headers: Record<string, string> = {}) {
  return fetch(`${h.base}/v1/session`, { headers: { cookie, ...headers } });
}

describe('sign-in and sessions', () => {
  it('signs in to a server-side session in an HttpOnly, SameSite=Strict cookie that works like a token', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const answer = await signIn(h, ' YuanQiao ', PASSWORD);
    expect(answer.status).toBe(204);
    const setCookie = answer.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^mujun_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    const me = await session(answer.cookie ?? '');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'town', town: '院桥镇' });
    // The store keeps only the secret's hash.
    const audit = await h.store.listAudit({ entity: 'sign-in' }, { limit: 10 });
    expect(audit.items.map((entry) => entry.action)).toEqual(['success']);
    expect(JSON.stringify(audit.items)).not.toContain(answer.cookie?.slice(14) ?? 'x');
  });

  it('marks the cookie Secure when the server is behind HTTPS', async () => {
    h = await startApi({ now: T0, auth: { secureCookies: true } });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    expect((await signIn(h, 'yuanqiao', PASSWORD)).headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers a wrong password and an unknown account alike', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const wrong = await signIn(h, 'yuanqiao', 'Wrong#2025x');
    const unknown = await signIn(h, 'nobody', 'Wrong#2025x');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (body: Record<string, unknown> | undefined) => ({ ...body, traceId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body?.['detail']).toBe('账号或密码错误。');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
  });

  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const cookie = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    h.clock.set(minutes(29));
    expect((await session(cookie)).status).toBe(200);
    // Idleness counts from the last request, not from sign-in.
    h.clock.set(minutes(58));
    expect((await session(cookie)).status).toBe(200);
    h.clock.set(minutes(88));
    const idle = await session(cookie);
    expect(idle.status).toBe(401);
    expect(((await idle.json()) as { type: string }).type).toMatch(/session-expired$/);

    const active = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    for (let m = 88 + 20; m < 88 + 12 * 60; m += 20) {
      h.clock.set(minutes(m));
      expect((await session(active)).status, `at +${m - 88} min`).toBe(200);
    }
    h.clock.set(minutes(88 + 12 * 60));
    expect((await session(active)).status).toBe(401);
  });

  it('signs out one session, or every session of the account', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const first = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    const second = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    const third = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    const out = await post(h, '/v1/auth/sign-out', {}, { cookie: first, origin: h.base });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await session(first)).status).toBe(401);
    expect((await session(second)).status).toBe(200);
    expect(
      (await post(h, '/v1/auth/sign-out-everywhere', {}, { cookie: second, origin: h.base })).status,
    ).toBe(204);
    expect((await session(second)).status).toBe(401);
    expect((await session(third)).status).toBe(401);
    // A bearer token is not a session: revoke it instead.
    const token = await post(
      h,
      '/v1/auth/sign-out-everywhere',
      {},
      { authorization: `Bearer ${h.tokens.town}` },
    );
    expect(token.status).toBe(400);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated state change from another origin, or from no stated origin', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const cookie = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    for (const headers of [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { referer: 'https://evil.example/page' },
      {},
    ]) {
      const answer = await post(h, '/v1/auth/sign-out-everywhere', {}, { cookie, ...headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body?.['type']).toMatch(/cross-site-request$/);
      expect(answer.body?.['title']).toBe('跨站请求被拒绝');
    }
    // Nor may another site post a sign-in form (login CSRF); a client without Origin may.
    const foreign = await post(
      h,
      '/v1/auth/sign-in',
      { account: 'yuanqiao', password: PASSWORD },
      {
        origin: 'https://evil.example',
      },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.cookie).toBeUndefined();
    // Reads need nothing; a bearer token from anywhere needs nothing either.
    expect((await session(cookie, { origin: 'https://evil.example' })).status).toBe(200);
    const bearer = await post(
      h,
      '/v1/evaluations/ev_x/recomputation',
      {},
      {
        authorization: `Bearer ${h.tokens.admin}`,
        origin: 'https://evil.example',
      },
    );
    expect(bearer.status).toBe(404);
    // Our own page (Referer alone is enough when Origin is absent).
    expect(
      (await post(h, '/v1/auth/sign-out-everywhere', {}, { cookie, referer: `${h.base}/app/` })).status,
    ).toBe(204);
  });

  it('compares with MUJUN_PUBLIC_URL when it is set', async () => {
    h = await startApi({ now: T0, auth: { publicOrigin: 'https://mujun.example.gov.cn' } });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    const cookie = (await signIn(h, 'yuanqiao', PASSWORD)).cookie ?? '';
    expect((await post(h, '/v1/auth/sign-out-everywhere', {}, { cookie, origin: h.base })).status).toBe(403);
    const own = await post(
      h,
      '/v1/auth/sign-out-everywhere',
      {},
      { cookie, origin: 'https://mujun.example.gov.cn' },
    );
    expect(own.status).toBe(204);
  });
});

describe('failed sign-ins', () => {
  it('locks an account after 5 failures in 15 minutes, refusing the right password, until unlocked', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    for (let i = 1; i <= 4; i += 1) {
      h.clock.set(minutes(i));
      expect((await signIn(h, 'yuanqiao', `Wrong#${i}xyz`)).status).toBe(401);
    }
    h.clock.set(minutes(5));
    const fifth = await signIn(h, 'yuanqiao', 'Wrong#5xyz');
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('900');
    h.clock.set(minutes(10));
    const right = await signIn(h, 'yuanqiao', PASSWORD);
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toBe('600');
    // An unknown name locks the same way: a lock tells nothing about existence.
    for (let i = 0; i < 4; i += 1) await signIn(h, 'ghost', 'Wrong#1xyz');
    expect((await signIn(h, 'ghost', 'Wrong#1xyz')).status).toBe(429);

    // A town may not unlock a staff account; the bureau may.
    const byTown = await post(
      h,
      '/v1/accounts/yuanqiao/unlock',
      {},
      { authorization: `Bearer ${h.tokens.town}` },
    );
    expect(byTown.status).toBe(404);
    const byAdmin = await post(
      h,
      '/v1/accounts/yuanqiao/unlock',
      {},
      { authorization: `Bearer ${h.tokens.admin}` },
    );
    expect(byAdmin.status).toBe(204);
    expect((await signIn(h, 'yuanqiao', PASSWORD)).status).toBe(204);
    const actions = (
      await h.store.listAudit({ entity: 'sign-in', entityId: 'yuanqiao' }, { limit: 50 })
    ).items.map((entry) => entry.action);
    expect(actions).toEqual([
      'failure',
      'failure',
      'failure',
      'failure',
      'failure',
      'lock',
      'failure',
      'unlock',
      'success',
    ]);
  });

  it('lifts the lock by itself after 15 minutes', async () => {
    h = await startApi({ now: T0 });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    for (let i = 0; i < 5; i += 1) await signIn(h, 'yuanqiao', 'Wrong#1xyz');
    h.clock.set(minutes(14));
    expect((await signIn(h, 'yuanqiao', PASSWORD)).status).toBe(429);
    h.clock.set(minutes(15));
    expect((await signIn(h, 'yuanqiao', PASSWORD)).status).toBe(204);
  });
});

describe('failed sign-ins from one address', () => {
  it('refuses an address after its failures over many names, even with a right password', async () => {
    h = await startApi({ now: T0, auth: { addressFailures: 3 } });
    await createAccount(
      h.store,
      { role: 'town', town: '院桥镇', username: 'yuanqiao', password: PASSWORD },
      T0,
    );
    for (const name of ['a-one', 'a-two', 'a-three'])
      expect((await signIn(h, name, 'Wrong#1xyz')).status).toBe(401);
    const refused = await signIn(h, 'yuanqiao', PASSWORD);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    h.clock.set(minutes(15));
    expect((await signIn(h, 'yuanqiao', PASSWORD)).status).toBe(204);
  });
});

describe('passwords', () => {
  it('makes a temporary password be changed before anything else, to one that meets the rule', async () => {
    h = await startApi({ now: T0 });
    const { temporaryPassword } = await createAccount(
      h.store,
      { role: 'department', department: 'tax', username: 'shuiwu' },
      T0,
    );
    const temporary = temporaryPassword ?? '';
    const first = await signIn(h, 'shuiwu', temporary);
    expect(first.status).toBe(403);
    expect(first.body?.['type']).toMatch(/password-change-required$/);
    expect(first.cookie).toBeUndefined();
    const weak = await post(h, '/v1/auth/password', {
      account: 'shuiwu',
      currentPassword: temporary,
      newPassword: 'shuiwu2025A',
    });
    expect(weak.status).toBe(422);
    expect(weak.body?.['detail']).toBe('密码不得包含账号名。');
    const wrong = await post(h, '/v1/auth/password', {
      account: 'shuiwu',
      currentPassword: 'Not#theTemp1',
      newPassword: 'Huangyan#2025',
    });
    expect(wrong.status).toBe(401);
    const changed = await post(h, '/v1/auth/password', {
      account: 'shuiwu',
      currentPassword: temporary,
      newPassword: 'Huangyan#2025',
    });
    expect(changed.status).toBe(204);
    expect((await signIn(h, 'shuiwu', temporary)).status).toBe(401);
    const signedIn = await signIn(h, 'shuiwu', 'Huangyan#2025');
    expect(signedIn.status).toBe(204);
    // Changing it from a session ends every session.
    const again = await post(
      h,
      '/v1/auth/password',
      { currentPassword: 'Huangyan#2025', newPassword: 'Taizhou@2026' },
      { cookie: signedIn.cookie ?? '', origin: h.base },
    );
    expect(again.status).toBe(204);
    expect((await session(signedIn.cookie ?? '')).status).toBe(401);
    expect((await signIn(h, 'shuiwu', 'Taizhou@2026')).status).toBe(204);
  });
});

describe('two factors for administrators', () => {
  it('accepts a TOTP code once: replayed in its window, or an earlier step’s, it is refused', async () => {
    h = await startApi({ now: T0 });
    await createAccount(h.store, { role: 'admin', username: 'zhangsan', password: PASSWORD }, T0);
    const { secret } = await enrolTotp(h, 'zhangsan', PASSWORD);
    h.clock.set(minutes(5));
    const code = totpAt(secret, h.clock.now());
    expect((await signIn(h, 'zhangsan', PASSWORD, code)).status).toBe(204);
    // Someone who saw it typed, 10 seconds later, still inside its 30-second step and the drift window.
    h.clock.set(new Date(Date.parse(minutes(5)) + 10_000).toISOString());
    const replay = await signIn(h, 'zhangsan', PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body?.['title']).toBe('动态口令错误');
    // The previous step's code is within the drift window but older than the one used: refused too.
    const earlier = totpAt(secret, new Date(Date.parse(minutes(5)) - 30_000));
    expect((await signIn(h, 'zhangsan', PASSWORD, earlier)).status).toBe(401);
    // The next step's code is good; a replay counts as a failed sign-in in the audit trail.
    h.clock.set(minutes(6));
    expect((await signIn(h, 'zhangsan', PASSWORD, totpAt(secret, h.clock.now()))).status).toBe(204);
    const audit = await h.store.listAudit({ entity: 'sign-in' }, { limit: 20 });
    const failures = audit.items.filter((entry) => entry.action === 'failure');
    expect(failures.map((entry) => (entry.after as { reason: string }).reason)).toEqual(['otp', 'otp']);
  });

  it('requires enrolment, then a TOTP code or a single-use recovery code at every sign-in', async () => {
    h = await startApi({ now: T0 });
    await createAccount(h.store, { role: 'admin', username: 'zhangsan', password: PASSWORD }, T0);
    const unenrolled = await signIn(h, 'zhangsan', PASSWORD);
    expect(unenrolled.status).toBe(403);
    expect(unenrolled.body?.['title']).toBe('需要绑定动态口令');
    // Enrolment needs the password.
    expect(
      (await post(h, '/v1/auth/totp/enroll', { account: 'zhangsan', password: 'Wrong#2025x' })).status,
    ).toBe(401);
    const { secret, recoveryCodes } = await enrolTotp(h, 'zhangsan', PASSWORD);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const withoutOtp = await signIn(h, 'zhangsan', PASSWORD);
    expect(withoutOtp.status).toBe(401);
    expect(withoutOtp.body?.['type']).toMatch(/otp-required$/);
    expect((await signIn(h, 'zhangsan', PASSWORD, '000000')).status).toBe(401);
    // enrolTotp confirmed with the current step's code: it is spent, the next step's is good once.
    const spent = await signIn(h, 'zhangsan', PASSWORD, totpAt(secret, h.clock.now()));
    expect(spent.status).toBe(401);
    expect(spent.body?.['type']).toMatch(/otp-invalid$/);
    const next = totpAt(secret, new Date(h.clock.now().getTime() + 30_000));
    expect((await signIn(h, 'zhangsan', PASSWORD, next)).status).toBe(204);
    expect((await signIn(h, 'zhangsan', PASSWORD, next)).status).toBe(401);
    const recovery = recoveryCodes[0] ?? '';
    expect((await signIn(h, 'zhangsan', PASSWORD, recovery)).status).toBe(204);
    expect((await signIn(h, 'zhangsan', PASSWORD, recovery)).status).toBe(401);
    // Replacing a confirmed authenticator needs the current code.
    expect((await post(h, '/v1/auth/totp/enroll', { account: 'zhangsan', password: PASSWORD })).status).toBe(
      401,
    );
    const cookie = await staffSession(h, { role: 'admin', username: 'lisi', password: 'Wenling#2025b' });
    expect(await (await session(cookie)).json()).toMatchObject({ role: 'admin' });
  });
});
