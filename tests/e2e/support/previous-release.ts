import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DATABASE_FILE, hashToken } from '../../../apps/api/src/index.js';
import { MIGRATIONS as PREVIOUS_MIGRATIONS } from '../../fixtures/upgrade/fab2915-sqlite-migrations.js';

/**
 * A data folder as the previous release (commit fab2915) left it: its migrations, applied the way it
 * applied them (each in a transaction with its schema_migrations row), then an admin token written in
 * that schema. Built at test time from the frozen migration list in
 * tests/fixtures/upgrade/, not committed as a binary.
 */
export const PREVIOUS_RELEASE = 'fab2915';
export const PREVIOUS_VERSIONS = PREVIOUS_MIGRATIONS.map((migration) => migration.version);

interface Database {
  exec(sql: string): void;
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction(work: () => void): () => void;
  close(): void;
}

const requireFromApi = createRequire(new URL('../../../apps/api/package.json', import.meta.url));

export function previousDataFolder(dataDir: string, token: string): void {
  mkdirSync(dataDir, { recursive: true });
  const Sqlite = requireFromApi('better-sqlite3') as new (file: string) => Database;
  const db = new Sqlite(join(dataDir, DATABASE_FILE));
  try {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
    for (const migration of PREVIOUS_MIGRATIONS) {
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          '2026-05-01T00:00:00.000Z',
        );
      })();
    }
    db.prepare(
      `INSERT INTO tokens (id, hash, role, department, town, uscc, label, created_at, revoked_at)
       VALUES (?, ?, 'admin', NULL, NULL, NULL, ?, ?, NULL)`,
    ).run('tok-previous', hashToken(token), 'made by the previous release', '2026-05-01T00:00:00.000Z');
  } finally {
    db.close();
  }
}

/** Marks the folder as migrated by a release newer than this build (a migration it does not know). */
export function markNewer(dataDir: string, version: number): void {
  const Sqlite = requireFromApi('better-sqlite3') as new (file: string) => Database;
  const db = new Sqlite(join(dataDir, DATABASE_FILE));
  try {
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      version,
      'from a newer release',
      '2027-01-01T00:00:00.000Z',
    );
  } finally {
    db.close();
  }
}
