import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, hashToken, openPostgresStore } from '../../apps/api/src/index.js';
import type { PostgresStore } from '../../apps/api/src/index.js';
import { Idempotency } from '../../apps/api/src/http/idempotency.js';
import { HttpProblem } from '../../apps/api/src/http/problem.js';
import { POSTGRES_MIGRATIONS } from '../../apps/api/src/store/postgres/migrations.js';
import pg from 'pg';
import { exampleYear2027 } from '../../packages/calendar/src/testing/example-year.js';
import { createTestDatabase, stopTestServer } from '../support/postgres.js';
import type { TestDatabase } from '../support/postgres.js';

/**
 * Two server instances on one PostgreSQL database (two stores, two pools, as two processes have): what
 * lives in one process on SQLite holds across both, and what the database must refuse it refuses.
 */
describe('two instances on one PostgreSQL database', () => {
  let database: TestDatabase;
  let one: PostgresStore;
  let two: PostgresStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Both start together: the migrations run once, the second instance waiting for the first.
    [one, two] = await Promise.all([openPostgresStore(database.url), openPostgresStore(database.url)]);
  });
  afterAll(async () => {
    await one.shutdown();
    await two.shutdown();
    await database.drop();
    await stopTestServer();
  });

  it('answers 409 on instance 2 while instance 1 runs a key, and the stored response on either after', async () => {
    const principal = { tokenId: 'tok_same', role: 'admin' } as const;
    const first = new Idempotency(one);
    const second = new Idempotency(two);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const at = '2025-06-02T02:00:00.000Z';
    let started: () => void = () => undefined;
    const running1 = new Promise<void>((resolve) => {
      started = resolve;
    });
    const respond = (value: { id: string }) => ({ status: 201, json: value });
    // After its commit, instance 1 holds its claim a while longer (as one killed before releasing it).
    let finish: () => void = () => undefined;
    const finishing = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let committed: () => void = () => undefined;
    const stored = new Promise<void>((resolve) => {
      committed = resolve;
    });
    const running = first.run(principal, 'key-1', 'print', respond, async (write) => {
      started();
      await gate;
      if (write === undefined) throw new Error('a key was given');
      // The response is stored in the write's transaction, as a route's create does.
      const saved = await one.putCalendarYear(exampleYear2027(), null, () => undefined, {
        actor: { id: 'tok_same', role: 'admin' },
        at,
        idempotency: { ...write, respond: (created) => write.respond({ id: String(created.year) }) },
      });
      committed();
      await finishing;
      return { id: String(saved.year) };
    });
    // Instance 1 has claimed the key and is running it.
    await running1;
    const meanwhile = second.run(principal, 'key-1', 'print', respond, () =>
      Promise.resolve({ id: 'created-twice' }),
    );
    await expect(meanwhile).rejects.toSatisfy(
      (error) => error instanceof HttpProblem && error.status === 409,
    );
    release();
    await stored;
    // Committed, the claim still held: the stored response is final, so instance 2 replays it.
    await expect(
      second.run(principal, 'key-1', 'print', respond, () => Promise.resolve({ id: 'created-twice' })),
    ).resolves.toMatchObject({
      status: 201,
      raw: '{"id":"2027"}',
      headers: { 'Idempotent-Replayed': 'true' },
    });
    finish();
    await expect(running).resolves.toMatchObject({ status: 201 });
    for (const idempotency of [first, second]) {
      const replay = await idempotency.run(principal, 'key-1', 'print', respond, () =>
        Promise.resolve({ id: 'created-again' }),
      );
      expect(replay).toMatchObject({ status: 201, headers: { 'Idempotent-Replayed': 'true' } });
    }
  });

  it('stops a token revoked on one instance from working on the other within a second', async () => {
    const { token } = await createToken(
      one,
      { role: 'admin', label: 'revoked-elsewhere' },
      '2025-06-02T02:00:00.000Z',
    );
    const hash = hashToken(token);
    expect(await two.principalForTokenHash(hash)).toBeDefined();
    await one.revokeTokens(
      'revoked-elsewhere',
      { id: 'tok_admin', role: 'admin' },
      '2025-06-02T02:01:00.000Z',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await two.principalForTokenHash(hash)).toBeUndefined();
  });

  it('serialises writes from both instances: audit entries from 2 × 50 concurrent writes all land', async () => {
    const context = (n: number) => ({
      actor: { id: `tok_${n}`, role: 'admin' as const },
      at: '2025-06-02T03:00:00.000Z',
      address: null,
      userAgent: null,
    });
    await Promise.all(
      Array.from({ length: 100 }, (_, n) =>
        (n % 2 === 0 ? one : two).appendAudit('burst', String(n), 'write', { n }, context(n)),
      ),
    );
    const page = await two.listAudit({ entity: 'burst' }, { limit: 100 });
    expect(new Set(page.items.map((entry) => entry.entityId)).size).toBe(100);
  });

  it('refuses to rewrite the audit trail or a result, whoever asks', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(client.query("UPDATE audit SET action = 'forged'")).rejects.toThrow(/immutable/);
      await expect(client.query('DELETE FROM audit')).rejects.toThrow(/immutable/);
      await expect(client.query('TRUNCATE audit')).rejects.toThrow(/immutable|foreign key|cannot truncate/);
      const migrations = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      // Every migration applied once, in order.
      expect(migrations.rows.map((row: { version: number }) => row.version)).toEqual(
        POSTGRES_MIGRATIONS.map((migration) => migration.version),
      );
    } finally {
      await client.end();
    }
  });
});
