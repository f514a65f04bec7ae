import { readRows } from '@mujun/sheets';
import type { GridRow, ReadOptions } from '@mujun/sheets';

/** A small sheet read whole: a class history or last year's list, a few thousand rows at most. */
export interface GridTable {
  readonly file: string;
  /** A workbook's sheet; absent for a CSV. */
  readonly sheet?: string;
  readonly rows: readonly GridRow[];
}

/**
 * A file's bytes as rows of cell texts, with the sheets package's readers: XLSX or CSV told apart by
 * content, CSV in UTF-8 (BOM or not) or GBK/GB18030, XLSX numbers read from their stored value, within the
 * sheets package's read limits (`options.limits`, else the defaults). Throws SheetError when the file is no
 * table at all or is over a limit. Bytes in, no file system.
 */
export async function readGrid(bytes: Uint8Array, options: ReadOptions): Promise<GridTable> {
  const { file } = options;
  const { sheet, rows } = await readRows(bytes, options);
  const collected: GridRow[] = [];
  for await (const row of rows) collected.push(row);
  return sheet === undefined ? { file, rows: collected } : { file, sheet, rows: collected };
}
