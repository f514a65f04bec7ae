import { csvUnguard, readRows } from '@mujun/sheets';
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
 * table at all or is over a limit. Bytes in, no file system. A CSV cell is read back through the CSV
 * writer's inverse: last year's list as this command wrote it (`'=…` for a name `=…`) gives the name and
 * account it was written from.
 */
export async function readGrid(bytes: Uint8Array, options: ReadOptions): Promise<GridTable> {
  const { file } = options;
  const { sheet, rows } = await readRows(bytes, options);
  const collected: GridRow[] = [];
  if (sheet === undefined) {
    for await (const row of rows) collected.push({ ...row, cells: row.cells.map(csvUnguard) });
    return { file, rows: collected };
  }
  for await (const row of rows) collected.push(row);
  return { file, sheet, rows: collected };
}
