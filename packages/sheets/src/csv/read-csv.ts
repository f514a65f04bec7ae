import { Buffer } from 'node:buffer';
import { SheetError, SheetErrorCode } from '../errors.js';
import { grouped, DEFAULT_READ_LIMITS } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { RowBudget } from '../table/budget.js';
import type { GridRow } from '../table/grid.js';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * One string for each short cell text that recurs (规上, none, a town, an industry code): a county's file
 * repeats a few hundred such values in most of its rows, and each row's own copy would be kept, and copied
 * by the collector, until the records are built. Looked up by the scan's own characters, before the cell
 * is cut out: a cell seen before costs no new string, nor, for Chinese text, a UTF-8 decoding. Bounded,
 * so a file of unique values costs only the look-ups, and a column that does not repeat (codes, names)
 * stops being looked up at all.
 */
class SharedTexts {
  /** Open addressing by hash: the scan's characters of each text, and the text itself. */
  readonly #keys: (string | undefined)[] = new Array<string | undefined>(SHARED_SLOTS).fill(undefined);
  readonly #texts: string[] = new Array<string>(SHARED_SLOTS).fill('');
  #size = 0;
  /** By column: hits less misses; a column more than GIVE_UP below is no longer looked up. */
  readonly #balance: number[] = [];

  constructor(
    private readonly scan: string,
    private readonly piece: (from: number, to: number, ascii: boolean) => string,
  ) {}

  /** The text from `from` to `to` of the scan, as `piece` gives it; shared when it recurs. */
  of(from: number, to: number, ascii: boolean, column: number): string {
    const { scan } = this;
    const length = to - from;
    const first = scan.charCodeAt(from);
    // Not shared: a single character (V8 keeps one string for each of those already), a figure (a digit
    // or a minus sign first: a county's figures seldom repeat), and the texts of a column given up on.
    const figure = (first >= 0x30 && first <= 0x39) || first === 0x2d;
    const balance = this.#balance[column] ?? 0;
    if (length < 2 || length > SHARED_LENGTH || figure || balance < -GIVE_UP) {
      return this.piece(from, to, ascii);
    }
    let hash = 0;
    for (let at = from; at < to; at += 1) hash = (Math.imul(hash, 31) + scan.charCodeAt(at)) | 0;
    let slot = hash & (SHARED_SLOTS - 1);
    for (let key = this.#keys[slot]; key !== undefined; key = this.#keys[slot]) {
      if (key.length === length && sameText(key, scan, from)) {
        this.#balance[column] = balance + 1;
        return this.#texts[slot] ?? '';
      }
      slot = (slot + 1) & (SHARED_SLOTS - 1);
    }
    this.#balance[column] = balance - 1;
    const text = this.piece(from, to, ascii);
    if (this.#size < SHARED_COUNT) {
      this.#keys[slot] = ascii ? text : scan.slice(from, to);
      this.#texts[slot] = text;
      this.#size += 1;
    }
    return text;
  }
}

/** In the scan's characters: 12 Chinese characters of UTF-8. */
const SHARED_LENGTH = 36;
const SHARED_COUNT = 4096;
/** Twice the count, so a look-up seldom probes more than a slot or two. A power of two. */
const SHARED_SLOTS = 8192;
const GIVE_UP = 64;

function sameText(key: string, scan: string, from: number): boolean {
  for (let index = 0; index < key.length; index += 1) {
    if (key.charCodeAt(index) !== scan.charCodeAt(from + index)) return false;
  }
  return true;
}

/**
 * The rows of a CSV text (already decoded, BOM dropped), read as Excel reads a CSV: cells separated by
 * commas, a quoted cell may hold commas, doubled quotes and line breaks; a record ends at CRLF, LF or a bare
 * CR. A quote inside an unquoted cell is kept as it is, and text after a closing quote is added to the cell,
 * as Excel does; a quote never closed is an error. Rows are numbered as Excel shows the file, one per
 * record, so a quoted cell spanning lines is one row and a blank line keeps its number.
 *
 * Each row's cells end at its last non-empty one. The limits on rows, columns, cells and characters in a
 * cell are checked as the text is read: a row or cell over one stops reading with a SheetLimitError, so
 * memory is bounded by the limits (a row of a million commas is never held as a million cells).
 */
export function csvRows(text: string, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS): GridRow[] {
  return scanRows(text, (from, to) => text.slice(from, to), file, limits);
}

/**
 * The rows of a CSV file's bytes, which must be valid UTF-8 (a BOM is dropped): the same rows as
 * `csvRows` of the decoded text. The bytes are scanned as they are (each byte one character of a Latin-1
 * view, so commas, quotes and line breaks are found where they are, and never inside a multi-byte
 * character), and only a cell with a byte above 0x7F is decoded as UTF-8. An ASCII cell (a code, a
 * figure) is then a one-byte string, half the memory of a slice of the decoded two-byte text, and
 * upper-casing, trimming and matching it later stays on V8's one-byte fast paths.
 */
export function csvRowsUtf8(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): GridRow[] {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.length - bom);
  const text = buffer.toString('latin1');
  return scanRows(
    text,
    (from, to, ascii) => (ascii ? asciiCell(text, buffer, from, to) : buffer.toString('utf8', from, to)),
    file,
    limits,
  );
}

/**
 * V8 makes a slice of 13 characters or more a view into the whole file's text (a code: 18), which keeps
 * the text alive as long as the records, and every later read of the cell goes through the view (the
 * result JSON writes each code). Such a cell is copied out of the bytes instead; a shorter slice is a
 * copy already.
 */
const SLICE_VIEW = 13;

function asciiCell(text: string, buffer: Buffer, from: number, to: number): string {
  return to - from < SLICE_VIEW ? text.slice(from, to) : buffer.toString('latin1', from, to);
}

/**
 * The scan both readers share. `scan` holds the separators at their places; `piece(from, to, ascii)`
 * is the cell text between two of its positions (`ascii` when the scan saw only characters below 0x80
 * there: false when it did not look, as inside quotes).
 */
function scanRows(
  scan: string,
  piece: (from: number, to: number, ascii: boolean) => string,
  file: string,
  limits: ReadLimits,
): GridRow[] {
  const budget = new RowBudget(file, limits, { zh: '', en: 'the file' });
  const rows: GridRow[] = [];
  const end = scan.length;
  // A row's cells are gathered here and copied out at their exact count: pushing onto a fresh array
  // per row grew it two or three times and left it with spare slots, garbage the collector copied for
  // every row of a 100,000-row file.
  const scratch: string[] = [];
  const shared = new SharedTexts(scan, piece);
  let at = 0;
  while (at < end) {
    budget.row();
    const row = rows.length + 1;
    let count = 0;
    /** Empty cells seen since the last non-empty one: added only if a non-empty one follows. */
    let empties = 0;
    for (;;) {
      let value = '';
      if (scan.charCodeAt(at) === QUOTE) {
        // A quoted cell: up to the closing quote, a doubled quote standing for one.
        let from = at + 1;
        for (;;) {
          const quote = scan.indexOf('"', from);
          if (quote < 0) {
            throw new SheetError(
              SheetErrorCode.InvalidCsv,
              file,
              `${file} 不是有效的 CSV：第 ${grouped(row)} 行的引号没有闭合 ` +
                `(not a valid CSV file: the quote opened in row ${row} is never closed)`,
            );
          }
          const text = piece(from, quote, false);
          budget.cell(value.length + text.length, count + empties, row);
          value += text;
          if (scan.charCodeAt(quote + 1) !== QUOTE) {
            at = quote + 1;
            break;
          }
          value += '"';
          from = quote + 2;
        }
      }
      // Unquoted text (or what follows a closing quote), up to the next comma or line break.
      let stop = at;
      let high = 0;
      for (; stop < end; stop += 1) {
        const c = scan.charCodeAt(stop);
        if (c === COMMA || c === LF || c === CR) break;
        high |= c;
      }
      if (stop > at) {
        const ascii = high < 0x80;
        const text = value === '' ? shared.of(at, stop, ascii, count + empties) : piece(at, stop, ascii);
        budget.cell(value.length + text.length, count + empties, row);
        value += text;
      }
      at = stop;
      if (value === '') empties += 1;
      else {
        budget.column(count + empties, row);
        for (; empties > 0; empties -= 1) scratch[count++] = '';
        scratch[count++] = value;
      }
      const c = scan.charCodeAt(at);
      at += 1;
      if (c === COMMA) continue;
      if (c === CR && scan.charCodeAt(at) === LF) at += 1;
      break;
    }
    budget.width(count);
    rows.push({ row, cells: scratch.slice(0, count) });
  }
  return rows;
}
