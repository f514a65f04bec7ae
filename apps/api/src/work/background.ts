import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The nice value of the heavy-work threads (the event loop's stays 0). */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the calling worker thread's CPU priority to BACKGROUND_NICE. Linux keeps a nice value per
 * thread, so the event loop's thread keeps its own: on a machine with few cores, it then gets a core
 * first whenever a request is waiting, and grading or a large write takes what is left, instead of the
 * two sharing the cores evenly while lookups queue (issue 17). Nothing on the main thread (jobs run there
 * with MUJUN_WORKER_THREADS=0), nor on other systems, where the call would lower the whole process; a
 * refusal is ignored (the job merely runs at the usual priority).
 */
export function runInBackground(): void {
  if (isMainThread || process.platform !== 'linux') return;
  try {
    setPriority(0, BACKGROUND_NICE);
  } catch {
    // Not permitted here: the job runs at the usual priority.
  }
}
