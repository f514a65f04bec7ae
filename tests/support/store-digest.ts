import { createHash } from 'node:crypto';
import pg from 'pg';
import { openReadonly } from '../e2e/support/sqlite-readonly.js';

/**
 * A digest of every table of a store's database, on either engine: each table's row count and the
 * SHA-256 of its rows in a fixed order. Two digests of the same database are equal exactly when no row
 * was added, removed or changed in between, so a suite can prove that requests stored nothing, whatever
 * the engine. The tables are listed from the database's own catalogue (not from a list in the test), so
 * a table a later migration adds is covered without anyone remembering it.
 */

export type TableDigest = Readonly<Record<string, { readonly rows: number; readonly sha256: string }>>;

/** Where the database is: the SQLite file in a data directory, or a PostgreSQL database's URL. */
export type DigestTarget =
  | { readonly engine: 'sqlite'; readonly dataDir: string }
  | { readonly engine: 'postgres'; readonly url: string };

function hashRows(rows: readonly unknown[]): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    hash.update(
      JSON.stringify(row, (_, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
    );
    hash.update('\n');
  }
  return hash.digest('hex');
}

function sqliteDigest(dataDir: string): TableDigest {
  const db = openReadonly(dataDir);
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[];
    const digest: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables) {
      const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as { cid: number }[]).map(
        (c) => c.cid + 1,
      );
      // Names come from the catalogue, not from input; identifiers cannot be bound parameters.
      const rows = db.prepare(`SELECT * FROM "${name}" ORDER BY ${columns.join(', ')}`).all();
      digest[name] = { rows: rows.length, sha256: hashRows(rows) };
    }
    return digest;
  } finally {
    db.close();
  }
}

async function postgresDigest(url: string): Promise<TableDigest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        ORDER BY table_name COLLATE "C"`,
    );
    const digest: Record<string, { rows: number; sha256: string }> = {};
    for (const { name } of tables.rows) {
      // Each row as PostgreSQL's text of the whole record, in byte order of that text: every column
      // counts, and a TEXT column holding JSON needs no ordering operator. The name is the catalogue's.
      const rows = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM "${name.replaceAll('"', '""')}" AS t ORDER BY t::text COLLATE "C"`,
      );
      digest[name] = { rows: rows.rows.length, sha256: hashRows(rows.rows.map((r) => r.row)) };
    }
    return digest;
  } finally {
    await client.end();
  }
}

/** The digest of every table of the database at `target`. */
export async function storeDigest(target: DigestTarget): Promise<TableDigest> {
  return target.engine === 'sqlite' ? sqliteDigest(target.dataDir) : postgresDigest(target.url);
}
