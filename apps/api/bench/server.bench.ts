/**
 * The API server under load (`pnpm bench:api`): the real server process (the build of `apps/api/src/server.ts`, as
 * `pnpm start` runs it, LOG_LEVEL=warn) on a temporary data directory holding one evaluation of N
 * generated enterprises (the scoring bench's generator), published; this process is the client.
 *
 *   lookups   GET /v1/evaluations/{id}/enterprises/{uscc}, random codes (seeded), keep-alive, a fixed
 *             number of requests in flight, for --seconds: requests/s, p50/p90/p99/max latency.
 *   filings   POST /v1/evaluations/{id}/objections, multipart (the objection JSON and a small PDF), a
 *             unique Idempotency-Key each, every one a distinct (enterprise, field), admin token, for
 *             --seconds: durable filings/s (each answered 201 only after its commit's fsync) and latency.
 *
 * Each phase starts after a short warm-up. The table also gives the CPU the server process used per
 * second of the phase (from /proc: 1.00 = one core busy), that CPU per answered request (a figure less
 * sensitive to other load than the rates), the client's CPU, and the load average before the phase: the
 * client and the server share the machine's cores, so on a busy machine the rates are low. Targets
 * (2 cores): ≥ 2,000 lookups/s with p99 < 20 ms; ≥ 1,000 durable filings/s (issue 17). The same lookups
 * go to a bare Express route serving the same bytes (peer-server.ts) in alternating rounds, after every
 * result has been read once (the peer holds them all in memory; the reading fills the server's result
 * cache), and the ratios of rates and of CPU per lookup are printed (issue 17's target: ≥ 0.8×, p99 ≤
 * 10 ms at 32 in flight: --lookup-concurrency 32).
 *
 * The server runs as `pnpm start` runs it, the build's JavaScript under plain node (the bench builds
 * first), and so does the peer; --source runs both from TypeScript through tsx instead.
 *
 * Options: --size 10000 (enterprises), --seed 42, --seconds 10, --lookup-concurrency 8, --rounds 2 (the
 * server's lookups then the peer's, that many times), --filing-concurrency 16, --only lookups|filings,
 * --log-level warn (the server's LOG_LEVEL),
 * --profile (the server runs with --cpu-prof; its hottest functions are printed per phase, from the
 * samples taken during that phase, and the .cpuprofile is kept for DevTools or speedscope),
 * --keep (keep the data directory), --database-url postgres://… (PostgreSQL instead of SQLite),
 * --instances 2 (with --database-url: that many server processes on the one database, each request sent
 * to the next in turn; server cpu is then their sum), --against <checkout> (filings only, SQLite: the
 * build of another checkout, e.g. a worktree of main, as a second server on its own copy of the same
 * data, and --rounds filing phases of each server in turn, so that the machine's drift falls on both;
 * the table gives each round and the ratio of their CPU per filing). `pnpm bench:api:engines` runs SQLite, PostgreSQL
 * with one instance and with two, one after the other (apps/api/bench/engines.bench.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { transformSync } from 'esbuild';
import { createToken, openPostgresStore } from '../src/index.js';
import { generatedCsv, issueTokens, multipart, smallPdf } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import type { ServerProcess } from '../../../tests/e2e/support/api-server.js';
import { ROOT } from '../../../tests/e2e/support/mujun.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    seconds: { type: 'string', default: '10' },
    'lookup-concurrency': { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    'filing-concurrency': { type: 'string', default: '16' },
    only: { type: 'string' },
    'log-level': { type: 'string', default: 'warn' },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** Run the server and the peer from TypeScript through tsx instead of as built JavaScript. */
    source: { type: 'boolean', default: false },
    /** A PostgreSQL database (empty, or left by an earlier bench) instead of SQLite in a temporary directory. */
    'database-url': { type: 'string' },
    /** Server processes on the one PostgreSQL database (SQLite: 1 only). */
    instances: { type: 'string', default: '1' },
    /** Another checkout whose build is filed against in alternating rounds (see --against above). */
    against: { type: 'string' },
  },
});
const SIZE = Number(options.size);
const SEED = Number(options.seed);
const SECONDS = Number(options.seconds);
const LOOKUP_CONCURRENCY = Number(options['lookup-concurrency']);
const ROUNDS = Number(options.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error('--rounds takes a whole number ≥ 1');
const FILING_CONCURRENCY = Number(options['filing-concurrency']);
if (options.only !== undefined && !['lookups', 'filings'].includes(options.only)) {
  throw new Error('--only takes lookups or filings');
}
const RUN_LOOKUPS = options.only !== 'filings';
const RUN_FILINGS = options.only !== 'lookups';
const INSTANCES = Number(options.instances);
if (!Number.isInteger(INSTANCES) || INSTANCES < 1) throw new Error('--instances takes a whole number ≥ 1');
if (INSTANCES > 1 && options['database-url'] === undefined) {
  throw new Error('--instances > 1 needs --database-url: SQLite is one process on one machine');
}
if (INSTANCES > 1 && options.profile)
  throw new Error('--profile profiles one instance: leave out --instances');
const AGAINST = options.against;
if (
  AGAINST !== undefined &&
  (options.only !== 'filings' || options['database-url'] !== undefined || options.profile)
)
  throw new Error(
    '--against compares filings on SQLite: with --only filings, without --database-url or --profile',
  );
const WARM_UP_SECONDS = Math.min(2, SECONDS / 5);
/** Contestable figures in the order filings use them: SIZE × this many distinct (enterprise, field). */
const FIELDS = ['tax', 'landAreaMu', 'electricityKwh', 'revenue'] as const;

// ---------------------------------------------------------------------------------------------------------
// A keep-alive HTTP client: node:http rather than fetch, so that the client costs little of the CPU
// the server needs.

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
    req.on('error', reject);
    req.end(body);
  });
}

/** mulberry32, as the generator uses: the same random codes on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring.

/** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface PhaseResult {
  readonly name: string;
  readonly concurrency: number;
  readonly ok: number;
  readonly failed: number;
  readonly seconds: number;
  /** Latencies of the successful requests, ms, sorted. */
  readonly latencies: Float64Array;
  readonly serverCpu: number;
  readonly clientCpu: number;
  readonly load: number;
  readonly failures: readonly string[];
  /** When the phase ran (its rounds), in µs of the monotonic clock that V8's profiles use too. */
  readonly windows: readonly (readonly [number, number])[];
}

/** Rounds of one phase as one: their counts and seconds summed, CPU averaged over their seconds. */
function merged(rounds: readonly PhaseResult[]): PhaseResult | undefined {
  const [first] = rounds;
  if (first === undefined) return undefined;
  const seconds = rounds.reduce((sum, round) => sum + round.seconds, 0);
  const weighted = (of: (round: PhaseResult) => number) =>
    rounds.reduce((sum, round) => sum + of(round) * round.seconds, 0) / seconds;
  return {
    name: first.name,
    concurrency: first.concurrency,
    ok: rounds.reduce((sum, round) => sum + round.ok, 0),
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    seconds,
    latencies: Float64Array.from(rounds.flatMap((round) => [...round.latencies])).sort(),
    serverCpu: weighted((round) => round.serverCpu),
    clientCpu: weighted((round) => round.clientCpu),
    load: weighted((round) => round.load),
    failures: rounds.flatMap((round) => round.failures).slice(0, 5),
    windows: rounds.flatMap((round) => round.windows),
  };
}

function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Runs `once` from `concurrency` loops for `seconds`: each loop starts its next request when its last
 * one is answered. `once` resolves with an error text, or undefined when the answer was the right one.
 */
async function phase(
  name: string,
  servers: readonly ServerProcess[],
  concurrency: number,
  seconds: number,
  once: () => Promise<string | undefined>,
): Promise<PhaseResult> {
  const load = loadavg()[0] ?? Number.NaN;
  const latencies: number[] = [];
  const failures: string[] = [];
  let failed = 0;
  const serversCpu = () => servers.reduce((sum, server) => sum + cpuSeconds(server.child.pid), 0);
  const cpuBefore = serversCpu();
  const clientBefore = process.cpuUsage();
  const from = monotonicMicros();
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        let problem: string | undefined;
        try {
          problem = await once();
        } catch (error) {
          problem = error instanceof Error ? error.message : String(error);
        }
        if (problem === undefined) latencies.push(performance.now() - sent);
        else {
          failed += 1;
          if (failures.length < 5) failures.push(problem);
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  const client = process.cpuUsage(clientBefore);
  return {
    name,
    concurrency,
    ok: latencies.length,
    failed,
    seconds: elapsed,
    latencies: Float64Array.from(latencies).sort(),
    serverCpu: (serversCpu() - cpuBefore) / elapsed,
    clientCpu: (client.user + client.system) / 1e6 / elapsed,
    load,
    failures,
    windows: [[from, monotonicMicros()]],
  };
}

// ---------------------------------------------------------------------------------------------------------
// The profile: self time per function, from the .cpuprofile the server wrote at exit.

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

/** The functions with the most self time in the samples taken during `windows`, idle left out. */
function hottest(file: string, windows: readonly (readonly [number, number])[], top: number): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  let at = profile.startTime;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (!windows.some(([from, to]) => at >= from && at <= to)) return;
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    const { functionName, url } = node.callFrame;
    const where = url.replace(/^file:\/\//, '').replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1');
    const short = where.replace(/^.*\/(apps|packages)\//, '$1/');
    const key = `${functionName === '' ? '(anonymous)' : functionName}  ${short}`;
    self.set(key, (self.get(key) ?? 0) + delta);
    total += delta;
  });
  return [...self]
    .sort(([, a], [, b]) => b - a)
    .slice(0, top)
    .map(([key, micros]) => `${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`)
    .concat(
      `(of ${(total / 1e6).toFixed(2)} s not idle in ` +
        `${(windows.reduce((sum, [from, to]) => sum + to - from, 0) / 1e6).toFixed(2)} s)`,
    );
}

// ---------------------------------------------------------------------------------------------------------
// The peer: a bare Express route serving the same bytes (peer-server.ts), as a child process too.

interface Peer {
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/** The peer as plain JavaScript beside the built server, so that it resolves express and zod as the server does. */
const BUILT_PEER = 'apps/api/dist/bench/peer-server.js';

function startPeer(file: string, nodeArgs: readonly string[]): Promise<Peer> {
  const entry = options.source
    ? ['--conditions=@mujun/source', '--import', 'tsx', 'apps/api/bench/peer-server.ts']
    : [BUILT_PEER];
  const child = spawn(process.execPath, [...nodeArgs, ...entry, file], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const exited = new Promise<void>((done) =>
      child.on('exit', () => {
        done();
      }),
    );
    child.on('exit', (code) => {
      reject(new Error(`the peer exited with ${String(code)}`));
    });
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /"port":(\d+)/.exec(chunk.toString())?.[1];
      if (port === undefined) return;
      resolve({
        port: Number(port),
        pid: child.pid,
        // SIGTERM, so that a profiled peer writes its profile before it exits.
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------------------

// As `pnpm start` runs it in production: the build's JavaScript under plain node (the peer too).
if (!options.source) {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const peer = transformSync(readFileSync(join(ROOT, 'apps/api/bench/peer-server.ts'), 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'node20.19',
  });
  mkdirSync(join(ROOT, 'apps/api/dist/bench'), { recursive: true });
  writeFileSync(join(ROOT, BUILT_PEER), peer.code);
}

if (AGAINST !== undefined) {
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    cwd: AGAINST,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const dir = await mkdtemp(join(tmpdir(), 'mujun-bench-api-'));
const dataDir = join(dir, 'data');
const profileDir = join(dir, 'profile');
const servers: ServerProcess[] = [];
try {
  const year = generatedCsv(SIZE, SEED);
  const databaseUrl = options['database-url'];
  let admin = '';
  if (databaseUrl === undefined) {
    [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'bench' }]);
  } else {
    const store = await openPostgresStore(databaseUrl);
    admin = (await createToken(store, { role: 'admin', label: 'bench' }, new Date().toISOString())).token;
    await store.shutdown();
  }
  const auth = { authorization: `Bearer ${admin}` };
  for (let instance = 0; instance < INSTANCES; instance++) {
    servers.push(
      await startServer(
        instance === 0 ? dataDir : `${dataDir}-${instance + 1}`,
        {
          LOG_LEVEL: options['log-level'],
          ...(databaseUrl === undefined ? {} : { MUJUN_DATABASE_URL: databaseUrl }),
        },
        options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
        options.source ? 'source' : 'built',
      ),
    );
  }
  const ports = servers.map((server) => server.port);
  const [port = 0] = ports;
  /** The instance the next request goes to: each in turn. */
  let turn = 0;
  const nextPort = (): number => ports[turn++ % ports.length] ?? port;
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(LOOKUP_CONCURRENCY, FILING_CONCURRENCY) });

  // The evaluation: graded by the server from the CSV, then published today on the server's clock
  // (SERVER_CLOCK, via startServer): its window is open now.
  const upload = multipart([
    { name: 'name', value: `bench ${SIZE}` },
    { name: 'data', filename: `generated-${SIZE}.csv`, type: 'text/csv', bytes: year.bytes },
  ]);
  const evaluationOn = async (on: number, authorization: Record<string, string>): Promise<string> => {
    const created = await call(
      agent,
      on,
      'POST',
      '/v1/evaluations',
      { ...authorization, 'content-type': upload.contentType, 'content-length': upload.body.length },
      upload.body,
    );
    if (created.status !== 201) throw new Error(`create: ${created.status} ${created.body.toString()}`);
    const id = (JSON.parse(created.body.toString()) as { id: string }).id;
    const published = await call(
      agent,
      on,
      'POST',
      `/v1/evaluations/${id}/publication`,
      { ...authorization, 'content-type': 'application/json', 'content-length': 2 },
      Buffer.from('{}'),
    );
    if (published.status !== 201)
      throw new Error(`publish: ${published.status} ${published.body.toString()}`);
    return id;
  };
  const started = performance.now();
  const evaluationId = await evaluationOn(port, auth);
  const gradeSeconds = (performance.now() - started) / 1000;
  const usccs = year.records.map((record) => record.uscc);

  // (a) Lookups, beside the peer (a bare Express route serving the same bytes). First every enterprise's
  // result is read once: the peer is given those bytes, and holds them all in memory from its start; the
  // same reading fills the server's result cache, so that both serve from memory. Then --rounds rounds,
  // each the server's phase and then the peer's, so that a change in the machine's load falls on both.
  const pick = random(SEED);
  const lookupFrom = (portOf: () => number) => async (): Promise<string | undefined> => {
    const uscc = usccs[Math.floor(pick() * usccs.length)] ?? '';
    const reply = await call(
      agent,
      portOf(),
      'GET',
      `/v1/evaluations/${evaluationId}/enterprises/${uscc}`,
      auth,
    );
    return reply.status === 200 ? undefined : `${reply.status} ${reply.body.toString().slice(0, 200)}`;
  };
  const lookupRounds: PhaseResult[] = [];
  const peerRounds: PhaseResult[] = [];
  if (RUN_LOOKUPS) {
    const results: Record<string, string> = {};
    for (let i = 0; i < usccs.length; i += 64) {
      await Promise.all(
        usccs.slice(i, i + 64).map(async (uscc) => {
          const reply = await call(
            agent,
            nextPort(),
            'GET',
            `/v1/evaluations/${evaluationId}/enterprises/${uscc}`,
            auth,
          );
          results[uscc] = reply.body.toString('utf8');
        }),
      );
    }
    const file = join(dir, 'peer-results.json');
    await writeFile(file, JSON.stringify({ token: admin, evaluationId, results }));
    const peer =
      INSTANCES === 1
        ? await startPeer(
            file,
            options.profile ? ['--cpu-prof', `--cpu-prof-dir=${join(profileDir, 'peer')}`] : [],
          )
        : undefined;
    try {
      const peerProcess = [{ child: { pid: peer?.pid } }] as unknown as ServerProcess[];
      for (let round = 0; round < ROUNDS; round++) {
        const lookup = lookupFrom(nextPort);
        await phase('warm-up', servers, LOOKUP_CONCURRENCY, WARM_UP_SECONDS, lookup);
        lookupRounds.push(await phase('lookups', servers, LOOKUP_CONCURRENCY, SECONDS, lookup));
        if (peer === undefined) continue;
        const peerLookup = lookupFrom(() => peer.port);
        await phase('warm-up', peerProcess, LOOKUP_CONCURRENCY, WARM_UP_SECONDS, peerLookup);
        peerRounds.push(await phase('peer', peerProcess, LOOKUP_CONCURRENCY, SECONDS, peerLookup));
      }
    } finally {
      await peer?.stop();
    }
  }
  const lookups = merged(lookupRounds);
  const peerLookups = merged(peerRounds);

  // (b) Filings: filing k contests FIELDS[k / SIZE] of enterprise k mod SIZE, so none repeats.
  const capacity = SIZE * FIELDS.length;
  const filer = (
    portOf: () => number,
    evaluation: string,
    authorization: Record<string, string>,
  ): (() => Promise<string | undefined>) => {
    let next = 0;
    return async () => {
      const k = next++;
      if (k >= capacity) return 'ran out of distinct (enterprise, field) pairs: raise --size';
      const field = FIELDS[Math.floor(k / SIZE)] ?? 'tax';
      const form = multipart([
        {
          name: 'objection',
          value: JSON.stringify({
            uscc: usccs[k % SIZE],
            reason: `bench filing ${k}: the ${field} figure is wrong`,
            items: [{ field, claimedValue: `${100 + (k % 1000)}.5` }],
          }),
        },
        {
          name: 'evidence',
          filename: `evidence-${k}.pdf`,
          type: 'application/pdf',
          bytes: smallPdf(`bench ${k}`),
        },
      ]);
      const reply = await call(
        agent,
        portOf(),
        'POST',
        `/v1/evaluations/${evaluation}/objections`,
        {
          ...authorization,
          'idempotency-key': `bench-${k}`,
          'content-type': form.contentType,
          'content-length': form.body.length,
        },
        form.body,
      );
      return reply.status === 201 ? undefined : `${reply.status} ${reply.body.toString().slice(0, 200)}`;
    };
  };
  const file = filer(nextPort, evaluationId, auth);
  const filingRounds: PhaseResult[] = [];
  const againstRounds: PhaseResult[] = [];
  if (AGAINST !== undefined) {
    // The other checkout's build, its own token and evaluation (made by its own code) on its own data.
    const againstDir = `${dataDir}-against`;
    const { issueTokens: issueAgainst } = (await import(join(AGAINST, 'tests/e2e/support/api-data.ts'))) as {
      issueTokens: typeof issueTokens;
    };
    const [againstToken = ''] = await issueAgainst(againstDir, [{ role: 'admin', label: 'bench' }]);
    const againstAuth = { authorization: `Bearer ${againstToken}` };
    const other = await startServer(againstDir, { LOG_LEVEL: options['log-level'] }, [], {
      script: 'apps/api/dist/server.js',
      cwd: AGAINST,
    });
    servers.push(other);
    const fileAgainst = filer(() => other.port, await evaluationOn(other.port, againstAuth), againstAuth);
    for (let round = 0; round < ROUNDS; round++) {
      await phase('warm-up', [servers[0] as ServerProcess], FILING_CONCURRENCY, WARM_UP_SECONDS, file);
      filingRounds.push(
        await phase('filings', [servers[0] as ServerProcess], FILING_CONCURRENCY, SECONDS, file),
      );
      await phase('warm-up', [other], FILING_CONCURRENCY, WARM_UP_SECONDS, fileAgainst);
      againstRounds.push(await phase('against', [other], FILING_CONCURRENCY, SECONDS, fileAgainst));
    }
  } else if (RUN_FILINGS) {
    await phase('warm-up', servers, FILING_CONCURRENCY, WARM_UP_SECONDS, file);
    filingRounds.push(await phase('filings', servers, FILING_CONCURRENCY, SECONDS, file));
  }
  const filings = merged(filingRounds);
  const against = merged(againstRounds);
  agent.destroy();

  // The table.
  const ms = (value: number) => value.toFixed(2).padStart(8);
  const lines = [
    `mujun API server bench: ${SIZE.toLocaleString('en')} enterprises graded over HTTP in ${gradeSeconds.toFixed(1)} s; ` +
      `${availableParallelism()} CPUs; Node ${process.version}; ${SECONDS} s per phase; ` +
      (databaseUrl === undefined
        ? 'SQLite'
        : `PostgreSQL, ${INSTANCES} instance${INSTANCES === 1 ? '' : 's'}`),
    '',
    `${'phase'.padEnd(9)} ${'in flight'.padStart(9)} ${'ok'.padStart(7)} ${'failed'.padStart(6)} ${'per s'.padStart(8)} ` +
      `${'p50 ms'.padStart(8)} ${'p90 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'max ms'.padStart(8)} ` +
      `${'server cpu'.padStart(10)} ${'cpu ms/req'.padStart(10)} ${'client cpu'.padStart(10)} ${'load'.padStart(5)}`,
  ];
  // Each round's row when there were several, then the rounds together.
  const rows = (rounds: readonly PhaseResult[], all: PhaseResult | undefined) =>
    rounds.length > 1 && all !== undefined
      ? [...rounds.map((round, i) => ({ ...round, name: `${round.name} ${i + 1}` })), all]
      : [all];
  for (const result of [
    ...rows(lookupRounds, lookups),
    ...rows(peerRounds, peerLookups),
    ...rows(filingRounds, filings),
    ...rows(againstRounds, against),
  ]) {
    if (result === undefined) continue;
    lines.push(
      `${result.name.padEnd(9)} ${String(result.concurrency).padStart(9)} ${String(result.ok).padStart(7)} ` +
        `${String(result.failed).padStart(6)} ${(result.ok / result.seconds).toFixed(0).padStart(8)} ` +
        `${ms(percentile(result.latencies, 50))} ${ms(percentile(result.latencies, 90))} ` +
        `${ms(percentile(result.latencies, 99))} ${ms(percentile(result.latencies, 100))} ` +
        `${result.serverCpu.toFixed(2).padStart(10)} ` +
        `${((1000 * result.serverCpu * result.seconds) / Math.max(1, result.ok)).toFixed(3).padStart(10)} ` +
        `${result.clientCpu.toFixed(2).padStart(10)} ` +
        result.load.toFixed(2).padStart(5),
    );
    for (const failure of result.failures) lines.push(`  ${result.name} failure: ${failure}`);
  }
  lines.push('');
  if (lookups !== undefined) {
    const rate = lookups.ok / lookups.seconds;
    const p99 = percentile(lookups.latencies, 99);
    lines.push(
      `target lookups ≥ 2000/s with p99 < 20 ms: ${rate >= 2000 && p99 < 20 ? 'met' : 'MISSED'}` +
        ` (${rate.toFixed(0)}/s, p99 ${p99.toFixed(2)} ms)`,
    );
  }
  if (lookups !== undefined && peerLookups !== undefined) {
    const ratio = lookups.ok / lookups.seconds / (peerLookups.ok / peerLookups.seconds);
    const p99 = percentile(lookups.latencies, 99);
    // The issue states its p99 at 32 in flight: at fewer, the p99 half of the verdict is not that target's.
    const verdict =
      ratio < 0.8 || p99 > 10 ? 'MISSED' : LOOKUP_CONCURRENCY >= 32 ? 'met' : 'met at this concurrency';
    lines.push(
      `target lookups ≥ 0.8× the bare Express peer (same bytes, same run), p99 ≤ 10 ms at 32 in flight: ` +
        `${verdict} (${LOOKUP_CONCURRENCY} in flight: ${ratio.toFixed(2)}×, p99 ${p99.toFixed(2)} ms; ` +
        `peer ${(peerLookups.ok / peerLookups.seconds).toFixed(0)}/s, p99 ${percentile(peerLookups.latencies, 99).toFixed(2)} ms)` +
        (LOOKUP_CONCURRENCY >= 32 ? '' : '; run with --lookup-concurrency 32 for the target as stated'),
    );
    // The same comparison by server CPU per lookup, which other work on the machine disturbs less.
    const cpuPerLookup = (result: PhaseResult) =>
      (result.serverCpu * result.seconds) / Math.max(1, result.ok);
    lines.push(
      `server CPU per lookup: ${(1000 * cpuPerLookup(lookups)).toFixed(3)} ms, the peer's ` +
        `${(1000 * cpuPerLookup(peerLookups)).toFixed(3)} ms: ` +
        `${(cpuPerLookup(peerLookups) / cpuPerLookup(lookups)).toFixed(2)}× the peer's lookups per CPU second`,
    );
  }
  if (filings !== undefined) {
    const rate = filings.ok / filings.seconds;
    lines.push(`target durable filings ≥ 1000/s: ${rate >= 1000 ? 'met' : 'MISSED'} (${rate.toFixed(0)}/s)`);
  }
  if (filings !== undefined && against !== undefined) {
    const cpuPerFiling = (result: PhaseResult) =>
      (result.serverCpu * result.seconds) / Math.max(1, result.ok);
    lines.push(
      `against ${AGAINST ?? ''}: ${(filings.ok / filings.seconds).toFixed(0)} filings/s here, ` +
        `${(against.ok / against.seconds).toFixed(0)}/s there; server CPU per filing ` +
        `${(1000 * cpuPerFiling(filings)).toFixed(3)} ms here, ${(1000 * cpuPerFiling(against)).toFixed(3)} ms there ` +
        `(${(cpuPerFiling(filings) / cpuPerFiling(against)).toFixed(2)}×)`,
    );
  }
  lines.push(
    `load average now: ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  console.log(lines.join('\n'));

  while (servers.length > 0) {
    const exit = await servers.shift()?.stop('SIGTERM');
    if (exit !== 0) throw new Error(`a server exited with ${String(exit)}`);
  }
  if (options.profile) {
    // One profile per thread: the main thread's is the largest (tsx's loader thread has its own).
    const [main] = readdirSync(profileDir)
      .filter((entry) => entry.endsWith('.cpuprofile'))
      .map((entry) => join(profileDir, entry))
      .sort((a, b) => statSync(b).size - statSync(a).size);
    for (const result of [lookups, filings]) {
      if (main === undefined || result === undefined) continue;
      console.log(`\nserver main thread during ${result.name}, self time when not idle:`);
      console.log(hottest(main, result.windows, 25).join('\n'));
    }
    const [peerProfile] = existsSync(join(profileDir, 'peer'))
      ? readdirSync(join(profileDir, 'peer'))
          .filter((entry) => entry.endsWith('.cpuprofile'))
          .map((entry) => join(profileDir, 'peer', entry))
          .sort((a, b) => statSync(b).size - statSync(a).size)
      : [];
    if (peerProfile !== undefined && peerLookups !== undefined) {
      console.log(`\npeer main thread during its lookups, self time when not idle:`);
      console.log(hottest(peerProfile, peerLookups.windows, 25).join('\n'));
    }
    console.log(`\nprofile: ${main ?? 'none written'}`);
  }
} catch (error) {
  // The server's own account of a failure (its error lines), then the bench's.
  for (const line of servers
    .flatMap((server) => server.logs)
    .filter((entry) => Number(entry['level']) >= 50)) {
    console.error(JSON.stringify(line));
  }
  throw error;
} finally {
  for (const server of servers) await server.stop('SIGKILL');
  if (options.keep || options.profile) console.log(`\ndata and profile kept in ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
