/**
 * The store's queries are written once, as generators that yield the statements they need and receive
 * each statement's answer (see SqlStore). An engine drives them: SQLite synchronously, inside its
 * group-committed transaction, so nothing else runs between a read and the write that depends on it;
 * PostgreSQL over the network, awaiting each answer on the transaction's connection. A `yield*` of the
 * helpers below keeps every answer typed.
 *
 * SQL uses `?` placeholders (values are always bound, never spliced); the PostgreSQL engine numbers them.
 */

import type { Rows } from '../store.js';
import { isUtf8Text, textOf } from '../utf8-text.js';

export type Row = Record<string, unknown>;

export type Statement =
  | { readonly kind: 'get'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'all'; readonly sql: string; readonly params: readonly unknown[] }
  | { readonly kind: 'run'; readonly sql: string; readonly params: readonly unknown[] };

/** A unit of store work: yields statements, returns T. */
export type Work<T> = Generator<Statement, T, unknown>;

/** What `run` answers: how many rows the statement changed. */
export interface RunResult {
  readonly changes: number;
}

/** The first row, or undefined. */
export function* get(sql: string, ...params: unknown[]): Work<Row | undefined> {
  return (yield { kind: 'get', sql, params }) as Row | undefined;
}

/** Every row. */
export function* all(sql: string, ...params: unknown[]): Work<Row[]> {
  return (yield { kind: 'all', sql, params }) as Row[];
}

/** A statement that returns no rows. */
export function* run(sql: string, ...params: unknown[]): Work<RunResult> {
  return (yield { kind: 'run', sql, params }) as RunResult;
}

/**
 * Rows per statement of `insertMany`, at most: a results row has 11 columns, so 5,500 bound values,
 * well under SQLite's limit (32,766) and PostgreSQL's (65,535).
 */
export const ROWS_PER_INSERT = 500;
/** The sizes a batch is cut into: full ones, then powers of two, so a table has at most 10 statements. */
const BATCH_SIZES = [ROWS_PER_INSERT, 256, 128, 64, 32, 16, 8, 4, 2, 1];

/** `rows`, each made into `f(row)` as it is read. */
export function mapRows<T, U>(rows: Rows<T>, f: (row: T) => U): Rows<U> {
  return {
    length: rows.length,
    at: (index) => {
      const row = rows.at(index);
      return row === undefined ? undefined : f(row);
    },
  };
}

/**
 * Inserts `rows` (values in `columns`' order) with as few statements as it takes: multi-row
 * `VALUES (…), (…)` lists of at most ROWS_PER_INSERT rows, every value bound, never spliced. On
 * PostgreSQL each statement is a round trip, so 2,000 results are 4 statements instead of 2,000. The
 * remainder is cut into powers of two, so each table needs at most 10 distinct statements (SQLite
 * prepares each once; PostgreSQL's placeholders are numbered once). Each statement's rows are read from
 * `rows` as it is built.
 */
export function* insertMany(
  table: string,
  columns: readonly string[],
  rows: Rows<readonly unknown[]>,
  /** What a row that exists already does: an `ON CONFLICT …` clause, the same for every row. */
  onConflict = '',
): Work<void> {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  let at = 0;
  while (at < rows.length) {
    const left = rows.length - at;
    const size = BATCH_SIZES.find((n) => n <= left) ?? 1;
    const params: unknown[] = [];
    for (let i = at; i < at + size; i += 1) {
      const row = rows.at(i) ?? [];
      if (row.length !== columns.length) throw new Error(`a row for ${table} has ${row.length} values`);
      for (const value of row) params.push(value);
    }
    yield* run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: size }, () => tuple).join(', ')}` +
        (onConflict === '' ? '' : ` ${onConflict}`),
      ...params,
    );
    at += size;
  }
}

/**
 * A statement's value as the driver binds it: text carried as UTF-8 bytes (Utf8Text) decoded, here in
 * the thread that binds it; bytes as a Buffer (both drivers take Buffers, and a Buffer that crossed
 * threads arrives as a plain Uint8Array).
 */
export function bindable(value: unknown): unknown {
  if (isUtf8Text(value)) return textOf(value);
  if (value instanceof Uint8Array && !Buffer.isBuffer(value)) {
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  }
  return value;
}

/** Drives `work` with a synchronous executor (SQLite). */
export function driveSync<T>(work: Work<T>, execute: (statement: Statement) => unknown): T {
  let step = work.next();
  while (step.done !== true) {
    let answer: unknown;
    try {
      answer = execute(step.value);
    } catch (error) {
      step = work.throw(error);
      continue;
    }
    step = work.next(answer);
  }
  return step.value;
}

/** Drives `work` with an asynchronous executor (PostgreSQL). A failed statement is thrown into `work`. */
export async function driveAsync<T>(
  work: Work<T>,
  execute: (statement: Statement) => Promise<unknown>,
): Promise<T> {
  let step = work.next();
  while (step.done !== true) {
    let answer: unknown;
    try {
      answer = await execute(step.value);
    } catch (error) {
      step = work.throw(error);
      continue;
    }
    step = work.next(answer);
  }
  return step.value;
}

/**
 * The few places the two engines' SQL differs (functions over JSON and text): each answers a fragment
 * with `?` for its bound values.
 */
export interface Dialect {
  /** The text at a constant path of keys in a JSON text column (null when absent). */
  jsonText(column: string, keys: readonly string[]): string;
  /** Sort key of an indicator's value in results.summary_json: one `?` for the indicator's key. */
  indicatorValue: string;
  /** True when the text `?` occurs in `column` (not a LIKE pattern: % and _ are characters). */
  contains(column: string): string;
}

export interface WriteOptions {
  /**
   * A write of many MB (an evaluation's records and results): SQLite runs it off the event loop, on a
   * connection of its own in another thread (see SqliteEngine); PostgreSQL's writes are asynchronous
   * already. Either way it is one transaction, durable once the promise settles.
   */
  readonly large?: boolean;
}

/**
 * What a store needs of an engine: run read work, and write work in a transaction that commits before
 * the promise settles (an acknowledged write is durable).
 */
export interface Engine {
  readonly dialect: Dialect;
  /** Whether several server instances may share the database (then in-flight keys are claimed in it). */
  readonly shared: boolean;
  /** The newest migration this build knows for the engine: the schema a ready store is at. */
  readonly schemaVersion: number;
  read<T>(work: () => Work<T>): Promise<T>;
  write<T>(work: () => Work<T>, options?: WriteOptions): Promise<T>;
  ping(): Promise<void>;
  backup(file: string): Promise<void>;
  close(): void | Promise<void>;
}
