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
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { issueTokens } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import { benchServer, mb, measureProbe, publish, serverEnv, uploadGenerated } from './support.js';
import type { Measured } from './support.js';

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
const ENV = serverEnv(SIZE);

/** `path` under the evaluation, `runs` times, on a fresh server of this checkout or the peer at `root`. */
function measure(
  label: string,
  dataDir: string,
  root: string | undefined,
  admin: string,
  id: string,
  path = 'publication/snapshot',
  runs = RUNS,
): Promise<Measured[]> {
  const probe = {
    name: path,
    method: 'GET' as const,
    path: `/v1/evaluations/${id}/${path}`,
    status: 200,
    headers: { authorization: `Bearer ${admin}` },
  };
  return measureProbe(label, () => benchServer(dataDir, ENV, root), probe, runs);
}

const dir = await mkdtemp(join(tmpdir(), 'mujun-bench-snapshot-'));
const dataDir = join(dir, 'data');
try {
  const [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'bench' }]);
  let id = '';
  const setup = await startServer(dataDir, ENV);
  try {
    id = await uploadGenerated(setup.port, admin, SIZE, SEED);
    await publish(setup.port, admin, id);
  } finally {
    await setup.stop('SIGTERM');
  }
  const measured: Measured[] = [];
  if (options.peer !== undefined)
    measured.push(...(await measure('peer', dataDir, resolve(options.peer), admin, id)));
  measured.push(...(await measure('this', dataDir, undefined, admin, id)));
  for (const path of options.also?.split(',').filter((also) => also !== '') ?? [])
    measured.push(...(await measure('this', dataDir, undefined, admin, id, path, 1)));

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
      `${m.server.padEnd(6)} ${m.name.padEnd(30)} ${String(m.run).padStart(3)} ${String(m.status).padStart(6)} ` +
        `${m.seconds.toFixed(2).padStart(7)} ${m.cpu.toFixed(2).padStart(6)} ${mb(m.bytes)} ` +
        `${mb(m.rssBefore)} ${mb(m.peak)} ${(m.name !== 'publication/snapshot' ? '' : m.etag === `"sha256-${m.sha256}"` ? 'yes' : 'NO').padStart(5)} ${m.load.toFixed(2).padStart(5)}`,
    );
  }
  lines.push('', 'RSS: before the run; peak: the process’s high-water mark after it (VmHWM, since start).');
  console.log(lines.join('\n'));
} finally {
  await rm(dir, { recursive: true, force: true });
}
