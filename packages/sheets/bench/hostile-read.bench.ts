/**
 * The hostile spreadsheets of issue 10 through the reader, the way the server reads an upload: readTable
 * then validateTables, default limits. Each case runs in a child process of its own (so that its peak RSS
 * is its own), with a 2 GiB heap and a time limit; what is printed per case is the outcome (issues, or
 * the error's code and message), the time from the bytes being in memory to that outcome, and the
 * child's peak RSS (process.resourceUsage().maxRSS at exit, the input's bytes included).
 *
 *   node --conditions=@mujun/source --import tsx packages/sheets/bench/hostile-read.bench.ts [case …]
 *
 * Cases: dup50k (50,000 rows of one code, CSV), rows2m (2,000,000 invalid rows, CSV), bomb (an XLSX of
 * about 1 MB whose sheet unpacks to 1 GiB), rows186k (an XLSX of 186,000 repeated rows).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readTable, validateTables } from '../src/index.js';
import {
  HEADERS,
  inlineRow,
  invalidRowsCsv,
  repeatedCsv,
  repeatedRowsXlsx,
  zipBombXlsx,
} from './hostile-files.js';

const CASES: Readonly<Record<string, () => Buffer>> = {
  dup50k: () => Buffer.from(repeatedCsv(50_000)),
  rows2m: () => invalidRowsCsv(2_000_000),
  bomb: () => zipBombXlsx(),
  rows186k: () =>
    repeatedRowsXlsx({
      header: HEADERS,
      row: inlineRow(['', '某企业', '规上', '10', '5'], 2),
      count: 186_000,
      refs: true,
    }),
};
const MiB = 1024 * 1024;
const TIME_LIMIT_MS = 120_000;

async function runCase(name: string): Promise<void> {
  const make = CASES[name];
  if (make === undefined) throw new Error(`no case ${name}`);
  const bytes = make();
  const start = performance.now();
  let outcome: string;
  try {
    const table = await readTable(bytes, { file: `${name}.upload` });
    const validated = validateTables([table]);
    const body = JSON.stringify({ issues: validated.issues });
    outcome =
      `${validated.issues.length} issues (${(body.length / MiB).toFixed(1)} MiB as JSON), ` +
      `${validated.records.length} records`;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    outcome = `refused: ${String(code)} ${(error as Error).message.slice(0, 100)}`;
  }
  const seconds = (performance.now() - start) / 1000;
  const rss = (process.resourceUsage().maxRSS * 1024) / MiB;
  console.log(
    `${name.padEnd(9)} ${(bytes.length / MiB).toFixed(2).padStart(7)} MiB in  ` +
      `${seconds.toFixed(2).padStart(6)} s  peak RSS ${rss.toFixed(0).padStart(5)} MiB  ${outcome}`,
  );
}

const [first, ...others] = process.argv.slice(2);
if (first === '--child') {
  await runCase(others[0] ?? '');
} else {
  const names = first === undefined ? Object.keys(CASES) : [first, ...others];
  for (const name of names) {
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [
        '--conditions=@mujun/source',
        '--import',
        'tsx',
        '--max-old-space-size=2048',
        fileURLToPath(import.meta.url),
        '--child',
        name,
      ],
      { stdio: ['ignore', 'inherit', 'pipe'], timeout: TIME_LIMIT_MS, maxBuffer: 64 * MiB },
    );
    if (child.status !== 0) {
      const wall = ((performance.now() - started) / 1000).toFixed(1);
      const why = child.signal === null ? `exit ${child.status}` : `killed by ${child.signal}`;
      const last = child.stderr.toString().trim().split('\n').filter(Boolean).slice(-2).join(' | ');
      console.log(`${name.padEnd(9)} died after ${wall} s (${why}): ${last.slice(0, 160)}`);
    }
  }
}
