import {
  FIELDS,
  InvalidRecordsError,
  InvalidSchemeError,
  PreviousResultNeededError,
  UnknownPresetError,
} from '@mujun/scoring';
import type { RecordIssue } from '@mujun/scoring';
import { SheetError } from '@mujun/sheets';
import type { SheetIssue, SheetWarning } from '@mujun/sheets';
import { ExitCode } from './exit-code.js';
import type { Terminal } from './io/terminal.js';

/** Why the command itself refused, as opposed to the library's domain errors (which it rethrows as is). */
export const CliErrorCode = {
  /** Bad or missing arguments: the usage hint follows the message. */
  Usage: 'USAGE',
  /** A file the user named cannot be read or is not what it should be. */
  InvalidInput: 'INVALID_INPUT',
  /** The result could not be written: the input was fine, the machine was not. */
  Output: 'OUTPUT',
} as const;
export type CliErrorCode = (typeof CliErrorCode)[keyof typeof CliErrorCode];

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    message: string,
    /** The command whose `--help` explains the fix, for usage errors. */
    readonly command?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

const HEADER_BY_KEY: ReadonlyMap<string, string> = new Map(FIELDS.map((field) => [field.key, field.header]));

/** Control characters or line breaks inside a cell must not split one issue over several lines. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ');
}

/** The column as the file spelled it plus its other name, so a clerk finds it in either spreadsheet. */
function columnOf(issue: RecordIssue): string {
  const chinese = HEADER_BY_KEY.get(issue.column);
  const header = issue.header === undefined || issue.header.trim() === '' ? chinese : issue.header;
  if (header === undefined) return `「${issue.column}」`;
  const other = header.trim().toLowerCase() === issue.column.toLowerCase() ? chinese : issue.column;
  return other === undefined ? `「${oneLine(header)}」` : `「${oneLine(header)}」(${other})`;
}

/** The file, and the sheet of a workbook: `税务.xlsx 工作表「2025」`. */
function whereOf(found: { readonly file?: string; readonly sheet?: string }, file: string): string {
  const name = found.file ?? file;
  return found.sheet === undefined ? name : `${name} 工作表「${found.sheet}」`;
}

/**
 * One bad cell, one line: file (and sheet), 第 N 行, the column (header and key), the cell's reference
 * when known, the value, the reason.
 */
export function formatIssue(issue: SheetIssue, file: string): string {
  const row = issue.row === 1 ? '第 1 行（表头）' : `第 ${issue.row} 行`;
  const cell = issue.cell === undefined ? '' : `，单元格 ${issue.cell}`;
  const value = issue.value === '' ? '值为空' : `值 ${JSON.stringify(issue.value)}`;
  return `${whereOf(issue, file)} ${row}，列${columnOf(issue)}${cell}，${value}：${oneLine(issue.reason)}`;
}

export function formatRecordWarning(warning: SheetWarning, file: string): string {
  return `警告 (warning)：${whereOf(warning, file)}：${oneLine(warning.message)}`;
}

export function printIssues(terminal: Terminal, issues: readonly SheetIssue[], file: string): void {
  for (const issue of issues) terminal.err(`${formatIssue(issue, file)}\n`);
  // An issue about several files (a column none of them has) names them all, joined with 、.
  const files = [...new Set(issues.flatMap((issue) => (issue.file ?? file).split('、')))].join('、');
  terminal.err(
    `错误：${files} 有 ${issues.length} 处数据问题，未写出结果文件 ` +
      `(error: ${issues.length} invalid cell(s) in ${files}; no result file written)\n`,
  );
}

/**
 * Prints what went wrong and chooses the exit code. Anything the input could fix exits 2; anything else
 * is a bug or a machine problem and exits 1 with its stack, so it can be reported.
 */
export function reportFailure(error: unknown, terminal: Terminal, file = '(input)'): ExitCode {
  if (error instanceof InvalidRecordsError) {
    printIssues(terminal, error.issues, file);
    return ExitCode.Invalid;
  }
  if (error instanceof InvalidSchemeError) {
    for (const issue of error.issues)
      terminal.err(`评价办法 (scheme) ${issue.path}：${oneLine(issue.message)}\n`);
    terminal.err(`错误：评价办法无效 (error: invalid scheme, ${error.issues.length} problem(s))\n`);
    return ExitCode.Invalid;
  }
  if (error instanceof PreviousResultNeededError) {
    for (const issue of error.issues)
      terminal.err(`上年结果 (previous result) ${issue.path}：${oneLine(issue.message)}\n`);
    terminal.err(
      '错误：评价办法的基准值取自上年评价结果，请用 --previous <上年结果.json> 提供 ' +
        '(error: the scheme takes benchmarks from last year’s result; give it with --previous)\n',
    );
    return ExitCode.Invalid;
  }
  if (error instanceof UnknownPresetError) {
    terminal.err(
      `错误：未知的预置评价办法「${error.presetId}」，可用：${error.known.join('、')}；` +
        `或给出 scheme.json 文件路径 (error: unknown scheme preset "${error.presetId}"; ` +
        `known: ${error.known.join(', ')}; or give a path to a scheme.json)\n`,
    );
    return ExitCode.Invalid;
  }
  if (error instanceof SheetError) {
    terminal.err(`错误 (error)：${oneLine(error.message)}\n`);
    return ExitCode.Invalid;
  }
  if (error instanceof CliError) {
    terminal.err(`错误 (error)：${error.message}\n`);
    if (error.command !== undefined) {
      terminal.err(`运行 mujun ${error.command} --help 查看用法 (see mujun ${error.command} --help)\n`);
    }
    return error.code === CliErrorCode.Output ? ExitCode.Internal : ExitCode.Invalid;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  terminal.err(`内部错误，请报告此问题 (internal error, please report it)：\n${detail}\n`);
  return ExitCode.Internal;
}
