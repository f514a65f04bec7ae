import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { refuseNewerSchema } from '../store.js';
import { MIGRATIONS } from './migrations.js';

export const DATABASE_FILE = 'mujun.sqlite';

/**
 * Opens (creating if needed) the database in `dataDir`, or an in-memory one for `:memory:`, with the
 * settings durability depends on, and brings its schema up to date.
 */
export function openDatabase(dataDir: string): Database.Database {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, DATABASE_FILE);
  }
  const db = openConnection(file);
  migrate(db);
  return db;
}

/**
 * A connection to `file` (or `:memory:`) with the settings durability depends on, not migrated: what
 * openDatabase and the off-thread writer (writer-thread.ts) both use.
 */
export function openConnection(file: string): Database.Database {
  const db = new Database(file);
  // WAL: readers never block the writer, and a commit is one append. synchronous=FULL fsyncs the WAL at
  // every commit, so a response sent after a commit survives kill -9 and power loss alike.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (mujun backup, mujun token) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  // Result lookups read a few KB each: keep the hot pages in memory (64 MiB cache, reads via mmap).
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  return db;
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction; throws
 * NewerSchemaError, changing nothing, when the database holds a migration this build does not know.
 */
export function migrate(db: Database.Database): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((version) => Number(version)),
  );
  // Forward only: a schema from a newer build is refused, not run on.
  refuseNewerSchema(applied, MIGRATIONS);
  const done: number[] = [];
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    // IMMEDIATE: a second process starting at the same moment waits instead of applying it twice.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version);
      if (again !== undefined) return;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
      done.push(migration.version);
    }).immediate();
  }
  return done;
}
