import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { grade, InvalidRecordsError } from '@mujun/scoring';
import { capIssues, DEFAULT_READ_LIMITS, errorReport, validateTables } from '@mujun/sheets';
import type { SheetIssue } from '@mujun/sheets';
import { CliError, CliErrorCode, formatIssue, formatRecordWarning } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandOptions } from '../options.js';
import { validateUsage } from '../help.js';
import { INPUT_OPTIONS, inputSpecs, readInputs } from '../inputs.js';
import { writeStreamAtomically } from '../io/atomic-file.js';
import type { Terminal } from '../io/terminal.js';
import { DEFAULT_SCHEME, loadScheme } from '../scheme.js';

const OPTIONS = {
  ...INPUT_OPTIONS,
  scheme: { type: 'string', short: 's' },
  report: { type: 'string', short: 'r' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'validate');
}

/** Checked before any work, like grade's `--out`. */
function checkReport(report: string, inputs: readonly string[]): void {
  if (extname(report).toLowerCase() !== '.xlsx') {
    throw usageError(`--report 应为 .xlsx 文件：${report} (the report must end in .xlsx)`);
  }
  if (statSync(report, { throwIfNoEntry: false })?.isDirectory() === true) {
    throw usageError(`--report ${report} 是目录 (is a directory, not a file)`);
  }
  if (inputs.some((input) => resolve(input) === resolve(report))) {
    throw usageError(
      `--report 与 --input 是同一文件，会覆盖数据 (--report is an input file and would overwrite it)`,
    );
  }
}

async function writeReport(path: string, bytes: Buffer): Promise<void> {
  try {
    await writeStreamAtomically(path, (stream) => {
      stream.end(bytes);
      return Promise.resolve();
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      throw new CliError(
        CliErrorCode.Output,
        `无法写出错误报告 ${path} (cannot write the report: ${error.message})`,
      );
    }
    throw error;
  }
}

/**
 * `mujun validate`: reads and merges the input files as grade does and lists every problem at once, the
 * scheme's figures required of rated enterprises included (grade()'s check, on the valid records), so
 * that a clean run means grade will take the files. Writes nothing but the optional XLSX report.
 */
export async function validateCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'validate');
  if (options.help === true) {
    terminal.out(validateUsage());
    return ExitCode.Ok;
  }
  const specs = inputSpecs(options, 'validate');
  const paths = specs.map((spec) => spec.path);
  const { report } = options;
  if (report !== undefined) checkReport(report, paths);
  const scheme = loadScheme(options.scheme ?? DEFAULT_SCHEME);

  const figures = scheme.figures ?? [];
  const validated = validateTables(await readInputs(specs, figures), DEFAULT_READ_LIMITS, { figures });
  const issues: SheetIssue[] = [...validated.issues];
  if (validated.records.length > 0) {
    try {
      grade(validated.records, scheme);
    } catch (error) {
      if (!(error instanceof InvalidRecordsError)) throw error;
      const located = error.issues.map(validated.locate);
      issues.push(...capIssues(located, DEFAULT_READ_LIMITS.maxIssuesPerKind));
    }
  }

  const [first = '(input)'] = paths;
  for (const warning of validated.warnings) terminal.err(`${formatRecordWarning(warning, first)}\n`);
  for (const issue of issues) terminal.err(`${formatIssue(issue, first)}\n`);
  if (report !== undefined) await writeReport(report, await errorReport(issues, validated.warnings));

  const files = paths.join('、');
  const written = report === undefined ? '' : `；已写出错误报告 ${report} (report written to ${report})`;
  if (issues.length > 0) {
    terminal.err(
      `错误：${files} 有 ${issues.length} 处数据问题${written} ` +
        `(error: ${issues.length} problem(s) in ${paths.join(', ')})\n`,
    );
    return ExitCode.Invalid;
  }
  terminal.out(
    `已检查 ${files}：${validated.records.length} 家企业，未发现问题${written} ` +
      `(checked ${paths.length} file(s): ${validated.records.length} enterprises, no problems)\n`,
  );
  return ExitCode.Ok;
}
