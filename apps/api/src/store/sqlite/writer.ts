import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE } from '../../work/background.js';
import { workerModule } from '../../work/worker-module.js';
import type { Statement } from '../sql/query.js';
import type { Checkpoint, WriterCommand, WriterData, WriterReply, WriterRequest } from './writer-thread.js';

/** The checkpoint the main connection leaves to the writer thread (see SqliteEngine). */
export const CHECKPOINT: Checkpoint = 'PRAGMA wal_checkpoint(PASSIVE)';

/** The entry that loads a .ts worker module under tsx (see ts-worker.mjs). */
const TS_WORKER = fileURLToPath(new URL('../../work/ts-worker.mjs', import.meta.url));

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
}

/** An error from the writer thread, with SQLite's code (SQLITE_CONSTRAINT_…) kept. */
function revive(error: { readonly message: string; readonly code: unknown }): Error {
  return Object.assign(new Error(error.message), { code: error.code });
}

/**
 * A second connection to the database file, in a thread of its own (writer-thread.ts), driven from here
 * one statement at a time, as PostgreSQL's connections are: the event loop only sends each statement and
 * receives its answer, while SQLite inserts, fsyncs and checkpoints in the other thread. Started on first
 * use and kept until close; if the thread dies, what was in flight fails and the next use starts another.
 */
export class OffThreadWriter {
  readonly #file: string;
  readonly #nice: number;
  #worker: Worker | undefined;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  /** `nice`: the thread's nice value on Linux (see runInBackground). */
  constructor(file: string, nice: number = BACKGROUND_NICE) {
    this.#file = file;
    this.#nice = nice;
  }

  #thread(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const { filename, execArgv } = workerModule(import.meta.url, 'writer-thread');
    const data: WriterData = { module: filename, file: this.#file, nice: this.#nice };
    const worker =
      execArgv === undefined
        ? new Worker(filename, { workerData: data })
        : new Worker(TS_WORKER, { workerData: data, execArgv });
    worker.on('message', (reply: WriterReply) => {
      const pending = this.#pending.get(reply.id);
      if (pending === undefined) return;
      this.#pending.delete(reply.id);
      // An idle thread does not keep the process alive; one with work in flight does.
      if (this.#pending.size === 0) worker.unref();
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(revive(reply.error));
    });
    worker.on('error', (error) => {
      this.#lost(worker, error);
    });
    worker.on('exit', (code) => {
      this.#lost(worker, new Error(`the store's writer thread exited (${code})`));
    });
    this.#worker = worker;
    return worker;
  }

  /** The thread is gone: its connection (and any open transaction, rolled back) with it. */
  #lost(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(error);
    this.#pending.clear();
  }

  #send(command: WriterCommand): Promise<unknown> {
    const worker = this.#thread();
    const id = (this.#nextId += 1);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      const request: WriterRequest = { id, ...command };
      worker.postMessage(request);
    });
  }

  execute(statement: Statement): Promise<unknown> {
    return this.#send({ statement });
  }

  exec(sql: 'BEGIN IMMEDIATE' | 'COMMIT' | 'ROLLBACK' | Checkpoint): Promise<void> {
    return this.#send({ exec: sql }).then(() => undefined);
  }

  close(): void {
    const worker = this.#worker;
    if (worker === undefined) return;
    this.#lost(worker, new Error('the store was closed'));
    void worker.terminate();
  }
}
