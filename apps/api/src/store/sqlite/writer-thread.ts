import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { bindable } from '../sql/query.js';
import type { Statement } from '../sql/query.js';
import { runInBackground } from '../../work/background.js';
import { openConnection } from './database.js';

/**
 * The off-thread writer's thread (see writer.ts): its own connection to the database file, running the
 * statements the main thread sends, one at a time, in the order they come. Transactions are the main
 * thread's to open and close (BEGIN IMMEDIATE … COMMIT or ROLLBACK, sent as statements like any other):
 * the long ones (an evaluation's hundreds of MB of rows, the fsync of its commit, the checkpoint after
 * it) then block this thread, never the event loop.
 */

/** What the thread is started with: its module (for ts-worker.mjs), the database file and its nice value. */
export interface WriterData {
  readonly module: string;
  readonly file: string;
  readonly nice: number;
}

/** A statement to run, or a transaction to open or close. */
export type WriterCommand =
  | { readonly statement: Statement }
  | { readonly exec: 'BEGIN IMMEDIATE' | 'COMMIT' | 'ROLLBACK' | Checkpoint };

/** The checkpoint the main connection leaves to this thread (see SqliteEngine): copying the WAL into the database. */
export type Checkpoint = 'PRAGMA wal_checkpoint(PASSIVE)';

export type WriterRequest = WriterCommand & { readonly id: number };

export type WriterReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { readonly message: string; readonly code: unknown };
    };

const port = parentPort;
if (port === null) throw new Error('writer-thread.ts runs as a worker thread');
// Its inserts and fsyncs yield the cores to the event loop (see runInBackground).
runInBackground((workerData as WriterData).nice);
const db = openConnection((workerData as WriterData).file);
const statements = new Map<string, Database.Statement>();

function execute(statement: Statement): unknown {
  let prepared = statements.get(statement.sql);
  if (prepared === undefined) {
    prepared = db.prepare(statement.sql);
    statements.set(statement.sql, prepared);
  }
  const params = statement.params.map(bindable);
  switch (statement.kind) {
    case 'get':
      return prepared.get(...params);
    case 'all':
      return prepared.all(...params);
    case 'run':
      return { changes: prepared.run(...params).changes };
  }
}

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    let value: unknown = undefined;
    if ('exec' in request) db.exec(request.exec);
    else value = execute(request.statement);
    reply = { id: request.id, ok: true, value };
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    reply = {
      id: request.id,
      ok: false,
      error: { message: failure.message, code: (failure as { code?: unknown }).code },
    };
  }
  port.postMessage(reply);
});
