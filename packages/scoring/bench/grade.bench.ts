/**
 * The speed benchmark (`pnpm bench`): the exact engine against a plain float64 implementation of the same
 * reference method (./float-baseline.ts), at 10k, 100k and 1M synthetic enterprises (./generate.ts).
 *
 * Per size, fresh child processes (same Node flags, plus --expose-gc) each generate the records (untimed):
 *   time             times, interleaved rep by rep so that machine noise hits all three alike:
 *                      baseline  floatBaseline(records)
 *                      exact     grade(records, reference): decisions only
 *                      results   grade(...) and every EnterpriseResult of .results() built and dropped,
 *                                as a CLI writing JSON would
 *                    then counts the final classes the baseline and the exact engine disagree on.
 *   memory:<mode>    one run of that mode alone, so process.resourceUsage().maxRSS is that mode's peak;
 *                    memory:exact runs twice, the second time with V8's heap capped at 768 MiB, which
 *                    shows how much of the first peak is garbage V8 chose not to collect yet.
 * Timings are the best of 3 after a warm-up run of each (1M: best of 2, after a warm-up on a 100k prefix).
 * Peak RSS includes the input records (and V8's own lazily freed garbage); "input RSS" is the RSS with
 * only the records in memory.
 *
 * Options: --sizes 10000,100000 (default 10000,100000,1000000), --seed N (default 42).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { grade, presetScheme } from '../src/index.js';
import type { EnterpriseRecord, Scheme } from '../src/index.js';
import { CLASS_IDS, floatBaseline } from './float-baseline.js';
import { generateRecords } from './generate.js';

const MODES = ['baseline', 'exact', 'results'] as const;
type Mode = (typeof MODES)[number];
const MARK = '@@bench ';
const MB = 1024 * 1024;

interface Timing {
  readonly size: number;
  /** Seconds of each timed repetition, per mode. */
  readonly times: Readonly<Record<Mode, readonly number[]>>;
  readonly disagreements: number;
  readonly compared: number;
  readonly examples: readonly string[];
}

interface Memory {
  readonly mode: Mode;
  readonly size: number;
  /** Peak resident set of the whole child process, in MiB. */
  readonly peakRssMiB: number;
  /** RSS with only the generated records in memory (after a full GC), in MiB. */
  readonly inputRssMiB: number;
  /** JS heap plus array buffers the run's output still holds after a full GC (`exact`: the Grading), MiB. */
  readonly outputMiB: number;
  readonly seconds: number;
}

function heldBytes(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const gc = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const seed = Number(option('--seed') ?? 42);

// ---------------------------------------------------------------------------------------------------
// Children.

/** Runs one mode once; returns its output (kept alive by the caller where it matters). */
function runMode(mode: Mode, records: readonly EnterpriseRecord[], scheme: Scheme): unknown {
  switch (mode) {
    case 'baseline':
      return floatBaseline(records);
    case 'exact':
      return grade(records, scheme);
    case 'results': {
      let traceLines = 0;
      for (const result of grade(records, scheme).results()) traceLines += result.trace.length;
      return traceLines;
    }
  }
}

function timeChild(size: number): Timing {
  const records = generateRecords(size, seed);
  const scheme = presetScheme('reference');
  const big = size >= 1_000_000;
  const warmUp = big ? records.slice(0, 100_000) : records;
  for (const mode of MODES) runMode(mode, warmUp, scheme);
  const times: Record<Mode, number[]> = { baseline: [], exact: [], results: [] };
  for (let rep = 0; rep < (big ? 2 : 3); rep++) {
    for (const mode of MODES) {
      gc();
      const start = performance.now();
      runMode(mode, records, scheme);
      times[mode].push((performance.now() - start) / 1000);
    }
  }
  gc();
  return { size, times, ...agreement(records, scheme) };
}

function agreement(records: readonly EnterpriseRecord[], scheme: Scheme) {
  const baseline = floatBaseline(records).finalClass;
  const index = new Map<string, number>();
  records.forEach((record, i) => index.set(record.uscc, i));
  let disagreements = 0;
  let compared = 0;
  const examples: string[] = [];
  for (const result of grade(records, scheme).results()) {
    const i = index.get(result.uscc);
    if (i === undefined) throw new Error(`result for an unknown code ${result.uscc}`);
    const float = CLASS_IDS[baseline[i] ?? -1] ?? null;
    compared++;
    if (float === result.finalClass) continue;
    disagreements++;
    if (examples.length < 5) {
      const { uscc, finalClass, totalScore, rank, cohort } = result;
      examples.push(
        `${uscc} (${cohort ?? '-'}): float ${float ?? '-'}, exact ${finalClass ?? '-'} (exact total ${totalScore ?? '-'}, rank ${rank ?? '-'})`,
      );
    }
  }
  return { disagreements, compared, examples };
}

function memoryChild(mode: Mode, size: number): Memory {
  const records = generateRecords(size, seed);
  const scheme = presetScheme('reference');
  gc();
  const inputRss = process.memoryUsage().rss;
  const inputHeap = heldBytes();
  const start = performance.now();
  const output = runMode(mode, records, scheme);
  const seconds = (performance.now() - start) / 1000;
  const peakRssMiB = (process.resourceUsage().maxRSS * 1024) / MB;
  gc();
  const outputBytes = heldBytes() - inputHeap;
  if (output === records) throw new Error('unreachable'); // keeps the output alive until measured
  return {
    mode,
    size,
    peakRssMiB,
    inputRssMiB: inputRss / MB,
    outputMiB: Math.max(0, outputBytes) / MB,
    seconds,
  };
}

// ---------------------------------------------------------------------------------------------------
// Parent: the children, then the tables.

function runChild(task: string, size: number, nodeFlags: readonly string[] = []): unknown {
  process.stderr.write(`  ${label(size)} ${[task, ...nodeFlags].join(' ')}…\n`);
  const script = fileURLToPath(import.meta.url);
  const args = [...process.execArgv, '--expose-gc', ...nodeFlags, script, '--child', task, String(size)];
  const run = spawnSync(process.execPath, [...args, '--seed', String(seed)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * MB,
  });
  const line = run.stdout.split('\n').find((text) => text.startsWith(MARK));
  if (run.status !== 0 || line === undefined) {
    throw new Error(`bench child ${task} ${size} failed (status ${run.status ?? run.signal ?? '?'})`);
  }
  return JSON.parse(line.slice(MARK.length));
}

/** A short hash of the engine's sources, so a table can be tied to the code it measured. */
function sourceFingerprint(): string {
  const root = fileURLToPath(new URL('../src/', import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|json)$/.test(file) && !file.endsWith('.test.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(readFileSync(join(root, file)));
  return hash.digest('hex').slice(0, 12);
}

const secs = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '-');
const mib = (value: number): string => value.toFixed(0);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(1)}×`;
const best = (values: readonly number[]): number => Math.min(...values);
function label(size: number): string {
  return size >= 1_000_000 && size % 1_000_000 === 0
    ? `${size / 1_000_000}M`
    : size % 1000 === 0
      ? `${size / 1000}k`
      : String(size);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, c) =>
    Math.max(header.length, ...rows.map((row) => (row[c] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Heap cap for the second exact-engine memory run: what the engine needs when V8 may not grow lazily. */
const CAPPED_HEAP_MIB = 768;

function parent(): void {
  const sizes = (option('--sizes') ?? '10000,100000,1000000').split(',').map(Number);
  const processors = cpus();
  const fingerprint = sourceFingerprint();
  console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${platform()} ${arch()}`);
  console.log(
    `CPU: ${processors[0]?.model ?? 'unknown'} × ${processors.length}, RAM ${mib(totalmem() / MB)} MiB`,
  );
  console.log(`flags: ${process.execArgv.join(' ')} (+ --expose-gc in the children); seed ${seed}`);
  console.log(
    `packages/scoring/src fingerprint ${fingerprint}; load average ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}\n`,
  );

  const main: string[][] = [];
  const detail: string[][] = [];
  const notes: string[] = [];
  for (const size of sizes) {
    const timing = runChild('time', size) as Timing;
    const [baseline, exact, results] = MODES.map((mode) => runChild(`memory:${mode}`, size) as Memory) as [
      Memory,
      Memory,
      Memory,
    ];
    const capped = runChild('memory:exact', size, [`--max-old-space-size=${CAPPED_HEAP_MIB}`]) as Memory;
    const { times } = timing;
    main.push([
      label(size),
      secs(best(times.baseline)),
      secs(best(times.exact)),
      ratio(best(times.exact), best(times.baseline)),
      secs(best(times.results)),
      ratio(best(times.results), best(times.baseline)),
      mib(exact.peakRssMiB),
      mib(results.peakRssMiB),
      `${timing.disagreements} / ${timing.compared}`,
    ]);
    detail.push([
      label(size),
      mib(exact.inputRssMiB),
      mib(baseline.peakRssMiB),
      mib(exact.peakRssMiB),
      mib(capped.peakRssMiB),
      mib(exact.outputMiB),
      mib(results.peakRssMiB),
      MODES.map((mode) => times[mode].map(secs).join('/')).join(' | '),
    ]);
    for (const example of timing.examples) notes.push(`  ${label(size)} ${example}`);
  }
  console.log(
    table(
      [
        'size',
        'baseline s',
        'exact s',
        'exact/base',
        'exact+results s',
        '+results/base',
        'peak RSS exact MiB',
        'peak RSS +results MiB',
        'final-class disagreements',
      ],
      main,
    ),
  );
  console.log('');
  console.log(
    table(
      [
        'size',
        'input RSS MiB',
        'peak baseline MiB',
        'peak exact MiB',
        `peak exact, heap ≤ ${CAPPED_HEAP_MIB} MiB`,
        'Grading held MiB',
        'peak +results MiB',
        'every rep s (baseline | exact | exact+results)',
      ],
      detail,
    ),
  );
  console.log(
    '\ninput RSS: the process with only the generated records; peaks include them. Grading held: JS heap and' +
      '\narray buffers the Grading keeps after a full GC. Peaks are whole-process maxRSS of a child running one mode once.',
  );
  if (notes.length > 0) {
    console.log(`\nFinal-class disagreements, float baseline vs exact (first few):\n${notes.join('\n')}`);
  }
  const million = detail.find((cells) => cells[0] === '1M');
  if (million !== undefined) {
    console.log(
      `\n1M exact engine peak RSS ${million[3] ?? '?'} MiB, input records included (target ≤ 1024 MiB)`,
    );
  }
  const after = sourceFingerprint();
  if (after !== fingerprint)
    console.log(`\nWARNING: packages/scoring/src changed during the run (${fingerprint} → ${after})`);
  console.log(
    `load average at the end ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const task = process.argv[childAt + 1] ?? '';
  const size = Number(process.argv[childAt + 2]);
  const mode = task.replace(/^memory:/, '') as Mode;
  let report: Timing | Memory;
  if (task === 'time') report = timeChild(size);
  else if (task.startsWith('memory:') && MODES.includes(mode)) report = memoryChild(mode, size);
  else throw new Error(`unknown bench task ${task}`);
  process.stdout.write(MARK + JSON.stringify(report) + '\n');
} else {
  parent();
}
