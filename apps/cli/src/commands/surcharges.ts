import { InvalidRecordsError } from '@mujun/scoring';
import type { RecordIssue, Scheme } from '@mujun/scoring';
import type { SheetIssue } from '@mujun/sheets';
import {
  executionPeriod,
  InvalidDateError,
  NoPolicyError,
  readHistory,
  readPreviousList,
  renderSurchargePage,
  subjectsFromGrading,
  surchargeCsv,
  surchargeList,
  surchargeTable,
  writeSurchargeWorkbook,
} from '@mujun/surcharges';
import type { ParsedHistory, ParsedPreviousList, SurchargeList } from '@mujun/surcharges';
import { CliError, CliErrorCode, formatRecordWarning } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandOptions } from '../options.js';
import { surchargesUsage } from '../help.js';
import { INPUT_OPTIONS, inputSpecs } from '../inputs.js';
import type { ReportWriter } from '../io/report-file.js';
import { readSideFile, textReport, workbookReport, writerForOut } from '../io/report-file.js';
import type { Terminal } from '../io/terminal.js';
import { DEFAULT_SCHEME, loadScheme } from '../scheme.js';
import { gradeRecords, readRecords } from './grade.js';

const OPTIONS = {
  ...INPUT_OPTIONS,
  scheme: { type: 'string', short: 's' },
  year: { type: 'string', short: 'y' },
  history: { type: 'string' },
  published: { type: 'string' },
  'doc-no': { type: 'string' },
  previous: { type: 'string', short: 'p' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'surcharges');
}

/** The list's format follows the file's extension. */
const WRITERS: Readonly<Record<string, ReportWriter<SurchargeList>>> = {
  '.csv': textReport(surchargeCsv, 'the list'),
  '.xlsx': workbookReport(writeSurchargeWorkbook, 'the list'),
  '.html': textReport(renderSurchargePage, 'the list'),
};

function required(value: string | undefined, option: string, what: string): string {
  if (value === undefined || value.trim() === '')
    throw usageError(`缺少 --${option} <${what}> (missing --${option})`);
  return value.trim();
}

function checkedYear(value: string): number {
  if (!/^\d{4}$/.test(value))
    throw usageError(`--year 应为四位年份，如 2025：${value} (the evaluation year, four digits)`);
  return Number(value);
}

function checkedPublished(value: string): string {
  try {
    executionPeriod(value);
    return value;
  } catch (error) {
    if (error instanceof InvalidDateError) throw usageError(`--published ${error.message}`);
    throw error;
  }
}

function checkedScheme(argument: string): Scheme {
  const scheme = loadScheme(argument);
  try {
    surchargeTable(scheme, 'electricity');
  } catch (error) {
    if (error instanceof NoPolicyError) {
      throw new CliError(
        CliErrorCode.InvalidInput,
        `${error.message}；可用 --scheme reference 或 shandong-2022，或在评价办法文件中加入 policy.surcharges.electricity ` +
          `(use a preset with a policy, or add one to the scheme file)`,
      );
    }
    throw error;
  }
  return scheme;
}

function summary(out: string, list: SurchargeList): string {
  const diff =
    list.diff === null
      ? ''
      : `；与上年相比新增 ${String(list.diff.added.length)}、移出 ${String(list.diff.removed.length)}、加价变化 ${String(list.diff.changed.length)} 个户号`;
  return (
    `已写出 ${out}：${String(list.year)} 年度${list.label} ${String(list.enterprises.length)} 家企业、` +
    `${String(list.rows.length)} 行，执行期 ${list.period.start} 至 ${list.period.end}${diff}\n` +
    `(wrote ${out}: ${String(list.enterprises.length)} enterprises, ${String(list.rows.length)} rows, ` +
    `${list.period.start} to ${list.period.end})\n`
  );
}

/**
 * `mujun surcharges`: grades the input as `grade` does, takes each enterprise's final class for --year,
 * counts consecutive D years from --history, and writes the differentiated electricity-price list for the
 * grid company (CSV or XLSX) or the publication page (HTML). Every problem in the data, the history and
 * last year's list is reported at once (exit 2), and nothing is written unless all of them are clean.
 */
export async function surchargesCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'surcharges');
  if (options.help === true) {
    terminal.out(surchargesUsage());
    return ExitCode.Ok;
  }
  const specs = inputSpecs(options, 'surcharges');
  const year = checkedYear(required(options.year, 'year', '评价年度'));
  const historyPath = required(options.history, 'history', '类别历史.csv');
  const publishedOn = checkedPublished(required(options.published, 'published', 'YYYY-MM-DD'));
  const documentNumber = required(options['doc-no'], 'doc-no', '文号');
  const out = required(options.out, 'out', '清单.csv|清单.xlsx|清单.html');
  const previousPath = options.previous;
  const writer = writerForOut(
    out,
    [...specs.map((spec) => spec.path), historyPath, ...(previousPath === undefined ? [] : [previousPath])],
    WRITERS,
    'surcharges',
  );
  const scheme = checkedScheme(options.scheme ?? DEFAULT_SCHEME);

  const classes = [...scheme.classes.map((c) => c.id), scheme.exemptClass.id];
  const history: ParsedHistory = await readHistory(
    readSideFile(historyPath, '类别历史文件'),
    { file: historyPath },
    classes,
  );
  const previous: ParsedPreviousList | null =
    previousPath === undefined
      ? null
      : await readPreviousList(readSideFile(previousPath, '上年清单'), { file: previousPath });
  for (const warning of [...history.warnings, ...(previous?.warnings ?? [])]) {
    terminal.err(`${formatRecordWarning(warning, warning.file ?? historyPath)}\n`);
  }
  const fileIssues: SheetIssue[] = [...history.issues, ...(previous?.issues ?? [])];

  // The data's problems and the history's are one list, so a clerk fixes every file in one pass.
  let input: Awaited<ReturnType<typeof readRecords>>;
  let grading: ReturnType<typeof gradeRecords>;
  try {
    input = await readRecords(specs, terminal, scheme.figures ?? []);
    grading = gradeRecords(input, scheme);
  } catch (error) {
    if (error instanceof InvalidRecordsError) throw new InvalidRecordsError([...error.issues, ...fileIssues]);
    throw error;
  }
  if (fileIssues.length > 0) throw new InvalidRecordsError(fileIssues satisfies RecordIssue[]);
  for (const warning of grading.warnings) terminal.err(`警告 (warning)：${warning}\n`);

  const list = surchargeList({
    scheme,
    year,
    subjects: subjectsFromGrading(input.records, grading),
    history: history.entries,
    publishedOn,
    documentNumber,
    previous: previous?.rows ?? null,
  });
  for (const warning of list.warnings) terminal.err(`警告 (warning)：${warning}\n`);

  await writer(list, out);
  terminal.out(summary(out, list));
  return ExitCode.Ok;
}
