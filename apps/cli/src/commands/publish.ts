import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  aggregates,
  confirmationSheets,
  dataset,
  InvalidPreviousReportError,
  landNotice,
  lowEfficiencyList,
  parsePreviousReport,
  publicationList,
  renderConfirmationPage,
  renderPublicationPage,
  renderSummaryPage,
  summary,
  taxPerMuDistribution,
  writeLandNoticeWorkbook,
  writeLowEfficiencyWorkbook,
  writePublicationWorkbook,
  writeSummaryWorkbook,
  yearOverYear,
} from '@mujun/reports';
import type { PreviousReport, PublicationNotice, PublicationOrder, SummaryReport } from '@mujun/reports';
import { DECIMAL_STRING } from '@mujun/scoring';
import { CliError, CliErrorCode } from '../errors.js';
import { ExitCode } from '../exit-code.js';
import { parseCommandOptions } from '../options.js';
import { publishUsage } from '../help.js';
import { INPUT_OPTIONS, inputSpecs } from '../inputs.js';
import { writeDirectoryAtomically } from '../io/atomic-directory.js';
import { writeStreamTo } from '../io/atomic-file.js';
import type { Terminal } from '../io/terminal.js';
import { DEFAULT_SCHEME, loadScheme } from '../scheme.js';
import { gradeRecords, readRecords } from './grade.js';

const OPTIONS = {
  ...INPUT_OPTIONS,
  scheme: { type: 'string', short: 's' },
  previous: { type: 'string', short: 'p' },
  'low-threshold': { type: 'string' },
  order: { type: 'string' },
  year: { type: 'string' },
  issuer: { type: 'string' },
  contact: { type: 'string' },
  url: { type: 'string' },
  'out-dir': { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The files `publish` writes, by what they are. */
export const PUBLISHED_FILES = {
  publicationXlsx: '公示名单.xlsx',
  publicationHtml: '公示名单.html',
  summaryXlsx: '评价汇总.xlsx',
  summaryHtml: '评价汇总.html',
  landNoticeXlsx: '用地面积公示.xlsx',
  lowEfficiencyXlsx: '低效企业筛选.xlsx',
  confirmationHtml: '一企一单.html',
} as const;

/** Wenzhou's 亩均税收 < 1 万元/亩 line, the reference method's floor. */
const DEFAULT_LOW_THRESHOLD = '1';

function usageError(message: string): CliError {
  return new CliError(CliErrorCode.Usage, message, 'publish');
}

function lowThreshold(value: string | undefined): string {
  const threshold = (value ?? DEFAULT_LOW_THRESHOLD).trim();
  if (!DECIMAL_STRING.test(threshold) || threshold.startsWith('-')) {
    throw usageError(
      `--low-threshold 应为不小于 0 的数，如 1 或 1.5：${JSON.stringify(value)} ` +
        `(the low-efficiency threshold must be a non-negative decimal such as 1 or 1.5, in 万元/亩)`,
    );
  }
  return threshold;
}

/** 评价年度 for the notice's title: four digits, optional. */
function noticeYear(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (!/^(19|20)[0-9]{2}$/.test(value.trim())) {
    throw usageError(`--year 应为四位年份，如 2025：${JSON.stringify(value)} (the year must be four digits)`);
  }
  return Number(value.trim());
}

/** An optional line of the notice: 200 characters at most, one line. */
function noticeText(option: string, value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  if (value.length > 200 || /[\r\n]/.test(value)) {
    throw usageError(
      `--${option} 应为一行、不超过 200 字 (--${option} must be one line of at most 200 characters)`,
    );
  }
  return value.trim();
}

function publicationOrder(value: string | undefined): PublicationOrder {
  if (value === undefined || value === 'name' || value === 'code') return value ?? 'name';
  throw usageError(`--order 应为 name 或 code：${value} (the 公示 order must be "name" or "code")`);
}

/** Last year's `mujun grade` JSON result, checked; every way it is not one is an input error (exit 2). */
function readPrevious(path: string): PreviousReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    throw new CliError(
      CliErrorCode.InvalidInput,
      `无法读取上年结果文件 ${path} (cannot read the previous result: ${reason})`,
    );
  }
  try {
    return parsePreviousReport(JSON.parse(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    if (error instanceof InvalidPreviousReportError) {
      const lines = error.issues.map((issue) => `  ${issue.pointer}：${issue.message}`).join('\n');
      throw new CliError(
        CliErrorCode.InvalidInput,
        `${path} 不是 mujun grade 输出的 JSON 结果文件 (not a JSON result written by mujun grade):\n${lines}`,
      );
    }
    if (error instanceof SyntaxError) {
      throw new CliError(
        CliErrorCode.InvalidInput,
        `${path} 不是有效的 JSON (not valid JSON: ${error.message})`,
      );
    }
    throw error;
  }
}

/** A text document written in pieces (the 一企一单 page has one piece per enterprise). */
function writeText(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'wx');
  try {
    let pending: string[] = [];
    let size = 0;
    for (const piece of pieces) {
      pending.push(piece);
      size += piece.length;
      if (size >= 1 << 16) {
        writeSync(fd, pending.join(''));
        pending = [];
        size = 0;
      }
    }
    writeSync(fd, pending.join(''));
  } finally {
    closeSync(fd);
  }
}

/**
 * `mujun publish`: grades the input as `grade` does, then writes the documents a county publishes: the
 * 公示 list (XLSX and HTML), the summary (XLSX and HTML with charts), the land-area notice, the
 * low-efficiency screening list and the 一企一单 confirmation sheets. All or nothing: the files are written
 * into a temporary directory and moved into `--out-dir` only when every one of them is complete.
 */
export async function publishCommand(args: readonly string[], terminal: Terminal): Promise<ExitCode> {
  const options = parseCommandOptions(args, OPTIONS, 'publish');
  if (options.help === true) {
    terminal.out(publishUsage());
    return ExitCode.Ok;
  }
  const specs = inputSpecs(options, 'publish');
  const { previous: previousPath } = options;
  const outDir = options['out-dir'];
  if (outDir === undefined) throw usageError('缺少 --out-dir <输出目录> (missing --out-dir)');
  if (statSync(outDir, { throwIfNoEntry: false })?.isFile() === true) {
    throw usageError(`--out-dir ${outDir} 是文件，不是目录 (is a file, not a directory)`);
  }
  const inputs = [
    ...specs.map((spec) => spec.path),
    ...(previousPath === undefined ? [] : [previousPath]),
  ].map((path) => resolve(path));
  for (const name of Object.values(PUBLISHED_FILES)) {
    if (inputs.includes(resolve(outDir, name))) {
      throw usageError(
        `输出文件 ${join(outDir, name)} 是输入文件，会被覆盖 (an output would overwrite an input)`,
      );
    }
  }
  const threshold = lowThreshold(options['low-threshold']);
  const order = publicationOrder(options.order);
  const notice: PublicationNotice = {
    year: noticeYear(options.year),
    issuer: noticeText('issuer', options.issuer),
    contact: noticeText('contact', options.contact),
    objectionUrl: noticeText('url', options.url),
  };
  const scheme = loadScheme(options.scheme ?? DEFAULT_SCHEME);
  const previous = previousPath === undefined ? null : readPrevious(previousPath);

  const input = await readRecords(specs, terminal, scheme.figures ?? []);
  const grading = gradeRecords(input, scheme);
  for (const warning of grading.warnings) terminal.err(`警告 (warning)：${warning}\n`);

  const data = dataset(input.records, grading);
  const list = publicationList(data, order);
  const report: SummaryReport = {
    schemeName: scheme.name,
    valueDp: scheme.rounding.value,
    summary: summary(data),
    aggregates: aggregates(data),
    distribution: taxPerMuDistribution(data),
    yearOverYear: previous === null ? null : yearOverYear(data, previous),
  };
  const lowEfficiency = lowEfficiencyList(data, threshold);

  let written: string[];
  try {
    written = await writeDirectoryAtomically(outDir, async (dir) => {
      const file = (name: string): string => join(dir, name);
      await writeStreamTo(file(PUBLISHED_FILES.publicationXlsx), (s) =>
        writePublicationWorkbook(list, s, notice),
      );
      writeText(file(PUBLISHED_FILES.publicationHtml), [renderPublicationPage(list, notice)]);
      await writeStreamTo(file(PUBLISHED_FILES.summaryXlsx), (s) => writeSummaryWorkbook(report, s));
      writeText(file(PUBLISHED_FILES.summaryHtml), [renderSummaryPage(report, { lowThreshold: threshold })]);
      await writeStreamTo(file(PUBLISHED_FILES.landNoticeXlsx), (s) =>
        writeLandNoticeWorkbook(landNotice(data), s),
      );
      await writeStreamTo(file(PUBLISHED_FILES.lowEfficiencyXlsx), (s) =>
        writeLowEfficiencyWorkbook(lowEfficiency, scheme.rounding.value, s),
      );
      writeText(file(PUBLISHED_FILES.confirmationHtml), renderConfirmationPage(confirmationSheets(data)));
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      throw new CliError(
        CliErrorCode.Output,
        `无法写出到 ${outDir} (cannot write the output directory: ${error.message})`,
      );
    }
    throw error;
  }

  const { rated, exempt, outOfScope } = grading.counts();
  terminal.out(
    `已写出到 ${outDir}：${written.join('、')}\n` +
      `(wrote ${String(written.length)} files to ${outDir}: ${rated} rated, ${exempt} exempt, ${outOfScope} out of scope; ` +
      `${String(lowEfficiency.count)} below ${threshold} 万元/亩)\n`,
  );
  return ExitCode.Ok;
}
