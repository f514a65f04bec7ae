import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { DATABASE_FILE, openDatabase, migrate } from './database.js';
import { MIGRATIONS } from './migrations.js';
import type { Evaluation, Publication } from '../store.js';
import { SqliteStore, StoreSyncError } from './sqlite-store.js';
import type { DataSync } from './sqlite-store.js';
import { jsonLines } from '../utf8-text.js';

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

function evaluationInput(id: string, year?: number) {
  return {
    id,
    name: 'test',
    ...(year === undefined ? {} : { year }),
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

  it('finds the final evaluation of each earlier year, the last finalized when a year has two', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteStore(db);
    const final = db.prepare("UPDATE evaluations SET state = 'final', finalized_at = ? WHERE id = ?");
    for (const [id, year, finalizedAt] of [
      ['ev_2022', 2022, '2023-03-01T00:00:00.000Z'],
      ['ev_2023_first', 2023, '2024-03-01T00:00:00.000Z'],
      ['ev_2023_again', 2023, '2024-04-01T00:00:00.000Z'],
      ['ev_2024', 2024, '2025-03-01T00:00:00.000Z'],
      ['ev_2025', 2025, '2026-03-01T00:00:00.000Z'],
    ] as const) {
      await store.createEvaluation(evaluationInput(id, year), { actor, at });
      final.run(finalizedAt, id);
    }
    await store.createEvaluation(evaluationInput('ev_2024_draft', 2024), { actor, at });
    await store.createEvaluation(evaluationInput('ev_no_year'), { actor, at });
    final.run('2025-05-01T00:00:00.000Z', 'ev_no_year');

    const before = await store.finalEvaluationsBefore(2025);
    expect(before.map((e) => [e.id, e.year])).toEqual([
      ['ev_2024', 2024],
      ['ev_2023_again', 2023],
      ['ev_2022', 2022],
    ]);
    expect(await store.finalClasses('ev_2024', 'initial')).toEqual([
      { uscc: '91331003MA20CKPQ23', finalClass: 'D' },
    ]);
    expect((await store.getEvaluation('ev_no_year'))?.year).toBeNull();
    store.close();
  });

  it('migrates a version-1 database: its evaluations stay, with no year', async () => {
    const db = new Database(':memory:');
    const [first] = MIGRATIONS;
    if (first === undefined) throw new Error('no migrations');
    db.exec(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    db.exec(first.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run(first.name, at);
    db.prepare(
      `INSERT INTO evaluations (id, seq, name, state, version, scheme_id, scheme_name, scheme_json,
         enterprises, summary_json, created_at, created_by)
       VALUES ('ev_old', 1, 'old', 'draft', 1, 'reference', 'reference', '{}', 0, ?, ?, 'tok')`,
    ).run(JSON.stringify(evaluationInput('ev_old').summary), at);
    expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    const store = new SqliteStore(db);
    expect(await store.getEvaluation('ev_old')).toMatchObject({ name: 'old', year: null });
    store.close();
  });

  it('totals the evidence already stored when migrating to versions 8 and 13, and keeps the totals on every insert', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    const before = MIGRATIONS.filter((migration) => migration.version < 8);
    for (const migration of before) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, at);
    }
    db.prepare(
      `INSERT INTO evaluations (id, seq, name, state, version, scheme_id, scheme_name, scheme_json,
         enterprises, summary_json, created_at, created_by)
       VALUES ('ev_old', 1, 'old', 'published', 1, 'reference', 'reference', '{}', 0, '{}', ?, 'tok')`,
    ).run(at);
    const objection = db.prepare(
      `INSERT INTO objections (id, seq, evaluation_id, uscc, name, reason, filed_by, filed_role, filed_at)
       VALUES (?, ?, 'ev_old', ?, 'n', 'r', 'tok', 'enterprise', ?)`,
    );
    const evidence = db.prepare(
      `INSERT INTO evidence (id, objection_id, ordinal, filename, media_type, size, sha256, content)
       VALUES (?, ?, ?, 'e.pdf', 'application/pdf', ?, 'x', x'00')`,
    );
    objection.run('obj_1', 1, 'A', at);
    objection.run('obj_2', 2, 'A', at);
    objection.run('obj_3', 3, 'B', at);
    evidence.run('evd_1', 'obj_1', 0, 1000);
    evidence.run('evd_2', 'obj_1', 1, 200);
    evidence.run('evd_3', 'obj_2', 0, 30);
    evidence.run('evd_4', 'obj_3', 0, 4);
    // 8 and every migration after it (13 totals the evidence per evaluation too).
    expect(migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version >= 8).map((m) => m.version));
    const totals = () =>
      db.prepare('SELECT uscc, bytes FROM evidence_totals ORDER BY uscc').all() as {
        uscc: string;
        bytes: number;
      }[];
    const evaluationTotal = () =>
      db.prepare('SELECT evaluation_id, bytes FROM evidence_evaluation_totals').all() as {
        evaluation_id: string;
        bytes: number;
      }[];
    expect(totals()).toEqual([
      { uscc: 'A', bytes: 1230 },
      { uscc: 'B', bytes: 4 },
    ]);
    expect(evaluationTotal()).toEqual([{ evaluation_id: 'ev_old', bytes: 1234 }]);
    objection.run('obj_4', 4, 'C', at);
    evidence.run('evd_5', 'obj_4', 0, 7);
    evidence.run('evd_6', 'obj_3', 1, 6);
    expect(totals()).toEqual([
      { uscc: 'A', bytes: 1230 },
      { uscc: 'B', bytes: 10 },
      { uscc: 'C', bytes: 7 },
    ]);
    expect(evaluationTotal()).toEqual([{ evaluation_id: 'ev_old', bytes: 1247 }]);
    db.prepare("DELETE FROM evidence WHERE id = 'evd_5'").run();
    expect(evaluationTotal()).toEqual([{ evaluation_id: 'ev_old', bytes: 1240 }]);
    db.close();
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

describe('group commit', () => {
  /** The evaluations and the audit trail, to compare two stores. */
  async function contents(store: SqliteStore) {
    const evaluations = await store.listEvaluations(['draft', 'published'], { limit: 10 });
    const audit = await store.listAudit({}, { limit: 50 });
    return {
      evaluations: evaluations.items.map((e) => [e.id, e.state, e.version]),
      audit: audit.items.map((e) => [e.seq, e.entityId, e.action]),
    };
  }

  /** As the route decides: only a draft is published (the store takes the publication as given). */
  function publishDraft(evaluation: Evaluation): Publication {
    if (evaluation.state !== 'draft') throw new DomainError('INVALID_STATE', 'not a draft');
    return { evaluationId: evaluation.id } as unknown as Publication;
  }

  // On the event loop's connection (an evaluation is otherwise a large write: see the describe below).
  it('commits writes queued in one turn together, rolling back only the one that throws', async () => {
    const dir = tempDir();
    const store = new SqliteStore(openDatabase(dir), { writerThread: false });
    // A second connection sees only what is committed.
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const committed = (id: string) => reader.prepare('SELECT 1 FROM evaluations WHERE id = ?').get(id);
    let seenByReader: unknown = 'not asked';

    const first = store.createEvaluation(evaluationInput('ev_1'), { actor, at });
    const failing = store.publish(
      'ev_1',
      () => {
        // ev_1 is written in this transaction but not committed yet: the batch is one transaction.
        seenByReader = committed('ev_1');
        throw new DomainError('INVALID_STATE', 'refused');
      },
      { actor, at },
    );
    const duplicate = store.createEvaluation(evaluationInput('ev_1'), { actor, at });
    const third = store.createEvaluation(evaluationInput('ev_2'), { actor, at });
    const outcomes = await Promise.allSettled([first, failing, duplicate, third]);

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    await expect(failing).rejects.toThrow('refused');
    await expect(duplicate).rejects.toThrow(/UNIQUE/);
    expect(seenByReader).toBeUndefined();
    // Resolved only after COMMIT: the other connection sees both.
    expect(committed('ev_1')).toBeDefined();
    expect(committed('ev_2')).toBeDefined();
    expect(await contents(store)).toEqual({
      evaluations: [
        ['ev_1', 'draft', 1],
        ['ev_2', 'draft', 1],
      ],
      audit: [
        [1, 'ev_1', 'create'],
        [2, 'ev_2', 'create'],
      ],
    });
    reader.close();
    store.close();
  });

  it('gives the same outcomes and contents whether writes are batched or not', async () => {
    const writes = (store: SqliteStore) => [
      () => store.createEvaluation(evaluationInput('ev_a'), { actor, at }),
      () => store.createEvaluation(evaluationInput('ev_a'), { actor, at }),
      () => store.publish('ev_a', publishDraft, { actor, at }),
      () => store.publish('ev_a', publishDraft, { actor, at }),
      () => store.createEvaluation(evaluationInput('ev_b'), { actor, at }),
    ];
    const batched = new SqliteStore(openDatabase(':memory:'));
    const together = await Promise.allSettled(writes(batched).map((write) => write()));
    const oneByOne = new SqliteStore(openDatabase(':memory:'));
    const apart: PromiseSettledResult<unknown>[] = [];
    for (const write of writes(oneByOne)) apart.push(...(await Promise.allSettled([write()])));

    const statuses = (outcomes: PromiseSettledResult<unknown>[]) => outcomes.map((o) => o.status);
    expect(statuses(together)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    expect(statuses(apart)).toEqual(statuses(together));
    expect(await contents(batched)).toEqual(await contents(oneByOne));
    batched.close();
    oneByOne.close();
  });

  it('rejects every write of a batch whose transaction fails, and writes again afterwards', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    db.pragma('busy_timeout = 0');
    const store = new SqliteStore(db, { writerThread: false });
    // Another connection holds the write lock: BEGIN IMMEDIATE fails for the whole batch.
    const other = new Database(join(dir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    const outcomes = await Promise.allSettled([
      store.createEvaluation(evaluationInput('ev_1'), { actor, at }),
      store.createEvaluation(evaluationInput('ev_2'), { actor, at }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    other.exec('ROLLBACK');
    other.close();

    await store.createEvaluation(evaluationInput('ev_3'), { actor, at });
    expect((await contents(store)).evaluations).toEqual([['ev_3', 'draft', 1]]);
    store.close();
  });
});

describe('the flush off the event loop', () => {
  /** A flush that ends when the test says so: the calls made, each ended with `end(i, error?)`. */
  function heldFlush() {
    const calls: ((error: Error | null) => void)[] = [];
    const dataSync: DataSync = (_fd, done) => {
      calls.push(done);
    };
    return { dataSync, calls, end: (i: number, error: Error | null = null) => calls[i]?.(error) };
  }
  /** Lets the group commit run (it waits for the turn's writes: setImmediate). */
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  function tracked<T>(promise: Promise<T>) {
    const state = { settled: false, promise };
    promise.then(
      () => (state.settled = true),
      () => (state.settled = true),
    );
    return state;
  }

  it('commits with synchronous=NORMAL and answers a batch, a refused write in it too, only after a flush begun after its COMMIT', async () => {
    const dir = tempDir();
    const flush = heldFlush();
    const store = new SqliteStore(openDatabase(dir), { writerThread: false, dataSync: flush.dataSync });
    const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const committed = (id: string) => reader.prepare('SELECT 1 FROM evaluations WHERE id = ?').get(id);

    const first = tracked(store.createEvaluation(evaluationInput('ev_1'), { actor, at }));
    const duplicate = tracked(store.createEvaluation(evaluationInput('ev_1'), { actor, at }));
    await turn();
    await turn();
    // Committed (another connection sees it), flush asked for, nobody answered yet.
    expect(committed('ev_1')).toBeDefined();
    expect(flush.calls).toHaveLength(1);
    expect([first.settled, duplicate.settled]).toEqual([false, false]);
    // A read that may have seen the commit waits for its flush as well.
    const read = tracked(store.getEvaluation('ev_1'));
    // A batch committed while the flush runs waits for the next flush: one at a time.
    const second = tracked(store.createEvaluation(evaluationInput('ev_2'), { actor, at }));
    await turn();
    await turn();
    expect(committed('ev_2')).toBeDefined();
    expect(flush.calls).toHaveLength(1);
    expect([first.settled, duplicate.settled, read.settled, second.settled]).toEqual([
      false,
      false,
      false,
      false,
    ]);

    flush.end(0);
    await turn();
    expect([first.settled, duplicate.settled, read.settled, second.settled]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect((await first.promise).id).toBe('ev_1');
    await expect(duplicate.promise).rejects.toThrow(/UNIQUE/);
    expect((await read.promise)?.id).toBe('ev_1');
    // The second flush covers the second batch.
    expect(flush.calls).toHaveLength(2);
    flush.end(1);
    expect((await second.promise).id).toBe('ev_2');
    // Nothing waiting: a read answers at once, without a flush.
    expect((await store.getEvaluation('ev_2'))?.id).toBe('ev_2');
    expect(flush.calls).toHaveLength(2);
    reader.close();
    store.close();
  });

  it('fails the writes and reads waiting for a failed flush, and every one after it, until reopened', async () => {
    const dir = tempDir();
    const flush = heldFlush();
    const store = new SqliteStore(openDatabase(dir), { writerThread: false, dataSync: flush.dataSync });
    const write = store.createEvaluation(evaluationInput('ev_1'), { actor, at });
    await turn();
    await turn();
    const read = store.getEvaluation('ev_1');
    // Queued in the turn the flush fails, before its group commit: refused, and never committed.
    const queued = store.createEvaluation(evaluationInput('ev_q'), { actor, at });
    flush.end(0, Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(write).rejects.toBeInstanceOf(StoreSyncError);
    await expect(read).rejects.toBeInstanceOf(StoreSyncError);
    await expect(queued).rejects.toBeInstanceOf(StoreSyncError);
    // Whether those pages reached the disk is unknown: nothing more is answered from this store.
    await expect(store.getEvaluation('ev_1')).rejects.toBeInstanceOf(StoreSyncError);
    await expect(store.createEvaluation(evaluationInput('ev_2'), { actor, at })).rejects.toBeInstanceOf(
      StoreSyncError,
    );
    await expect(store.ping()).rejects.toBeInstanceOf(StoreSyncError);
    store.close();
    const reopened = new SqliteStore(openDatabase(dir), { writerThread: false });
    expect((await reopened.getEvaluation('ev_2'))?.id).toBeUndefined();
    expect((await reopened.getEvaluation('ev_q'))?.id).toBeUndefined();
    reopened.close();
  });

  it('flushes at close what is committed and answers its writers', async () => {
    const dir = tempDir();
    const flush = heldFlush();
    const store = new SqliteStore(openDatabase(dir), { writerThread: false, dataSync: flush.dataSync });
    const write = tracked(store.createEvaluation(evaluationInput('ev_1'), { actor, at }));
    await turn();
    await turn();
    expect(write.settled).toBe(false);
    store.close();
    expect((await write.promise).id).toBe('ev_1');
    // The flush still running in the pool ends after close: it only closes the WAL's descriptor.
    flush.end(0);
    const reopened = new SqliteStore(openDatabase(dir), { writerThread: false });
    expect((await reopened.getEvaluation('ev_1'))?.id).toBe('ev_1');
    reopened.close();
  });

  it('flushes with fdatasync by default, and leaves synchronous=FULL when told to keep the flush in COMMIT', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    const store = new SqliteStore(db, { writerThread: false });
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    const written = await Promise.all(
      ['ev_1', 'ev_2', 'ev_3'].map((id) => store.createEvaluation(evaluationInput(id), { actor, at })),
    );
    expect(written.map((e) => e.id)).toEqual(['ev_1', 'ev_2', 'ev_3']);
    store.close();
    const full = openDatabase(dir);
    const onLoop = new SqliteStore(full, { writerThread: false, syncOffLoop: false });
    expect(full.pragma('synchronous', { simple: true })).toBe(2);
    expect((await onLoop.getEvaluation('ev_3'))?.id).toBe('ev_3');
    onLoop.close();
  });

  it('keeps the sub-journal of each write’s savepoint in memory, never in a temp file', async () => {
    // A filing's savepoint changes about 23 pages: past 16, a file-backed sub-journal spills to a temp
    // file per group commit (issue 17). Durability is the WAL's: the flush settings stay as they were.
    const db = openDatabase(tempDir());
    expect(db.pragma('temp_store', { simple: true })).toBe(0);
    const store = new SqliteStore(db, { writerThread: false });
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    await store.createEvaluation(evaluationInput('ev_1'), { actor, at });
    expect((await store.getEvaluation('ev_1'))?.id).toBe('ev_1');
    store.close();
  });
});

describe('checkpoints on the writer thread', () => {
  it('copies the WAL into the database file there, after every 64 group commits, not in a COMMIT', async () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    const store = new SqliteStore(db);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const file = join(dir, DATABASE_FILE);
    const before = statSync(file).size;
    // Each row a few pages, so that a checkpoint grows the file.
    const note = (i: number) =>
      store.appendAudit(
        'token',
        `tok_${i}`,
        'note',
        { pad: 'x'.repeat(8000) },
        {
          actor,
          at,
          address: null,
          userAgent: null,
        },
      );
    for (let i = 0; i < 63; i++) await note(i);
    expect(statSync(file).size).toBe(before);
    await note(63);
    await vi.waitFor(
      () => {
        expect(statSync(file).size).toBeGreaterThan(before);
      },
      { timeout: 10_000 },
    );
    store.close();
  });
});

describe('large writes on the writer thread', () => {
  /** An evaluation of `n` enterprises: more rows than one chunk of a large read. */
  function largeInput(id: string, n: number) {
    const usccs = Array.from({ length: n }, (_, i) => `9133100${String(n - i).padStart(11, '0')}`);
    return {
      ...evaluationInput(id),
      records: usccs.map((uscc) => ({ uscc, recordJson: JSON.stringify({ uscc, name: '企业' }) })),
      results: usccs.map((uscc, ordinal) => ({
        ordinal,
        uscc,
        cohort: 'above',
        finalClass: 'B',
        town: '院桥镇',
        industry: '3391',
        summaryJson: JSON.stringify({ uscc, ordinal }),
        resultJson: JSON.stringify({ uscc, ordinal, trace: 'x'.repeat(2000) }),
        etag: `"${ordinal}"`,
      })),
    };
  }
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('writes an evaluation in one transaction while the event loop goes on: readers see none of it, then all', async () => {
    const dir = tempDir();
    const store = new SqliteStore(openDatabase(dir));
    const n = 2_500;
    const writing = { settled: false };
    const large = store.createEvaluation(largeInput('ev_big', n), { actor, at }).finally(() => {
      writing.settled = true;
    });
    // Reads on the event loop's connection while the rows are being written in the other thread.
    const seen: string[] = [];
    const order: string[] = [];
    await turn();
    const small = store
      .appendAudit('token', 'tok_x', 'note', { during: true }, { actor, at, address: null, userAgent: null })
      .then(() => {
        order.push('small');
      });
    void large.then(() => order.push('large'));
    while (!writing.settled) {
      const evaluation = await store.getEvaluation('ev_big');
      const count = await store.countResults('ev_big', 'initial', {});
      seen.push(`${evaluation === undefined ? 'none' : 'evaluation'} ${count}`);
      await turn();
    }
    await Promise.all([large, small]);
    // Reads ran while it was being written (the event loop was free), and saw nothing of it; one may
    // have come after COMMIT and before the answer, and then saw all of it. Never a part. (The two reads
    // of one check are two snapshots: COMMIT may fall between them, giving "none n", never "evaluation 0".)
    expect(seen[0]).toBe('none 0');
    const whole = new Set(['none 0', `none ${n}`, `evaluation ${n}`]);
    expect(seen.filter((state) => !whole.has(state))).toEqual([]);
    // The write queued meanwhile waited for the large one: writes stay serialised.
    expect(order).toEqual(['large', 'small']);
    expect(await store.countResults('ev_big', 'initial', {})).toBe(n);
    // Acknowledged, so committed: a new connection sees every row.
    const other = new Database(join(dir, DATABASE_FILE), { readonly: true });
    expect(other.prepare("SELECT COUNT(*) AS n FROM records WHERE evaluation_id = 'ev_big'").get()).toEqual({
      n,
    });
    other.close();
    // Read back in chunks, whole and in order.
    const summaries = jsonLines(await store.resultSummaryChunks('ev_big', 'initial'));
    expect(summaries.map((json) => (JSON.parse(json) as { ordinal: number }).ordinal)).toEqual(
      Array.from({ length: n }, (_, i) => i),
    );
    const records = jsonLines(await store.recordChunks('ev_big'));
    const usccs = records.map((json) => (JSON.parse(json) as { uscc: string }).uscc);
    expect(usccs).toEqual([...usccs].sort());
    expect(new Set(usccs).size).toBe(n);
    store.close();
  });

  it('rolls a failed large write back whole, and writes on afterwards', async () => {
    const dir = tempDir();
    const store = new SqliteStore(openDatabase(dir));
    const input = largeInput('ev_bad', 1_200);
    const [first] = input.results;
    if (first === undefined) throw new Error('no results');
    // The last result repeats an enterprise: the insert fails after a thousand rows were written.
    const broken = { ...input, results: [...input.results, { ...first, ordinal: 1_200 }] };
    await expect(store.createEvaluation(broken, { actor, at })).rejects.toThrow(/UNIQUE/);
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    const count = (table: string) =>
      db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE evaluation_id = 'ev_bad'`).get();
    expect([count('records'), count('results')]).toEqual([{ n: 0 }, { n: 0 }]);
    expect(await store.getEvaluation('ev_bad')).toBeUndefined();
    await store.createEvaluation(largeInput('ev_good', 10), { actor, at });
    expect((await store.getEvaluation('ev_good'))?.enterprises).toBe(10);
    db.close();
    store.close();
  });
});

describe('token lookups', () => {
  it('finds a token created after its hash was asked for, and keeps known ones', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteStore(db);
    // Unknown hashes are not remembered: a token works as soon as it is created.
    expect(await store.principalForTokenHash('h1')).toBeUndefined();
    await store.createToken({ id: 'tok_1', hash: 'h1', role: 'town', town: '院桥镇', label: 't' }, actor, at);
    expect(await store.principalForTokenHash('h1')).toEqual({
      tokenId: 'tok_1',
      role: 'town',
      town: '院桥镇',
    });
    // A known one revoked by another process is answered from memory for at most a second.
    db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = 'tok_1'").run(at);
    expect((await store.principalForTokenHash('h1'))?.tokenId).toBe('tok_1');
    store.close();
  });

  it('forgets a token revoked through the store at once, by id or label', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    await store.createToken({ id: 'tok_1', hash: 'h1', role: 'admin', label: '经信局' }, actor, at);
    await store.createToken({ id: 'tok_2', hash: 'h2', role: 'admin', label: '经信局' }, actor, at);
    expect(await store.principalForTokenHash('h1')).toBeDefined();
    const revoked = await store.revokeTokens('经信局', actor, at);
    expect(revoked.map((token) => token.id)).toEqual(['tok_1', 'tok_2']);
    expect(await store.principalForTokenHash('h1')).toBeUndefined();
    expect((await store.listTokens()).every((token) => token.revokedAt === at)).toBe(true);
    expect(await store.revokeTokens('tok_1', actor, at)).toEqual([]);
    store.close();
  });
});

describe('evaluation states for lookups', () => {
  it('sees its own writes at once, and another connection’s within a second', async () => {
    const db = openDatabase(':memory:');
    const store = new SqliteStore(db);
    expect(await store.evaluationState('ev_s')).toBeUndefined();
    // Unknown ids are not remembered: a new evaluation is seen as soon as it exists.
    await store.createEvaluation(evaluationInput('ev_s'), { actor, at });
    expect(await store.evaluationState('ev_s')).toBe('draft');
    await store.publish('ev_s', (evaluation) => ({ evaluationId: evaluation.id }) as unknown as Publication, {
      actor,
      at,
    });
    expect(await store.evaluationState('ev_s')).toBe('published');
    // A change by another connection (a command on the same file) is answered from memory for at most a second.
    db.prepare("UPDATE evaluations SET state = 'draft' WHERE id = 'ev_s'").run();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await store.evaluationState('ev_s')).toBe('draft');
    store.close();
  });
});

describe('accounts, sign-in failures and sessions', () => {
  const context = { actor, at, address: '192.0.2.7', userAgent: 'test' };
  const rule = { limit: 3, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
  const later = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();

  it('refuses a second account of the same name, and disables one with its sessions', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    const account = {
      id: 'acc_1',
      name: 'wang',
      role: 'admin',
      passwordHash: 'x',
      mustChange: false,
    } as const;
    await store.createAccount(account, context);
    await expect(store.createAccount({ ...account, id: 'acc_2' }, context)).rejects.toThrow('已存在');
    await store.createSession(
      { id: 'ses_1', hash: 's1', accountId: 'acc_1', createdAt: at, expiresAt: later(600) },
      context,
    );
    expect((await store.sessionByHash('s1'))?.account.name).toBe('wang');
    expect(await store.setAccountDisabled('wang', true, context)).toBe(true);
    expect(await store.sessionByHash('s1')).toBeUndefined();
    expect(await store.setAccountDisabled('nobody', true, context)).toBe(false);
    const actions = (await store.listAudit({}, { limit: 50 })).items.map((entry) => entry.action);
    expect(actions).toEqual(['create', 'success', 'end-disabled', 'disable']);
    store.close();
  });

  it('locks a name at the rule’s count of failures within the window, known or not, until it ends', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    await store.recordSignInFailure('ghost', 'unknown', rule, context);
    await store.recordSignInFailure('ghost', 'unknown', rule, { ...context, at: later(5) });
    const locked = await store.recordSignInFailure('ghost', 'unknown', rule, { ...context, at: later(10) });
    expect(locked).toEqual({ failures: 3, firstAt: at, lockedUntil: later(25) });
    // Failing while locked does not extend the lock.
    const again = await store.recordSignInFailure('ghost', 'locked', rule, { ...context, at: later(20) });
    expect(again.lockedUntil).toBe(later(25));
    // After the lock and the window, counting starts over.
    const fresh = await store.recordSignInFailure('ghost', 'unknown', rule, { ...context, at: later(26) });
    expect(fresh).toEqual({ failures: 1, firstAt: later(26), lockedUntil: null });
    // A stale name is cleared by a later failure of another.
    await store.recordSignInFailure('passing', 'unknown', rule, { ...context, at: later(26) });
    expect(await store.throttle('passing')).toBeDefined();
    await store.recordSignInFailure('ghost', 'unknown', rule, { ...context, at: later(42) });
    expect(await store.throttle('passing')).toBeUndefined();
    expect(await store.unlock('ghost', context)).toBe(true);
    expect(await store.throttle('ghost')).toBeUndefined();
    const entries = (await store.listAudit({ entity: 'sign-in' }, { limit: 50 })).items;
    expect(entries.map((entry) => entry.action)).toEqual([
      'failure',
      'failure',
      'failure',
      'lock',
      'failure',
      'failure',
      'failure',
      'failure',
      'unlock',
    ]);
    expect(entries[0]?.after).toMatchObject({ address: '192.0.2.7', userAgent: 'test', reason: 'unknown' });
    store.close();
  });

  it('ends every session of an account when its password changes', async () => {
    const store = new SqliteStore(openDatabase(':memory:'));
    await store.createAccount(
      { id: 'acc_1', name: 'li', role: 'town', town: '院桥镇', passwordHash: 'x', mustChange: true },
      context,
    );
    for (const id of ['ses_1', 'ses_2']) {
      await store.createSession(
        { id, hash: `h-${id}`, accountId: 'acc_1', createdAt: at, expiresAt: later(600) },
        context,
      );
    }
    await store.setPassword('acc_1', 'y', false, 'password-change', context);
    expect(await store.sessionByHash('h-ses_1')).toBeUndefined();
    expect(await store.sessionByHash('h-ses_2')).toBeUndefined();
    const account = await store.account('li');
    expect(account).toMatchObject({ passwordHash: 'y', mustChange: false, town: '院桥镇' });
    store.close();
  });
});
