import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../apps/api/src/index.js';
import { storeDigest } from '../support/store-digest.js';
import { generatedCsv, issueTokens, smallPdf } from './support/api-data.js';
import { startServer } from './support/api-server.js';
import type { ServerProcess } from './support/api-server.js';
import { ROOT, tempDirectory } from './support/mujun.js';
import { count, openReadonly } from './support/sqlite-readonly.js';

const run = promisify(execFile);

/**
 * The restore drill, as IT staff would run it: a live server takes a burst of objections, the scheduled
 * backup (deploy/backup/mujun-backup, what mujun-backup.timer starts) runs in the middle of it, the copy
 * is restored into a new data folder, a server is started on it, and every table of the restored store
 * matches the backup's digest, with every filing acknowledged before the backup began in it, whole.
 * Retention keeps the newest MUJUN_BACKUP_KEEP copies; the systemd units pass systemd-analyze verify.
 */

const ENTERPRISES = 80;
const FIELDS = ['tax', 'landAreaMu'] as const;
const FILINGS = ENTERPRISES * FIELDS.length;
const CONCURRENCY = 8;
/** The backup starts once this many filings are acknowledged, with the rest still coming. */
const BACKUP_AFTER = 40;
const SCRIPT = join(ROOT, 'deploy/backup/mujun-backup');
const CLI = `${process.execPath} --conditions=@mujun/source --import tsx ${join(ROOT, 'apps/cli/src/main.ts')}`;

let dir: { path: string; cleanup: () => Promise<void> };
let dataDir = '';
let backupDir = '';
let admin = '';
let evaluationId = '';
let server: ServerProcess | undefined;
let restored: ServerProcess | undefined;

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
      MUJUN_DATA_DIR: dataDir,
      MUJUN_BACKUP_DIR: backupDir,
      MUJUN_BACKUP_KEEP: String(keep),
      MUJUN_CLI: CLI,
    },
  });
  const file = /^backed up to (.+)$/m.exec(stdout)?.[1];
  if (file === undefined) throw new Error(`no backup named: ${stdout}`);
  return file;
}

beforeAll(async () => {
  dir = await tempDirectory();
  dataDir = join(dir.path, 'data');
  backupDir = join(dir.path, 'backups');
  [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'drill' }]);
  server = await startServer(dataDir, { LOG_LEVEL: 'warn' });
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

let usccs: string[] = [];

afterAll(async () => {
  await server?.stop();
  await restored?.stop();
  await dir.cleanup();
});

describe('backup under load and the restore drill', () => {
  let drillBackup = '';
  const acknowledgedBefore = new Set<string>();

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
    expect(acknowledgedBefore.size).toBeGreaterThanOrEqual(BACKUP_AFTER);
    // The backup is one consistent moment: every objection in it whole, none half-written.
    const copyDir = join(dir.path, 'check');
    await mkdir(copyDir);
    await copyFile(drillBackup, join(copyDir, DATABASE_FILE));
    const db = openReadonly(copyDir);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const objections = count(db, 'SELECT COUNT(*) FROM objections');
      expect(objections).toBeGreaterThanOrEqual(acknowledgedBefore.size);
      // Filings went on after the backup's moment: they are not in it.
      expect(objections).toBeLessThanOrEqual(FILINGS - CONCURRENCY);
      expect(count(db, 'SELECT COUNT(*) FROM objection_items')).toBe(objections);
      expect(count(db, 'SELECT COUNT(*) FROM evidence')).toBe(objections);
      const reasons = new Set(
        (db.prepare('SELECT reason FROM objections').all() as { reason: string }[]).map((row) => row.reason),
      );
      for (const reason of acknowledgedBefore) expect(reasons.has(reason), reason).toBe(true);
    } finally {
      db.close();
    }
  }, 300_000);

  it('restores into a new data folder, and a server started on it holds exactly the backup', async () => {
    const restoredDir = join(dir.path, 'restored');
    await mkdir(restoredDir);
    // The restore, as the manual says: the server stopped (here: a new folder), the copy put in place.
    await copyFile(drillBackup, join(restoredDir, DATABASE_FILE));
    const before = await storeDigest({ engine: 'sqlite', dataDir: join(dir.path, 'check') });
    restored = await startServer(restoredDir, { LOG_LEVEL: 'warn' });
    const listed = await call(restored.base, `/v1/evaluations/${evaluationId}/objections?limit=100`);
    expect(listed.status).toBe(200);
    const health = await fetch(`${restored.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await restored.stop()).toBe(0);
    restored = undefined;
    const after = await storeDigest({ engine: 'sqlite', dataDir: restoredDir });
    expect(Object.keys(after).length).toBeGreaterThan(10);
    expect(after).toEqual(before);
    // The live server went on: it holds every filing, the backup the ones up to its moment.
    const live = openReadonly(dataDir);
    try {
      expect(count(live, 'SELECT COUNT(*) FROM objections')).toBe(FILINGS);
    } finally {
      live.close();
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
    expect(kept.every((name) => /^mujun-\d{8}T\d{6}Z\.sqlite$/.test(name))).toBe(true);
  }, 120_000);

  it('has systemd units that systemd-analyze verify accepts', async () => {
    const units = join(dir.path, 'units');
    await mkdir(units);
    for (const name of ['mujun-backup.service', 'mujun-backup.timer']) {
      const text = await readFile(join(ROOT, 'deploy/systemd', name), 'utf8');
      // The unit names the installed script; here, the repository's.
      await writeFile(
        join(units, name),
        text.replace('/opt/mujun/current/deploy/backup/mujun-backup', SCRIPT),
      );
    }
    const result = await run(
      'systemd-analyze',
      ['verify', join(units, 'mujun-backup.timer'), join(units, 'mujun-backup.service')],
      {
        cwd: units,
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: unknown) => {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
      },
    );
    expect(result).toEqual({ code: 0, output: '' });
  });
});
