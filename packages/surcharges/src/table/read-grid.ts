import {
  csvRows,
  csvUnguard,
  decodeText,
  detectFormat,
  openXlsxSheet,
  SheetError,
  SheetErrorCode,
} from '@mujun/sheets';
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
 * content, CSV in UTF-8 (BOM or not) or GBK/GB18030, XLSX numbers read from their stored value. Throws
 * SheetError when the file is no table at all. Bytes in, no file system. A CSV cell is read back through
 * the CSV writer's inverse: last year's list as this command wrote it (`'=…` for a name `=…`) gives the
 * name and account it was written from.
 */
export async function readGrid(bytes: Uint8Array, options: ReadOptions): Promise<GridTable> {
  const { file } = options;
  switch (detectFormat(bytes)) {
    case 'legacy':
      throw new SheetError(
        SheetErrorCode.LegacyWorkbook,
        file,
        `${file} 是旧版 .xls 工作簿或加了密码的工作簿，请另存为 .xlsx 或 CSV ` +
          `(an old .xls or a password-protected workbook: save it as .xlsx or CSV)`,
      );
    case 'xlsx': {
      const { sheet, rows } = await openXlsxSheet(bytes, file, options.sheet);
      const collected: GridRow[] = [];
      for await (const row of rows) collected.push(row);
      return { file, sheet, rows: collected };
    }
    case 'text': {
      const { text } = decodeText(bytes, options.encoding ?? 'auto', file);
      const rows = csvRows(text, file).map((row) => ({ ...row, cells: row.cells.map(csvUnguard) }));
      return { file, rows };
    }
  }
}
