/**
 * A 100,000-row CSV to the result JSON (`pnpm bench:cli`), against its peer in the same run: the same
 * reference method as a county's analyst would script it in pandas (./peer/grade_pandas.py: read_csv,
 * vectorised float64, to_json), each as a whole process, timed by the CPU seconds it used (user +
 * system, start-up included) and its peak RSS. Target (issue 17): mujun at most half the peer's CPU.
 *
 * The CSV is what the API's bench uploads (the scoring bench's generator, English keys), written untimed.
 * Then, `--reps` times (default 3), interleaved so that machine noise hits all alike:
 *   peer      python3 grade_pandas.py data.csv peer.json
 *   mujun     node --single-threaded apps/cli/dist/main.js grade --input data.csv --out result.json: the
 *             compiled CLI with the flags the root `pnpm mujun` script gives it (./command.ts reads
 *             them from there; `pnpm build` first if it is not built)
 *   launcher  node --single-threaded -e '' : Node.js's own start-up with the same flags, so that
 *             "mujun − launcher" is mujun's work
 * and the best of each is printed with the ratio. Then the bundled 31-row sample
 * (apps/cli/samples/sample-2025.csv) the same way, 5 times at least, alternating with the launcher: its CPU
 * beyond the launcher's is the start-up target (issue 17: at most 0.3 s). The peer's final classes are compared with ours (float
 * rounding may move a tie); the result JSON also carries a trace per enterprise, which the peer's has not.
 * The peer needs python3 with pandas (Debian: apt-get install python3-pandas); without it, the bench says
 * so and prints mujun's figures alone.
 *
 * Options: --size 100000 (default), --seed 42, --reps 3, --keep (leave the temporary directory).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatedCsv } from '../../../tests/e2e/support/api-data.js';
import { cliCommand } from './command.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    reps: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
  },
});
const size = Number(options.size);
const seed = Number(options.seed);
const reps = Number(options.reps);
const MiB = 1024 * 1024;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PEER = fileURLToPath(new URL('./peer/grade_pandas.py', import.meta.url));
const SAMPLE = join(ROOT, 'apps/cli/samples/sample-2025.csv');

interface Usage {
  readonly cpu: number;
  readonly wall: number;
  readonly rssMiB: number;
}

/** Loaded into a node child first: it tells its CPU time and peak RSS as the process exits. */
const NODE_USAGE =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeSync } from 'node:fs';
     process.on('exit', () => {
       const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
       writeSync(2, '\\nbench-usage ' + (userCPUTime + systemCPUTime) / 1e6 + ' ' + maxRSS + '\\n');
     });`,
  );

/** Runs the peer inside a python process that reports the same figures (ru_maxrss is KiB on Linux). */
const PYTHON_USAGE = `import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    u = resource.getrusage(resource.RUSAGE_SELF)
    sys.stderr.write("\\nbench-usage %f %d\\n" % (u.ru_utime + u.ru_stime, u.ru_maxrss))`;

function run(command: string, args: readonly string[]): Usage {
  const started = performance.now();
  const child = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MiB });
  const wall = (performance.now() - started) / 1000;
  if (child.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${String(child.status)}):\n${child.stderr}`);
  }
  const [, cpu = NaN, rssKib = NaN] = (/bench-usage ([\d.]+) (\d+)/.exec(child.stderr) ?? []).map(Number);
  return { cpu, wall, rssMiB: rssKib / 1024 };
}

/** The first python3 that imports pandas (Debian's own before another on the PATH), or undefined. */
function findPython(): string | undefined {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pandas'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
const best = (runs: readonly Usage[]): Usage =>
  runs.reduce((a, b) => (b.cpu < a.cpu ? b : a), runs[0] as Usage);
const show = (usage: Usage) =>
  `${usage.cpu.toFixed(2).padStart(6)} s CPU  ${usage.wall.toFixed(2).padStart(6)} s wall  ` +
  `${usage.rssMiB.toFixed(0).padStart(5)} MiB peak`;

/** Final class by code, from mujun's result JSON or the peer's list. */
function classes(enterprises: readonly { uscc: string; finalClass?: string | null }[]): Map<string, string> {
  return new Map(enterprises.map((enterprise) => [enterprise.uscc, enterprise.finalClass ?? '-']));
}

const cli = cliCommand();

const directory = mkdtempSync(join(tmpdir(), 'mujun-cli-bench-'));
try {
  const input = join(directory, `data-${String(size)}.csv`);
  writeFileSync(input, generatedCsv(size, seed).bytes);
  const python = findPython();
  const loadBefore = load();
  const runs: Record<'peer' | 'mujun' | 'loader', Usage[]> = { peer: [], mujun: [], loader: [] };
  const measured = [...cli.flags, '--import', NODE_USAGE];
  for (let rep = 0; rep < reps; rep++) {
    if (python !== undefined) {
      runs.peer.push(run(python, ['-c', PYTHON_USAGE, PEER, input, join(directory, 'peer.json')]));
    }
    runs.mujun.push(
      run(process.execPath, [
        ...measured,
        cli.entry,
        'grade',
        '--input',
        input,
        '--out',
        join(directory, 'result.json'),
      ]),
    );
    runs.loader.push(run(process.execPath, [...measured, '-e', '']));
  }
  const sample: Record<'mujun' | 'loader', Usage[]> = { mujun: [], loader: [] };
  for (let rep = 0; rep < Math.max(reps, 5); rep++) {
    sample.mujun.push(
      run(process.execPath, [
        ...measured,
        cli.entry,
        'grade',
        '--input',
        SAMPLE,
        '--out',
        join(directory, 'sample-result.json'),
      ]),
    );
    sample.loader.push(run(process.execPath, [...measured, '-e', '']));
  }
  const mujun = best(runs.mujun);
  const loader = best(runs.loader);
  const lines = [
    `input                  ${String(size)} enterprises (seed ${String(seed)}), ` +
      `${(statSync(input).size / MiB).toFixed(1)} MiB CSV; best of ${String(reps)} by CPU`,
    `mujun grade → .json    ${show(mujun)}  ${(statSync(join(directory, 'result.json')).size / MiB).toFixed(0)} MiB out`,
    `  of which launcher    ${show(loader)}  (node ${[...cli.flags, "-e ''"].join(' ')})`,
  ];
  if (python === undefined) {
    lines.push('peer                   not run: no python3 with pandas (apt-get install python3-pandas)');
  } else {
    const peer = best(runs.peer);
    const ours = classes(
      (JSON.parse(readFileSync(join(directory, 'result.json'), 'utf8')) as { enterprises: [] }).enterprises,
    );
    const theirs = classes(JSON.parse(readFileSync(join(directory, 'peer.json'), 'utf8')) as []);
    let differ = 0;
    for (const [code, finalClass] of ours) if (theirs.get(code) !== finalClass) differ++;
    lines.push(
      `peer (pandas)          ${show(peer)}  ${(statSync(join(directory, 'peer.json')).size / MiB).toFixed(0)} MiB out, ` +
        `${String(differ)} final classes differ from mujun's`,
      `ratio mujun ÷ peer     ${(mujun.cpu / peer.cpu).toFixed(2)}× CPU (target ≤ 0.50×); ` +
        `without the launcher ${((mujun.cpu - loader.cpu) / peer.cpu).toFixed(2)}×`,
    );
  }
  const sampleMujun = best(sample.mujun);
  const sampleLoader = best(sample.loader);
  lines.push(
    `31-row sample → .json  ${show(sampleMujun)}  beyond the launcher (${sampleLoader.cpu.toFixed(2)} s, same run) ` +
      `${(sampleMujun.cpu - sampleLoader.cpu).toFixed(2)} s CPU (target ≤ 0.30 s); best of ${String(sample.mujun.length)}`,
  );
  lines.push(
    `load average           ${loadBefore} before, ${load()} after (${String(availableParallelism())} cores)`,
  );
  console.log(lines.join('\n'));
} finally {
  if (options.keep) console.log(`files: ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}
