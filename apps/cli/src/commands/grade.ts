import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { grade, InvalidRecordsError, parseRecords } from '@mujun/scoring';
import type { EnterpriseRecord, Grading } from '@mujun/scoring';
import { CliError, CliErrorCode, formatRecordWarning } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { gradeUsage } from '../help.js';
import { readCsvTable } from '../io/csv-read.js';
import { writeResultCsv } from '../io/result-csv.js';
import { writeResultJson } from '../io/result-json.js';
import type { TextSink } from '../io/atomic-file.js';
import { writeFileAtomically } from '../io/atomic-file.js';
import type { Terminal } from '../io/terminal.js';
import { DEFAULT_SCHEME, loadScheme } from '../scheme.js';

const OPTIONS = {
  input: { type: 'string', short: 'i' },
  scheme: { type: 'string', short: 's' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The result file's format follows its extension: what the clerk asked for is what the file is. */
const WRITERS: Readonly<Record<string, (grading: Grading, sink: TextSink) => void>> = {
  '.json': writeResultJson,
  '.csv': writeResultCsv,
};

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'grade');
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs throws a TypeError naming the unknown option or the missing value.
    throw usageError(error instanceof Error ? error.message : 'invalid arguments');
  }
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Checked before any work: a typo in `--out` should not cost a clerk a full grading run. */
function writerFor(input: string, out: string) {
  const writer = WRITERS[extname(out).toLowerCase()];
  if (writer === undefined) {
    throw usageError(`--out 应为 .json 或 .csv 文件：${out} (the result file must end in .json or .csv)`);
  }
  if (isDirectory(out)) throw usageError(`--out ${out} 是目录 (is a directory, not a file)`);
  if (resolve(out) === resolve(input)) {
    throw usageError(
      `--out 与 --input 是同一文件，会覆盖数据 (--out is the input file and would overwrite it)`,
    );
  }
  return writer;
}

function writeResult(out: string, write: (sink: TextSink) => void): void {
  try {
    writeFileAtomically(out, write);
  } catch (error) {
    // A full disk or a read-only folder: no result, and not the input's fault.
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      throw new CliError(
        CliErrorCode.Output,
        `无法写出结果文件 ${out} (cannot write the result file: ${error.message})`,
      );
    }
    throw error;
  }
}

/**
 * The valid records of the input, or every problem with it. A function of its own so that the raw table
 * (every cell as a string, several times the records' size) is garbage as soon as it returns.
 */
function readRecords(input: string, terminal: Terminal): EnterpriseRecord[] {
  const parsed = parseRecords(readCsvTable(input));
  for (const warning of parsed.warnings) terminal.err(`${formatRecordWarning(warning, input)}\n`);
  if (parsed.issues.length > 0) throw new InvalidRecordsError(parsed.issues);
  return parsed.records;
}

function summary(out: string, grading: Grading): string {
  const { rated, exempt, outOfScope } = grading.counts();
  const lines = [
    `已写出 ${out}：参评 ${rated} 家，暂不评价 ${exempt} 家，不纳入评价 ${outOfScope} 家 ` +
      `(wrote ${out}: ${rated} rated, ${exempt} exempt, ${outOfScope} out of scope)`,
  ];
  for (const cohort of Object.values(grading.cohorts())) {
    const classes = Object.entries(cohort.finalCounts).map(([id, count]) => `${id} ${count} 家`);
    lines.push(`  ${cohort.label}：${classes.join('，')}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `mujun grade`: CSV in, results out, nothing written unless every record is valid. Invalid data is
 * thrown as the library's InvalidRecordsError, so main reports every bad cell and exits 2.
 */
export function gradeCommand(args: readonly string[], terminal: Terminal): ExitCode {
  const options = parseOptions(args);
  if (options.help === true) {
    terminal.out(gradeUsage());
    return ExitCode.Ok;
  }
  const { input, out } = options;
  if (input === undefined) throw usageError('缺少 --input <数据.csv> (missing --input)');
  if (out === undefined) throw usageError('缺少 --out <结果.json|结果.csv> (missing --out)');
  const writer = writerFor(input, out);
  const scheme = loadScheme(options.scheme ?? DEFAULT_SCHEME);

  const records = readRecords(input, terminal);
  let grading: Grading;
  try {
    grading = grade(records, scheme);
  } catch (error) {
    // The engine's issues (a figure the cohort needs) do not know the file; the clerk needs it.
    if (error instanceof InvalidRecordsError) {
      throw new InvalidRecordsError(error.issues.map((issue) => ({ file: input, ...issue })));
    }
    throw error;
  }
  for (const warning of grading.warnings) terminal.err(`警告 (warning)：${warning}\n`);

  writeResult(out, (sink) => {
    writer(grading, sink);
  });
  terminal.out(summary(out, grading));
  return ExitCode.Ok;
}
