import { SheetLimitError } from '../errors.js';
import { grouped } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { columnLetter } from './grid.js';

/**
 * The shape limits of one sheet (rows, columns, cells, characters in a cell), counted by a reader as it
 * goes, so that it stops at the first row or cell over a limit.
 */
export class RowBudget {
  private rows = 0;
  private cells = 0;

  constructor(
    private readonly file: string,
    private readonly limits: ReadLimits,
    /** `的工作表`, `` for a CSV: what the messages say went over. */
    private readonly subject: { readonly zh: string; readonly en: string },
  ) {}

  /** One more row (blank rows count). */
  row(): void {
    this.rows += 1;
    if (this.rows > this.limits.maxRows) {
      throw new SheetLimitError(this.file, 'maxRows', this.limits.maxRows, this.subject);
    }
  }

  /** A non-empty cell at a 0-based column of an Excel row. */
  column(index: number, row: number): void {
    if (index >= this.limits.maxColumns) {
      throw new SheetLimitError(this.file, 'maxColumns', this.limits.maxColumns, {
        zh: `${this.subject.zh}第 ${grouped(row)} 行（第 ${columnLetter(index)} 列有数据）`,
        en: `row ${row} (with data in column ${columnLetter(index)})`,
      });
    }
  }

  /** A cell's text length. */
  cell(length: number, index: number, row: number): void {
    if (length > this.limits.maxCellChars) {
      throw new SheetLimitError(this.file, 'maxCellChars', this.limits.maxCellChars, {
        zh: `${this.subject.zh}单元格 ${columnLetter(index)}${row} `,
        en: `cell ${columnLetter(index)}${row}`,
      });
    }
  }

  /** A finished row's width, up to its last non-empty cell. */
  width(cells: number): void {
    this.cells += cells;
    if (this.cells > this.limits.maxCells) {
      throw new SheetLimitError(this.file, 'maxCells', this.limits.maxCells, this.subject);
    }
  }
}
