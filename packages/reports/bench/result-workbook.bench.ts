/**
 * The result workbook's speed and memory (`pnpm bench:reports`): N synthetic enterprises (the scoring
 * bench's generator, untimed), graded under the reference method, then written as the streamed result
 * workbook to a temporary file, as `mujun grade --out result.xlsx` does. Prints the seconds of each step,
 * with its CPU time, the file size and the process's peak RSS (which includes the generated records and
 * the Grading).
 *
 * Options: --size 100000 (default), --seed 42, --keep (leave the workbook in the temp directory).
 */
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { grade, presetScheme } from '@mujun/scoring';
import { generateRecords } from '../../scoring/bench/generate.js';
import { writeResultWorkbook } from '../src/index.js';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

const size = Number(option('--size') ?? 100_000);
const seed = Number(option('--seed') ?? 42);
const MiB = 1024 * 1024;

const records = generateRecords(size, seed);
const inputRss = process.memoryUsage().rss / MiB;

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1e6;
};

let started = performance.now();
let cpu = process.cpuUsage();
const grading = grade(records, presetScheme('reference'));
const gradeSeconds = (performance.now() - started) / 1000;
const gradeCpu = cpuSeconds(cpu);

const directory = mkdtempSync(join(tmpdir(), 'mujun-bench-'));
const path = join(directory, 'result.xlsx');
started = performance.now();
cpu = process.cpuUsage();
const stream = createWriteStream(path);
await writeResultWorkbook(grading, stream);
if (!stream.closed) await once(stream, 'close');
const writeSeconds = (performance.now() - started) / 1000;
const writeCpu = cpuSeconds(cpu);
const bytes = statSync(path).size;
if (process.argv.includes('--keep')) console.log(`workbook: ${path}`);
else rmSync(directory, { recursive: true, force: true });

const peakRss = (process.resourceUsage().maxRSS * 1024) / MiB;
console.log(
  [
    `enterprises        ${String(size)}`,
    `grade              ${gradeSeconds.toFixed(2)} s  (CPU ${gradeCpu.toFixed(2)} s)`,
    `write result.xlsx  ${writeSeconds.toFixed(2)} s  (CPU ${writeCpu.toFixed(2)} s, ${(bytes / MiB).toFixed(1)} MiB)`,
    `load average       ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
    `RSS with records   ${inputRss.toFixed(0)} MiB`,
    `peak RSS           ${peakRss.toFixed(0)} MiB`,
  ].join('\n'),
);
