import { parseScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult } from '@mujun/scoring';
import { gradeRecords } from '../domain/grading.js';
import { correctRecords } from '../domain/recompute.js';
import { NOT_HELD } from '../domain/regrade.js';
import type { GradeInput, Regraded } from '../domain/regrade.js';
import { REGRADED_JOBS } from '../domain/regraded-jobs.js';
import type { JobAnswer, JobName, JobRequest } from '../domain/regraded-jobs.js';
import { jsonLines } from '../store/utf8-text.js';

interface Check {
  readonly results: Iterator<EnterpriseResult>;
  /** Stored results matched so far. */
  index: number;
  differs: boolean;
}

/**
 * The gradings themselves, by key, where they are held (see domain/regrade.ts's HeldGradings): in the
 * regrading thread (gradings-thread.ts), or on the event loop when the heavy work runs there
 * (MUJUN_WORKER_THREADS=0). Which ones are held, and for how long, the cache on the event loop decides.
 */
export class Gradings {
  readonly #held = new Map<string, Regraded>();
  readonly #checks = new Map<string, Check>();

  grade(key: string, input: GradeInput): number {
    const scheme = parseScheme(JSON.parse(input.schemeJson));
    const stored = jsonLines(input.records).map((text) => JSON.parse(text) as EnterpriseRecord);
    const { records } = correctRecords(stored, input.items);
    const grading = gradeRecords(records, scheme);
    this.#held.set(key, { records, grading });
    this.#checks.set(key, { results: grading.results()[Symbol.iterator](), index: 0, differs: false });
    return records.length;
  }

  check(key: string, page: readonly string[]): boolean {
    const check = this.#checks.get(key);
    if (check === undefined) throw notHeld(key);
    for (const document of page) {
      if (check.differs) break;
      const result = check.results.next();
      if (result.done === true || JSON.stringify(result.value) !== document) check.differs = true;
      else check.index++;
    }
    return !check.differs;
  }

  finish(key: string): number | null {
    const check = this.#checks.get(key);
    const held = this.#held.get(key);
    if (check === undefined || held === undefined) throw notHeld(key);
    this.#checks.delete(key);
    return check.differs || check.index !== held.grading.size ? check.index : null;
  }

  run<N extends JobName>(key: string, name: N, request: JobRequest<N>): Promise<JobAnswer<N>> | JobAnswer<N> {
    const held = this.#held.get(key);
    if (held === undefined || this.#checks.has(key)) throw notHeld(key);
    const job = REGRADED_JOBS[name] as (regraded: Regraded, request: JobRequest<N>) => JobAnswer<N>;
    return job(held, request);
  }

  drop(key: string): void {
    this.#held.delete(key);
    this.#checks.delete(key);
  }
}

/** Named NOT_HELD, on either side of a thread (see failure.ts: its class name crosses). */
class NotHeldError extends Error {
  override readonly name = NOT_HELD;
}

function notHeld(key: string): Error {
  return new NotHeldError(`the grading ${key} is not held here`);
}
