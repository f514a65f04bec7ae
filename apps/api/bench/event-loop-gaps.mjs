// Loaded into the server by `pnpm bench:api:heavy --gaps` (node --import): an event-loop gap log. A timer
// every 5 ms; each time it fires more than 20 ms late, one JSON line goes to MUJUN_BENCH_GAPS with the
// gap and what the event loop's thread did meanwhile, from Linux's per-thread scheduler counters
// (/proc/self/task/<pid>/schedstat, nanoseconds): `cpu`, its time on a core (its own work: a stall of
// ours), and `queued`, its time runnable but waiting for a core (the machine's load, not our code). Plain
// JavaScript, so that it loads before tsx. Never imported by the server itself.
import { appendFileSync, readFileSync } from 'node:fs';

const file = process.env.MUJUN_BENCH_GAPS;
const TICK_MS = 5;
const LOG_OVER_MS = 20;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's time on a core and waiting for one, in ms, so far. */
function scheduled() {
  const [cpu = 0, queued = 0] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
  return { cpu: cpu / 1e6, queued: queued / 1e6 };
}

if (file !== undefined && file !== '') {
  let last = performance.now();
  let before = scheduled();
  setInterval(() => {
    const now = performance.now();
    const after = scheduled();
    const late = now - last - TICK_MS;
    if (late > LOG_OVER_MS) {
      const gap = now - last;
      const line = {
        start: performance.timeOrigin + last,
        gap,
        cpu: after.cpu - before.cpu,
        queued: after.queued - before.queued,
      };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    }
    last = now;
    before = after;
  }, TICK_MS).unref();
}
