/**
 * The one way mujun writes CSV (the grading result, the 差别化电价 list): a file a clerk opens with a double
 * click in Excel or WPS, which read every cell as if it had been typed in. So:
 *
 * - a cell that would start a formula is prefixed with `'` (OWASP's advice against CSV injection): one
 *   whose first character is `=`, `+`, `-`, `@`, a tab or a CR, or a character that Unicode compatibility
 *   folding (NFKC) turns into one of `= + - @` (the fullwidth `＝ ＋ － ＠` a Chinese input method types, the
 *   small `﹦ ﹢ ﹣ ﹫`, superscripts): spreadsheet software that folds them before parsing would see a
 *   formula, and no enterprise name starts with one. A plain number (`-12.5`, `+3`) is left as it is;
 * - so that the prefix can be taken off again exactly ({@link csvUnguard}), a text that already starts
 *   with `'` before such a character gets one more;
 * - a field holding a comma, a double quote, a CR or an LF is quoted, quotes doubled (RFC 4180): a bare CR
 *   in a name stays inside its cell instead of ending the row;
 * - records end with CRLF and the text starts with a UTF-8 BOM (without it Excel reads the Chinese as GBK).
 */

export const CSV_BOM = '\uFEFF';
export const CSV_RECORD_END = '\r\n';
const SEPARATOR = ',';

/** A cell as the writers give it: text, or an integer such as a year, a rank or a count. */
export type CsvCell = string | number;

const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r']);
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;
const LEADING_APOSTROPHES = /^'+/;

/** Whether a first character starts a formula, folded as NFKC; computed once per non-ASCII character. */
const folded = new Map<string, boolean>();
function formulaStart(first: string): boolean {
  if (first.charCodeAt(0) < 0x80) return FORMULA_STARTS.has(first);
  let answer = folded.get(first);
  if (answer === undefined) {
    answer = FORMULA_STARTS.has(first.normalize('NFKC').charAt(0));
    folded.set(first, answer);
  }
  return answer;
}

function needsGuard(text: string): boolean {
  const rest = text.startsWith("'") ? text.replace(LEADING_APOSTROPHES, '') : text;
  const first = String.fromCodePoint(rest.codePointAt(0) ?? 0x20);
  return formulaStart(first) && !PLAIN_NUMBER.test(rest);
}

/** The text a spreadsheet will show as text: `=1+1` becomes `'=1+1`, `-12.5` stays a number. */
export function csvGuard(text: string): string {
  return needsGuard(text) ? `'${text}` : text;
}

/** The inverse of {@link csvGuard}: `'=1+1` read back from one of our files is `=1+1` again. */
export function csvUnguard(text: string): string {
  return text.startsWith("'") && needsGuard(text.slice(1)) ? text.slice(1) : text;
}

/** One field: guarded, then quoted when it holds a separator, a quote or a line break. */
export function csvField(cell: CsvCell): string {
  const text = csvGuard(typeof cell === 'number' ? String(cell) : cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(SEPARATOR) + CSV_RECORD_END;
}

/** A whole file: the BOM, then one record per row. */
export function csvText(rows: Iterable<readonly CsvCell[]>): string {
  let text = CSV_BOM;
  for (const cells of rows) text += csvRecord(cells);
  return text;
}
