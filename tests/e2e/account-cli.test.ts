import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, openSqliteStore } from '../../apps/api/src/index.js';
import { verifyPassword } from '../../apps/api/src/accounts/passwords.js';
import { mujun, mujunWithInput, tempDirectory } from './support/mujun.js';

/** `mujun account …` and `mujun token list|revoke` against a store in a temporary data directory. */
/** Each test spawns the command a few times; on a loaded machine one spawn takes 5–10 s. */
const SLOW = 240_000;

describe('mujun account and mujun token', () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  beforeAll(async () => {
    dir = await tempDirectory();
  });
  afterAll(async () => {
    await dir.cleanup();
  });

  const withStore = async <T>(work: (store: ReturnType<typeof openSqliteStore>) => Promise<T>) => {
    const store = openSqliteStore(dir.path);
    try {
      return await work(store);
    } finally {
      store.close();
    }
  };

  it(
    'creates the first admin from a password on standard input, refusing a weak one',
    async () => {
      const weak = await mujunWithInput(
        'zhangsan123\n',
        'account',
        'create',
        '--role',
        'admin',
        '--username',
        'zhangsan',
        '--password-stdin',
        '--data-dir',
        dir.path,
      );
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain('三类');
      const created = await mujunWithInput(
        'Huangyan#2025\n',
        'account',
        'create',
        '--role',
        'admin',
        '--username',
        'ZhangSan',
        '--password-stdin',
        '--data-dir',
        dir.path,
      );
      expect(created.code, created.stderr).toBe(0);
      expect(created.stdout).toBe('');
      const account = await withStore((store) => store.account('zhangsan'));
      expect(account).toMatchObject({ role: 'admin', mustChange: false });
      expect(await verifyPassword(account?.passwordHash ?? '', 'Huangyan#2025')).toBe(true);
      const again = await mujunWithInput(
        'Huangyan#2025\n',
        'account',
        'create',
        '--role',
        'admin',
        '--username',
        'zhangsan',
        '--password-stdin',
        '--data-dir',
        dir.path,
      );
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('已存在');
    },
    SLOW,
  );

  it(
    'gives a town account a temporary password once, resets it and disables it',
    async () => {
      const created = await mujun(
        'account',
        'create',
        '--role',
        'town',
        '--town',
        '院桥镇',
        '--username',
        'yuanqiao',
        '--data-dir',
        dir.path,
      );
      expect(created.code, created.stderr).toBe(0);
      const temporary = created.stdout.trim();
      expect(temporary).toMatch(/^\S{14}$/);
      let account = await withStore((store) => store.account('yuanqiao'));
      expect(account).toMatchObject({ role: 'town', town: '院桥镇', mustChange: true });
      expect(await verifyPassword(account?.passwordHash ?? '', temporary)).toBe(true);

      const reset = await mujun('account', 'reset', 'yuanqiao', '--data-dir', dir.path);
      expect(reset.code, reset.stderr).toBe(0);
      const second = reset.stdout.trim();
      expect(second).not.toBe(temporary);
      account = await withStore((store) => store.account('yuanqiao'));
      expect(await verifyPassword(account?.passwordHash ?? '', second)).toBe(true);
      expect(await verifyPassword(account?.passwordHash ?? '', temporary)).toBe(false);

      const listed = await mujun('account', 'list', '--data-dir', dir.path);
      expect(listed.stdout).toContain('yuanqiao\t乡镇街道\t院桥镇\t待改密码');
      expect(listed.stdout).toContain('zhangsan\t经信局\t\t正常');

      expect((await mujun('account', 'disable', 'yuanqiao', '--data-dir', dir.path)).code).toBe(0);
      expect((await mujun('account', 'list', '--data-dir', dir.path)).stdout).toContain(
        'yuanqiao\t乡镇街道\t院桥镇\t已停用',
      );
      const missing = await mujun('account', 'reset', 'nobody', '--data-dir', dir.path);
      expect(missing.code).toBe(2);
    },
    SLOW,
  );

  it(
    'lifts a lock that failed sign-ins put on an account',
    async () => {
      await withStore((store) =>
        store.recordSignInFailure(
          'zhangsan',
          'password',
          { limit: 1, windowMs: 60_000, lockMs: 60_000 },
          {
            actor: { id: 'test', role: 'system' },
            at: new Date().toISOString(),
            address: null,
            userAgent: null,
          },
        ),
      );
      const unlocked = await mujun('account', 'unlock', 'zhangsan', '--data-dir', dir.path);
      expect(unlocked.code, unlocked.stderr).toBe(0);
      expect(unlocked.stderr).toContain('已解除');
      expect(await withStore((store) => store.throttle('zhangsan'))).toBeUndefined();
    },
    SLOW,
  );

  it(
    'lists and revokes tokens by id or label',
    async () => {
      const made = await mujun(
        'token',
        'create',
        '--role',
        'admin',
        '--label',
        '旧系统',
        '--data-dir',
        dir.path,
      );
      expect(made.code, made.stderr).toBe(0);
      const token = made.stdout.trim();
      const listed = await mujun('token', 'list', '--data-dir', dir.path);
      expect(listed.stdout).toContain('旧系统');
      expect(listed.stdout).not.toContain(token);
      const revoked = await mujun('token', 'revoke', '旧系统', '--data-dir', dir.path);
      expect(revoked.code, revoked.stderr).toBe(0);
      expect(revoked.stdout).toMatch(/^tok_/);
      expect(await withStore((store) => store.principalForTokenHash(hashToken(token)))).toBeUndefined();
      expect((await mujun('token', 'revoke', '旧系统', '--data-dir', dir.path)).code).toBe(2);
      const audit = await withStore((store) => store.listAudit({ entity: 'token' }, { limit: 10 }));
      expect(audit.items.map((entry) => entry.action)).toEqual(['create', 'revoke']);
    },
    SLOW,
  );
});
