import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { writeResultWorkbook } from '@mujun/reports';
import { grade, InvalidRecordsError, toNextClass } from '@mujun/scoring';
import type {
  DeclaredColumn,
  EnterpriseRecord,
  GradeOptions,
  Grading,
  RecordIssue,
  Scheme,
} from '@mujun/scoring';
import { capIssues, DEFAULT_READ_LIMITS, validateTables } from '@mujun/sheets';
import type { SheetIssue } from '@mujun/sheets';
import { CliError, CliErrorCode, formatRecordWarning } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandOptions } from '../options.js';
import { gradeUsage } from '../help.js';
import { INPUT_OPTIONS, inputSpecs, readInputs } from '../inputs.js';
import type { InputSpec } from '../inputs.js';
import { writeResultCsv } from '../io/result-csv.js';
import { writeResultJson } from '../io/result-json.js';
import type { TextSink } from '../io/atomic-file.js';
import { writeFileAtomically, writeStreamAtomically } from '../io/atomic-file.js';
import type { Terminal } from '../io/terminal.js';
import { DEFAULT_SCHEME, loadPreviousResult, loadScheme } from '../scheme.js';

const OPTIONS = {
  ...INPUT_OPTIONS,
  scheme: { type: 'string', short: 's' },
  previous: { type: 'string', short: 'p' },
  out: { type: 'string', short: 'o' },
  'to-next-class': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Writer = (grading: Grading, out: string) => void | Promise<void>;

function textWriter(write: (grading: Grading, sink: TextSink) => void): Writer {
  return (grading, out) => {
    writeResult(out, (sink) => {
      write(grading, sink);
    });
  };
}

/** The result file's format follows its extension: what the clerk asked for is what the file is. */
const WRITERS: Readonly<Record<string, Writer>> = {
  '.json': textWriter(writeResultJson),
  '.csv': textWriter(writeResultCsv),
  '.xlsx': (grading, out) => writeResultStream(out, (stream) => writeResultWorkbook(grading, stream)),
};

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'grade');
}

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Checked before any work: a typo in `--out` should not cost a clerk a full grading run. */
function writerFor(inputs: readonly string[], out: string) {
  const writer = WRITERS[extname(out).toLowerCase()];
  if (writer === undefined) {
    throw usageError(
      `--out 应为 .json、.csv 或 .xlsx 文件：${out} (the result file must end in .json, .csv or .xlsx)`,
    );
  }
  if (isDirectory(out)) throw usageError(`--out ${out} 是目录 (is a directory, not a file)`);
  if (inputs.some((input) => resolve(out) === resolve(input))) {
    throw usageError(
      `--out 与 --input 是同一文件，会覆盖数据 (--out is the input file and would overwrite it)`,
    );
  }
  return writer;
}

/** A full disk or a read-only folder: no result, and not the input's fault. */
function outputError(out: string, error: unknown): unknown {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return new CliError(
      CliErrorCode.Output,
      `无法写出结果文件 ${out} (cannot write the result file: ${error.message})`,
    );
  }
  return error;
}

function writeResult(out: string, write: (sink: TextSink) => void): void {
  try {
    writeFileAtomically(out, write);
  } catch (error) {
    throw outputError(out, error);
  }
}

async function writeResultStream(out: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  try {
    await writeStreamAtomically(out, write);
  } catch (error) {
    throw outputError(out, error);
  }
}

/** The valid records of the input files, and where each came from. */
export interface InputRecords {
  readonly records: EnterpriseRecord[];
  /** Places an issue about one of the records (grade()'s) in the file, sheet and row it came from. */
  readonly locate: (issue: RecordIssue) => SheetIssue;
}

/**
 * The valid records of the input files (one per department, merged by code), or every problem with them
 * thrown as InvalidRecordsError. A function of its own so that the raw tables (every cell as a string,
 * several times the records' size) are garbage as soon as it returns.
 */
export async function readRecords(
  specs: readonly InputSpec[],
  terminal: Terminal,
  figures: readonly DeclaredColumn[] = [],
): Promise<InputRecords> {
  const validated = validateTables(await readInputs(specs, figures), DEFAULT_READ_LIMITS, { figures });
  const fallback = specs[0]?.path ?? '(input)';
  for (const warning of validated.warnings) terminal.err(`${formatRecordWarning(warning, fallback)}\n`);
  if (validated.issues.length > 0) throw new InvalidRecordsError(validated.issues);
  return { records: validated.records, locate: validated.locate };
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
 * Grades the input's records. The engine's issues (a figure the cohort needs) know only the record: they
 * are placed in the file, sheet, row and column the clerk has to fix, a thousand of each column at most.
 */
export function gradeRecords(input: InputRecords, scheme: Scheme, options: GradeOptions = {}): Grading {
  try {
    return grade(input.records, scheme, options);
  } catch (error) {
    if (error instanceof InvalidRecordsError) {
      const located = error.issues.map(input.locate);
      throw new InvalidRecordsError(capIssues(located, DEFAULT_READ_LIMITS.maxIssuesPerKind));
    }
    throw error;
  }
}

/**
 * `mujun grade`: XLSX or CSV files in (one per department, merged by code), results out, nothing written
 * unless every record is valid. Invalid data is thrown as the library's InvalidRecordsError, so main
 * reports every bad cell and exits 2.
 */
export async function gradeCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'grade');
  if (options.help === true) {
    terminal.out(gradeUsage());
    return ExitCode.Ok;
  }
  const specs = inputSpecs(options, 'grade');
  const { out } = options;
  if (out === undefined) throw usageError('缺少 --out <结果.json|结果.csv|结果.xlsx> (missing --out)');
  const writer = writerFor(
    specs.map((spec) => spec.path),
    out,
  );
  const scheme = loadScheme(options.scheme ?? DEFAULT_SCHEME);
  const previous = options.previous === undefined ? {} : { previous: loadPreviousResult(options.previous) };
  const withNextClass = options['to-next-class'] === true;
  if (withNextClass && extname(out).toLowerCase() !== '.json') {
    throw usageError('--to-next-class 只用于 .json 结果 (--to-next-class writes into a .json result only)');
  }
  if (withNextClass && options.previous !== undefined) {
    // The search grades the cohort again without last year's result: say so rather than answer wrongly.
    throw usageError(
      "--to-next-class 暂不能与 --previous 同用 (--to-next-class does not yet take last year's result)",
    );
  }

  const input = await readRecords(specs, terminal, scheme.figures ?? []);
  const grading = gradeRecords(input, scheme, previous);
  for (const warning of grading.warnings) terminal.err(`警告 (warning)：${warning}\n`);

  if (withNextClass) {
    const ways = toNextClass(input.records, scheme, grading);
    let cut = 0;
    for (const way of ways.values()) if (way?.unanswered != null) cut++;
    if (cut > 0) {
      terminal.err(
        `警告 (warning)：${String(cut)} 家企业的部分升档测算未能在限定计算量内求出，结果中记为 null 并注明 (unanswered)\n`,
      );
    }
    writeResult(out, (sink) => {
      writeResultJson(grading, sink, ways);
    });
  } else await writer(grading, out);
  terminal.out(summary(out, grading));
  return ExitCode.Ok;
}
