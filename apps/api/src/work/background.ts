import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';
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

/**
 * V8 flags, for every isolate of the process, that keep each young-generation collection (a scavenge,
 * every few MB of allocation) and its array-buffer sweep on the thread that collects. By default V8
 * shares a scavenge with Node's four platform threads (one pool for the whole process, not niced), and the
 * collecting thread then waits on a futex until each helper that took a part has finished it; it also
 * wakes a helper for each array-buffer sweep, and glibc's pthread_cond_signal can itself wait for an
 * earlier-woken helper to run. On a loaded host a helper preempted mid-part keeps the event loop waiting
 * until it gets a core again: in 2.5 min of a 100k recompute at load 17–19, 64 waits of 20 ms or more
 * (2.8 s, up to 162 ms each), every one the event loop in a scavenge's join or in waking a platform thread
 * (perf sched_switch/sched_wakeup stacks; issue 17). Alone, a scavenge costs the collecting thread the
 * helpers' share of CPU, a few ms at this heap size. Only flags V8 reads at each collection, so that
 * setting them in a running process is safe (`--single-threaded-gc`, which also stops concurrent
 * marking, is not: it aborts a process whose marking has begun).
 */
export const OWN_THREAD_GC_FLAGS = ['--no-parallel-scavenge', '--no-concurrent-array-buffer-sweeping'];

/** Sets OWN_THREAD_GC_FLAGS (process-wide: the event loop's isolate and every worker's). */
export function collectYoungOnOwnThread(): void {
  for (const flag of OWN_THREAD_GC_FLAGS) setFlagsFromString(flag);
}
