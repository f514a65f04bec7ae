/**
 * What the server benches that measure one request at a time share (snapshot.bench.ts, memory.bench.ts):
 * a plain HTTP client that hashes the body as it arrives, the server's CPU and resident set from /proc,
 * a fresh server process per measured set (this checkout, or a peer checkout under tsx), and the 100k
 * set-up (upload, publish, finalize) through the real routes.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generatedCsv, multipart } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import type { ServerProcess } from '../../../tests/e2e/support/api-server.js';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: number;
  readonly sha256: string;
  /** The body, kept only when asked (small JSON answers). */
  readonly text: string;
}

/** One request; the body is hashed as it arrives and kept only when `keep`. */
export function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer,
  keep = true,
): Promise<Answer> {
  const agent = new Agent({ keepAlive: false });
  return new Promise((resolveAnswer, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent }, (res) => {
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      res.on('end', () => {
        resolveAnswer({
          status: res.statusCode ?? 0,
          headers: res.headers,
          bytes,
          sha256: hash.digest('base64url'),
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
      res.on('error', reject);
    });
    req.on('error', (error) => {
      reject(new Error(`${method} ${path}: ${error.message}`, { cause: error }));
    });
    req.end(body);
  });
}

export async function expectStatus(answer: Promise<Answer>, status: number, what: string): Promise<Answer> {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: ${got.status} ${got.text.slice(0, 500)}`);
  return got;
}

/** A JSON request body and its headers. */
export function json(
  token: string,
  value: unknown,
): { headers: Record<string, string | number>; body: Buffer } {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  return {
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': body.length,
    },
    body,
  };
}

/** The server's CPU seconds so far and its resident set now and at its peak, from /proc. */
export async function processFigures(pid: number): Promise<{ cpu: number; rss: number; peak: number }> {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // Fields 14 and 15 (utime, stime) of the whole line are 12 and 13 after "pid (comm) ", in clock ticks.
  const ticks = Number(stat[11]) + Number(stat[12]);
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpu: ticks / 100, rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

/** A server on `dataDir`: this checkout's (compiled by tsx from source), or a peer checkout's at `root`. */
export function benchServer(
  dataDir: string,
  env: Readonly<Record<string, string>>,
  root?: string,
  /** Node options for the server, e.g. --cpu-prof (see measureProbe's `stopGently`). */
  nodeArgs: readonly string[] = [],
): Promise<ServerProcess> {
  return root === undefined
    ? startServer(dataDir, env, nodeArgs)
    : startServer(dataDir, env, [...nodeArgs, '--conditions=@mujun/source', '--import', 'tsx'], {
        script: join(root, 'apps/api/src/server.ts'),
        cwd: root,
      });
}

/** One request to measure: what it asks, and which answer counts as served. */
export interface Probe {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  readonly headers: Record<string, string | number>;
  readonly body?: Buffer;
}

/** What the lookups and /healthz saw while the request was served (see Traffic). */
export interface Seen {
  /** Lookup latencies, ms, sorted; and how many failed. */
  readonly lookups: readonly number[];
  readonly failed: number;
  /** /healthz latencies, ms, sorted. */
  readonly health: readonly number[];
  /** The server's main thread (its event loop) on a core during the request, s (Linux schedstat). */
  readonly mainCpu: number;
}

export interface Measured {
  readonly seen?: Seen;
  readonly server: string;
  readonly name: string;
  readonly run: number;
  readonly status: number;
  readonly seconds: number;
  readonly cpu: number;
  readonly rssBefore: number;
  readonly peak: number;
  readonly bytes: number;
  readonly sha256: string;
  readonly etag: string | undefined;
  readonly load: number;
}

/**
 * `probe` sent `runs` times, one after the other, to a fresh server (so the peak is this request's and
 * the first run finds nothing cached): wall seconds, the server's CPU seconds, its RSS before and its
 * peak RSS (VmHWM) after, the body's size and hash.
 */
export async function measureProbe(
  label: string,
  start: () => Promise<ServerProcess>,
  probe: Probe,
  runs: number,
  traffic?: Traffic,
  /** Stop the server with SIGTERM, not SIGKILL: a CPU profile is written as the process exits. */
  stopGently = false,
): Promise<Measured[]> {
  const server = await start();
  const pid = server.child.pid ?? 0;
  const results: Measured[] = [];
  try {
    // Settle: the web pages' bundle is built at start.
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    for (let run = 1; run <= runs; run += 1) {
      const before = await processFigures(pid);
      const mainBefore = await mainThreadCpu(pid);
      const started = performance.now();
      const during = traffic === undefined ? undefined : trafficOn(server.port, traffic);
      let answer: Answer;
      try {
        answer = await call(server.port, probe.method, probe.path, probe.headers, probe.body, false);
      } catch (error) {
        answer = { status: 0, headers: {}, bytes: 0, sha256: String(error), text: '' };
      }
      const seconds = (performance.now() - started) / 1000;
      const seen = await during?.stop();
      const mainCpu = ((await mainThreadCpu(pid)) - mainBefore) / 1000;
      const after = await processFigures(pid).catch(() => ({ cpu: NaN, rss: NaN, peak: NaN }));
      const etag = answer.headers['etag'];
      // As it goes, on stderr: at 100k and a busy machine a run of the bench takes most of an hour.
      console.error(
        `${label} ${probe.name} run ${String(run)}: ${String(answer.status)}, ${seconds.toFixed(1)} s, ` +
          `cpu ${(after.cpu - before.cpu).toFixed(2)} s, peak ${mb(after.peak).trim()} MB`,
      );
      if (seen !== undefined) {
        const at = (sorted: readonly number[], p: number) =>
          (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(0);
        console.error(
          `  lookups ${String(seen.lookups.length)} (failed ${String(seen.failed)}) p50/p99/max ` +
            `${at(seen.lookups, 50)}/${at(seen.lookups, 99)}/${at(seen.lookups, 100)} ms; /healthz p50/max ` +
            `${at(seen.health, 50)}/${at(seen.health, 100)} ms; event loop cpu ${mainCpu.toFixed(2)} s`,
        );
      }
      results.push({
        ...(seen === undefined ? {} : { seen: { ...seen, mainCpu } }),
        server: label,
        name: probe.name,
        run,
        status: answer.status,
        seconds,
        cpu: after.cpu - before.cpu,
        rssBefore: before.rss,
        peak: after.peak,
        bytes: answer.bytes,
        sha256: answer.sha256,
        etag: typeof etag === 'string' ? etag : undefined,
        load: loadavg()[0] ?? NaN,
      });
    }
  } finally {
    reportLogs(server);
    await server.stop(stopGently ? 'SIGTERM' : 'SIGKILL');
  }
  return results;
}

/** The server's main thread's time on a core so far, ms (Linux schedstat; NaN elsewhere). */
export async function mainThreadCpu(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').catch(() => '');
  return text === '' ? Number.NaN : Number(text.split(' ')[0]) / 1e6;
}

/** Result lookups (of `usccs` in `evaluationId`) from `concurrency` loops, and /healthz every 50 ms. */
export interface Traffic {
  readonly token: string;
  readonly evaluationId: string;
  readonly usccs: readonly string[];
  readonly concurrency: number;
}

/** Starts `traffic` on the server at `port`; stop() ends it and answers what it saw (mainCpu 0: the caller's). */
function trafficOn(port: number, traffic: Traffic): { stop(): Promise<Omit<Seen, 'mainCpu'>> } {
  const agent = new Agent({ keepAlive: true, maxSockets: traffic.concurrency });
  const probeAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const lookups: number[] = [];
  const health: number[] = [];
  let failed = 0;
  const state = { done: false };
  let index = 42;
  const timed = (client: Agent, path: string, headers: Record<string, string>) =>
    new Promise<number | undefined>((resolveTime) => {
      const sent = performance.now();
      const req = request({ host: '127.0.0.1', port, path, headers, agent: client }, (res) => {
        res.resume();
        res.on('end', () => {
          resolveTime(res.statusCode === 200 ? performance.now() - sent : undefined);
        });
        res.on('error', () => {
          resolveTime(undefined);
        });
      });
      req.on('error', () => {
        resolveTime(undefined);
      });
      req.end();
    });
  const loops = Array.from({ length: traffic.concurrency }, async () => {
    while (!state.done) {
      const uscc = traffic.usccs[(index = (index * 1103515245 + 12345) % 2147483648) % traffic.usccs.length];
      const took = await timed(agent, `/v1/evaluations/${traffic.evaluationId}/enterprises/${uscc ?? ''}`, {
        authorization: `Bearer ${traffic.token}`,
      });
      if (took === undefined) failed += 1;
      else lookups.push(took);
    }
  });
  const probe = (async () => {
    while (!state.done) {
      const took = await timed(probeAgent, '/healthz', {});
      if (took !== undefined) health.push(took);
      await new Promise((resolveWait) => setTimeout(resolveWait, 50));
    }
  })();
  return {
    async stop() {
      state.done = true;
      await Promise.all([...loops, probe]);
      agent.destroy();
      probeAgent.destroy();
      return { lookups: lookups.sort((a, b) => a - b), failed, health: health.sort((a, b) => a - b) };
    },
  };
}

function reportLogs(server: ServerProcess): void {
  for (const line of server.logs.filter((entry) => Number(entry['level']) >= 50)) {
    console.error(JSON.stringify(line).slice(0, 500));
  }
}

/** Uploads a generated `size`-enterprise year (with `fields` such as year) and returns its id. */
export async function uploadGenerated(
  port: number,
  token: string,
  size: number,
  seed: number,
  fields: Readonly<Record<string, string>> = { name: 'bench' },
): Promise<string> {
  const form = multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: 'data', filename: 'bench.csv', type: 'text/csv', bytes: generatedCsv(size, seed).bytes },
  ]);
  const created = await expectStatus(
    call(
      port,
      'POST',
      '/v1/evaluations',
      {
        authorization: `Bearer ${token}`,
        'content-type': form.contentType,
        'content-length': form.body.length,
      },
      form.body,
    ),
    201,
    'upload',
  );
  return (JSON.parse(created.text) as { id: string }).id;
}

/** Publishes the evaluation today (the server's clock). */
export async function publish(port: number, token: string, id: string): Promise<void> {
  const { headers, body } = json(token, {});
  await expectStatus(call(port, 'POST', `/v1/evaluations/${id}/publication`, headers, body), 201, 'publish');
}

/** Recomputes (nothing contested) and finalizes: the server's clock must be past the window. */
export async function finalize(port: number, token: string, id: string): Promise<void> {
  const auth = { authorization: `Bearer ${token}` };
  await expectStatus(call(port, 'POST', `/v1/evaluations/${id}/recomputation`, auth), 201, 'recompute');
  await expectStatus(call(port, 'POST', `/v1/evaluations/${id}/finalization`, auth), 201, 'finalize');
}

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0).padStart(7);

/** A bench server's environment: quiet logs, and room for an evaluation of `size` rows. */
export const serverEnv = (size: number): Record<string, string> => ({
  LOG_LEVEL: 'warn',
  MUJUN_MAX_SHEET_ROWS: String(Math.max(size + 1, 200_000)),
});
