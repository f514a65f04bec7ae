import { InvalidRecordsError } from '@mujun/scoring';
import type { RecordIssue } from '@mujun/scoring';
import { compareGradings, renderSimulationPage, writeSimulationWorkbook } from '@mujun/simulation';
import type { Simulation } from '@mujun/simulation';
import { readHistory } from '@mujun/surcharges';
import type { ClassHistoryEntry } from '@mujun/surcharges';
import { CliError, CliErrorCode, formatRecordWarning } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { simulateUsage } from '../help.js';
import { INPUT_OPTIONS, inputSpecs } from '../inputs.js';
import type { ReportWriter } from '../io/report-file.js';
import { readSideFile, textReport, workbookReport, writerForOut } from '../io/report-file.js';
import type { Terminal } from '../io/terminal.js';
import { parseCommandOptions } from '../options.js';
import { DEFAULT_SCHEME, loadScheme } from '../scheme.js';
import { gradeRecords, readRecords } from './grade.js';

const OPTIONS = {
  ...INPUT_OPTIONS,
  scheme: { type: 'string', short: 's' },
  proposed: { type: 'string' },
  year: { type: 'string', short: 'y' },
  history: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const WRITERS: Readonly<Record<string, ReportWriter<Simulation>>> = {
  '.json': textReport((simulation) => `${JSON.stringify(simulation, null, 2)}\n`, 'the report'),
  '.xlsx': workbookReport(writeSimulationWorkbook, 'the report'),
  '.html': textReport(renderSimulationPage, 'the report'),
};

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'simulate');
}

function checkedYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^\d{4}$/.test(value.trim())) {
    throw usageError(`--year 应为四位年份，如 2025：${value} (the evaluation year, four digits)`);
  }
  return Number(value.trim());
}

/**
 * `mujun simulate`: grades the input under the current method (--scheme) and a proposed one (--proposed),
 * independently, and writes the comparison: every enterprise under both, the class movement matrix, who
 * moves and by which rule, distributions by town and industry and the 差别化电价 impact (with --year and
 * --history, the runs of D years count as `mujun surcharges` counts them).
 */
export async function simulateCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'simulate');
  if (options.help === true) {
    terminal.out(simulateUsage());
    return ExitCode.Ok;
  }
  const specs = inputSpecs(options, 'simulate');
  if (options.proposed === undefined || options.proposed.trim() === '') {
    throw usageError('缺少 --proposed <拟议办法.json> (missing --proposed)');
  }
  if (options.out === undefined || options.out.trim() === '') {
    throw usageError('缺少 --out <报告.json|报告.xlsx|报告.html> (missing --out)');
  }
  const out = options.out.trim();
  const historyPath = options.history;
  const writer = writerForOut(
    out,
    [
      ...specs.map((spec) => spec.path),
      options.proposed,
      ...(historyPath === undefined ? [] : [historyPath]),
    ],
    WRITERS,
    'simulate',
  );
  const year = checkedYear(options.year);
  if (historyPath !== undefined && year === null) {
    throw usageError('给出 --history 时须同时给出 --year (--history needs --year)');
  }
  const current = loadScheme(options.scheme ?? DEFAULT_SCHEME);
  const proposed = loadScheme(options.proposed.trim());

  let history: readonly ClassHistoryEntry[] = [];
  let historyIssues: RecordIssue[] = [];
  if (historyPath !== undefined) {
    const classes = [
      ...new Set([
        ...current.classes.map((c) => c.id),
        current.exemptClass.id,
        ...proposed.classes.map((c) => c.id),
        proposed.exemptClass.id,
      ]),
    ];
    const parsed = await readHistory(
      readSideFile(historyPath, '类别历史文件'),
      { file: historyPath },
      classes,
    );
    for (const warning of parsed.warnings) {
      terminal.err(`${formatRecordWarning(warning, warning.file ?? historyPath)}\n`);
    }
    history = parsed.entries;
    historyIssues = [...parsed.issues];
  }

  let input: Awaited<ReturnType<typeof readRecords>>;
  try {
    input = await readRecords(specs, terminal);
  } catch (error) {
    if (error instanceof InvalidRecordsError)
      throw new InvalidRecordsError([...error.issues, ...historyIssues]);
    throw error;
  }
  if (historyIssues.length > 0) throw new InvalidRecordsError(historyIssues);

  // Two independent gradings of the same records; an issue either method finds is placed in its file.
  const simulation = compareGradings(
    input.records,
    gradeRecords(input, current),
    gradeRecords(input, proposed),
    year,
    history,
  );
  for (const warning of simulation.warnings) terminal.err(`警告 (warning)：${warning}\n`);
  await writer(simulation, out);
  const { totals } = simulation;
  terminal.out(
    `已写出 ${out}：${String(totals.enterprises)} 家企业，类别变动 ${String(totals.moved)} 家` +
      `（上升 ${String(totals.up)}、下降 ${String(totals.down)}、其他 ${String(totals.changed)}）\n` +
      `(wrote ${out}: ${String(totals.enterprises)} enterprises, ${String(totals.moved)} change class)\n`,
  );
  return ExitCode.Ok;
}
