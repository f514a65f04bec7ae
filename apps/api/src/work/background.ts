import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The nice value of the heavy-work threads by default (MUJUN_BACKGROUND_NICE); the event loop's stays 0. */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority to `nice` (0–19). Linux keeps a nice value per thread,
 * so the event loop's thread keeps its own: on a machine with few cores, it then gets a core first
 * whenever a request is waiting, and grading or a large write takes what is left, instead of the two
 * sharing the cores evenly while lookups queue (issue 17). The cost: the jobs yield to every other
 * process on the machine too, so on a busy host they take longer (MUJUN_BACKGROUND_NICE=0 keeps them at
 * the usual priority). Nothing on the main thread (jobs run there with MUJUN_WORKER_THREADS=0), nor on
 * other systems, where the call would lower the whole process; a refusal is ignored (the job merely runs
 * at the usual priority).
 */
export function runInBackground(nice: number = BACKGROUND_NICE): void {
  if (isMainThread || process.platform !== 'linux' || nice === 0) return;
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted here: the job runs at the usual priority.
  }
}

/** The nice value a worker thread was started with (its workerData's `nice`), else the default. */
export function niceOf(workerData: unknown): number {
  const nice: unknown =
    typeof workerData === 'object' && workerData !== null && 'nice' in workerData
      ? workerData.nice
      : undefined;
  return typeof nice === 'number' ? nice : BACKGROUND_NICE;
}
