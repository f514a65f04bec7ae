import pg from 'pg';
import { bindable, driveAsync } from '../sql/query.js';
import type { Dialect, Engine, RunResult, Statement, Work } from '../sql/query.js';
import { SqlStore } from '../sql/sql-store.js';
import { refuseNewerSchema, StoreUnavailableError } from '../store.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';

/** PostgreSQL's side of the few fragments the engines write differently (see Dialect). */
export const POSTGRES_DIALECT: Dialect = {
  jsonText: (column, keys) =>
    `json_extract_path_text(CAST(${column} AS json), ${keys.map((key) => `'${key.replaceAll("'", "''")}'`).join(', ')})`,
  indicatorValue: `CAST(json_extract_path_text(CAST(summary_json AS json), 'indicators', CAST(? AS TEXT), 'value') AS NUMERIC)`,
  contains: (column) => `strpos(${column}, CAST(? AS TEXT)) > 0`,
};

/** `?` placeholders numbered `$1, $2…` (outside quoted text), once per distinct statement. */
const numbered = new Map<string, string>();
export function numberPlaceholders(sql: string): string {
  let cached = numbered.get(sql);
  if (cached !== undefined) return cached;
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (const char of sql) {
    if (quote !== null) {
      if (char === quote) quote = null;
      out += char;
    } else if (char === "'" || char === '"') {
      quote = char;
      out += char;
    } else if (char === '?') {
      n += 1;
      out += `$${n}`;
    } else out += char;
  }
  cached = out;
  if (numbered.size < 10_000) numbered.set(sql, cached);
  return cached;
}

/** SQLSTATE classes and socket errors that mean "the server is not there (now)", not "the query is wrong". */
const UNAVAILABLE_CODES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '53300', // too_many_connections
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i.test(
    error.message,
  );
}

function unavailable(error: unknown): unknown {
  return isUnavailable(error) && !(error instanceof StoreUnavailableError)
    ? new StoreUnavailableError({ cause: error })
    : error;
}

async function execute(client: pg.Pool | pg.PoolClient, statement: Statement): Promise<unknown> {
  const result = await client.query({
    text: numberPlaceholders(statement.sql),
    values: statement.params.map(bindable),
  });
  switch (statement.kind) {
    case 'get':
      return result.rows[0];
    case 'all':
      return result.rows;
    case 'run': {
      const answer: RunResult = { changes: result.rowCount ?? 0 };
      return answer;
    }
  }
}

interface QueuedWrite {
  readonly work: () => Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

export interface PostgresOptions {
  /** Connections this instance may hold (default 10). */
  readonly poolSize?: number;
  /** How long a request waits for a connection before it is answered 503 (default 5 s). */
  readonly connectTimeoutMs?: number;
}

/**
 * PostgreSQL (node-postgres) under the shared store. A read runs its statements on pooled connections;
 * writes are group-committed as on SQLite: those that arrive while a transaction is running wait for
 * it, then run together in the next, each in its own SAVEPOINT so one that throws is undone alone. Every
 * write transaction first locks the row of `write_lock`, so writes are serialised across instances and
 * what a write's rules saw is still true at its commit. `synchronous_commit` is on for every connection:
 * no promise settles before COMMIT has returned, so an acknowledged write is on the server's disk.
 */
export class PostgresEngine implements Engine {
  readonly dialect = POSTGRES_DIALECT;
  readonly shared = true;
  readonly schemaVersion = Math.max(...POSTGRES_MIGRATIONS.map((migration) => migration.version));
  readonly #pool: pg.Pool;
  readonly #queued: QueuedWrite[] = [];
  #flushing = false;

  constructor(pool: pg.Pool) {
    this.#pool = pool;
  }

  read<T>(work: () => Work<T>): Promise<T> {
    return driveAsync(work(), (statement) => execute(this.#pool, statement)).catch((error: unknown) => {
      throw unavailable(error);
    });
  }

  write<T>(work: () => Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queued.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#flushing) void this.#flush();
    });
  }

  async #flush(): Promise<void> {
    this.#flushing = true;
    try {
      while (this.#queued.length > 0) await this.#commit(this.#queued.splice(0));
    } finally {
      this.#flushing = false;
    }
  }

  async #commit(batch: readonly QueuedWrite[]): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.#pool.connect();
    } catch (error) {
      for (const { reject } of batch) reject(unavailable(error));
      return;
    }
    // The server may go away between two statements: the error then comes as an event, not a rejection.
    let broken: unknown = undefined;
    const lost = (error: Error) => {
      broken ??= error;
    };
    client.on('error', lost);
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      await client.query('BEGIN');
      await client.query('SELECT id FROM write_lock WHERE id = 1 FOR UPDATE');
      for (const { work } of batch) {
        await client.query('SAVEPOINT write');
        try {
          const value = await driveAsync(work(), (statement) => execute(client, statement));
          await client.query('RELEASE SAVEPOINT write');
          outcomes.push({ ok: true, value });
        } catch (error) {
          if (isUnavailable(error)) throw error;
          await client.query('ROLLBACK TO SAVEPOINT write');
          outcomes.push({ ok: false, error });
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      // BEGIN, the lock or COMMIT failed, or the connection went: no write of the batch is acknowledged.
      broken = error;
      try {
        await client.query('ROLLBACK');
      } catch {
        // the connection is gone: the server rolls the transaction back itself
      }
    } finally {
      client.off('error', lost);
      client.release(broken !== undefined && isUnavailable(broken) ? (broken as Error) : undefined);
    }
    if (broken !== undefined) {
      for (const { reject } of batch) reject(unavailable(broken));
      return;
    }
    batch.forEach(({ resolve, reject }, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined) reject(new Error('a queued write has no outcome'));
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  }

  async ping(): Promise<void> {
    try {
      await this.#pool.query('SELECT 1');
    } catch (error) {
      throw unavailable(error);
    }
  }

  backup(): Promise<void> {
    return Promise.reject(
      new Error('a PostgreSQL store is backed up with pg_dump (see the README), not mujun backup'),
    );
  }

  async close(): Promise<void> {
    while (this.#flushing || this.#queued.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await this.#pool.end();
  }
}

/** Applies the migrations not yet recorded, each in its own transaction, one instance at a time. */
export async function migratePostgres(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    // Two instances starting together: the second's CREATE waits on, or fails against, the first's.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
          version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    // Forward only: a schema from a newer build is refused, not run on.
    const applied = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    refuseNewerSchema(
      applied.rows.map((row) => row.version),
      POSTGRES_MIGRATIONS,
    );
    const done: number[] = [];
    for (const migration of POSTGRES_MIGRATIONS) {
      await client.query('BEGIN');
      try {
        await client.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
        const again = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [
          migration.version,
        ]);
        if (again.rowCount === 0) {
          await client.query(migration.sql);
          await client.query(
            'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
            [migration.version, migration.name, new Date().toISOString()],
          );
          done.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return done;
  } finally {
    client.release();
  }
}

export function createPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // Durability does not depend on the server's defaults: a commit returns once it is flushed.
    options: '-c synchronous_commit=on',
    application_name: 'mujun',
  });
  // An idle connection the server dropped (a restart) is an 'error' on the pool: it is discarded and a
  // new one made at the next query. Without a listener Node would treat it as uncaught.
  pool.on('error', () => {});
  return pool;
}

/** The store on PostgreSQL: the shared store over a PostgresEngine. */
export class PostgresStore extends SqlStore {
  constructor(pool: pg.Pool) {
    super(new PostgresEngine(pool));
  }
}

/** The PostgreSQL store at `url`, its schema brought up to date first. */
export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<PostgresStore> {
  const pool = createPool(url, options);
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool);
}
