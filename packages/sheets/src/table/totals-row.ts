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
  const spelled = usccIndex === undefined ? '' : (cells[usccIndex] ?? '');
  if (isCodeShaped(spelled)) return false;
  return !CODE_SHAPE.test(spelled.trim().toUpperCase()) && cells.some((cell) => TOTALS.test(cell));
}

const ZERO = 0x30;
const NINE = 0x39;
const A = 0x41;
const Z = 0x5a;

/**
 * Whether a cell is spelled as CODE_SHAPE asks already, so that trimming and upper-casing it would give it
 * back unchanged: nearly every row's code. Checked by hand, since the upper-casing is a call into the
 * runtime and a new string for each of a county's 100,000 rows, and it is asked twice a row (here and
 * in the merge).
 */
export function isCodeShaped(text: string): boolean {
  if (text.length !== 18) return false;
  for (let at = 0; at < 18; at += 1) {
    const c = text.charCodeAt(at);
    if ((c < ZERO || c > NINE) && (c < A || c > Z)) return false;
  }
  return true;
}

/** A code as the files are merged by: trimmed and upper-cased, without a new string when it already is. */
export function codeKey(spelled: string): string {
  return isCodeShaped(spelled) ? spelled : spelled.trim().toUpperCase();
}
