/** What a totals row says of itself, anywhere in it. */
const TOTALS = /合\s*计|总\s*计|小\s*计/;
/** The shape of a code (not its check character): a totals row has none, or a note such as `—`. */
const CODE_SHAPE = /^[0-9A-Z]{18}$/;

/**
 * A 合计 / 总计 / 小计 row that someone left under the data: no code that looks like one, and a cell that
 * says it is a total. Such a row is reported and never graded as an enterprise (it would be the largest
 * one in the county).
 */
export function isTotalsRow(cells: readonly string[], usccIndex: number | undefined): boolean {
  const code = usccIndex === undefined ? '' : (cells[usccIndex] ?? '').trim().toUpperCase();
  return !CODE_SHAPE.test(code) && cells.some((cell) => TOTALS.test(cell));
}
