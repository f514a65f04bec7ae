import { existsSync } from 'node:fs';
import type { Store } from '../store/store.js';

/**
 * A consistent copy of the live store in `file` (SQLite's online backup: the server keeps serving).
 * Refuses to overwrite: a backup is never silently replaced.
 */
export async function backupStore(store: Store, file: string): Promise<void> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file for the backup`);
  await store.backup(file);
}
