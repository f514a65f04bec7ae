/**
 * What the requests that read a whole county cost the server (`pnpm bench:api:memory`): two --size years
 * (2025 and 2026, generated with --seed and --seed + 1) are uploaded, published, recomputed and finalized
 * and 2025's 一企一档 ledger is made; then each download below is sent --runs times to a fresh server
 * (SQLite, LOG_LEVEL=warn) of the peer and of this checkout, one after the other in the same run: the
 * server's CPU seconds and wall seconds per request, its RSS before and its peak RSS (VmHWM) after, the
 * body's size, and whether the peer's and this checkout's bodies are the same bytes.
 *
 * - workbook: the result workbook (reports.ts), which grades the evaluation again;
 * - publication-list: the 公示名单 XLSX, the same;
 * - self-check: the public self-check's benchmarks (self-check.ts);
 * - activation-zip: activation codes with the 一企一单 letters, format=zip (activation.ts); new codes
 *   each time, so its bytes differ by design;
 * - surcharges: 2026's 差别化电价 list as JSON (domain/surcharges.ts), 2025's list beside it for the diff;
 * - ledger: 2025's ledger, whose next-year column reads the 2026 final grading (domain/ledger.ts);
 * - confirmations: the county's 一企一单 page, every enterprise's sheet (publications.ts).
 *
 * The peer: --peer <dir>, another checkout of mujun (e.g. /work/main, or `git worktree add --detach
 * /tmp/mujun-main main` and `pnpm install` there), run under tsx from its own directory on the same data
 * directory. Without --peer, only this checkout is measured.
 *
 * Options: --size 100000, --seed 42, --runs 2, --peer <dir>, --only workbook,ledger,…, --peer-only (the
 * peer's figures alone, e.g. while this checkout's source is being edited), --data <dir> (a data
 * directory kept after the run, and used as it is when a run already set it up: the set-up takes minutes),
 * --lookups N (while each download is served, result lookups from N loops and /healthz every 50 ms: their
 * p50 / p99 / max, and the event loop's own CPU seconds during the download, issue 17), --profile DIR (a
 * CPU profile of each server process, every thread, written to DIR as it stops).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '../src/index.js';
import { issueTokens } from '../../../tests/e2e/support/api-data.js';
import { startServer } from '../../../tests/e2e/support/api-server.js';
import {
  benchServer,
  call,
  expectStatus,
  finalize,
  json,
  mb,
  measureProbe,
  publish,
  serverEnv,
  uploadGenerated,
} from './support.js';
import type { Measured, Probe, Traffic } from './support.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '2' },
    peer: { type: 'string' },
    only: { type: 'string' },
    'peer-only': { type: 'boolean', default: false },
    data: { type: 'string' },
    lookups: { type: 'string' },
    profile: { type: 'string' },
  },
});
const PROFILE =
  options.profile === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${resolve(options.profile)}`];
const SIZE = Number(options.size);
const SEED = Number(options.seed);
const RUNS = Number(options.runs);
const ENV = serverEnv(SIZE);
/** Three weeks after the servers' usual clock (api-server.ts): past the publication window. */
const AFTER_WINDOW = { ...ENV, MUJUN_CLOCK: '2026-06-22T10:00:00+08:00' };

/** The two final years in a data directory a run set up before, oldest first; none if it is new. */
async function preparedYears(dataDir: string): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  try {
    const years = await store.finalEvaluationsBefore(9999);
    return years.sort((a, b) => (a.year ?? 0) - (b.year ?? 0)).map((evaluation) => evaluation.id);
  } finally {
    store.close();
  }
}

/** 2,000 of the evaluation's codes, to look up while a download is served. */
async function lookupCodes(dataDir: string, evaluationId: string): Promise<string[]> {
  const store = openSqliteStore(dataDir);
  try {
    const rows = await store.finalClasses(evaluationId, 'recomputed');
    return rows
      .filter((_, i) => i % Math.max(1, Math.floor(rows.length / 2000)) === 0)
      .map((row) => row.uscc);
  } finally {
    store.close();
  }
}

/** Two years uploaded, published, finalized; 2025's ledger made. */
async function setUp(dataDir: string, admin: string): Promise<string[]> {
  const years: string[] = [];
  const publishing = await startServer(dataDir, ENV);
  try {
    for (const [i, year] of ['2025', '2026'].entries()) {
      const id = await uploadGenerated(publishing.port, admin, SIZE, SEED + i, { name: `${year}年度`, year });
      await publish(publishing.port, admin, id);
      years.push(id);
    }
  } finally {
    await publishing.stop('SIGTERM');
  }
  const finalizing = await startServer(dataDir, AFTER_WINDOW);
  try {
    for (const id of years) await finalize(finalizing.port, admin, id);
    const ledger = json(admin, { threshold: '1', classD: true });
    await expectStatus(
      call(finalizing.port, 'POST', `/v1/evaluations/${years[0] ?? ''}/ledger`, ledger.headers, ledger.body),
      200,
      'ledger',
    );
  } finally {
    await finalizing.stop('SIGTERM');
  }
  return years;
}

const dir = options.data ?? (await mkdtemp(join(tmpdir(), 'mujun-bench-memory-')));
const dataDir = options.data === undefined ? join(dir, 'data') : dir;
try {
  const prepared = options.data === undefined ? [] : await preparedYears(dataDir);
  const [admin = ''] = await issueTokens(dataDir, [{ role: 'admin', label: 'bench' }]);
  const auth = { authorization: `Bearer ${admin}` };
  const started = performance.now();
  const [first = '', second = ''] = prepared.length === 2 ? prepared : await setUp(dataDir, admin);
  console.error(`set-up: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const get = (name: string, path: string): Probe => ({
    name,
    method: 'GET',
    path,
    status: 200,
    headers: auth,
  });
  const probes: Probe[] = [
    get('workbook', `/v1/evaluations/${first}/workbook`),
    get('publication-list', `/v1/evaluations/${first}/publication-list`),
    get('self-check', `/v1/public/evaluations/${first}/self-check`),
    {
      name: 'activation-zip',
      method: 'POST',
      path: `/v1/evaluations/${first}/activation-codes?format=zip`,
      status: 201,
      headers: auth,
    },
    get('surcharges', `/v1/evaluations/${second}/surcharges?docNo=${encodeURIComponent('电价〔2026〕1号')}`),
    get('ledger', `/v1/evaluations/${first}/ledger`),
    get('confirmations', `/v1/evaluations/${first}/confirmations`),
  ];
  const only = options.only?.split(',');
  const traffic: Traffic | undefined =
    options.lookups === undefined
      ? undefined
      : {
          token: admin,
          evaluationId: first,
          usccs: await lookupCodes(dataDir, first),
          concurrency: Number(options.lookups),
        };
  const measured: Measured[] = [];
  for (const probe of probes.filter((p) => only === undefined || only.includes(p.name))) {
    // The peer's server from its own checkout, this one's from here (root undefined).
    const measure = (label: string, root?: string) =>
      measureProbe(
        label,
        () => benchServer(dataDir, AFTER_WINDOW, root, PROFILE),
        probe,
        RUNS,
        traffic,
        PROFILE.length > 0,
      );
    if (options.peer !== undefined) measured.push(...(await measure('peer', resolve(options.peer))));
    if (!options['peer-only']) measured.push(...(await measure('this')));
  }

  const lines = [
    `requests that read a whole county: ${SIZE.toLocaleString('en')} enterprises a year, SQLite, a fresh ` +
      `server per download and checkout; ${availableParallelism()} CPUs; Node ${process.version}` +
      (options.peer === undefined ? '' : `; peer: ${options.peer}`),
    '',
    `${'server'.padEnd(6)} ${'download'.padEnd(17)} ${'run'.padStart(3)} ${'status'.padStart(6)} ${'wall s'.padStart(7)} ` +
      `${'cpu s'.padStart(6)} ${'body MB'.padStart(7)} ${'RSS MB'.padStart(7)} ${'peak MB'.padStart(7)} ` +
      `${'=peer'.padStart(5)} ${'load'.padStart(5)}`,
  ];
  if (traffic !== undefined) {
    const at = (sorted: readonly number[], p: number) =>
      (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN).toFixed(0);
    lines.push(
      '',
      `while each download was served: lookups from ${String(traffic.concurrency)} loops and /healthz every 50 ms`,
      `${'server'.padEnd(6)} ${'download'.padEnd(17)} ${'run'.padStart(3)} ${'lookups'.padStart(7)} ` +
        `${'failed'.padStart(6)} ${'p50'.padStart(5)} ${'p99'.padStart(6)} ${'max'.padStart(6)} ` +
        `${'hz p50'.padStart(6)} ${'hz max'.padStart(6)} ${'loop cpu s'.padStart(10)}`,
    );
    for (const m of measured) {
      if (m.seen === undefined) continue;
      lines.push(
        `${m.server.padEnd(6)} ${m.name.padEnd(17)} ${String(m.run).padStart(3)} ` +
          `${String(m.seen.lookups.length).padStart(7)} ${String(m.seen.failed).padStart(6)} ` +
          `${at(m.seen.lookups, 50).padStart(5)} ${at(m.seen.lookups, 99).padStart(6)} ` +
          `${at(m.seen.lookups, 100).padStart(6)} ${at(m.seen.health, 50).padStart(6)} ` +
          `${at(m.seen.health, 100).padStart(6)} ${m.seen.mainCpu.toFixed(2).padStart(10)}`,
      );
    }
    lines.push('', 'RSS and CPU below: the whole process, every thread.');
  }
  for (const m of measured) {
    const peer = measured.find((p) => p.server === 'peer' && p.name === m.name && p.run === m.run);
    const same = m.server === 'peer' || peer === undefined ? '' : peer.sha256 === m.sha256 ? 'yes' : 'no';
    lines.push(
      `${m.server.padEnd(6)} ${m.name.padEnd(17)} ${String(m.run).padStart(3)} ${String(m.status).padStart(6)} ` +
        `${m.seconds.toFixed(2).padStart(7)} ${m.cpu.toFixed(2).padStart(6)} ${mb(m.bytes)} ` +
        `${mb(m.rssBefore)} ${mb(m.peak)} ${same.padStart(5)} ${m.load.toFixed(2).padStart(5)}`,
    );
  }
  if (options.peer !== undefined) {
    lines.push(
      '',
      'this / peer, per download: peak RSS over the RSS before (run 1), and CPU seconds per run',
    );
    for (const probe of probes) {
      const runs = (server: string) => measured.filter((m) => m.server === server && m.name === probe.name);
      const [ours, theirs] = [runs('this'), runs('peer')];
      if (ours[0] === undefined || theirs[0] === undefined) continue;
      const growth = (m: Measured) => m.peak - m.rssBefore;
      const cpu = ours.map((m, i) => `${(m.cpu / (theirs[i]?.cpu ?? NaN)).toFixed(2)}×`).join(' ');
      lines.push(
        `${probe.name.padEnd(17)} peak growth ${mb(growth(ours[0]))} / ${mb(growth(theirs[0])).trim()} MB ` +
          `= ${(growth(ours[0]) / growth(theirs[0])).toFixed(2)}×; cpu ${cpu}`,
      );
    }
  }
  lines.push(
    '',
    'RSS: before the run; peak: the process’s high-water mark after it (VmHWM, since start); =peer: the',
    'same body bytes as the peer’s run (activation codes are new each time). Load average now: ' +
      loadavg()
        .map((l) => l.toFixed(2))
        .join(' '),
  );
  console.log(lines.join('\n'));
} finally {
  if (options.data === undefined) await rm(dir, { recursive: true, force: true });
}
