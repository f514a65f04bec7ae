/**
 * A county's year through `mujun grade`, at scale (`pnpm bench:sheets`): N synthetic enterprises (the
 * scoring bench's generator) written as the input workbook a bureau sends, then read, validated, graded
 * and written out as the result workbook, the way `mujun grade --input in.xlsx --out out.xlsx` does.
 *
 * The input (untimed, written by a child process so that its memory is not counted below) is one sheet
 * with a merged title row above the data dictionary's Chinese headers, numbers as numeric cells, 规上/规下,
 * 是/否 and 无/省级/国家级 as a clerk types them, and text in shared strings as Excel saves it (so the
 * reader parks the sheet in a temporary file until the shared strings arrive, as it must for real files).
 *
 * Then, timed:
 *   1. the real command, `node --single-threaded apps/cli/dist/main.js grade …` (the compiled CLI with the
 *      flags the root `pnpm mujun` script gives it, read from there by ./command.ts; `pnpm build` first
 *      if it is not built), as a child process: wall time from
 *      spawn to exit (start-up included: what a clerk waits for), its CPU time and peak RSS (the child's
 *      own process.resourceUsage() at exit);
 *   2. the same steps in this process, each on its own, through the functions the grade command calls:
 *      readRecords (read + validate), gradeRecords, and the result workbook through writeStreamAtomically.
 *      The peak RSS printed is this process's, which holds nothing else but the loaded modules.
 * Each time comes with its CPU time: on cores that other work shares, wall time says what a step took
 * and CPU time what it costs (the load average is printed too).
 *
 * Options: --size 100000 (default), --seed 42, --keep (leave the temporary directory and print its path).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { writeResultWorkbook } from '@mujun/reports';
import { FIELDS } from '@mujun/scoring';
import type { EnterpriseRecord, FieldKey, Specialized } from '@mujun/scoring';
import { generateRecords } from '../../../packages/scoring/bench/generate.js';
import { gradeRecords, readRecords } from '../src/commands/grade.js';
import { INPUT_OPTIONS, inputSpecs } from '../src/inputs.js';
import { writeStreamAtomically } from '../src/io/atomic-file.js';
import type { Terminal } from '../src/io/terminal.js';
import { DEFAULT_SCHEME, loadScheme } from '../src/scheme.js';
import { cliCommand } from './command.js';

const { values: options } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    keep: { type: 'boolean', default: false },
    // Internal: the child process that writes the input workbook.
    'write-input': { type: 'string' },
  },
});
const size = Number(options.size);
const seed = Number(options.seed);
const MiB = 1024 * 1024;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

// ---------------------------------------------------------------------------------------------------------
// The input workbook.

type Cell = string | number | undefined;
type Column = readonly [FieldKey, (record: EnterpriseRecord) => Cell];

const figure = (text: string | undefined): Cell => (text === undefined ? undefined : Number(text));
const yesNo = (flag: boolean): Cell => (flag ? '是' : '否');
const items = (list: readonly string[]): Cell => (list.length === 0 ? undefined : list.join('；'));
const SPECIALIZED: Readonly<Record<Specialized, string>> = {
  none: '无',
  province: '省级',
  national: '国家级',
};

/** The columns the generator fills, as a bureau's file has them. */
const COLUMNS: readonly Column[] = [
  ['uscc', (record) => record.uscc],
  ['name', (record) => record.name],
  ['scale', (record) => (record.scale === 'above' ? '规上' : '规下')],
  ['industryCode', (record) => record.industryCode],
  ['industryName', (record) => record.industryName],
  ['town', (record) => record.town],
  ['park', (record) => record.park],
  ['landAreaMu', (record) => figure(record.landMu)],
  ['tax', (record) => figure(record.tax)],
  ['addedValue', (record) => figure(record.addedValue)],
  ['revenue', (record) => figure(record.revenue)],
  ['employees', (record) => figure(record.employees)],
  ['energyTce', (record) => figure(record.energyTce)],
  ['emissionsTon', (record) => figure(record.emissionsTon)],
  ['rdExpense', (record) => figure(record.rdExpense)],
  ['electricityKwh', (record) => figure(record.electricityKwh)],
  ['exportValue', (record) => figure(record.exportValue)],
  ['emergencySupplier', (record) => yesNo(record.emergencySupplier)],
  ['keyChainLink', (record) => yesNo(record.keyChainLink)],
  ['highTech', (record) => yesNo(record.highTech)],
  ['specialized', (record) => SPECIALIZED[record.specialized]],
  ['subletTenants', (record) => record.subletTenants],
  ['vetoReasons', (record) => items(record.vetoReasons)],
  ['protectedReason', (record) => items(record.protectedReason)],
  ['exemptReason', (record) => items(record.exemptReason)],
  ['powerAccounts', (record) => items(record.powerAccounts)],
];

function headerOf(key: FieldKey): string {
  const field = FIELDS.find((candidate) => candidate.key === key);
  if (field === undefined) throw new Error(`no field ${key}`);
  return field.header;
}

async function writeInput(path: string): Promise<void> {
  const records = generateRecords(size, seed);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  const sheet = workbook.addWorksheet('2025年度', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = COLUMNS.map(([key]) => ({ width: Math.max(10, Math.min(30, headerOf(key).length * 2)) }));
  const title = sheet.addRow(['2025年度规模以上和规模以下工业企业亩均效益综合评价基础数据表']);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(1, 1, 1, COLUMNS.length);
  title.commit();
  const header = sheet.addRow(COLUMNS.map(([key]) => headerOf(key)));
  header.font = { bold: true };
  header.commit();
  for (const record of records) sheet.addRow(COLUMNS.map(([, cell]) => cell(record))).commit();
  sheet.commit();
  await workbook.commit();
}

if (options['write-input'] !== undefined) {
  await writeInput(options['write-input']);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------
// The bench.

/**
 * Wall time, and the CPU time of this process (all its threads) over the same span: on a machine whose
 * cores other work shares, the CPU seconds show what the step costs, the wall seconds what it took.
 */
interface Mark {
  readonly wall: number;
  readonly cpu: NodeJS.CpuUsage;
}
const mark = (): Mark => ({ wall: performance.now(), cpu: process.cpuUsage() });
const cpuSeconds = (usage: { user: number; system: number }) => (usage.user + usage.system) / 1e6;
function since(from: Mark): string {
  const wall = (performance.now() - from.wall) / 1000;
  return `${wall.toFixed(2).padStart(6)} s  (CPU ${cpuSeconds(process.cpuUsage(from.cpu)).toFixed(2)} s)`;
}
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** Runs a child node; throws unless it exits 0. */
function node(args: readonly string[]) {
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MiB });
  if (child.status !== 0) {
    throw new Error(`node ${args.join(' ')} failed (${String(child.status)}):\n${child.stderr}`);
  }
  return child;
}

/** Loaded into the command's process first: it tells its peak RSS and CPU time as the process exits. */
const USAGE_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeSync } from 'node:fs';
     process.on('exit', () => {
       const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
       writeSync(2, '\\nbench-usage ' + maxRSS + ' ' + (userCPUTime + systemCPUTime) + '\\n');
     });`,
  );

const cli = cliCommand();

const directory = mkdtempSync(join(tmpdir(), 'mujun-sheets-bench-'));
try {
  const input = join(directory, 'data-2025.xlsx');
  const loadBefore = load();
  const inputStarted = performance.now();
  node([...process.execArgv, SELF, '--write-input', input, '--size', String(size), '--seed', String(seed)]);
  const inputSeconds = (performance.now() - inputStarted) / 1000;

  // 1. The command as a clerk runs it, compiled: start-up included.
  const commandOut = join(directory, 'result-command.xlsx');
  const commandStarted = performance.now();
  const command = node([
    ...cli.flags,
    '--import',
    USAGE_HOOK,
    cli.entry,
    'grade',
    '--input',
    input,
    '--out',
    commandOut,
  ]);
  const commandSeconds = (performance.now() - commandStarted) / 1000;
  const [, commandRssKib = NaN, commandCpuMicros = NaN] = (
    /bench-usage (\d+) (\d+)/.exec(command.stderr) ?? []
  ).map(Number);
  const commandWarnings = command.stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('bench-usage')).length;

  // 2. The same steps in this process, one at a time, through the functions the grade command calls.
  const baseRss = process.memoryUsage().rss / MiB;
  const errors: string[] = [];
  const terminal: Terminal = { out: () => undefined, err: (text) => errors.push(text) };
  const specs = inputSpecs(
    parseArgs({ args: ['--input', input], options: INPUT_OPTIONS, tokens: true }),
    'grade',
  );
  const scheme = loadScheme(DEFAULT_SCHEME);
  const out = join(directory, 'result.xlsx');

  const total = mark();
  let started = mark();
  const records = await readRecords(specs, terminal);
  const read = since(started);
  started = mark();
  const grading = gradeRecords(records, scheme);
  const graded = since(started);
  started = mark();
  await writeStreamAtomically(out, (stream) => writeResultWorkbook(grading, stream));
  const written = since(started);
  const all = since(total);
  const peakRss = (process.resourceUsage().maxRSS * 1024) / MiB;

  const { rated, exempt, outOfScope } = grading.counts();
  console.log(
    [
      `enterprises            ${String(size)} (seed ${String(seed)}): ${String(rated)} rated, ` +
        `${String(exempt)} exempt, ${String(outOfScope)} out of scope; ` +
        `${String(errors.length + grading.warnings.length)} warnings`,
      `input data-2025.xlsx   ${mib(statSync(input).size)}, ${String(COLUMNS.length)} columns, ` +
        `written in ${inputSeconds.toFixed(1)} s (untimed)`,
      `mujun grade (command)  ${commandSeconds.toFixed(2).padStart(6)} s  ` +
        `(CPU ${(commandCpuMicros / 1e6).toFixed(2)} s)  peak RSS ${(commandRssKib / 1024).toFixed(0)} MiB` +
        (commandWarnings > 0 ? `  (${String(commandWarnings)} lines on stderr)` : ''),
      `in process:`,
      `  read + validate      ${read}`,
      `  grade                ${graded}`,
      `  write result.xlsx    ${written}  ${mib(statSync(out).size)}`,
      `  total                ${all}`,
      `  peak RSS             ${peakRss.toFixed(0).padStart(6)} MiB  (${baseRss.toFixed(0)} MiB before reading)`,
      `load average           ${loadBefore} before, ${load()} after (${String(availableParallelism())} cores)`,
    ].join('\n'),
  );
} finally {
  if (options.keep) console.log(`files: ${directory}`);
  else rmSync(directory, { recursive: true, force: true });
}
