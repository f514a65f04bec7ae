import type Database from 'better-sqlite3';
import { bindable, driveAsync, driveSync } from '../sql/query.js';
import type { Dialect, Engine, RunResult, Statement, Work, WriteOptions } from '../sql/query.js';
import { SqlStore } from '../sql/sql-store.js';
import { openDatabase } from './database.js';
import { LATEST_MIGRATION } from './migrations.js';
import { OffThreadWriter } from './writer.js';

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error('transaction failed', { cause: error });
}

interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
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
}

/**
 * SQLite (better-sqlite3) under the shared store: synchronous underneath, so each unit of work runs to
 * its end with nothing in between; each write is one savepoint of a group-committed transaction (see
 * #write), each read one or a few statements. A large write runs off the event loop instead (see
 * #writeOffThread).
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

  constructor(db: Database.Database, options: SqliteOptions = {}) {
    this.#db = db;
    this.#writer = options.writerThread !== false && !db.memory ? new OffThreadWriter(db.name) : undefined;
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

  read<T>(work: () => Work<T>): Promise<T> {
    try {
      return Promise.resolve(this.#drive(work));
    } catch (error) {
      return Promise.reject(asError(error));
    }
  }

  /**
   * Group commit. A write is queued, and the writes queued in one event-loop turn run together in one
   * IMMEDIATE transaction (the write lock is taken at BEGIN, so what `decide` saw is still true at
   * COMMIT), so they share one fsync: with synchronous=FULL the fsync is most of a write's cost, and
   * concurrent filings would otherwise queue behind each other's. Each write runs in its own SAVEPOINT
   * (a nested better-sqlite3 transaction), so one that throws is rolled back alone and rejects alone.
   * No promise settles before COMMIT has returned: an acknowledged write is durable, and a caller that
   * reads after awaiting its write sees it.
   */
  write<T>(work: () => Work<T>, options: WriteOptions = {}): Promise<T> {
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
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) reject(new Error('a queued write has no outcome'));
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }

  ping(): Promise<void> {
    this.#sql('SELECT 1').get();
    return Promise.resolve();
  }

  async backup(file: string): Promise<void> {
    await this.#db.backup(file);
  }

  close(): void {
    // Writes still queued are committed (or rejected) first, rather than lost with the connection; a
    // large write still running is rolled back with its thread (it was never acknowledged).
    this.#writer?.close();
    this.#holding = false;
    this.#flush();
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
