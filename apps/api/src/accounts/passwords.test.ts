import { describe, expect, it } from 'vitest';
import {
  ARGON2_PARAMETERS,
  hashPassword,
  passwordProblem,
  Semaphore,
  temporaryPassword,
  verifyPassword,
} from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id at m = 19 MiB, t = 2, p = 1 and verifies only the right password', async () => {
    const stored = await hashPassword('Yuanqiao#2025');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(ARGON2_PARAMETERS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(await verifyPassword(stored, 'Yuanqiao#2025')).toBe(true);
    expect(await verifyPassword(stored, 'yuanqiao#2025')).toBe(false);
    expect(await verifyPassword('not a hash', 'Yuanqiao#2025')).toBe(false);
  });

  it('asks 8 characters from 3 of the 4 classes, without the account name', () => {
    expect(passwordProblem('Ab1!', 'li')).toContain('8');
    expect(passwordProblem('abcdefgh1', 'li')).toContain('三类');
    expect(passwordProblem('Abcdefgh1', 'wang')).toBeNull();
    expect(passwordProblem('abcdefg1!', 'wang')).toBeNull();
    expect(passwordProblem('Wangwei2025', 'wangwei')).toContain('账号名');
    expect(passwordProblem('x91331003MA20CKPQ23!', '91331003MA20CKPQ23')).toContain('账号名');
  });

  it('makes temporary passwords that pass its own rule', () => {
    for (let i = 0; i < 200; i += 1) expect(passwordProblem(temporaryPassword(), 'admin')).toBeNull();
  });

  it('runs at most `permits` tasks at once and refuses beyond its queue', async () => {
    const semaphore = new Semaphore(2, 3);
    let running = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const task = () =>
      semaphore.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running -= 1;
      });
    const tasks = [task(), task(), task(), task(), task()];
    await expect(task()).rejects.toThrow('waiting');
    for (let done = 0; done < tasks.length; done += 1) {
      while (release.length === 0) await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBeLessThanOrEqual(2);
      release.shift()?.();
    }
    await Promise.all(tasks);
    expect(peak).toBe(2);
  });
});
