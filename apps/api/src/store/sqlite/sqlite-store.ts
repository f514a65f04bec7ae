import type Database from 'better-sqlite3';
import { driveSync } from '../sql/query.js';
import type { Dialect, Engine, RunResult, Statement, Work } from '../sql/query.js';
import { SqlStore } from '../sql/sql-store.js';
import { openDatabase } from './database.js';
import { LATEST_MIGRATION } from './migrations.js';

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

/**
 * SQLite (better-sqlite3) under the shared store: synchronous underneath, so each unit of work runs to
 * its end with nothing in between; each write is one savepoint of a group-committed transaction (see
 * #write), each read one or a few statements.
 */
export class SqliteEngine implements Engine {
  readonly dialect = SQLITE_DIALECT;
  readonly shared = false;
  readonly schemaVersion = LATEST_MIGRATION;
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  /** Writes waiting for the next group commit (see #write). */
  readonly #queued: QueuedWrite[] = [];

  constructor(db: Database.Database) {
    this.#db = db;
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
        return prepared.get(...statement.params);
      case 'all':
        return prepared.all(...statement.params);
      case 'run': {
        const result: RunResult = { changes: prepared.run(...statement.params).changes };
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
  write<T>(work: () => Work<T>): Promise<T> {
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

  #flush(): void {
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
    // Writes still queued are committed (or rejected) first, rather than lost with the connection.
    this.#flush();
    this.#db.close();
  }
}

/** The store on SQLite: the shared store over a SqliteEngine. */
export class SqliteStore extends SqlStore {
  constructor(db: Database.Database) {
    super(new SqliteEngine(db));
  }
}

/** The SQLite store in `dataDir` (created and migrated), or in memory for `:memory:`. */
export function openSqliteStore(dataDir: string): SqliteStore {
  return new SqliteStore(openDatabase(dataDir));
}
