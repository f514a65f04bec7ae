/** The time, injected: the 公示 window and the audit trail depend on it, and tests fix it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that reads `start` now and advances in real time from it (MUJUN_CLOCK, for tests and demos). */
export function clockStartingAt(start: Date): Clock {
  const origin = performance.now();
  return { now: () => new Date(start.getTime() + Math.floor(performance.now() - origin)) };
}

/** Asia/Shanghai is UTC+8 all year (no DST since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The day in Asia/Shanghai at `instant`, as YYYY-MM-DD. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}
