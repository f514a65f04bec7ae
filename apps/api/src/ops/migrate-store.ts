import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createPool, migratePostgres } from '../store/postgres/postgres-store.js';
import { DATABASE_FILE, openDatabase } from '../store/sqlite/database.js';

/**
 * `mujun store migrate --from <data dir> --to postgres://…`: a county's SQLite store copied into an empty
 * PostgreSQL database in one transaction, then verified table by table: the rows of each, in key order,
 * with every column as text, hashed on both sides; the copy is kept only when every digest agrees.
 */

/** The tables in the order their foreign keys allow, with the key they are read in. */
const TABLES: readonly { readonly name: string; readonly key: string }[] = [
  { name: 'tokens', key: 'id' },
  { name: 'accounts', key: 'id' },
  { name: 'evaluations', key: 'id' },
  { name: 'records', key: 'evaluation_id, uscc' },
  { name: 'results', key: 'evaluation_id, phase, uscc' },
  { name: 'objections', key: 'id' },
  { name: 'objection_items', key: 'id' },
  { name: 'evidence', key: 'id' },
  { name: 'idempotency', key: 'principal, key' },
  { name: 'audit', key: 'seq' },
  { name: 'sessions', key: 'id' },
  { name: 'sign_in_throttle', key: 'name' },
  { name: 'activation_codes', key: 'uscc' },
  { name: 'recovery_codes', key: 'account_id, hash' },
  { name: 'calendar_years', key: 'year' },
  { name: 'ledgers', key: 'evaluation_id' },
  { name: 'ledger_files', key: 'id' },
  { name: 'ledger_notes', key: 'id' },
  { name: 'ledger_attachments', key: 'id' },
  { name: 'proposals', key: 'id' },
];

/** Kept by PostgreSQL's trigger as evidence rows arrive: compared, not copied. */
const DERIVED = [
  { name: 'evidence_totals', key: 'evaluation_id, uscc' },
  { name: 'evidence_evaluation_totals', key: 'evaluation_id' },
] as const;

export interface TableDigest {
  readonly table: string;
  readonly rows: number;
  readonly sqlite: string;
  readonly postgres: string;
}

export class StoreMigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A column's value as the digest sees it: the same text from either engine. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return '\u0000null';
  if (Buffer.isBuffer(value)) return `\u0000bytes:${value.toString('hex')}`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return value;
  throw new StoreMigrationError(`unexpected value of type ${typeof value}`);
}

function digest(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    hash.update(JSON.stringify(columns.map((column) => canonical(row[column]))));
    hash.update('\n');
  }
  return hash.digest('hex');
}

/** The stored columns of a SQLite table (generated ones, which PostgreSQL fills itself, left out). */
function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((column) => column.name);
}

export async function migrateStore(
  dataDir: string,
  url: string,
  progress: (line: string) => void = () => undefined,
): Promise<TableDigest[]> {
  if (!existsSync(join(dataDir, DATABASE_FILE))) {
    throw new StoreMigrationError(`${dataDir} 中没有 mujun 数据库 (no mujun store in ${dataDir})`);
  }
  const db = openDatabase(dataDir);
  const pool = createPool(url, { poolSize: 2 });
  try {
    await migratePostgres(pool);
    const client = await pool.connect();
    try {
      for (const { name } of [...TABLES, ...DERIVED]) {
        const found = await client.query(`SELECT COUNT(*) AS n FROM ${name}`);
        if (Number((found.rows[0] as { n: string }).n) > 0) {
          throw new StoreMigrationError(
            `目标数据库的 ${name} 表不为空，不会覆盖 (the target's ${name} table is not empty; migrate into an empty database)`,
          );
        }
      }
      await client.query('BEGIN');
      try {
        for (const { name, key } of TABLES) {
          const columns = columnsOf(db, name);
          const insert = `INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
          let rows = 0;
          for (const row of db
            .prepare(`SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${key}`)
            .iterate()) {
            const record = row as Record<string, unknown>;
            await client.query(
              insert,
              columns.map((column) => record[column]),
            );
            rows += 1;
          }
          progress(`${name}: ${rows}`);
        }
        // The audit trail keeps its numbers; new entries continue after them.
        await client.query(
          "SELECT setval(pg_get_serial_sequence('audit', 'seq'), COALESCE((SELECT MAX(seq) FROM audit), 0) + 1, false)",
        );
        const digests: TableDigest[] = [];
        for (const { name, key } of [...TABLES, ...DERIVED]) {
          const columns = columnsOf(db, name);
          const select = `SELECT ${columns.join(', ')} FROM ${name} ORDER BY ${key}`;
          const local = db.prepare(select).all() as Record<string, unknown>[];
          const remote = (await client.query(select)).rows as Record<string, unknown>[];
          digests.push({
            table: name,
            rows: local.length,
            sqlite: digest(columns, local),
            postgres: digest(columns, remote),
          });
        }
        const differing = digests.filter((entry) => entry.sqlite !== entry.postgres);
        if (differing.length > 0) {
          throw new StoreMigrationError(
            `迁移后校验不一致，已回滚：${differing.map((entry) => entry.table).join('、')} (digests differ; nothing was kept)`,
          );
        }
        await client.query('COMMIT');
        return digests;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    } finally {
      client.release();
    }
  } finally {
    db.close();
    await pool.end();
  }
}
