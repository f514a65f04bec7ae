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
