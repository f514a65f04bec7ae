import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { snapshotEtag } from '../domain/snapshot.js';
import type { HashData, HashReply, HashRequest } from './hash-thread.js';
import { workerModule } from './worker-module.js';

/** The entry that loads a .ts worker module under tsx (see ts-worker.mjs). */
const TS_WORKER = fileURLToPath(new URL('./ts-worker.mjs', import.meta.url));

/**
 * Results from which a snapshot is hashed in a worker thread: below it, hashing on the event loop costs
 * less than starting a thread (a page of 250 results is about 2 ms of its CPU).
 */
export const OFF_THREAD_FROM = 2_000;

/** Pages sent and not yet hashed, at most: the thread may be slower than the reads (it runs niced). */
const IN_FLIGHT = 4;

/** One snapshot's hash in a worker thread (hash-thread.ts), fed a page at a time. */
class HashThread {
  readonly #worker: Worker;
  #inFlight = 0;
  /** Whoever waits for the thread: a turn to send (an acknowledgement), or the ETag. */
  #waiting: { resolve: (etag?: string) => void; reject: (error: Error) => void } | undefined;
  #failure: Error | undefined;

  constructor(evaluationId: string, phase: 'published' | 'final', nice: number) {
    const { filename, execArgv } = workerModule(import.meta.url, 'hash-thread');
    const data: HashData = { module: filename, evaluationId, phase, nice };
    this.#worker =
      execArgv === undefined
        ? new Worker(filename, { workerData: data })
        : new Worker(TS_WORKER, { workerData: data, execArgv });
    this.#worker.on('message', (reply: HashReply) => {
      if ('hashed' in reply) this.#inFlight -= 1;
      const waiting = this.#waiting;
      this.#waiting = undefined;
      waiting?.resolve('etag' in reply ? reply.etag : undefined);
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      this.#waiting?.reject(this.#failure);
      this.#waiting = undefined;
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => {
      fail(new Error(`the snapshot's hash thread exited (${code})`));
    });
  }

  #wait(): Promise<string | undefined> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#waiting = { resolve, reject };
    });
  }

  /** Sends a page, once fewer than IN_FLIGHT are waiting to be hashed. */
  async page(page: readonly string[]): Promise<void> {
    while (this.#inFlight >= IN_FLIGHT) await this.#wait();
    if (this.#failure !== undefined) throw this.#failure;
    const request: HashRequest = page;
    this.#worker.postMessage(request);
    this.#inFlight += 1;
  }

  async etag(): Promise<string> {
    const request: HashRequest = null;
    this.#worker.postMessage(request);
    for (;;) {
      const etag = await this.#wait();
      if (etag !== undefined) return etag;
    }
  }

  close(): void {
    void this.#worker.terminate();
  }
}

/**
 * snapshotEtag(…), the same ETag, with the hashing in a worker thread at the nice value given when the
 * evaluation has OFF_THREAD_FROM results or more: the event loop only reads each page and hands it over
 * (structured clone, about a third of the CPU of joining and hashing it there). Publishing a 100,000-
 * enterprise evaluation hashes some 250 MB. The first pages are held until there are that many, so a small
 * evaluation is hashed on the event loop without starting a thread.
 */
export async function snapshotEtagOffLoop(
  evaluationId: string,
  phase: 'published' | 'final',
  pages: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
  nice: number,
): Promise<string> {
  const held: (readonly string[])[] = [];
  let count = 0;
  let thread: HashThread | undefined;
  try {
    for await (const page of pages) {
      if (thread !== undefined) {
        await thread.page(page);
        continue;
      }
      held.push(page);
      count += page.length;
      if (count < OFF_THREAD_FROM) continue;
      thread = new HashThread(evaluationId, phase, nice);
      for (const each of held.splice(0)) await thread.page(each);
    }
    return thread === undefined ? await snapshotEtag(evaluationId, phase, held) : await thread.etag();
  } finally {
    thread?.close();
  }
}
