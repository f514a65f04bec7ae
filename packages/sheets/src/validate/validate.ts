import { parseRecords } from '@mujun/scoring';
import type { EnterpriseRecord, ParseOptions, RecordIssue } from '@mujun/scoring';
import { columnSummary, IssueList } from '../issues.js';
import type { SheetIssue, SheetWarning } from '../issues.js';
import { DEFAULT_READ_LIMITS } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { mergeTables } from '../merge/merge.js';
import type { SourceTable } from '../table/source-table.js';

export interface ValidatedTables {
  /** The valid records only; none at all when a file's header is unusable, as parseRecords does. */
  readonly records: EnterpriseRecord[];
  /**
   * Every problem, in the order of the files as given and of the rows in each; of each kind (a file's bad
   * cells in one column, its duplicate codes, …) up to `maxIssuesPerKind`, the rest counted in a summary.
   */
  readonly issues: SheetIssue[];
  readonly warnings: SheetWarning[];
  /**
   * Where an issue about one of `records` (such as grade()'s "required for a rated enterprise") is in
   * the files: a record's `source.row` numbers the merged table, not a file.
   */
  readonly locate: (issue: RecordIssue) => SheetIssue;
}

/** Issues sorted for reading: by file in the order given (several files named together first), then row. */
function sortIssues(issues: SheetIssue[], tables: readonly SourceTable[]): SheetIssue[] {
  const rank = (issue: SheetIssue) =>
    tables.findIndex((table) => table.file === issue.file && table.sheet === issue.sheet);
  return issues
    .map((issue, order) => ({ issue, order, rank: rank(issue) }))
    .sort((a, b) => a.rank - b.rank || a.issue.row - b.issue.row || a.order - b.order)
    .map(({ issue }) => issue);
}

/**
 * Validates one or more department files as one dataset: each file's own problems, the merge's
 * (conflicts, missing enterprises, duplicate codes), and every bad cell that parseRecords finds, each
 * placed in the file, sheet, row and cell it came from. Never stops at the first problem, and never lists
 * more than `maxIssuesPerKind` of a kind: a sheet of 200,000 bad rows gives a few thousand issues at most.
 */
export function validateTables(
  tables: readonly SourceTable[],
  limits: Pick<ReadLimits, 'maxIssuesPerKind'> = DEFAULT_READ_LIMITS,
  options: ParseOptions = {},
): ValidatedTables {
  const merged = mergeTables(tables, limits);
  const { provenance } = merged;
  const parsed = parseRecords(merged.table, options);
  // Placed only when listed: of 800,000 bad cells, only the thousand of each column and file listed are.
  const listed = new IssueList(limits.maxIssuesPerKind);
  for (const issue of parsed.issues) {
    const source = provenance.sourceOf(issue);
    if (source === undefined) continue;
    listed.add(
      `${source}\u0000${issue.column}`,
      () => provenance.place(issue) ?? { ...issue },
      columnSummary,
    );
  }
  const placed = listed.done();
  const own = tables.flatMap((table) => table.issues);
  const issues = sortIssues([...own, ...merged.issues, ...placed], tables);
  const files = [...new Set(tables.map((table) => table.file))].join('、');
  const warnings: SheetWarning[] = [
    ...tables.flatMap((table) => table.warnings),
    ...parsed.warnings.map((warning) => ({ ...warning, file: files })),
  ];
  const records =
    own.length > 0 ? [] : parsed.records.filter((record) => !provenance.flagged(record.source?.row ?? 0));
  return {
    records,
    issues,
    warnings,
    locate: (issue) => provenance.place(issue) ?? { ...issue },
  };
}
