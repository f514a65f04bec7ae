import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { createAccount } from '../../apps/api/src/index.js';
import { enrolTotp, freshOtp, post, signIn } from './support/sessions.js';

/** The bureau's staff accounts and API tokens over HTTP: made, shown once, disabled, revoked, audited. */

let h: Harness;
beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
});
afterAll(async () => {
  await h.close();
});

const admin = () => ({ authorization: `Bearer ${h.tokens.admin}` });

async function get(path: string, headers: Record<string, string> = admin()): Promise<Response> {
  return fetch(`${h.base}${path}`, { headers });
}

interface Entry {
  entity: string;
  entityId: string;
  action: string;
  actor: { id: string; role: string };
  after: unknown;
}
async function audit(entity: string): Promise<Entry[]> {
  const page = (await (await get(`/v1/audit?entity=${entity}&limit=100`)).json()) as { data: Entry[] };
  return page.data;
}

describe('staff accounts over HTTP', () => {
  it('creates a town account with a temporary password shown once, lists it, refuses a taken name, disables it', async () => {
    const created = await post(
      h,
      '/v1/accounts',
      { role: 'town', username: 'Yuanqiao', town: '院桥镇' },
      admin(),
    );
    expect(created.status).toBe(201);
    expect(created.body?.['name']).toBe('yuanqiao');
    const temporary = String(created.body?.['temporaryPassword']);
    expect(temporary.length).toBeGreaterThanOrEqual(8);
    // The temporary password signs in only to be changed.
    const first = await signIn(h, 'yuanqiao', temporary);
    expect(String(first.body?.['type'])).toMatch(/password-change-required$/);

    const list = (await (await get('/v1/accounts')).json()) as { data: Record<string, unknown>[] };
    const row = list.data.find((account) => account['name'] === 'yuanqiao');
    expect(row).toMatchObject({
      role: 'town',
      town: '院桥镇',
      mustChange: true,
      disabledAt: null,
      totp: false,
    });
    expect(JSON.stringify(list)).not.toContain(temporary);
    expect(JSON.stringify(list)).not.toContain('argon2');

    const again = await post(
      h,
      '/v1/accounts',
      { role: 'town', username: 'yuanqiao', town: '院桥镇' },
      admin(),
    );
    expect(again.status).toBe(409);
    expect(String(again.body?.['detail'])).toMatch(/[\u4e00-\u9fff]/);
    const noTown = await post(h, '/v1/accounts', { role: 'town', username: 'shaba' }, admin());
    expect(noTown.status).toBe(400);
    expect(noTown.body?.['detail']).toBe('乡镇街道账号须填写乡镇街道名称。');
    const badName = await post(h, '/v1/accounts', { role: 'admin', username: '1x' }, admin());
    expect(badName.status).toBe(400);
    expect(String(badName.body?.['detail'])).toContain('用户名须为');

    expect((await post(h, '/v1/accounts/yuanqiao/disable', {}, admin())).status).toBe(204);
    expect((await signIn(h, 'yuanqiao', temporary)).status).toBe(401);
    const after = (await (await get('/v1/accounts')).json()) as { data: Record<string, unknown>[] };
    expect(after.data.find((account) => account['name'] === 'yuanqiao')?.['disabledAt']).not.toBeNull();
    expect((await post(h, '/v1/accounts/nobody/disable', {}, admin())).status).toBe(404);

    const entries = (await audit('account')).map((entry) => `${entry.action}:${entry.actor.role}`);
    expect(entries).toEqual(expect.arrayContaining(['create:admin', 'disable:admin']));
  });

  it('refuses to disable the account signed in, and the last admin able to sign in', async () => {
    const password = 'Jingxin#Huangyan1';
    const made = await post(h, '/v1/accounts', { role: 'admin', username: 'zhangsan' }, admin());
    expect(made.status).toBe(201);
    // With only one admin account, it cannot be disabled (by a token either).
    const last = await post(h, '/v1/accounts/zhangsan/disable', {}, admin());
    expect(last.status).toBe(409);
    expect(last.body?.['detail']).toBe('这是唯一可用的管理员账号，请先新建另一个管理员账号。');
    await createAccount(h.store, { role: 'admin', username: 'lisi', password }, h.clock.now().toISOString());
    const { secret } = await enrolTotp(h, 'lisi', password);
    const session = await signIn(h, 'lisi', password, freshOtp(h, secret));
    expect(session.status).toBe(204);
    const cookie = { cookie: String(session.cookie), origin: h.base };
    const self = await post(h, '/v1/accounts/lisi/disable', {}, cookie);
    expect(self.status).toBe(409);
    expect(self.body?.['detail']).toBe('不能停用自己正在使用的账号。');
    expect((await post(h, '/v1/accounts/zhangsan/disable', {}, cookie)).status).toBe(204);
  });

  it('a town may not see or make accounts', async () => {
    expect((await get('/v1/accounts', { authorization: `Bearer ${h.tokens.town}` })).status).toBe(403);
    expect(
      (
        await post(
          h,
          '/v1/accounts',
          { role: 'admin', username: 'sneaky' },
          { authorization: `Bearer ${h.tokens.town}` },
        )
      ).status,
    ).toBe(403);
  });
});

describe('API tokens over HTTP', () => {
  it('creates a token shown once that works, lists it without the secret, revokes it for good', async () => {
    const created = await post(
      h,
      '/v1/tokens',
      { role: 'town', town: '院桥镇', label: '院桥镇对接系统' },
      admin(),
    );
    expect(created.status).toBe(201);
    const token = String(created.body?.['token']);
    const id = String(created.body?.['id']);
    const session = await get('/v1/session', { authorization: `Bearer ${token}` });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ role: 'town', town: '院桥镇' });

    const listText = await (await get('/v1/tokens')).text();
    expect(listText).not.toContain(token);
    const list = JSON.parse(listText) as { data: Record<string, unknown>[] };
    expect(list.data.find((row) => row['id'] === id)).toMatchObject({
      role: 'town',
      town: '院桥镇',
      label: '院桥镇对接系统',
      revokedAt: null,
    });

    expect((await post(h, `/v1/tokens/${id}/revoke`, {}, admin())).status).toBe(204);
    expect((await get('/v1/session', { authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await post(h, `/v1/tokens/${id}/revoke`, {}, admin())).status).toBe(404);

    const entries = (await audit('token')).filter((entry) => entry.entityId === id);
    expect(entries.map((entry) => `${entry.action}:${entry.actor.role}`)).toEqual(
      expect.arrayContaining(['create:admin', 'revoke:admin']),
    );
    // With the address and user agent of the request, as every sign-in event.
    for (const entry of entries) {
      expect(entry.after).toMatchObject({
        address: expect.stringMatching(/127\.0\.0\.1/) as unknown,
        userAgent: expect.any(String) as unknown,
      });
    }
  });

  it('lists tokens and staff accounts in pages of `limit` with an opaque cursor', async () => {
    for (const label of ['甲', '乙', '丙'])
      expect((await post(h, '/v1/tokens', { role: 'admin', label: `分页${label}` }, admin())).status).toBe(
        201,
      );
    const whole = (await (await get('/v1/tokens?limit=100')).json()) as {
      data: { id: string }[];
      next_cursor: string | null;
    };
    expect(whole.next_cursor).toBeNull();
    expect(whole.data.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const page = (await (await get(`/v1/tokens?limit=2${query}`)).json()) as typeof whole;
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((token) => token.id));
      cursor = page.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(whole.data.map((token) => token.id));
    const accounts = (await (await get('/v1/accounts?limit=1')).json()) as typeof whole;
    expect(accounts.data).toHaveLength(1);
    expect((await get('/v1/tokens?cursor=not-ours')).status).toBe(400);
  });

  it('refuses a scope that does not fit the role, in Chinese', async () => {
    const answer = await post(h, '/v1/tokens', { role: 'enterprise', uscc: '123' }, admin());
    expect(answer.status).toBe(400);
    expect(String(answer.body?.['detail'])).toMatch(/^[^a-z]*$/i);
  });
});
