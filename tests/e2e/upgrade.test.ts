import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { generateToken, NewerSchemaError, openPostgresStore } from '../../apps/api/src/index.js';
import { LATEST_MIGRATION } from '../../apps/api/src/store/sqlite/migrations.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { mujun, tempDirectory } from './support/mujun.js';
import {
  markNewer,
  PREVIOUS_RELEASE,
  PREVIOUS_VERSIONS,
  previousDataFolder,
} from './support/previous-release.js';
import { count, openReadonly } from './support/sqlite-readonly.js';
import { createTestDatabase, stopTestServer } from '../support/postgres.js';
import type { TestDatabase } from '../support/postgres.js';

/**
 * Upgrades: the server started on the previous release's data folder (commit fab2915's migrations, with
 * a token that release wrote) migrates it forward at start, keeps what was there, and is ready; a data
 * folder from a release newer than this build is refused at start with a clear message and exit 78
 * (the systemd unit does not restart on it), and left as it was.
 */
describe(`an upgrade from the previous release (${PREVIOUS_RELEASE})`, () => {
  let dir: { path: string; cleanup: () => Promise<void> };
  let server: ServerProcess | undefined;
  const token = generateToken();

  beforeAll(async () => {
    dir = await tempDirectory();
    previousDataFolder(join(dir.path, 'data'), token);
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await dir.cleanup();
  });

  it('migrates the previous data folder forward at start and keeps its data', async () => {
    expect(Math.max(...PREVIOUS_VERSIONS)).toBeLessThan(LATEST_MIGRATION);
    server = await startServer(join(dir.path, 'data'));
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', schema: LATEST_MIGRATION });
    // The previous release's token still signs in.
    const listed = await fetch(`${server.base}/v1/evaluations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listed.status).toBe(200);

    const db = openReadonly(join(dir.path, 'data'));
    try {
      const rows = db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all() as {
        version: number;
        applied_at: string;
      }[];
      // Forward only: the old rows untouched, each newer migration added once.
      for (const version of PREVIOUS_VERSIONS) {
        expect(rows.find((row) => row.version === version)?.applied_at).toBe('2026-05-01T00:00:00.000Z');
      }
      expect(rows.map((row) => row.version).at(-1)).toBe(LATEST_MIGRATION);
      expect(count(db, "SELECT COUNT(*) FROM tokens WHERE label = 'made by the previous release'")).toBe(1);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(await server.stop('SIGTERM')).toBe(0);
    server = undefined;
  });

  it('refuses, with a clear message and exit 78, a data folder a newer release migrated', async () => {
    markNewer(join(dir.path, 'data'), LATEST_MIGRATION + 1);
    const before = openReadonly(join(dir.path, 'data'));
    const migrations = count(before, 'SELECT COUNT(*) FROM schema_migrations');
    before.close();

    const refused = await startServer(join(dir.path, 'data')).then(
      () => new Error('the server started'),
      (error: unknown) => error,
    );
    expect(String(refused)).toContain('exited (78)');
    expect(String(refused)).toContain(`数据库结构版本为 ${LATEST_MIGRATION + 1}`);
    expect(String(refused)).toContain('migrations only go forward');

    // The command line's store commands refuse it the same way.
    const backup = await mujun('backup', join(dir.path, 'copy.sqlite'), '--data-dir', join(dir.path, 'data'));
    expect(backup.code).not.toBe(0);
    expect(backup.stderr).toContain('newer mujun');

    const after = openReadonly(join(dir.path, 'data'));
    expect(count(after, 'SELECT COUNT(*) FROM schema_migrations')).toBe(migrations);
    after.close();
  });
});

/** The same rule on PostgreSQL: a database a newer release migrated is refused at open, unchanged. */
describe('a PostgreSQL database from a newer release', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database.drop();
    await stopTestServer();
  });

  it('is refused at open with both versions named, and left as it was', async () => {
    const store = await openPostgresStore(database.url);
    const { expected } = await store.schema();
    await store.shutdown();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        expected + 1,
        'from a newer release',
        '2027-01-01T00:00:00.000Z',
      ]);
      const refused = await openPostgresStore(database.url).then(
        () => new Error('opened'),
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(NewerSchemaError);
      expect((refused as NewerSchemaError).found).toBe(expected + 1);
      expect((refused as NewerSchemaError).known).toBe(expected);
      const rows = await client.query('SELECT COUNT(*)::int AS n FROM schema_migrations');
      expect(rows.rows[0]).toEqual({ n: expected + 1 });
    } finally {
      await client.end();
    }
  });
});
