import { parentPort, workerData } from 'node:worker_threads';
import { SnapshotHash } from '../domain/snapshot.js';
import { runInBackground } from './background.js';

/**
 * A worker thread that hashes one snapshot (see snapshot-hash.ts): it receives the pages of results in
 * order, answers each with an acknowledgement once hashed (the sender's flow control), and `null` with
 * the ETag; the sender then stops it.
 */

/** What the thread is started with: its module (for ts-worker.mjs), the snapshot and its nice value. */
export interface HashData {
  readonly module: string;
  readonly evaluationId: string;
  readonly phase: 'published' | 'final';
  readonly nice: number;
}

/** A page to hash, or null: every page is in. */
export type HashRequest = readonly string[] | null;

export type HashReply = { readonly hashed: true } | { readonly etag: string };

const port = parentPort;
if (port === null) throw new Error('hash-thread.ts runs as a worker thread');
const data = workerData as HashData;
runInBackground(data.nice);
const hash = new SnapshotHash(data.evaluationId, data.phase);
port.on('message', (request: HashRequest) => {
  if (request === null) {
    const reply: HashReply = { etag: hash.etag() };
    port.postMessage(reply);
    return;
  }
  hash.page(request);
  const reply: HashReply = { hashed: true };
  port.postMessage(reply);
});
