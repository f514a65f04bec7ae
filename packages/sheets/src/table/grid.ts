/**
 * A row of a sheet as the file holds it, before any header is known: `row` is 1-based as the spreadsheet
 * shows it (title rows, blank rows and multi-line cells counted as Excel counts them), cells are texts.
 */
export interface GridRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** Rows of a sheet in order: a CSV's are all in memory, a workbook's stream from the zip. */
export type GridRows = Iterable<GridRow> | AsyncIterable<GridRow>;

export function isBlank(cells: readonly (string | undefined)[]): boolean {
  return cells.every((cell) => cell === undefined || cell.trim() === '');
}

/** `A`, `B`, … `Z`, `AA`: the column as Excel labels it, from a 0-based index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}
