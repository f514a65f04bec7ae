/**
 * The hostile spreadsheets of issue 10 through the reader, the way the server reads an upload: readTable
 * then validateTables, default limits. Each file is written to a temporary directory first; each case then
 * runs in a child process of its own (so that its peak RSS is its own), with a 2 GiB heap and a time
 * limit. Printed per case: the outcome (issues, or the error's code and message), the time from the bytes
 * being read into memory to that outcome, and the child's peak RSS (process.resourceUsage().maxRSS at
 * exit: the loaded modules and the input's bytes included).
 *
 *   node --conditions=@mujun/source --import tsx packages/sheets/bench/hostile-read.bench.ts [case …]
 *
 * SHEETS_SRC=<dir> reads through another copy of the package's src/ (an older version, to compare).
 *
 * Cases: dup50k (50,000 rows of one code, CSV), rows2m (2,000,000 invalid rows, CSV), bomb (an XLSX of
 * about 1 MB whose sheet unpacks to 1 GiB), rows186k (an XLSX of 186,000 repeated rows).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as Sheets from '../src/index.js';
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
const TIME = '/usr/bin/time';

async function runCase(name: string, path: string): Promise<void> {
  const source = process.env['SHEETS_SRC'];
  const index = source === undefined ? '../src/index.js' : pathToFileURL(resolve(source, 'index.ts')).href;
  const { readTable, validateTables } = (await import(index)) as typeof Sheets;
  const bytes = readFileSync(path);
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
    outcome = `refused: ${String(code)} ${(error as Error).message.slice(0, 120)}`;
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
  await runCase(others[0] ?? '', others[1] ?? '');
} else {
  const names = first === undefined ? Object.keys(CASES) : [first, ...others];
  const dir = mkdtempSync(join(tmpdir(), 'mujun-hostile-'));
  for (const name of names) {
    const make = CASES[name];
    if (make === undefined) throw new Error(`no case ${name}; known: ${Object.keys(CASES).join(', ')}`);
    const path = join(dir, name);
    writeFileSync(path, make());
    const started = performance.now();
    const node = [
      process.execPath,
      '--conditions=@mujun/source',
      '--import',
      'tsx',
      '--max-old-space-size=2048',
      fileURLToPath(import.meta.url),
      '--child',
      name,
      path,
    ];
    // GNU time and timeout, when there: a child stopped at the time limit still gets its peak RSS told.
    const timed = existsSync(TIME)
      ? [TIME, '-f', 'peak RSS %M KiB', 'timeout', String(TIME_LIMIT_MS / 1000), ...node]
      : node;
    const child = spawnSync(timed[0] ?? '', timed.slice(1), {
      stdio: ['ignore', 'inherit', 'pipe'],
      timeout: TIME_LIMIT_MS + 10_000,
      maxBuffer: 64 * MiB,
    });
    const stderr = child.stderr.toString();
    const peak = /peak RSS (\d+) KiB/.exec(stderr)?.[1];
    if (child.status !== 0 || /Command (exited|terminated)/.test(stderr)) {
      const wall = ((performance.now() - started) / 1000).toFixed(1);
      const why = /Command (exited with non-zero status \d+|terminated by signal \d+)/.exec(stderr)?.[1];
      const rss = peak === undefined ? '' : `, peak RSS ${(Number(peak) / 1024).toFixed(0)} MiB`;
      const last = stderr
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('peak RSS') && !line.startsWith('Command'))
        .slice(-1)
        .join('');
      console.log(
        `${name.padEnd(9)} stopped after ${wall} s (${why ?? 'failed'}${rss}) ${last.slice(0, 120)}`,
      );
    }
    rmSync(path);
  }
  rmSync(dir, { recursive: true });
}
