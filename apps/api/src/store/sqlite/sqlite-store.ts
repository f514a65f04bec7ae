import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { bindable, driveAsync, driveSync } from '../sql/query.js';
import type { Dialect, Engine, RunResult, Statement, Work, WriteOptions } from '../sql/query.js';
import { SqlStore } from '../sql/sql-store.js';
import { openDatabase } from './database.js';
import { LATEST_MIGRATION } from './migrations.js';
import { CHECKPOINT, OffThreadWriter } from './writer.js';

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error('transaction failed', { cause: error });
}

interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commits between two checkpoints run on the writer thread (see #flush): a filing's commit is a
 * few dozen pages, so about SQLite's own default of 1,000 pages.
 */
const CHECKPOINT_EVERY = 64;

/** A promise waiting for the commits up to `commit` to be on disk (see #sync). */
interface AwaitingSync {
  readonly commit: number;
  readonly settle: (failure: Error | undefined) => void;
}

/** Flushes a file's data to disk (fs.fdatasync's form): injectable, for the tests of the sync path. */
export type DataSync = (fd: number, done: (error: Error | null) => void) => void;

/** After a failed fsync nothing this process holds can be trusted to be on disk (PostgreSQL's rule). */
export class StoreSyncError extends Error {
  constructor(cause: Error) {
    super(
      `the database's write-ahead log could not be flushed to disk: restart the server (${cause.message})`,
      {
        cause,
      },
    );
  }
}

/** SQLite's side of the few fragments the engines write differently (see Dialect). */
export const SQLITE_DIALECT: Dialect = {
  jsonText: (column, keys) => `json_extract(${column}, '$.${keys.join('.')}')`,
  indicatorValue: `CAST(json_extract(summary_json, '$.indicators.' || ? || '.value') AS REAL)`,
  contains: (column) => `instr(${column}, ?) > 0`,
};

export interface SqliteOptions {
  /**
   * Large writes (an evaluation's rows: see WriteOptions) on a second connection in a thread of its own
   * (default true for a database file; an in-memory database has no second connection). False writes
   * them on the event loop like any other, as before: for `pnpm bench:api:heavy`'s comparison.
   */
  readonly writerThread?: boolean;
  /** The writer thread's nice value on Linux (MUJUN_BACKGROUND_NICE; default 10): see runInBackground. */
  readonly backgroundNice?: number;
  /**
   * The fsync that makes a commit durable off the event loop (default true for a database file): the
   * connection commits with synchronous=NORMAL (the WAL is written, not flushed) and the engine flushes
   * the WAL itself in libuv's thread pool, settling each write only once a flush that began after its
   * COMMIT has returned (see #sync). False: synchronous=FULL, the fsync inside COMMIT on the event loop,
   * as before (`MUJUN_WORKER_THREADS=0`, the bench's comparison).
   */
  readonly syncOffLoop?: boolean;
  /** The flush (fs.fdatasync unless a test gives another). */
  readonly dataSync?: DataSync;
}

/**
 * SQLite (better-sqlite3) under the shared store: synchronous underneath, so each unit of work runs to
 * its end with nothing in between; each write is one savepoint of a group-committed transaction (see
 * #write), each read one or a few statements. The fsync of a commit (see #sync) and a large write (see
 * #writeOffThread) run off the event loop.
 */
export class SqliteEngine implements Engine {
  readonly dialect = SQLITE_DIALECT;
  readonly shared = false;
  readonly schemaVersion = LATEST_MIGRATION;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  /** Writes waiting for the next group commit (see #write). */
  readonly #queued: QueuedWrite[] = [];
  readonly #writer: OffThreadWriter | undefined;
  /** The large writes, one after another (see #writeOffThread). */
  #offThread: Promise<unknown> = Promise.resolve();
  /** While a large write holds SQLite's write lock on the other connection, the group commit waits. */
  #holding = false;
  /**
   * The WAL's file descriptor when this engine flushes it itself (syncOffLoop), and the flush. The WAL
   * stays the same file while this connection is open: SQLite deletes it only when the last connection
   * closes, and restarts or truncates it in place.
   */
  readonly #wal: { readonly fd: number; readonly dataSync: DataSync } | undefined;
  /** Group commits on this connection so far, and how many of them are known to be on disk. */
  #committed = 0;
  #durable = 0;
  /** Whether a flush is running, and the promises waiting for one (writes, and reads that saw a commit). */
  #syncing = false;
  readonly #awaitingSync: AwaitingSync[] = [];
  /** Set by a failed flush: every later read and write fails with it (see StoreSyncError). */
  #syncFailure: Error | undefined;
  #closed = false;
  /** Group commits since the last checkpoint was sent to the writer thread, when it does them. */
  #sinceCheckpoint: number | undefined;

  constructor(db: Database.Database, options: SqliteOptions = {}) {
    this.#db = db;
    // Each write's SAVEPOINT keeps the pages it changes in a sub-journal, to undo that write alone. Past
    // 64 KiB (16 pages: a filing changes about 23) SQLite spills it to a temp file, created and deleted
    // per group commit: about 50 pwrite calls per filing on the event loop. In memory it is a copy. The
    // sub-journal only undoes a savepoint inside a live transaction: durability rests on the WAL alone.
    db.pragma('temp_store = MEMORY');
    this.#writer =
      options.writerThread !== false && !db.memory
        ? new OffThreadWriter(db.name, options.backgroundNice)
        : undefined;
    if (options.syncOffLoop !== false && !db.memory && !db.readonly) {
      // The WAL exists once a WAL database has been read (openDatabase migrates it); read it here so.
      db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
      const fd = openSync(`${db.name}-wal`, 'r');
      // COMMIT writes the WAL without flushing it; #sync flushes it before any write is acknowledged.
      // Checkpoints still flush the WAL before copying it and the database after (SQLite's NORMAL).
      db.pragma('synchronous = NORMAL');
      this.#wal = { fd, dataSync: options.dataSync ?? fdatasync };
      if (this.#writer !== undefined) {
        // A checkpoint flushes the WAL and then the database file: on this connection it would run in
        // a COMMIT, on the event loop, every 1,000 pages. The writer thread's connection does it instead.
        db.pragma('wal_autocheckpoint = 0');
        this.#sinceCheckpoint = 0;
      }
    }
  }

  /** Prepared once, reused: statement preparation costs more than most of these queries. */
  #sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #execute = (statement: Statement): unknown => {
    const prepared = this.#sql(statement.sql);
    switch (statement.kind) {
      case 'get':
        return prepared.get(...statement.params.map(bindable));
      case 'all':
        return prepared.all(...statement.params.map(bindable));
      case 'run': {
        const result: RunResult = { changes: prepared.run(...statement.params.map(bindable)).changes };
        return result;
      }
    }
  };

  #drive<T>(work: () => Work<T>): T {
    return driveSync(work(), this.#execute);
  }

  /**
   * A read answers only with what is on disk: when it may have seen a commit whose flush is still
   * running (syncOffLoop), its answer waits for that flush, so that nothing a client is told (a stored
   * response replayed, an objection listed) can be lost by a crash after it was told.
   */
  read<T>(work: () => Work<T>): Promise<T> {
    if (this.#syncFailure !== undefined) return Promise.reject(this.#syncFailure);
    let value: T;
    try {
      value = this.#drive(work);
    } catch (error) {
      return Promise.reject(asError(error));
    }
    if (this.#durable === this.#committed) return Promise.resolve(value);
    return this.#flushed(value);
  }

  /** `value` once every commit made so far is on disk (see #sync). */
  #flushed<T>(value: T): Promise<T> {
    if (this.#syncFailure !== undefined) return Promise.reject(this.#syncFailure);
    return new Promise<T>((resolve, reject) => {
      this.#awaitingSync.push({
        commit: this.#committed,
        settle: (failure) => {
          if (failure === undefined) resolve(value);
          else reject(failure);
        },
      });
    });
  }

  /**
   * Group commit. A write is queued, and the writes queued in one event-loop turn run together in one
   * IMMEDIATE transaction (the write lock is taken at BEGIN, so what `decide` saw is still true at
   * COMMIT), so they share one fsync: the fsync is most of a write's cost, and concurrent filings
   * would otherwise queue behind each other's. Each write runs in its own SAVEPOINT (a nested
   * better-sqlite3 transaction), so one that throws is rolled back alone and rejects alone. The fsync
   * runs off the event loop (#sync, unless syncOffLoop is false): while it runs, the next batches
   * execute and commit, and wait for the next one. No promise settles before its batch's COMMIT has
   * returned and been flushed to disk: an acknowledged write is durable, and a caller that reads after
   * awaiting its write sees it.
   */
  write<T>(work: () => Work<T>, options: WriteOptions = {}): Promise<T> {
    if (this.#syncFailure !== undefined) return Promise.reject(this.#syncFailure);
    if (options.large === true && this.#writer !== undefined) return this.#writeOffThread(work, this.#writer);
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({
        work: () => this.#drive(work),
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      if (this.#queued.length === 1) {
        setImmediate(() => {
          this.#flush();
        });
      }
    });
  }

  /**
   * A large write: its own IMMEDIATE transaction on the writer thread's connection, driven from here
   * statement by statement (as on PostgreSQL), so the inserts of hundreds of MB, the commit's fsync and
   * the checkpoint after it never block the event loop. Writes stay serialised as the group commit
   * serialises them: what is queued commits first, then the queue waits (#holding) until this write has
   * committed or rolled back, and large writes take turns. Readers on the main connection go on meanwhile
   * and, under WAL, see the database as it was before this write until its COMMIT, then all of it: never
   * half an evaluation. The promise settles after COMMIT has returned (synchronous=FULL on that
   * connection too), so an acknowledged write is durable; one that throws is rolled back whole.
   */
  #writeOffThread<T>(work: () => Work<T>, writer: OffThreadWriter): Promise<T> {
    const turn = this.#offThread.then(async () => {
      this.#flush();
      this.#holding = true;
      try {
        await writer.exec('BEGIN IMMEDIATE');
        try {
          const value = await driveAsync(work(), (statement) => writer.execute(statement));
          await writer.exec('COMMIT');
          return value;
        } catch (error) {
          // After a failed statement or COMMIT the transaction may still be open: undo it whole.
          await writer.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      } finally {
        this.#holding = false;
        if (this.#queued.length > 0) {
          setImmediate(() => {
            this.#flush();
          });
        }
      }
    });
    this.#offThread = turn.catch(() => undefined);
    return turn;
  }

  #flush(): void {
    if (this.#holding) return;
    const batch = this.#queued.splice(0);
    if (batch.length === 0) return;
    const failure = this.#syncFailure;
    if (failure !== undefined) {
      // Queued before a flush failed, in the same turn: nothing more is committed (see StoreSyncError).
      for (const { reject } of batch) reject(failure);
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: Error })[] = [];
    try {
      this.#db
        .transaction(() => {
          for (const { work } of batch) {
            try {
              outcomes.push({ ok: true, value: this.#db.transaction(work)() });
            } catch (error) {
              // Some errors (SQLITE_FULL, SQLITE_IOERR…) make SQLite roll back the whole transaction:
              // then nothing of the batch can commit, and all of it fails below.
              if (!this.#db.inTransaction) throw error;
              outcomes.push({ ok: false, error: asError(error) });
            }
          }
        })
        .immediate();
    } catch (error) {
      // BEGIN or COMMIT failed, or the transaction was lost: no write of the batch is durable.
      for (const { reject } of batch) reject(asError(error));
      return;
    }
    const settle = (failure: Error | undefined) => {
      batch.forEach(({ resolve, reject }, index) => {
        const outcome = outcomes[index];
        if (failure !== undefined) reject(failure);
        else if (outcome === undefined) reject(new Error('a queued write has no outcome'));
        else if (outcome.ok) resolve(outcome.value);
        else reject(outcome.error);
      });
    };
    if (this.#wal === undefined) {
      settle(undefined);
      return;
    }
    // Committed (visible to this connection's readers, whose answers wait too), not yet on disk: every
    // write of the batch, the refused ones as well, is answered once a flush has covered this commit.
    this.#committed += 1;
    this.#awaitingSync.push({ commit: this.#committed, settle });
    this.#sync();
    if (this.#sinceCheckpoint !== undefined && ++this.#sinceCheckpoint >= CHECKPOINT_EVERY) {
      this.#sinceCheckpoint = 0;
      this.#checkpoint();
    }
  }

  /**
   * A PASSIVE checkpoint on the writer thread, in turn with the large writes (never inside one's
   * transaction): it copies what readers no longer need from the WAL into the database without taking
   * the write lock, so the group commit goes on meanwhile. A failure is left for the next one.
   */
  #checkpoint(): void {
    const writer = this.#writer;
    if (writer === undefined) return;
    this.#offThread = this.#offThread.then(() => writer.exec(CHECKPOINT)).catch(() => undefined);
  }

  /**
   * Flushes the WAL in libuv's thread pool, one flush at a time: the commits made while one runs wait
   * for the next, which covers them all (a second group commit, of the fsyncs). SQLite appends to the
   * WAL in commit order, so a flush begun after commit n has returned makes commits 1…n durable. A
   * failed flush fails everything waiting and everything after (StoreSyncError): whether those pages
   * reached the disk is unknown, so this process stops answering from its store until restarted, when
   * SQLite recovers the database from what is on disk.
   */
  #sync(): void {
    const wal = this.#wal;
    if (wal === undefined || this.#syncing || this.#closed || this.#durable === this.#committed) return;
    this.#syncing = true;
    const upTo = this.#committed;
    wal.dataSync(wal.fd, (error) => {
      this.#syncing = false;
      if (this.#closed) {
        closeSync(wal.fd);
        return;
      }
      this.#synced(upTo, error === null ? undefined : new StoreSyncError(error));
      this.#sync();
    });
  }

  /** The commits up to `upTo` are on disk (or, with `failure`, may never be): settles who waited for them. */
  #synced(upTo: number, failure: Error | undefined): void {
    if (failure !== undefined) this.#syncFailure ??= failure;
    else this.#durable = Math.max(this.#durable, upTo);
    let kept = 0;
    const waiting = this.#awaitingSync.splice(0);
    for (const entry of waiting) {
      if (this.#syncFailure !== undefined) entry.settle(this.#syncFailure);
      else if (entry.commit <= this.#durable) entry.settle(undefined);
      else this.#awaitingSync[kept++] = entry;
    }
  }

  ping(): Promise<void> {
    if (this.#syncFailure !== undefined) return Promise.reject(this.#syncFailure);
    this.#sql('SELECT 1').get();
    return Promise.resolve();
  }

  /** The copy may hold commits not yet flushed: it is answered for once they are on disk, as a read is. */
  async backup(file: string): Promise<void> {
    await this.#db.backup(file);
    if (this.#durable < this.#committed) await this.#flushed(undefined);
  }

  close(): void {
    // Writes still queued are committed (or rejected) first, rather than lost with the connection; a
    // large write still running is rolled back with its thread (it was never acknowledged).
    this.#writer?.close();
    this.#holding = false;
    this.#flush();
    const wal = this.#wal;
    if (wal !== undefined && !this.#closed) {
      // What was committed is flushed here, at once, and its writers answered; a flush still running
      // in the thread pool closes the descriptor when it ends.
      let failure: Error | undefined;
      try {
        if (this.#syncFailure === undefined && this.#durable < this.#committed) fdatasyncSync(wal.fd);
      } catch (error) {
        failure = new StoreSyncError(asError(error));
      }
      this.#synced(this.#committed, failure);
      this.#closed = true;
      if (!this.#syncing) closeSync(wal.fd);
    }
    this.#db.close();
  }
}

/** The store on SQLite: the shared store over a SqliteEngine. */
export class SqliteStore extends SqlStore {
  constructor(db: Database.Database, options: SqliteOptions = {}) {
    super(new SqliteEngine(db, options));
  }
}

/** The SQLite store in `dataDir` (created and migrated), or in memory for `:memory:`. */
export function openSqliteStore(dataDir: string, options: SqliteOptions = {}): SqliteStore {
  return new SqliteStore(openDatabase(dataDir), options);
}
