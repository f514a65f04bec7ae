/**
 * Heavy work off the request path (`pnpm bench:api:heavy`, issue 17): result lookups and /healthz while a
 * 100,000-row evaluation is uploaded and graded, and then while it is recomputed, on the real server
 * (apps/api/src/server.ts, LOG_LEVEL=warn, SQLite in a temporary directory). Run twice in the same
 * bench, the peer first: MUJUN_WORKER_THREADS=0 (the jobs on the event loop, as the server did before
 * the worker pool) and the default (the jobs in a worker thread).
 *
 * For each: a small evaluation (--small, 2,000 enterprises) is graded and published for the lookups;
 * lookups alone for --seconds (the baseline); then the --size upload, with lookups from --concurrency
 * loops and a /healthz probe every 50 ms on a connection of its own until the upload is answered; the big
 * evaluation is published (measured the same way), the server restarted on a clock after its 公示 window, and the same again
 * while it is recomputed. Per phase: lookups/s, p50 / p99 / max and when the slowest was sent (seconds
 * into the phase), /healthz p50 / p99 / max, the job's seconds, and the server's event loop's own CPU
 * seconds (its thread's time on a core: what the phase cost it, which the load hardly changes).
 *
 * Options: --size 100000, --small 2000, --seed 42, --seconds 5, --concurrency 8, --only worker|inline,
 * --profile DIR (a CPU profile of each server process, every thread, written to DIR as it stops), --gaps
 * (the server's event-loop gaps over 25 ms, see event-loop-gaps.mjs: per phase, how many, the event
 * loop's own CPU in them, in all and in the worst one, which the machine's load hardly changes, unlike the
 * latencies; and the five longest; and the event loop's waits on one lock of 40 ms or more, by the mapping
 * the lock is in), --node-option X (repeatable: a node or V8 option for the server processes, to compare).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve as absolute } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedCsv, issueTokens, multipart } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import type { ServerProcess } from '../../../tests/e2e/support/api-server.js';
import { mainThreadCpu } from './support.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    small: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '42' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '8' },
    only: { type: 'string' },
    profile: { type: 'string' },
    gaps: { type: 'boolean', default: false },
    'node-option': { type: 'string', multiple: true, default: [] },
  },
});
const SIZE = Number(options.size);
const SMALL = Number(options.small);
const SEED = Number(options.seed);
const SECONDS = Number(options.seconds);
const CONCURRENCY = Number(options.concurrency);
/** The day the server starts on after the 公示 window (published 2026-06-01, 5 working days). */
const AFTER_WINDOW = '2026-06-20T10:00:00+08:00';
const GAPS = options.gaps;
const NODE_ARGS = [
  ...(options.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${absolute(options.profile)}`]),
  ...(GAPS ? ['--import', new URL('./event-loop-gaps.mjs', import.meta.url).href] : []),
  ...options['node-option'],
];

/** One line of event-loop-gaps.mjs: when the gap began (epoch ms), how long, the main thread's ms on a core and queued. */
interface Gap {
  readonly start: number;
  readonly gap: number;
  readonly cpu: number;
  readonly queued: number;
  /** The event loop's system calls sampled during the gap (every 2 ms), by name; "running" when in none. */
  readonly blocked?: Readonly<Record<string, number>>;
}

/** A wait of the event loop on one futex (a lock) of 40 ms or more, and the mapping its address is in. */
interface FutexWait {
  readonly at: number;
  readonly ms: number;
  readonly in: string;
}

interface Reply {
  readonly status: number;
  readonly body: Buffer;
}

function call(
  agent: Agent,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      reject(new Error(`${method} ${path}: ${error.message}`, { cause: error }));
    });
    req.end(body);
  });
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface Measured {
  readonly phase: string;
  readonly lookups: number[];
  readonly failed: number;
  readonly seconds: number;
  readonly health: number[];
  readonly healthFailed: number;
  readonly jobSeconds: number | undefined;
  /** When the slowest lookup was sent, seconds into the phase: what it waited behind. */
  readonly slowestAt: number;
  readonly load: number;
  /** The server's main thread (its event loop) on a core during the phase, ms (Linux schedstat). */
  readonly mainCpu: number;
  /** The phase's wall-clock span (epoch ms), to find its event-loop gaps. */
  readonly from: number;
  readonly to: number;
  gaps?: Gap[];
  futexWaits?: FutexWait[];
}

/**
 * Lookups from CONCURRENCY loops and a /healthz probe every 50 ms, until `job` settles (or for SECONDS
 * when there is none).
 */
async function measure(
  phase: string,
  server: ServerProcess,
  token: string,
  evaluationId: string,
  usccs: readonly string[],
  job?: () => Promise<void>,
): Promise<Measured> {
  const load = loadavg()[0] ?? Number.NaN;
  const from = Date.now();
  const port = server.port;
  const cpuBefore = await mainThreadCpu(server.child.pid ?? 0);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const lookups: number[] = [];
  const health: number[] = [];
  let failed = 0;
  let healthFailed = 0;
  let slowest = 0;
  let slowestAt = Number.NaN;
  let done = false;
  let index = SEED;
  const start = performance.now();
  let jobSeconds: number | undefined;
  const finished =
    job === undefined
      ? new Promise<void>((resolve) => setTimeout(resolve, SECONDS * 1000))
      : job().then(() => {
          jobSeconds = (performance.now() - start) / 1000;
        });
  const stop = () => {
    done = true;
  };
  const running = () => !done;
  finished.then(stop, stop);
  const loops = Array.from({ length: CONCURRENCY }, async () => {
    while (running()) {
      const uscc = usccs[(index = (index * 1103515245 + 12345) % 2147483648) % usccs.length] ?? '';
      const sent = performance.now();
      // A connection the server reset counts as a failure (a blocked event loop does that: the
      // keep-alive timer fires before the request that waited is read).
      const reply = await call(agent, port, 'GET', `/v1/evaluations/${evaluationId}/enterprises/${uscc}`, {
        authorization: `Bearer ${token}`,
      }).catch(() => undefined);
      const took = performance.now() - sent;
      if (reply?.status !== 200) failed += 1;
      else {
        lookups.push(took);
        if (took > slowest) [slowest, slowestAt] = [took, (sent - start) / 1000];
      }
    }
  });
  const probe = (async () => {
    while (running()) {
      const sent = performance.now();
      const reply = await call(probeAgent, port, 'GET', '/healthz', {}).catch(() => undefined);
      if (reply?.status === 200) health.push(performance.now() - sent);
      else healthFailed += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  await finished;
  await Promise.all([...loops, probe]);
  agent.destroy();
  probeAgent.destroy();
  return {
    phase,
    lookups: lookups.sort((a, b) => a - b),
    failed,
    seconds: (performance.now() - start) / 1000,
    health: health.sort((a, b) => a - b),
    healthFailed,
    jobSeconds,
    slowestAt,
    load,
    mainCpu: (await mainThreadCpu(server.child.pid ?? 0)) - cpuBefore,
    from,
    to: Date.now(),
  };
}

/** The gaps logged (a server started with MUJUN_BENCH_GAPS) that began within each phase. */
async function attachGaps(file: string, phases: readonly Measured[]): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const gaps = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Gap);
  const futex = (await readFile(`${file}.futex`, 'utf8').catch(() => ''))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as FutexWait);
  for (const phase of phases) {
    phase.gaps = gaps.filter((gap) => gap.start >= phase.from && gap.start < phase.to);
    phase.futexWaits = futex.filter((wait) => wait.at >= phase.from && wait.at < phase.to);
  }
}

/** A phase's futex waits of 40 ms or more: how many and how long in all, by the mapping of the lock's address. */
function futexSummary(mode: string, result: Measured, waits: readonly FutexWait[]): string {
  const byMapping = new Map<string, { count: number; ms: number }>();
  for (const wait of waits) {
    // The heap's or a library's data, without the address range of an anonymous mapping.
    const where = wait.in.replace(/^\[anonymous\].*/, '[anonymous]');
    const seen = byMapping.get(where) ?? { count: 0, ms: 0 };
    byMapping.set(where, { count: seen.count + 1, ms: seen.ms + wait.ms });
  }
  const total = waits.reduce((sum, wait) => sum + wait.ms, 0);
  return (
    `${(mode === 'inline' ? 'event loop' : 'worker').padEnd(11)} ${result.phase.padEnd(22)} ` +
    `${String(waits.length).padStart(5)} ${total.toFixed(0).padStart(8)}  ` +
    [...byMapping.entries()]
      .sort((a, b) => b[1].ms - a[1].ms)
      .map(([where, { count, ms }]) => `${where} ×${count} ${ms.toFixed(0)} ms`)
      .join('; ')
  );
}

async function expect(reply: Promise<Reply>, status: number, what: string): Promise<Buffer> {
  const answered = await reply;
  if (answered.status !== status) {
    throw new Error(`${what}: ${answered.status} ${answered.body.toString().slice(0, 400)}`);
  }
  return answered.body;
}

async function run(mode: 'inline' | 'worker'): Promise<Measured[]> {
  const dir = await mkdtemp(join(tmpdir(), 'mujun-bench-heavy-'));
  const dataDir = join(dir, 'data');
  const gapsFile = join(dir, 'gaps.jsonl');
  const env = {
    LOG_LEVEL: 'warn',
    ...(mode === 'inline' ? { MUJUN_WORKER_THREADS: '0' } : {}),
    ...(GAPS ? { MUJUN_BENCH_GAPS: gapsFile } : {}),
  };
  let server: ServerProcess | undefined;
  try {
    const [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'bench' }]);
    const auth = { authorization: `Bearer ${admin}` };
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const upload = async (port: number, name: string, bytes: Buffer): Promise<string> => {
      const form = multipart([
        { name: 'name', value: name },
        { name: 'data', filename: `${name}.csv`, type: 'text/csv', bytes },
      ]);
      const body = await expect(
        call(
          agent,
          port,
          'POST',
          '/v1/evaluations',
          { ...auth, 'content-type': form.contentType, 'content-length': form.body.length },
          form.body,
        ),
        201,
        `upload ${name}`,
      );
      return (JSON.parse(body.toString()) as { id: string }).id;
    };
    const publish = (port: number, id: string) =>
      expect(
        call(
          agent,
          port,
          'POST',
          `/v1/evaluations/${id}/publication`,
          { ...auth, 'content-type': 'application/json', 'content-length': 2 },
          Buffer.from('{}'),
        ),
        201,
        'publish',
      );

    server = await startServer(dataDir, env, NODE_ARGS);
    const small = generatedCsv(SMALL, SEED);
    const usccs = small.records.map((record) => record.uscc);
    const smallId = await upload(server.port, 'small', small.bytes);
    await publish(server.port, smallId);
    const big = generatedCsv(SIZE, SEED + 1).bytes;
    const port = server.port;
    const results: Measured[] = [];
    await measure('warm-up', server, admin, smallId, usccs.slice(0, 100));
    results.push(await measure('lookups alone', server, admin, smallId, usccs));
    let bigId = '';
    results.push(
      await measure(`during ${SIZE / 1000}k upload`, server, admin, smallId, usccs, async () => {
        bigId = await upload(port, 'big', big);
      }),
    );
    // Publishing hashes every result into the snapshot's ETag: measured too.
    results.push(
      await measure(`during ${SIZE / 1000}k publish`, server, admin, smallId, usccs, async () => {
        await publish(port, bigId);
      }),
    );
    await server.stop('SIGTERM');
    server = await startServer(dataDir, { ...env, MUJUN_CLOCK: AFTER_WINDOW }, NODE_ARGS);
    const after = server.port;
    await measure('warm-up', server, admin, smallId, usccs.slice(0, 100));
    results.push(
      await measure(`during ${SIZE / 1000}k recompute`, server, admin, smallId, usccs, async () => {
        await expect(
          call(
            agent,
            after,
            'POST',
            `/v1/evaluations/${bigId}/recomputation`,
            { ...auth, 'content-type': 'application/json', 'content-length': 2 },
            Buffer.from('{}'),
          ),
          201,
          'recompute',
        );
      }),
    );
    agent.destroy();
    // Stopped, not killed: a profile is written as the process exits.
    await server.stop('SIGTERM');
    server = undefined;
    if (GAPS) await attachGaps(gapsFile, results);
    return results;
  } catch (error) {
    // The server's own account of a failure (its warnings and errors), then the bench's.
    for (const line of server?.logs.filter((entry) => Number(entry['level']) >= 40) ?? []) {
      console.error(JSON.stringify(line));
    }
    throw error;
  } finally {
    await server?.stop('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}

/** A phase's gaps: how many, the event loop's CPU in all and in the worst, its time queued, the five longest. */
function gapSummary(mode: string, result: Measured, gaps: readonly Gap[]): string {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const longest = [...gaps]
    .sort((a, b) => b.gap - a.gap)
    .slice(0, 5)
    .map(
      (gap) =>
        `${gap.gap.toFixed(0)} (${gap.cpu.toFixed(0)}, ${gap.queued.toFixed(0)}` +
        `${Object.entries(gap.blocked ?? {})
          .slice(0, 2)
          .map(([call, count]) => `, ${call} ×${count}`)
          .join('')}) at ${((gap.start - result.from) / 1000).toFixed(1)}`,
    );
  return (
    `${(mode === 'inline' ? 'event loop' : 'worker').padEnd(11)} ${result.phase.padEnd(22)} ` +
    `${String(gaps.length).padStart(5)} ${sum(gaps.map((gap) => gap.cpu))
      .toFixed(0)
      .padStart(8)} ` +
    `${Math.max(0, ...gaps.map((gap) => gap.cpu))
      .toFixed(0)
      .padStart(9)} ` +
    `${sum(gaps.map((gap) => gap.queued))
      .toFixed(0)
      .padStart(9)}  ${longest.join('; ')}`
  );
}

const ms = (value: number) => value.toFixed(1).padStart(8);
const lines = [
  `heavy work off the request path: ${SIZE.toLocaleString('en')}-row CSV upload and recompute; lookups on a ` +
    `${SMALL.toLocaleString('en')}-enterprise evaluation, ${CONCURRENCY} in flight; /healthz every 50 ms; ` +
    `${availableParallelism()} CPUs; Node ${process.version}`,
  '',
  `${'jobs'.padEnd(11)} ${'phase'.padEnd(22)} ${'job s'.padStart(6)} ${'lookups'.padStart(7)} ${'per s'.padStart(6)} ` +
    `${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'max at s'.padStart(8)} ` +
    `${'health p50'.padStart(10)} ${'health p99'.padStart(10)} ${'health max'.padStart(10)} ${'load'.padStart(5)} ${'loop cpu s'.padStart(10)}`,
];
const modes = (['inline', 'worker'] as const).filter(
  (mode) => options.only === undefined || options.only === mode,
);
const gapLines: string[] = [];
const futexLines: string[] = [];
for (const mode of modes) {
  for (const result of await run(mode)) {
    if (result.gaps !== undefined) gapLines.push(gapSummary(mode, result, result.gaps));
    if (result.futexWaits !== undefined) futexLines.push(futexSummary(mode, result, result.futexWaits));
    lines.push(
      `${(mode === 'inline' ? 'event loop' : 'worker').padEnd(11)} ${result.phase.padEnd(22)} ` +
        `${(result.jobSeconds === undefined ? '' : result.jobSeconds.toFixed(1)).padStart(6)} ` +
        `${String(result.lookups.length).padStart(7)} ${(result.lookups.length / result.seconds).toFixed(0).padStart(6)} ` +
        `${ms(percentile(result.lookups, 50))} ${ms(percentile(result.lookups, 99))} ${ms(percentile(result.lookups, 100))} ` +
        `${result.slowestAt.toFixed(1).padStart(8)} ` +
        `${[50, 99, 100].map((p) => percentile(result.health, p).toFixed(1).padStart(10)).join(' ')} ` +
        result.load.toFixed(2).padStart(5) +
        ` ${(result.mainCpu / 1000).toFixed(2).padStart(10)}` +
        (result.failed + result.healthFailed > 0
          ? `  (failed: ${result.failed} lookups, ${result.healthFailed} /healthz)`
          : ''),
    );
  }
}
if (GAPS) {
  lines.push(
    '',
    "the event loop's gaps over 25 ms (its own CPU in them: ours; queued: waiting for a core, the load's)",
    `${'jobs'.padEnd(11)} ${'phase'.padEnd(22)} ${'gaps'.padStart(5)} ${'cpu ms'.padStart(8)} ` +
      `${'worst cpu'.padStart(9)} ${'queued ms'.padStart(9)}  longest gaps: ms (cpu, queued, samples in) at s`,
    ...gapLines,
    '',
    "the event loop's waits on one lock (futex) of 40 ms or more, by where the lock is (the heap, a library's data)",
    `${'jobs'.padEnd(11)} ${'phase'.padEnd(22)} ${'waits'.padStart(5)} ${'ms'.padStart(8)}  by mapping: waits, ms`,
    ...futexLines,
  );
}
lines.push('', 'target: lookups p99 < 50 ms and /healthz at once while the heavy job runs (worker rows)');
lines.push(
  `load average now: ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
console.log(lines.join('\n'));
