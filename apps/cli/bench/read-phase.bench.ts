/**
 * The read phase of `mujun grade` alone (`pnpm bench:read`): a 100,000-row UTF-8 CSV's bytes through
 * readTable (the CSV split and the SourceTable) and validateTables (merge, parseRecords, placing issues),
 * in CPU seconds (user + system, the collector's threads included), as the compiled packages run it
 * (`pnpm build` first). The whole CLI run (`pnpm bench:cli`) drifts by more than a change to one phase
 * moves it; this times each phase `--rounds` times in one process (the first round pays the JIT) and
 * prints the minimum and median of each.
 *
 * With `--base <worktree>` (another checkout, built), each process of this tree alternates with one of the
 * base's, `--pairs` times, and the load is printed beside each line: only such same-minute pairs compare.
 *
 * Options: --size 100000, --seed 42, --rounds 6, --pairs 3, --base <dir>, --keep.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type * as Sheets from '@mujun/sheets';
import { generatedCsv } from '../../../tests/e2e/support/api-data.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    rounds: { type: 'string', default: '6' },
    pairs: { type: 'string', default: '3' },
    base: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    input: { type: 'string' },
  },
});
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
const load = () => (loadavg()[0] ?? 0).toFixed(2);
const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const figure = (values: readonly number[]) => {
  const ordered = sorted(values);
  const at = (index: number) => (ordered[index] ?? NaN).toFixed(3);
  return `min ${at(0)} med ${at(ordered.length >> 1)}`;
};

/** One process: the phases of one tree's compiled sheets package, `rounds` times. */
async function child(tree: string, input: string): Promise<void> {
  const url = pathToFileURL(join(tree, 'packages/sheets/dist/index.js')).href;
  const sheets = (await import(url)) as typeof Sheets;
  const bytes = readFileSync(input);
  const read: number[] = [];
  const validate: number[] = [];
  /** The last round's result, held as the CLI holds its records while the next round runs. */
  const held: unknown[] = [];
  for (let round = 0; round < Number(options.rounds); round++) {
    held.length = 0; // the last round's records are garbage only now
    const started = cpu();
    const table = await sheets.readTable(bytes, { file: 'data.csv', encoding: 'auto', figures: [] });
    const tabled = cpu();
    const validated = sheets.validateTables([table], sheets.DEFAULT_READ_LIMITS, { figures: [] });
    read.push(tabled - started);
    validate.push(cpu() - tabled);
    if (validated.issues.length > 0) throw new Error(`${String(validated.issues.length)} issues`);
    held.push(validated);
  }
  process.stdout.write(
    `read ${figure(read)}  validate ${figure(validate)}  ` +
      `read+validate ${figure(read.map((value, index) => value + (validate[index] ?? NaN)))}`,
  );
}

function run(tree: string, input: string): string {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(
    process.execPath,
    [...process.execArgv, self, '--child', tree, '--input', input, '--rounds', options.rounds],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`${tree}: ${result.stderr}`);
  return result.stdout;
}

if (options.child !== undefined && options.input !== undefined) {
  await child(options.child, options.input);
} else {
  const directory = mkdtempSync(join(tmpdir(), 'mujun-read-bench-'));
  try {
    const input = join(directory, `data-${options.size}.csv`);
    writeFileSync(input, generatedCsv(Number(options.size), Number(options.seed)).bytes);
    const trees = options.base === undefined ? [ROOT] : [ROOT, resolve(options.base)];
    const pairs = options.base === undefined ? 1 : Number(options.pairs);
    console.log(
      `read phase, ${options.size} rows, CPU seconds over ${options.rounds} rounds per process (load = 1-min average)`,
    );
    for (let pair = 0; pair < pairs; pair++) {
      // Alternate which tree goes first, so that a drift within the pair favours neither.
      for (const tree of pair % 2 === 0 ? trees : [...trees].reverse()) {
        const line = run(tree, input);
        console.log(`${tree === ROOT ? 'this' : 'base'}  ${line}  load ${load()}`);
      }
    }
  } finally {
    if (options.keep) console.log(`kept ${directory}`);
    else rmSync(directory, { recursive: true, force: true });
  }
}
