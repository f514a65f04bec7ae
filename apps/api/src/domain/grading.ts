import { grade, InvalidRecordsError, InvalidSchemeError, parseScheme, presetScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult, Grading, Scheme } from '@mujun/scoring';
import { capIssues, DEFAULT_READ_LIMITS, readTable, validateTables } from '@mujun/sheets';
import type { Encoding, ReadLimits, SheetWarning } from '@mujun/sheets';
import type { Evaluation, ResultRow } from '../store/store.js';
import { strongEtag } from './snapshot.js';

/** An uploaded data file: its name as the client gave it (messages name it) and its bytes. */
export interface DataFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export const DEFAULT_SCHEME = 'reference';

/**
 * The scheme a request names: a preset id, or a scheme document as JSON text. Throws the library's
 * UnknownPresetError or InvalidSchemeError, which the API reports as 422.
 */
export function resolveScheme(argument: string | undefined): Scheme {
  const trimmed = argument?.trim() ?? '';
  if (trimmed === '') return presetScheme(DEFAULT_SCHEME);
  if (!trimmed.startsWith('{')) return presetScheme(trimmed);
  let document: unknown;
  try {
    document = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw new InvalidSchemeError([{ path: '(root)', message: `not valid JSON: ${reason}` }]);
  }
  return parseScheme(document);
}

export interface GradedUpload {
  readonly records: EnterpriseRecord[];
  readonly grading: Grading;
  readonly warnings: string[];
}

function warningText(warning: SheetWarning): string {
  const where = [warning.file, warning.sheet, warning.row === undefined ? undefined : `第 ${warning.row} 行`]
    .filter((part) => part !== undefined)
    .join(' ');
  return where === '' ? warning.message : `${where}：${warning.message}`;
}

/**
 * Reads, merges and validates the files as `mujun grade` does (the same @mujun/sheets readers), then
 * grades them. Every bad cell, the figures a rated enterprise lacks included, is thrown at once as
 * InvalidRecordsError with each issue placed in its file, sheet, row and cell, up to `maxIssuesPerKind`
 * of each kind (the rest counted). A file over one of the limits is the sheets package's SheetLimitError,
 * thrown as soon as the reader sees it.
 */
export async function gradeFiles(
  files: readonly DataFile[],
  scheme: Scheme,
  options: { readonly sheet?: string; readonly encoding?: Encoding; readonly limits?: ReadLimits },
): Promise<GradedUpload> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  // The scheme's own figures are columns like the data dictionary's: read by header, validated per cell.
  const figures = scheme.figures ?? [];
  const tables = [];
  for (const file of files) {
    const read = { file: file.name, encoding: options.encoding ?? 'auto', limits, figures };
    tables.push(
      await readTable(file.bytes, options.sheet === undefined ? read : { ...read, sheet: options.sheet }),
    );
  }
  const validated = validateTables(tables, limits, { figures });
  if (validated.issues.length > 0) throw new InvalidRecordsError(validated.issues);
  if (validated.records.length === 0) {
    throw new InvalidRecordsError([
      {
        row: 1,
        column: 'uscc',
        value: '',
        reason: '文件中没有企业数据 (no enterprise records in the files)',
      },
    ]);
  }
  try {
    const grading = grade(validated.records, scheme);
    return {
      records: validated.records,
      grading,
      warnings: [...validated.warnings.map(warningText), ...grading.warnings],
    };
  } catch (error) {
    if (error instanceof InvalidRecordsError) {
      throw new InvalidRecordsError(capIssues(error.issues.map(validated.locate), limits.maxIssuesPerKind));
    }
    throw error;
  }
}

/** Grades records already validated (a recomputation's corrected ones): no files, no placing. */
export function gradeRecords(records: readonly EnterpriseRecord[], scheme: Scheme): Grading {
  return grade(records, scheme);
}

/** GB/T 4754 code digits, for the industry filter: `C3670` and `3670` are the same industry. */
function industryDigits(code: string | null): string | null {
  if (code === null) return null;
  const digits = code.trim().replace(/^[A-Za-z]/, '');
  return /^[0-9]+$/.test(digits) ? digits : null;
}

/** Each enterprise's result as a stored row, in the grading's order (cohorts by rank, then the rest). */
export function resultRows(grading: Grading): ResultRow[] {
  const rows: ResultRow[] = [];
  for (const result of grading.results()) rows.push(resultRow(result, rows.length));
  return rows;
}

function resultRow(result: EnterpriseResult, ordinal: number): ResultRow {
  // A list row is the result without its trace (the bulk of it): same keys, same order.
  const summary: Record<string, unknown> = { ...result };
  delete summary['trace'];
  const resultJson = JSON.stringify(result);
  return {
    ordinal,
    uscc: result.uscc,
    cohort: result.cohort,
    finalClass: result.finalClass,
    town: result.town,
    industry: industryDigits(result.industryCode),
    summaryJson: JSON.stringify(summary),
    resultJson,
    etag: strongEtag(resultJson),
  };
}

export function gradingSummary(grading: Grading, warnings: readonly string[]): Evaluation['summary'] {
  return { counts: grading.counts(), cohorts: grading.cohorts(), warnings: [...warnings] };
}
