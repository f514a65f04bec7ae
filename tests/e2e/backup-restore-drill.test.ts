import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, DATABASE_FILE, openPostgresStore } from '../../apps/api/src/index.js';
import { storeDigest } from '../support/store-digest.js';
import type { DigestTarget } from '../support/store-digest.js';
import { generatedCsv, issueTokens, smallPdf } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { ROOT, tempDirectory } from './support/mujun.js';
import { createCluster, PG_BIN } from './support/pg-cluster.js';
import type { Cluster } from './support/pg-cluster.js';
import { openReadonly } from './support/sqlite-readonly.js';

const run = promisify(execFile);

/**
 * The restore drill, as IT staff would run it, on both engines: a live server takes a burst of
 * objections, the scheduled backup (deploy/backup/mujun-backup, what mujun-backup.timer starts) runs in
 * the middle of it — `mujun backup` on SQLite, `pg_dump --format=custom` on PostgreSQL — the copy is
 * restored as the manual says (the file into a new data folder; pg_restore into a new database), a server
 * is started on it, and every table of the restored store matches the backup's digest, with every filing
 * acknowledged before the backup began in it, whole. Retention keeps the newest MUJUN_BACKUP_KEEP copies;
 * the systemd units pass systemd-analyze verify.
 */

const ENTERPRISES = 80;
const FIELDS = ['tax', 'landAreaMu'] as const;
const FILINGS = ENTERPRISES * FIELDS.length;
const CONCURRENCY = 8;
/** The backup starts once this many filings are acknowledged, with the rest still coming. */
const BACKUP_AFTER = 40;
const SCRIPT = join(ROOT, 'deploy/backup/mujun-backup');
const CLI = `${process.execPath} --conditions=@mujun/source --import tsx ${join(ROOT, 'apps/cli/src/main.ts')}`;

/** A store's database opened to look under the API: rows counted and read by plain SQL. */
interface Reader {
  count(sql: string): Promise<number>;
  reasons(): Promise<Set<string>>;
  /** The engine's own consistency checks, each expected to find nothing wrong. */
  checks(): Promise<void>;
  close(): Promise<void>;
}

/** What differs between the engines: where the store lives, and how a copy is read and restored. */
interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly extension: string;
  /** Makes an empty store with an admin: the server's settings and the admin's token. */
  setUp(dir: string): Promise<{ env: Record<string, string>; dataDir: string; admin: string }>;
  /** The settings the backup script runs with, besides MUJUN_BACKUP_DIR and MUJUN_BACKUP_KEEP. */
  backupEnv(): Record<string, string>;
  /** Restores a backup into a new store: the server's settings for it and where its digest is read. */
  restore(file: string, name: string): Promise<{ env: Record<string, string>; target: DigestTarget }>;
  open(target: DigestTarget): Promise<Reader>;
  tearDown(): Promise<void>;
}

function sqliteEngine(): Engine {
  let live = '';
  return {
    name: 'sqlite',
    extension: 'sqlite',
    async setUp(dir) {
      live = join(dir, 'data');
      const [admin = ''] = await issueTokens(live, [{ role: 'admin', label: 'drill' }]);
      return { env: {}, dataDir: live, admin };
    },
    backupEnv: () => ({ MUJUN_DATA_DIR: live, MUJUN_CLI: CLI }),
    async restore(file, name) {
      // The restore, as the manual says: the server stopped (here: a new folder), the copy put in place.
      const dataDir = join(live, '..', name);
      await mkdir(dataDir);
      await copyFile(file, join(dataDir, DATABASE_FILE));
      return { env: { MUJUN_DATA_DIR: dataDir }, target: { engine: 'sqlite', dataDir } };
    },
    open(target) {
      if (target.engine !== 'sqlite') throw new Error('not a SQLite store');
      const db = openReadonly(target.dataDir);
      return Promise.resolve({
        count: async (sql) => Promise.resolve(Number((db.prepare(sql).get() as Record<string, number>)['n'])),
        reasons: async () =>
          Promise.resolve(
            new Set(
              (db.prepare('SELECT reason FROM objections').all() as { reason: string }[]).map(
                (r) => r.reason,
              ),
            ),
          ),
        checks: async () => {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          expect(db.pragma('foreign_key_check')).toEqual([]);
          return Promise.resolve();
        },
        close: async () => {
          db.close();
          return Promise.resolve();
        },
      });
    },
    tearDown: async () => Promise.resolve(),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

/**
 * PostgreSQL on a cluster the test owns, from Debian's PostgreSQL 15, whose pg_dump and pg_restore the
 * backup script and the restore use (a pg_dump older than its server refuses to dump it).
 */
function postgresEngine(): Engine {
  let cluster: Cluster | undefined;
  const urlOf = (database: string) => (cluster?.url ?? '').replace(/\/postgres$/, `/${database}`);
  const createDatabase = async (database: string) => {
    const client = new pg.Client({ connectionString: cluster?.url });
    await client.connect();
    try {
      // The name is this file's constant, never input; a database name cannot be a bound parameter.
      await client.query(`CREATE DATABASE ${database}`);
    } finally {
      await client.end();
    }
  };
  const path = `${PG_BIN}:${process.env['PATH'] ?? ''}`;
  return {
    name: 'postgres',
    extension: 'dump',
    async setUp(dir) {
      cluster = await createCluster(await freePort());
      await createDatabase('mujun');
      const store = await openPostgresStore(urlOf('mujun'));
      const admin = (await createToken(store, { role: 'admin', label: 'drill' }, new Date().toISOString()))
        .token;
      await store.shutdown();
      return { env: { MUJUN_DATABASE_URL: urlOf('mujun') }, dataDir: join(dir, 'unused'), admin };
    },
    backupEnv: () => ({ MUJUN_DATABASE_URL: urlOf('mujun'), PATH: path }),
    async restore(file, name) {
      // The restore, as the manual says: pg_restore into a new, empty database.
      await createDatabase(name);
      await run(join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', '--dbname', urlOf(name), file]);
      return { env: { MUJUN_DATABASE_URL: urlOf(name) }, target: { engine: 'postgres', url: urlOf(name) } };
    },
    async open(target) {
      if (target.engine !== 'postgres') throw new Error('not a PostgreSQL store');
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      return {
        count: async (sql) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n),
        reasons: async () =>
          new Set(
            (await client.query<{ reason: string }>('SELECT reason FROM objections')).rows.map(
              (r) => r.reason,
            ),
          ),
        // pg_restore --exit-on-error already refused any row a constraint would not take.
        checks: async () => Promise.resolve(),
        close: async () => client.end(),
      };
    },
    tearDown: async () => cluster?.destroy(),
  };
}

describe.each([sqliteEngine(), postgresEngine()])(
  'backup under load and the restore drill ($name)',
  (engine) => {
    let dir: { path: string; cleanup: () => Promise<void> };
    let backupDir = '';
    let admin = '';
    let evaluationId = '';
    let usccs: string[] = [];
    let server: ServerProcess | undefined;
    let restored: ServerProcess | undefined;
    let liveTarget: DigestTarget;
    let drillBackup = '';
    const acknowledgedBefore = new Set<string>();

    async function call(base: string, path: string, init: RequestInit = {}) {
      const response = await fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${admin}`, ...(init.headers as Record<string, string>) },
      });
      return { status: response.status, text: await response.text() };
    }

    /** The scheduled backup, as the service runs it. */
    async function backup(keep: number): Promise<string> {
      const { stdout } = await run(SCRIPT, [], {
        cwd: ROOT,
        env: {
          ...process.env,
          MUJUN_BACKUP_DIR: backupDir,
          MUJUN_BACKUP_KEEP: String(keep),
          ...engine.backupEnv(),
        },
      });
      const file = /^backed up to (.+)$/m.exec(stdout)?.[1];
      if (file === undefined) throw new Error(`no backup named: ${stdout}`);
      return file;
    }

    beforeAll(async () => {
      dir = await tempDirectory();
      backupDir = join(dir.path, 'backups');
      const store = await engine.setUp(dir.path);
      admin = store.admin;
      liveTarget =
        engine.name === 'sqlite'
          ? { engine: 'sqlite', dataDir: store.dataDir }
          : { engine: 'postgres', url: store.env['MUJUN_DATABASE_URL'] ?? '' };
      server = await startServer(store.dataDir, { LOG_LEVEL: 'warn', ...store.env });
      const year = generatedCsv(ENTERPRISES, 11);
      const form = new FormData();
      form.append('data', new Blob([year.bytes]), 'drill.csv');
      const created = await call(server.base, '/v1/evaluations', { method: 'POST', body: form });
      if (created.status !== 201) throw new Error(created.text);
      evaluationId = (JSON.parse(created.text) as { id: string }).id;
      const published = await call(server.base, `/v1/evaluations/${evaluationId}/publication`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      if (published.status !== 201) throw new Error(published.text);
      usccs = year.records.map((record) => record.uscc);
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await restored?.stop();
      await engine.tearDown();
      await dir.cleanup();
    });

    it('backs up while filings are in flight', async () => {
      const base = server?.base ?? '';
      let next = 0;
      let acknowledged = 0;
      let backupStarted: Promise<string> | undefined;
      let backupDone = false;
      const worker = async () => {
        while (next < FILINGS) {
          // The last filings wait for the backup to end, so some surely come after it.
          if (next >= FILINGS - CONCURRENCY && backupStarted !== undefined && !backupDone) {
            await backupStarted;
            continue;
          }
          const index = next++;
          const field = FIELDS[index % 2] ?? 'tax';
          const uscc = usccs[Math.floor(index / 2)] ?? '';
          const form = new FormData();
          form.append(
            'objection',
            JSON.stringify({
              uscc,
              reason: `演练 #${index}`,
              items: [{ field, claimedValue: `${100 + index}.5` }],
            }),
          );
          form.append(
            'evidence',
            new Blob([smallPdf(`drill ${index}`)], { type: 'application/pdf' }),
            `证明-${index}.pdf`,
          );
          const answer = await call(base, `/v1/evaluations/${evaluationId}/objections`, {
            method: 'POST',
            headers: { 'idempotency-key': `drill-${index}` },
            body: form,
          });
          expect(answer.status, answer.text).toBe(201);
          acknowledged += 1;
          if (backupStarted === undefined) acknowledgedBefore.add(`演练 #${index}`);
          if (acknowledged === BACKUP_AFTER) {
            backupStarted = backup(3);
            void backupStarted.then(() => {
              backupDone = true;
            });
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      if (backupStarted === undefined) throw new Error('the backup never started');
      drillBackup = await backupStarted;
      expect(drillBackup.endsWith(`.${engine.extension}`)).toBe(true);
      expect(acknowledgedBefore.size).toBeGreaterThanOrEqual(BACKUP_AFTER);
      // The backup is one consistent moment: every objection in it whole, none half-written.
      const copy = await engine.restore(drillBackup, 'checkcopy');
      const db = await engine.open(copy.target);
      try {
        await db.checks();
        const objections = await db.count('SELECT COUNT(*) AS n FROM objections');
        expect(objections).toBeGreaterThanOrEqual(acknowledgedBefore.size);
        // Filings went on after the backup's moment: they are not in it.
        expect(objections).toBeLessThanOrEqual(FILINGS - CONCURRENCY);
        expect(await db.count('SELECT COUNT(*) AS n FROM objection_items')).toBe(objections);
        expect(await db.count('SELECT COUNT(*) AS n FROM evidence')).toBe(objections);
        const reasons = await db.reasons();
        for (const reason of acknowledgedBefore) expect(reasons.has(reason), reason).toBe(true);
      } finally {
        await db.close();
      }
    }, 300_000);

    it('restores into a new store, and a server started on it holds exactly the backup', async () => {
      const copy = await engine.restore(drillBackup, 'restored');
      const before = await storeDigest(copy.target);
      restored = await startServer(join(dir.path, 'restored'), { LOG_LEVEL: 'warn', ...copy.env });
      const listed = await call(restored.base, `/v1/evaluations/${evaluationId}/objections?limit=100`);
      expect(listed.status).toBe(200);
      const health = await fetch(`${restored.base}/readyz`);
      expect(health.status).toBe(200);
      expect(await restored.stop()).toBe(0);
      restored = undefined;
      const after = await storeDigest(copy.target);
      expect(Object.keys(after).length).toBeGreaterThan(10);
      expect(after).toEqual(before);
      // The live server went on: it holds every filing, the backup the ones up to its moment.
      const live = await engine.open(liveTarget);
      try {
        expect(await live.count('SELECT COUNT(*) AS n FROM objections')).toBe(FILINGS);
      } finally {
        await live.close();
      }
    }, 120_000);

    it('keeps the newest MUJUN_BACKUP_KEEP copies', async () => {
      // The folder holds the drill's copy; two more with KEEP=2 push it out.
      expect(await readdir(backupDir)).toEqual([drillBackup.slice(backupDir.length + 1)]);
      const made: string[] = [];
      for (let i = 0; i < 2; i += 1) {
        // Copies are named by the second: the next one in a new second.
        await new Promise((resolve) => setTimeout(resolve, 1100));
        made.push(await backup(2));
      }
      const kept = (await readdir(backupDir)).sort();
      expect(kept).toEqual(made.map((file) => file.slice(backupDir.length + 1)));
      const name = new RegExp(`^mujun-\\d{8}T\\d{6}Z\\.${engine.extension}$`);
      expect(kept.every((file) => name.test(file))).toBe(true);
    }, 120_000);
  },
);

it('has systemd units that systemd-analyze verify accepts', async () => {
  const dir = await tempDirectory();
  try {
    for (const name of ['mujun-backup.service', 'mujun-backup.timer']) {
      const text = await readFile(join(ROOT, 'deploy/systemd', name), 'utf8');
      // The unit names the installed script; here, the repository's.
      await writeFile(
        join(dir.path, name),
        text.replace('/opt/mujun/current/deploy/backup/mujun-backup', SCRIPT),
      );
    }
    const result = await run(
      'systemd-analyze',
      ['verify', join(dir.path, 'mujun-backup.timer'), join(dir.path, 'mujun-backup.service')],
      { cwd: dir.path },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: unknown) => {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
      },
    );
    expect(result).toEqual({ code: 0, output: '' });
  } finally {
    await dir.cleanup();
  }
});
