// Loaded into the server by `pnpm bench:api:heavy --gaps` (node --import): an event-loop gap log. A timer
// every 5 ms; each time it fires more than 20 ms late, one JSON line goes to MUJUN_BENCH_GAPS with the
// gap and what the event loop's thread did meanwhile, from Linux's per-thread scheduler counters
// (/proc/self/task/<pid>/schedstat, nanoseconds): `cpu`, its time on a core (its own work: a stall of
// ours), and `queued`, its time runnable but waiting for a core (the machine's load, not our code). The
// rest of a gap the thread was blocked: `blocked` says in what, from a sampler thread that reads the
// event loop's current system call (/proc/…/syscall) every 2 ms, counted by name ("running": on a core
// or queued; epoll, the loop waiting for work, left out); a wait of 40 ms or more on one futex (a lock)
// goes to MUJUN_BENCH_GAPS.futex with the mapping its address is in (a library's static, or the heap). Plain JavaScript, so that it loads before tsx.
// Never imported by the server itself.
import { appendFileSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { setInterval } from 'node:timers';
import { Worker } from 'node:worker_threads';

const file = process.env.MUJUN_BENCH_GAPS;
const TICK_MS = 5;
const LOG_OVER_MS = 20;
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** The main thread's time on a core and waiting for one, in ms, so far. */
function scheduled() {
  const [cpu = 0, queued = 0] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
  return { cpu: cpu / 1e6, queued: queued / 1e6 };
}

/** x86-64 system call numbers worth naming; others appear as their number. */
const SYSCALLS = {
  0: 'read',
  1: 'write',
  7: 'poll',
  17: 'pread64',
  18: 'pwrite64',
  35: 'nanosleep',
  74: 'fsync',
  75: 'fdatasync',
  202: 'futex',
  230: 'clock_nanosleep',
  232: 'epoll_wait',
  281: 'epoll_pwait',
};
const RUNNING = 512;
const SLOTS = 513;
const IDLE = new Set([232, 281]);

/** Samples of the event loop's system call so far, by number (RUNNING: none, it was running). */
const samples = new Int32Array(new SharedArrayBuffer(SLOTS * 4));

/** The sampler: a thread of its own, so that it samples while the event loop is stuck. */
function startSampler() {
  const code = `
    const { appendFileSync, readFileSync } = require('node:fs');
    const { workerData } = require('node:worker_threads');
    const { samples, path, running, futexFile } = workerData;
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    // Which mapping holds an address (a lock's: the library whose static it is, or the heap).
    const mapping = (hex) => {
      const address = BigInt(hex);
      for (const line of readFileSync('/proc/self/maps', 'utf8').split('\\n')) {
        const [range = '', perms, , , , ...name] = line.trim().split(/\\s+/);
        const [low, high] = range.split('-').map((part) => BigInt('0x' + (part || '0')));
        if (address >= low && address < high) return (name.join(' ') || '[anonymous]') + ' ' + perms;
      }
      return '?';
    };
    // A wait on one futex seen over 40 ms or more: logged with its address's mapping.
    let waitingOn = '';
    let first = 0;
    let last = 0;
    const endWait = () => {
      if (waitingOn !== '' && last - first >= 40) {
        const line = { at: first, ms: last - first, address: waitingOn, in: mapping(waitingOn) };
        appendFileSync(futexFile, JSON.stringify(line) + '\\n');
      }
      waitingOn = '';
    };
    for (;;) {
      let text = '';
      try { text = readFileSync(path, 'utf8'); } catch { continue; }
      const number = text.startsWith('running') ? running : Number.parseInt(text, 10);
      if (number >= 0 && number <= running) Atomics.add(samples, number, 1);
      if (number === 202) {
        const address = text.split(' ')[1] ?? '';
        if (address !== waitingOn) {
          endWait();
          waitingOn = address;
          first = Date.now();
        }
        last = Date.now();
      } else if (waitingOn !== '') endWait();
      Atomics.wait(sleeper, 0, 0, 2);
    }`;
  const path = `/proc/self/task/${process.pid}/syscall`;
  const workerData = { samples, path, running: RUNNING, futexFile: `${file}.futex` };
  new Worker(code, { eval: true, workerData }).unref();
}

/** What the event loop was in between two copies of `samples`, busy ones only, most first. */
function blockedIn(from, to) {
  const counts = [];
  for (let number = 0; number < SLOTS; number++) {
    const count = to[number] - from[number];
    if (count === 0 || IDLE.has(number)) continue;
    counts.push([number === RUNNING ? 'running' : (SYSCALLS[number] ?? String(number)), count]);
  }
  return Object.fromEntries(counts.sort((a, b) => b[1] - a[1]));
}

if (file !== undefined && file !== '') {
  startSampler();
  let last = performance.now();
  let before = scheduled();
  let sampled = samples.slice();
  setInterval(() => {
    const now = performance.now();
    const after = scheduled();
    const nowSampled = samples.slice();
    const late = now - last - TICK_MS;
    if (late > LOG_OVER_MS) {
      const gap = now - last;
      const line = {
        start: performance.timeOrigin + last,
        gap,
        cpu: after.cpu - before.cpu,
        queued: after.queued - before.queued,
        blocked: blockedIn(sampled, nowSampled),
      };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    }
    last = now;
    before = after;
    sampled = nowSampled;
  }, TICK_MS).unref();
}
