import type { RecordIssue, RecordWarning } from '@mujun/scoring';

/**
 * A bad cell as the clerk finds it: the library's RecordIssue (file, row, column key, header as spelled,
 * value, reason) plus the sheet of a workbook and the cell's Excel reference (`F12`) when it has one.
 */
export interface SheetIssue extends RecordIssue {
  readonly sheet?: string;
  readonly cell?: string;
}

/** Something to know that does not stop grading (an unknown column, a 合计 row left out). */
export interface SheetWarning extends RecordWarning {
  readonly sheet?: string;
  readonly row?: number;
}

/** Where a table came from: the file as the user named it, and the sheet of a workbook. */
export interface SheetSource {
  readonly file: string;
  readonly sheet?: string;
}

/** The source's fields on an issue or warning, leaving `sheet` out for a CSV. */
export function sourceFields(source: SheetSource): SheetSource {
  return source.sheet === undefined ? { file: source.file } : { file: source.file, sheet: source.sheet };
}

/**
 * Issues listed up to a number per kind, the rest counted: each kind over the limit ends with one summary
 * issue (on the row and cell of the first issue left out) saying how many more there are. Order is kept.
 */
export class IssueList {
  readonly issues: SheetIssue[] = [];
  private readonly left = new Map<
    string,
    { first: SheetIssue; count: number; summary: (count: number, first: SheetIssue) => string }
  >();
  private readonly listed = new Map<string, number>();

  constructor(private readonly perKind: number) {}

  /**
   * Adds an issue of a kind, made only when it will be listed (`make` is not called for the rest, so a
   * kind of 50,000 costs no more than its listed ones); `summary` words the count of those left out,
   * given the first of them.
   */
  add(kind: string, make: () => SheetIssue, summary: (count: number, first: SheetIssue) => string): void {
    const listed = this.listed.get(kind) ?? 0;
    if (listed < this.perKind) {
      this.listed.set(kind, listed + 1);
      this.issues.push(make());
      return;
    }
    const left = this.left.get(kind);
    if (left === undefined) this.left.set(kind, { first: make(), count: 1, summary });
    else left.count += 1;
  }

  /** The listed issues, then one summary issue per kind with issues left out. */
  done(): SheetIssue[] {
    for (const { first, count, summary } of this.left.values()) {
      this.issues.push({ ...first, value: '', reason: summary(count, first) });
    }
    this.left.clear();
    return this.issues;
  }
}

/** `1,000` */
function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** The summary of a column's issues left out, named as the file spells the column. */
export function columnSummary(count: number, first: SheetIssue): string {
  return (
    `另有 ${grouped(count)} 处「${first.header ?? first.column}」列的问题未逐条列出 ` +
    `(${grouped(count)} more issue(s) in column ${first.column} not listed)`
  );
}

/**
 * Issues capped per kind (file, sheet and column: "the bad cells of 企业规模 in tax.csv"), keeping the first
 * `perKind` of each in order and counting the rest in one summary issue per kind.
 */
export function capIssues(issues: readonly SheetIssue[], perKind: number): SheetIssue[] {
  const list = new IssueList(perKind);
  for (const issue of issues) {
    list.add(
      `${issue.file ?? ''}\u0000${issue.sheet ?? ''}\u0000${issue.column}`,
      () => issue,
      columnSummary,
    );
  }
  return list.done();
}
