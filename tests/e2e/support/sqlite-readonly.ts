import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DATABASE_FILE } from '../../../apps/api/src/index.js';

/**
 * The server's database opened read-only beside it (WAL lets a reader in while the server writes), to
 * look under the API: row counts, orphans, integrity. better-sqlite3 is the api's dependency, so it is
 * loaded from there, and these lines declare the little of it the tests use.
 */
export interface ReadonlyDatabase {
  prepare(sql: string): {
    get(...params: unknown[]): unknown;
    all(...params: unknown[]): unknown[];
  };
  pragma(sql: string, options?: { simple: boolean }): unknown;
  close(): void;
}

type DatabaseConstructor = new (
  file: string,
  options: { readonly: boolean; fileMustExist: boolean },
) => ReadonlyDatabase;

const requireFromApi = createRequire(new URL('../../../apps/api/package.json', import.meta.url));

export function openReadonly(dataDir: string): ReadonlyDatabase {
  const Database = requireFromApi('better-sqlite3') as DatabaseConstructor;
  return new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
}

/** `SELECT COUNT(*)`-style queries: the single number they answer. */
export function count(db: ReadonlyDatabase, sql: string, ...params: unknown[]): number {
  const row = db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
  const value = row === undefined ? undefined : Object.values(row)[0];
  if (typeof value !== 'number') throw new Error(`${sql} answered no number`);
  return value;
}
