import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { recordRowsOf, resultRowsOf } from '../store/packed-rows.js';
import type { Evaluation, Recomputation, RecordRow, ResultRow, Rows } from '../store/store.js';
import type {
  GradedUploadOutput,
  GradeUploadTask,
  RecomputedOutput,
  RecomputeTask,
  TaskOutcome,
  WorkbookTask,
} from './tasks.js';
import { snapshotEtag } from '../domain/snapshot.js';
import { BACKGROUND_NICE } from './background.js';
import { revive } from './failure.js';
import { snapshotEtagOffLoop } from './snapshot-hash.js';
import { GradingsThread, InlineGradings } from './held-gradings.js';
import { workerModule } from './worker-module.js';

/** An upload graded: the rows to store, read from shared memory as they are written (see PackedTexts). */
export interface GradedUpload {
  readonly summary: Evaluation['summary'];
  readonly records: Rows<RecordRow>;
  readonly rows: Rows<ResultRow>;
}

export interface Recomputed {
  readonly diff: Recomputation;
  readonly rows: Rows<ResultRow>;
}

/** How many heavy jobs run at once, and how much heap each worker may use. */
export interface WorkSettings {
  /**
   * Worker threads, each one job at a time (MUJUN_WORKER_THREADS; default cores − 1, at most 2); further
   * jobs wait their turn. 0 runs each job on the event loop, as before there were workers: only for
   * measuring the difference (`pnpm bench:api:heavy`), never for serving.
   */
  readonly threads: number;
  /** Each worker's old-generation heap limit, MB (MUJUN_WORKER_MEMORY_MB; default 2048): over it, that job fails alone. */
  readonly memoryMb: number;
  /** The workers' nice value on Linux (MUJUN_BACKGROUND_NICE; default 10, 0 the usual priority): see runInBackground. */
  readonly nice: number;
}

export const DEFAULT_WORK_SETTINGS: WorkSettings = {
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
  memoryMb: 2048,
  nice: BACKGROUND_NICE,
};

/**
 * Reading, grading, recomputing and writing large workbooks off the request path: a piscina pool of `threads` worker threads,
 * started on the first job (a server that never grades starts none) and stopped after a minute idle.
 * A job's input bytes are transferred, not copied; its output rows come packed in shared memory, a few
 * objects to receive. While a 100,000-row upload grades in a worker, the event loop keeps answering
 * lookups and /healthz.
 */
export class HeavyWork {
  readonly #settings: WorkSettings;
  #pool: Piscina | undefined;
  /**
   * The gradings the downloads read (domain/regrade.ts), held in a thread of their own (not the pool's:
   * a held grading must be read where it was made), or on the event loop with threads 0.
   */
  readonly gradings: GradingsThread | InlineGradings;

  constructor(settings: Partial<WorkSettings> = {}) {
    this.#settings = { ...DEFAULT_WORK_SETTINGS, ...settings };
    this.gradings =
      this.#settings.threads === 0
        ? new InlineGradings()
        : new GradingsThread({ memoryMb: this.#settings.memoryMb, nice: this.#settings.nice });
  }

  async #run<T>(
    task: GradeUploadTask | RecomputeTask | WorkbookTask,
    transferList: ArrayBuffer[] = [],
  ): Promise<T> {
    if (this.#settings.threads === 0) {
      const { default: run } = await import('./tasks.js');
      const outcome = (await run(task)) as TaskOutcome<T>;
      if (outcome.failed) throw revive(outcome);
      return outcome.value;
    }
    this.#pool ??= new Piscina({
      // tasks.ts under tsx (the sources), tasks.js compiled.
      ...workerModule(import.meta.url, 'tasks'),
      minThreads: 0,
      maxThreads: this.#settings.threads,
      concurrentTasksPerWorker: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.#settings.memoryMb },
      workerData: { nice: this.#settings.nice },
    });
    const outcome = (await this.#pool.run(task, { transferList })) as TaskOutcome<T>;
    if (outcome.failed) throw revive(outcome);
    return outcome.value;
  }

  /** Reads, validates and grades uploaded files (the bytes are handed over: do not use them after). */
  async gradeUpload(task: Omit<GradeUploadTask, 'kind'>): Promise<GradedUpload> {
    // Each file's bytes in a buffer of their own, which is then moved to the worker, not copied: a
    // Buffer that is a view on a larger (pooled or shared) ArrayBuffer is copied into one first.
    const seen = new Set<ArrayBufferLike>();
    const files = task.files.map((file) => {
      const { buffer, byteOffset, byteLength } = file.bytes;
      const whole = buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength;
      const own = whole && !seen.has(buffer) ? file.bytes : new Uint8Array(file.bytes);
      seen.add(own.buffer);
      return { name: file.name, bytes: own };
    });
    const transfer = files.map((file) => file.bytes.buffer as ArrayBuffer);
    const graded = await this.#run<GradedUploadOutput>({ kind: 'grade-upload', ...task, files }, transfer);
    return {
      summary: graded.summary,
      records: recordRowsOf(graded.records),
      rows: resultRowsOf(graded.rows),
    };
  }

  async recompute(task: Omit<RecomputeTask, 'kind'>): Promise<Recomputed> {
    const recomputed = await this.#run<RecomputedOutput>({ kind: 'recompute', ...task });
    return { diff: recomputed.diff, rows: resultRowsOf(recomputed.rows) };
  }

  /** A workbook's bytes, written in a worker: exceljs takes seconds for a county's rows. */
  workbook(sheets: WorkbookTask['sheets']): Promise<Uint8Array> {
    return this.#run<Uint8Array>({ kind: 'workbook', sheets });
  }

  /**
   * The snapshot's strong ETag (see domain/snapshot.ts), hashed in a thread of its own when the
   * evaluation is large (see snapshotEtagOffLoop); on the event loop with threads 0, as before.
   */
  snapshotEtag(
    evaluationId: string,
    phase: 'published' | 'final',
    pages: AsyncIterable<readonly string[]>,
  ): Promise<string> {
    return this.#settings.threads === 0
      ? snapshotEtag(evaluationId, phase, pages)
      : snapshotEtagOffLoop(evaluationId, phase, pages, this.#settings.nice);
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await Promise.all([pool?.destroy(), this.gradings.close()]);
  }
}
