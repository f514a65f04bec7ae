import type { RecordRow, ResultRow, Rows, Utf8Text } from './store.js';
import { textOf } from './utf8-text.js';

/**
 * Rows of text cells (or nulls) packed in shared memory: every cell's UTF-8, row after row, in one
 * SharedArrayBuffer, and each cell's end offset in another (−1 − end for a null). An evaluation's
 * 100,000 rows then cross from the worker thread that built them to the event loop as three objects,
 * instead of about 1.5 million values whose deserialisation held the event loop for 2–3 s (issue 17).
 * The store reads them back a statement's worth (500 rows) at a time as it writes them (see insertMany
 * and PackedRows), and their JSON stays bytes until the thread that binds it decodes it.
 */
export interface PackedTexts {
  readonly columns: number;
  readonly utf8: Uint8Array;
  readonly ends: Float64Array;
}

/** Packs rows of `columns` cells each (see PackedTexts). */
export function packTexts(rows: readonly (readonly (string | null)[])[], columns: number): PackedTexts {
  let total = 0;
  for (const row of rows) {
    if (row.length !== columns) throw new Error(`a row to pack has ${row.length} cells, not ${columns}`);
    for (const cell of row) if (cell !== null) total += Buffer.byteLength(cell, 'utf8');
  }
  const bytes = Buffer.from(new SharedArrayBuffer(total));
  const ends = new Float64Array(new SharedArrayBuffer(rows.length * columns * 8));
  let at = 0;
  let index = 0;
  for (const row of rows) {
    for (const cell of row) {
      if (cell === null) ends[index] = -1 - at;
      else {
        at += bytes.write(cell, at, 'utf8');
        ends[index] = at;
      }
      index += 1;
    }
  }
  return { columns, utf8: new Uint8Array(bytes.buffer, 0, total), ends };
}

/** Reads packed rows' cells (the packed data may have crossed threads: it is plain data again here). */
class PackedView {
  readonly length: number;
  readonly #packed: PackedTexts;
  /** A Buffer over the same shared bytes, to decode a cell without copying it first. */
  readonly #bytes: Buffer;

  constructor(packed: PackedTexts) {
    this.#packed = packed;
    this.#bytes = Buffer.from(packed.utf8.buffer, packed.utf8.byteOffset, packed.utf8.byteLength);
    this.length = packed.ends.length / packed.columns;
  }

  /** The cell's [start, end) in the bytes, or undefined for a null. */
  #span(row: number, column: number): [number, number] | undefined {
    const index = row * this.#packed.columns + column;
    const end = this.#packed.ends[index] ?? 0;
    if (end < 0) return undefined;
    const previous = index === 0 ? 0 : (this.#packed.ends[index - 1] ?? 0);
    return [previous < 0 ? -1 - previous : previous, end];
  }

  text(row: number, column: number): string | null {
    const span = this.#span(row, column);
    return span === undefined ? null : this.#bytes.toString('utf8', span[0], span[1]);
  }

  /** The cell as bytes, not decoded (a null as empty text). */
  utf8(row: number, column: number): Utf8Text {
    const [start, end] = this.#span(row, column) ?? [0, 0];
    return { utf8: this.#packed.utf8.subarray(start, end) };
  }
}

/** `view`'s rows as `row(index)` makes them, each when it is read. */
function rowsOf<T>(view: PackedView, row: (index: number) => T): Rows<T> {
  return {
    length: view.length,
    at: (index) => (Number.isInteger(index) && index >= 0 && index < view.length ? row(index) : undefined),
  };
}

export function packRecordRows(rows: readonly RecordRow[]): PackedTexts {
  return packTexts(
    rows.map((row) => [row.uscc, textOf(row.recordJson)]),
    2,
  );
}

export function recordRowsOf(packed: PackedTexts): Rows<RecordRow> {
  const view = new PackedView(packed);
  return rowsOf(view, (index) => ({ uscc: view.text(index, 0) ?? '', recordJson: view.utf8(index, 1) }));
}

export function packResultRows(rows: readonly ResultRow[]): PackedTexts {
  return packTexts(
    rows.map((row) => [
      String(row.ordinal),
      row.uscc,
      row.cohort,
      row.finalClass,
      row.town,
      row.industry,
      textOf(row.summaryJson),
      textOf(row.resultJson),
      row.etag,
    ]),
    9,
  );
}

export function resultRowsOf(packed: PackedTexts): Rows<ResultRow> {
  const view = new PackedView(packed);
  return rowsOf(view, (index) => ({
    ordinal: Number(view.text(index, 0)),
    uscc: view.text(index, 1) ?? '',
    cohort: view.text(index, 2),
    finalClass: view.text(index, 3),
    town: view.text(index, 4),
    industry: view.text(index, 5),
    summaryJson: view.utf8(index, 6),
    resultJson: view.utf8(index, 7),
    etag: view.text(index, 8) ?? '',
  }));
}
