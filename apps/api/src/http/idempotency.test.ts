import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { fingerprint, Idempotency } from './idempotency.js';
import { HttpProblem } from './problem.js';

describe('idempotency keys', () => {
  it('fingerprints the same request the same way whatever its key order, and a different file differently', async () => {
    const a = await fingerprint('POST /x', { reason: 'r', items: [{ field: 'tax', claimedValue: '1' }] }, [
      Buffer.from('a'),
    ]);
    const b = await fingerprint('POST /x', { items: [{ claimedValue: '1', field: 'tax' }], reason: 'r' }, [
      Buffer.from('a'),
    ]);
    const c = await fingerprint('POST /x', { reason: 'r', items: [{ field: 'tax', claimedValue: '1' }] }, [
      Buffer.from('b'),
    ]);
    const d = await fingerprint('POST /y', { reason: 'r', items: [{ field: 'tax', claimedValue: '1' }] }, [
      Buffer.from('a'),
    ]);
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
  });

  it('hashes a large file (off the event loop) exactly as a small one: SHA-256 of its bytes', async () => {
    const small = Buffer.from('a');
    const large = Buffer.alloc(3 * 1024 * 1024, 'x');
    const expected = createHash('sha256')
      .update('POST /x')
      .update('\0')
      .update('{}')
      .update('\0')
      .update(createHash('sha256').update(small).digest())
      .update('\0')
      .update(createHash('sha256').update(large).digest())
      .digest('base64url');
    expect(await fingerprint('POST /x', {}, [small, large])).toBe(expected);
  });

  it('answers 409 to the same key while the first request is still running', async () => {
    const store = openSqliteStore(':memory:');
    const idempotency = new Idempotency(store);
    const principal = { tokenId: 'tok_1', role: 'admin' } as const;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const first = idempotency.run(
      principal,
      'k',
      'p',
      () => ({ status: 201, json: {} }),
      async () => {
        await gate;
        return {};
      },
    );
    const second = idempotency.run(
      principal,
      'k',
      'p',
      () => ({ status: 201, json: {} }),
      () => Promise.resolve({}),
    );
    await expect(second).rejects.toSatisfy((error) => error instanceof HttpProblem && error.status === 409);
    release();
    await expect(first).resolves.toMatchObject({ status: 201 });
    store.close();
  });
});
