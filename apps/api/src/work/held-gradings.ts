import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GradeInput, HeldGradings } from '../domain/regrade.js';
import type { JobAnswer, JobName, JobRequest } from '../domain/regraded-jobs.js';
import { revive } from './failure.js';
import { Gradings } from './gradings.js';
import type { GradingsCall, GradingsData, GradingsReply } from './gradings-thread.js';
import { workerModule } from './worker-module.js';

/** The entry that loads a .ts worker module under tsx (see ts-worker.mjs). */
const TS_WORKER = fileURLToPath(new URL('./ts-worker.mjs', import.meta.url));

/** `make`'s answer as a promise, a throw (NOT_HELD) as a rejection, as it is from the thread. */
async function settled<T>(make: () => T | Promise<T>): Promise<T> {
  await Promise.resolve();
  return make();
}

/** The gradings held on the event loop: only with MUJUN_WORKER_THREADS=0, for measuring the difference. */
export class InlineGradings implements HeldGradings {
  readonly #gradings = new Gradings();

  grade(key: string, input: GradeInput): Promise<number> {
    return settled(() => this.#gradings.grade(key, input));
  }
  check(key: string, page: readonly string[]): Promise<boolean> {
    return settled(() => this.#gradings.check(key, page));
  }
  finish(key: string): Promise<number | null> {
    return settled(() => this.#gradings.finish(key));
  }
  run<N extends JobName>(key: string, name: N, request: JobRequest<N>): Promise<JobAnswer<N>> {
    return settled(() => this.#gradings.run(key, name, request));
  }
  drop(key: string): void {
    this.#gradings.drop(key);
  }
  async close(): Promise<void> {
    // Nothing runs elsewhere.
  }
}

type Call = GradingsCall extends infer C
  ? C extends { op: infer Op; args: infer A }
    ? { op: Op; args: A }
    : never
  : never;

/**
 * The gradings held in a thread of their own (gradings-thread.ts), started on the first regrade at the
 * background nice value and with the workers' heap limit: a regrade, its check against the stored
 * results and every download's job run there, one at a time, so the event loop only reads the stored
 * text, hands it over and receives each download's answer. If the thread dies (its heap limit), every
 * call waiting fails, and the next starts a new thread, which holds nothing: the cache grades again.
 */
export class GradingsThread implements HeldGradings {
  readonly #settings: { readonly memoryMb: number; readonly nice: number };
  #worker: Worker | undefined;
  #next = 0;
  readonly #waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();

  constructor(settings: { readonly memoryMb: number; readonly nice: number }) {
    this.#settings = settings;
  }

  #thread(): Worker {
    if (this.#worker !== undefined) return this.#worker;
    const { filename, execArgv } = workerModule(import.meta.url, 'gradings-thread');
    const options = {
      workerData: { module: filename, nice: this.#settings.nice } satisfies GradingsData,
      resourceLimits: { maxOldGenerationSizeMb: this.#settings.memoryMb },
    };
    const worker =
      execArgv === undefined
        ? new Worker(filename, options)
        : new Worker(TS_WORKER, { ...options, execArgv });
    worker.unref();
    worker.on('message', (reply: GradingsReply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (reply.failed) waiting?.reject(revive(reply));
      else waiting?.resolve(reply.value);
    });
    const stopped = (error: Error) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => {
      stopped(new Error(`the regrading thread exited (${String(code)})`));
    });
    this.#worker = worker;
    return worker;
  }

  #call<T>(call: Call): Promise<T> {
    const worker = this.#thread();
    const id = ++this.#next;
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, ...call });
    });
  }

  grade(key: string, input: GradeInput): Promise<number> {
    return this.#call({ op: 'grade', args: [key, input] });
  }
  check(key: string, page: readonly string[]): Promise<boolean> {
    return this.#call({ op: 'check', args: [key, page] });
  }
  finish(key: string): Promise<number | null> {
    return this.#call({ op: 'finish', args: [key] });
  }
  run<N extends JobName>(key: string, name: N, request: JobRequest<N>): Promise<JobAnswer<N>> {
    return this.#call({ op: 'run', args: [key, name, request] as Parameters<HeldGradings['run']> });
  }
  drop(key: string): void {
    // A thread that is not running holds nothing.
    if (this.#worker !== undefined) void this.#call({ op: 'drop', args: [key] }).catch(() => undefined);
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    for (const waiting of this.#waiting.values())
      waiting.reject(new Error('the regrading thread was stopped'));
    this.#waiting.clear();
    await worker?.terminate();
  }
}
