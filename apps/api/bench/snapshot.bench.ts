/**
 * The published snapshot's download (`pnpm bench:api:snapshot`, issue 17): a --size evaluation is uploaded
 * and published once, then for each server measured a fresh server process (SQLite, LOG_LEVEL=warn) serves
 * `GET /v1/evaluations/{id}/publication/snapshot` --runs times to a client that hashes the body as it
 * arrives: wall seconds, the server's CPU seconds (/proc/<pid>/stat), its RSS before and its peak RSS
 * (VmHWM) after, and whether the bytes hash to the ETag.
 *
 * The peer in the same run: --peer <dir>, another checkout of mujun (e.g. `git worktree add --detach
 * /tmp/mujun-main main` and `pnpm install` there), whose server serves the same data directory; its
 * source runs under tsx from its own directory. Without --peer, only this checkout is measured.
 *
 * --also workbook,summary,…: other downloads of the evaluation (paths under /v1/evaluations/{id}/, a query
 * allowed) measured the same way on this checkout, one fresh server and one run each: for the audit of
 * what else the server builds whole.
 *
 * Options: --size 100000, --seed 42, --runs 2, --peer <dir>, --also <paths>.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatedCsv, issueTokens, multipart } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import type { ServerProcess } from '../../../tests/e2e/support/api-server.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '2' },
    peer: { type: 'string' },
    also: { type: 'string' },
  },
});
const SIZE = Number(options.size);
const SEED = Number(options.seed);
const RUNS = Number(options.runs);
const ENV = { LOG_LEVEL: 'warn', MUJUN_MAX_SHEET_ROWS: String(Math.max(SIZE + 1, 200_000)) };

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly bytes: number;
  readonly sha256: string;
  /** The body, kept only when asked (small JSON answers). */
  readonly text: string;
}

/** One request; the body is hashed as it arrives and kept only when `keep`. */
function call(
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

async function expectStatus(answer: Promise<Answer>, status: number, what: string): Promise<Answer> {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: ${got.status} ${got.text.slice(0, 500)}`);
  return got;
}

/** The server's CPU seconds so far and its resident set now and at its peak, from /proc. */
async function processFigures(pid: number): Promise<{ cpu: number; rss: number; peak: number }> {
  const stat = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
  // Fields 14 and 15 (utime, stime) of the whole line are 12 and 13 after "pid (comm) ", in clock ticks.
  const ticks = Number(stat[11]) + Number(stat[12]);
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { cpu: ticks / 100, rss: kib('VmRSS') * 1024, peak: kib('VmHWM') * 1024 };
}

interface Measured {
  readonly server: string;
  readonly path: string;
  readonly run: number;
  readonly status: number;
  readonly seconds: number;
  readonly cpu: number;
  readonly rssBefore: number;
  readonly peak: number;
  readonly bytes: number;
  readonly hashesToEtag: boolean;
  readonly load: number;
}

async function measure(
  label: string,
  dataDir: string,
  root: string | undefined,
  admin: string,
  id: string,
  path = 'publication/snapshot',
  runs = RUNS,
): Promise<Measured[]> {
  const server =
    root === undefined
      ? await startServer(dataDir, ENV)
      : await startServer(dataDir, ENV, ['--conditions=@mujun/source', '--import', 'tsx'], {
          script: join(root, 'apps/api/src/server.ts'),
          cwd: root,
        });
  const pid = server.child.pid ?? 0;
  const results: Measured[] = [];
  try {
    // Settle: the web pages' bundle is built at start.
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    for (let run = 1; run <= runs; run += 1) {
      const before = await processFigures(pid);
      const started = performance.now();
      let answer: Answer;
      try {
        answer = await call(
          server.port,
          'GET',
          `/v1/evaluations/${id}/${path}`,
          { authorization: `Bearer ${admin}` },
          undefined,
          false,
        );
      } catch (error) {
        answer = { status: 0, headers: {}, bytes: 0, sha256: String(error), text: '' };
      }
      const seconds = (performance.now() - started) / 1000;
      const after = await processFigures(pid).catch(() => ({ cpu: NaN, rss: NaN, peak: NaN }));
      results.push({
        server: label,
        path,
        run,
        status: answer.status,
        seconds,
        cpu: after.cpu - before.cpu,
        rssBefore: before.rss,
        peak: after.peak,
        bytes: answer.bytes,
        hashesToEtag: answer.headers['etag'] === `"sha256-${answer.sha256}"`,
        load: loadavg()[0] ?? NaN,
      });
    }
  } finally {
    reportLogs(server);
    await server.stop('SIGKILL');
  }
  return results;
}

function reportLogs(server: ServerProcess): void {
  for (const line of server.logs.filter((entry) => Number(entry['level']) >= 50)) {
    console.error(JSON.stringify(line).slice(0, 500));
  }
}

const dir = await mkdtemp(join(tmpdir(), 'mujun-bench-snapshot-'));
const dataDir = join(dir, 'data');
try {
  const [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'bench' }]);
  const auth = { authorization: `Bearer ${admin}` };
  let id = '';
  const setup = await startServer(dataDir, ENV);
  try {
    const form = multipart([
      { name: 'name', value: 'bench' },
      { name: 'data', filename: 'bench.csv', type: 'text/csv', bytes: generatedCsv(SIZE, SEED).bytes },
    ]);
    const created = await expectStatus(
      call(
        setup.port,
        'POST',
        '/v1/evaluations',
        { ...auth, 'content-type': form.contentType, 'content-length': form.body.length },
        form.body,
      ),
      201,
      'upload',
    );
    id = (JSON.parse(created.text) as { id: string }).id;
    await expectStatus(
      call(
        setup.port,
        'POST',
        `/v1/evaluations/${id}/publication`,
        { ...auth, 'content-type': 'application/json', 'content-length': 2 },
        Buffer.from('{}'),
      ),
      201,
      'publish',
    );
  } finally {
    await setup.stop('SIGTERM');
  }
  const measured: Measured[] = [];
  if (options.peer !== undefined)
    measured.push(...(await measure('peer', dataDir, resolve(options.peer), admin, id)));
  measured.push(...(await measure('this', dataDir, undefined, admin, id)));
  for (const path of options.also?.split(',').filter((also) => also !== '') ?? [])
    measured.push(...(await measure('this', dataDir, undefined, admin, id, path, 1)));

  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0).padStart(7);
  const lines = [
    `published snapshot download: ${SIZE.toLocaleString('en')} enterprises, SQLite, a fresh server per row ` +
      `set; ${availableParallelism()} CPUs; Node ${process.version}` +
      (options.peer === undefined ? '' : `; peer: ${options.peer}`),
    '',
    `${'server'.padEnd(6)} ${'download'.padEnd(30)} ${'run'.padStart(3)} ${'status'.padStart(6)} ${'wall s'.padStart(7)} ` +
      `${'cpu s'.padStart(6)} ${'body MB'.padStart(7)} ${'RSS MB'.padStart(7)} ${'peak MB'.padStart(7)} ` +
      `${'=ETag'.padStart(5)} ${'load'.padStart(5)}`,
  ];
  for (const m of measured) {
    lines.push(
      `${m.server.padEnd(6)} ${m.path.padEnd(30)} ${String(m.run).padStart(3)} ${String(m.status).padStart(6)} ` +
        `${m.seconds.toFixed(2).padStart(7)} ${m.cpu.toFixed(2).padStart(6)} ${mb(m.bytes)} ` +
        `${mb(m.rssBefore)} ${mb(m.peak)} ${(m.path !== 'publication/snapshot' ? '' : m.hashesToEtag ? 'yes' : 'NO').padStart(5)} ${m.load.toFixed(2).padStart(5)}`,
    );
  }
  lines.push('', 'RSS: before the run; peak: the process’s high-water mark after it (VmHWM, since start).');
  console.log(lines.join('\n'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
