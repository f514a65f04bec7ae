import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { openDatabase, migrate } from './database.js';
import { MIGRATIONS } from './migrations.js';
import { SqliteStore } from './sqlite-store.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mujun-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const actor = { id: 'tok_admin', role: 'admin' } as const;
const at = '2025-06-04T02:00:00.000Z';

function evaluationInput(id: string) {
  return {
    id,
    name: 'test',
    scheme: { id: 'reference', name: 'reference', json: '{}' },
    summary: { counts: { rated: 0, exempt: 0, outOfScope: 0 }, cohorts: {}, warnings: [] },
    records: [],
    results: [
      {
        ordinal: 0,
        uscc: '91331003MA20CKPQ23',
        cohort: 'above',
        finalClass: 'D',
        town: '院桥镇',
        industry: '3391',
        summaryJson: '{}',
        resultJson: '{}',
        etag: '"x"',
      },
    ],
  };
}

describe('the SQLite store', () => {
  it('opens with WAL and synchronous=FULL, and migrates once', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db)).toEqual([]);
    db.close();
    const again = openDatabase(dir);
    expect(again.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.version),
    );
    again.close();
  });

  it('refuses to rewrite the audit trail or a stored result', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteStore(db);
    await store.createEvaluation(evaluationInput('ev_a'), { actor, at });
    expect(() => db.prepare("UPDATE audit SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE results SET final_class = 'A'").run()).toThrow(/immutable/);
    store.close();
  });

  it('writes the idempotent response with the row, and neither when the rules refuse', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const idempotency = {
      principal: 'tok_admin',
      key: 'k1',
      fingerprint: 'f',
      respond: () => ({ status: 201, headers: {}, body: '{"ok":true}' }),
    };
    await store.createEvaluation(evaluationInput('ev_b'), { actor, at, idempotency });
    expect(await store.idempotentResponse('tok_admin', 'k1')).toMatchObject({
      status: 201,
      body: '{"ok":true}',
      fingerprint: 'f',
    });

    const refused = store.publish(
      'ev_b',
      () => {
        throw new DomainError('INVALID_STATE', 'no');
      },
      { actor, at, idempotency: { ...idempotency, key: 'k2' } },
    );
    await expect(refused).rejects.toThrow('no');
    expect(await store.idempotentResponse('tok_admin', 'k2')).toBeUndefined();
    expect((await store.getEvaluation('ev_b'))?.state).toBe('draft');
    expect(
      (await store.listAudit({ entity: 'evaluation' }, { limit: 10 })).items.map((e) => e.action),
    ).toEqual(['create']);
    store.close();
  });

  it('backs up online to a file that opens as the same store', async () => {
    const dir = tempDir();
    const store = new SqliteStore(openDatabase(dir));
    await store.createEvaluation(evaluationInput('ev_c'), { actor, at });
    const copyDir = join(dir, 'copy');
    const copy = join(copyDir, 'mujun.sqlite');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(copyDir);
    await store.backup(copy);
    const restored = new SqliteStore(openDatabase(copyDir));
    expect((await restored.getEvaluation('ev_c'))?.name).toBe('test');
    expect(await restored.result('ev_c', 'initial', '91331003MA20CKPQ23')).toMatchObject({ town: '院桥镇' });
    restored.close();
    store.close();
  });
});
