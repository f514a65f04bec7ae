import { z } from 'zod';
import { canonical, dec, fixed, roundHalfUp, type DecimalString } from '../decimal/decimal.js';
import type { RecordIssue } from '../errors/errors.js';
import { FIELDS, type FieldKey, type FieldType } from './fields.js';
import { fieldForHeader, normaliseHeader } from './headers.js';
import type { EnterpriseRecord, Scale, Specialized } from './record.js';
import { isUpperUscc, usccProblem } from './uscc.js';

/** One spreadsheet row: `row` is 1-based as the spreadsheet shows it; cells line up with the headers. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly (string | undefined)[];
}

/** A sheet as read from a file, before validation: header texts and raw cell texts. */
export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
  readonly file?: string;
  /**
   * No two rows carry the same code (trimmed, upper-cased): the table is a merge (`mergeTables`), which
   * reported each repeated code in its file and kept one row per code. parseRecords then skips its own
   * look-out for repeats, which could find none: a Map of every row's code, and most of the time its
   * 100,000 keys cost.
   */
  readonly uniqueCodes?: boolean;
}

/** Something a clerk should know that does not stop grading, e.g. an unknown column that was ignored. */
export interface RecordWarning {
  readonly column?: string;
  readonly header?: string;
  readonly message: string;
  readonly file?: string;
}

export interface ParsedRecords {
  /** The valid records only: a row with any issue is never here. */
  readonly records: EnterpriseRecord[];
  /** Every bad cell of every row, in row order. */
  readonly issues: RecordIssue[];
  readonly warnings: RecordWarning[];
}

/** How many other rows a duplicate-code issue names. */
const LISTED_DUPLICATES = 10;

/** Issues about the table as a whole (a duplicated or missing column) are reported on the header row. */
export const HEADER_ROW = 1;

// ---------------------------------------------------------------------------------------------------
// Cell schemas: built once, one per field type; a cell reaches them trimmed and non-empty.

const NUMBER = /^-?[0-9]+(?:\.[0-9]+)?$/;
const CANONICAL_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;
const INTEGRAL_NUMBER = /^-?[0-9]+(?:\.0+)?$/;
const LEADING_ZEROS = /^(-?)0+(?=[0-9])/;
const NONZERO_DIGIT = /[1-9]/;
const REASON_SEPARATOR = /[;；]/;
const MINUS = 45; // '-'

const REASON = {
  notNumber: '不是有效数字 (not a plain decimal number: digits, optional minus and decimal point only)',
  negative: '不能为负数 (must not be negative)',
  notInteger: '应为整数 (must be a whole number)',
  tooLarge: '数值过大 (too large for a count)',
  notBoolean: '应为 是/否、true/false、1/0 或 Y/N (must be a yes/no value)',
  notScale: '应为 规上/规下 或 above/below (must be above or below)',
  notSpecialized: '应为 无/省级/国家级 或 none/province/national (must be none, province or national)',
  missing: '必填项为空 (required value missing)',
  noLand: '用地面积(亩) 与 用地面积(平方米) 均为空 (land area missing: give 亩 or 平方米)',
} as const;

function isNegative(text: string): boolean {
  return text.charCodeAt(0) === MINUS && NONZERO_DIGIT.test(text);
}

/** A validated number text in canonical form (`007.50` → `7.5`, `-0` → `0`); most cells already are. */
function canonicalNumber(text: string): DecimalString {
  if (text !== '-0' && CANONICAL_NUMBER.test(text)) return text;
  return canonical(dec(text.replace(LEADING_ZEROS, '$1')));
}

/**
 * A cell spelled one of several ways (case-insensitive), read as its canonical value. Codecs rather than
 * transforms throughout: they read the same and skip the per-call issue helper a transform installs.
 */
function spellings<T extends string>(
  values: readonly [T, ...T[]],
  accepted: ReadonlyMap<string, T>,
  reason: string,
) {
  return z.codec(z.string(), z.enum(values), {
    decode: (text, payload) => {
      const value = accepted.get(text.toLowerCase());
      if (value !== undefined) return value;
      payload.issues.push({ code: 'custom', message: reason, input: text });
      return z.NEVER;
    },
    encode: (value) => value,
  });
}

const NO_ITEMS: readonly string[] = Object.freeze([]);
/** Reason items that mean "nothing" (compared after NFKC, so full-width `／` and `－` count too). */
const NOTHING = new Set(['无', '否', '/', '-', '—']);

function reasonItems(text: string): readonly string[] {
  let items: string[] | undefined;
  for (const part of text.split(REASON_SEPARATOR)) {
    const item = part.trim();
    if (item === '' || NOTHING.has(item.normalize('NFKC'))) continue;
    (items ??= []).push(item);
  }
  return items ?? NO_ITEMS;
}

const SCALES: ReadonlyMap<string, Scale> = new Map([
  ['above', 'above'],
  ['below', 'below'],
  ['规上', 'above'],
  ['规下', 'below'],
]);
const SPECIALIZED: ReadonlyMap<string, Specialized> = new Map([
  ['none', 'none'],
  ['province', 'province'],
  ['national', 'national'],
  ['无', 'none'],
  ['省级', 'province'],
  ['国家级', 'national'],
]);
/** Lower case: the schema compares case-insensitively. */
const TRUTHY: ReadonlySet<string> = new Set(['true', '是', '1', 'y']);
const FALSY: ReadonlySet<string> = new Set(['false', '否', '0', 'n']);

const number = z.string().regex(NUMBER, { error: REASON.notNumber, abort: true });
const nonNegativeNumber = number.refine((text) => !isNegative(text), {
  error: REASON.negative,
  abort: true,
});

/**
 * One schema per field type. The hot ones (codes, text, figures) are plain string schemas with checks and
 * `overwrite`, not pipes, so a cell costs one pass through zod.
 */
const CELL = {
  uscc: z
    .string()
    .toUpperCase()
    .check((payload) => {
      const problem = usccProblem(payload.value);
      if (problem !== undefined)
        payload.issues.push({ code: 'custom', message: problem, input: payload.value });
    }),
  text: z.string(),
  scale: spellings<Scale>(['above', 'below'], SCALES, REASON.notScale),
  decimal: number.overwrite(canonicalNumber),
  nonNegativeDecimal: nonNegativeNumber.overwrite(canonicalNumber),
  boolean: z.stringbool({
    truthy: [...TRUTHY],
    falsy: [...FALSY],
    case: 'insensitive',
    error: REASON.notBoolean,
  }),
  specialized: spellings<Specialized>(['none', 'province', 'national'], SPECIALIZED, REASON.notSpecialized),
  nonNegativeInteger: z.codec(
    nonNegativeNumber.regex(INTEGRAL_NUMBER, { error: REASON.notInteger, abort: true }),
    z.int({ error: REASON.tooLarge }).nonnegative(),
    { decode: (text) => Number(canonicalNumber(text)), encode: String },
  ),
  reasons: z.codec(z.string(), z.array(z.string()).readonly(), {
    decode: reasonItems,
    encode: (items) => items.join(';'),
  }),
} as const satisfies Record<FieldType, z.ZodType<unknown, string>>;

// ---------------------------------------------------------------------------------------------------
// Columns and a row's values.

type Field = (typeof FIELDS)[number];
type KeysOf<T extends FieldType> = Extract<Field, { readonly type: T }>['key'];

/**
 * What a row's cells said, before the record-level rules (required fields, land, duplicates): each field's
 * value, undefined when its cell was empty or bad.
 */
type Draft = { [K in KeysOf<'uscc' | 'text'>]: string | undefined } & {
  [K in KeysOf<'decimal' | 'nonNegativeDecimal'>]: DecimalString | undefined;
} & { [K in KeysOf<'boolean'>]: boolean | undefined } & {
  [K in KeysOf<'reasons'>]: readonly string[] | undefined;
} & {
  scale: Scale | undefined;
  specialized: Specialized | undefined;
  subletTenants: number | undefined;
};

/** A field's place in a row's values (its place in FIELDS), typed with the field it holds. */
type Slot<K extends FieldKey> = number & { readonly field: K };

const SLOT = Object.fromEntries(FIELDS.map((field, slot) => [field.key, slot])) as {
  readonly [K in FieldKey]: Slot<K>;
};

/**
 * A Draft held as an array by field slot, one reused row after row: a cell's value is stored by index,
 * where a draft object's field, named by a key that changes from column to column, was a megamorphic
 * store (about 45 ms of a 100,000-row file).
 */
type Values = unknown[];

/** A field's value in a row's values; its slot is named (`SLOT.tax`), a load V8 keeps monomorphic. */
function valueOf<K extends FieldKey>(values: Values, slot: Slot<K>): Draft[K] {
  return values[slot] as Draft[K];
}

/** A known column of this table. One object shape for all, discriminated on `type` for the compiler. */
type Column = {
  [K in FieldKey]: {
    readonly index: number;
    /** As the file spelled it. */
    readonly header: string;
    readonly key: K;
    /** Where its value goes in a row's Values. */
    readonly slot: number;
    readonly type: Extract<Field, { readonly key: K }>['type'];
  };
}[FieldKey];

/** Every key of T required (an optional one may hold undefined): a record literal that forgets one fails to compile. */
type EveryKey<T> = { [K in keyof T]-?: T[K] };

const FIELD_BY_KEY: ReadonlyMap<FieldKey, Field> = new Map(FIELDS.map((field) => [field.key, field]));
const ALWAYS_REQUIRED = FIELDS.filter((field) => 'alwaysRequired' in field).map((field) => field.key);

function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function reasonOf(error: z.ZodError): string {
  return error.issues[0]?.message ?? '无效 (invalid value)';
}

function decimalsOf(text: string): number {
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

/**
 * `text.trim()`, without the call when the text starts and ends with printable ASCII (`!` to `~`), so has
 * no white space at either end to trim: most cells of a file, and the loop below meets 2 million of them.
 */
export function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0) return text;
  const first = text.charCodeAt(0);
  const end = text.charCodeAt(last);
  return first > 0x20 && first < 0x7f && end > 0x20 && end < 0x7f ? text : text.trim();
}

function cellText(cells: RawRow['cells'], column: Column | undefined): string {
  return column === undefined ? '' : (cells[column.index] ?? '');
}

function isEmptyCell(cells: RawRow['cells'], column: Column | undefined): boolean {
  return cellText(cells, column).trim() === '';
}

/**
 * A valid cell's value without zod, or NOT_FAST: the same value the cell's schema gives for every cell it
 * accepts here, checked by the same tests in the same order (a 100,000-row file has 2 million cells, and
 * zod's machinery per cell was most of the reading time). A cell it does not accept goes through zod,
 * so every issue, and its wording, is the schema's own.
 */
const NOT_FAST = Symbol('not fast');
type Fast = string | boolean | number | readonly string[] | typeof NOT_FAST;

function fastCell(type: FieldType, text: string): Fast {
  switch (type) {
    case 'text':
      return text;
    case 'uscc': {
      if (isUpperUscc(text)) return text;
      const upper = text.toUpperCase();
      return usccProblem(upper) === undefined ? upper : NOT_FAST;
    }
    case 'decimal':
      return fastDecimal(text, false);
    case 'nonNegativeDecimal':
      return fastDecimal(text, true);
    case 'scale':
      return SCALES.get(text.toLowerCase()) ?? NOT_FAST;
    case 'specialized':
      return SPECIALIZED.get(text.toLowerCase()) ?? NOT_FAST;
    case 'boolean': {
      const lower = text.toLowerCase();
      return TRUTHY.has(lower) ? true : FALSY.has(lower) ? false : NOT_FAST;
    }
    case 'nonNegativeInteger': {
      if (!NUMBER.test(text) || isNegative(text) || !INTEGRAL_NUMBER.test(text)) return NOT_FAST;
      const value = Number(canonicalNumber(text));
      return Number.isSafeInteger(value) && value >= 0 ? value : NOT_FAST;
    }
    case 'reasons':
      return reasonItems(text);
  }
}

const ZERO = 0x30;
const NINE = 0x39;
const POINT = 0x2e;

/**
 * A decimal cell's canonical text, or NOT_FAST when the schema must say why not: NUMBER's test, the
 * negative check, and whether the text is canonical already (CANONICAL_NUMBER, and not `-0`), in one
 * pass over its characters rather than two or three regular expressions.
 */
function fastDecimal(text: string, nonNegative: boolean): DecimalString | typeof NOT_FAST {
  const length = text.length;
  const negative = text.charCodeAt(0) === MINUS;
  const start = negative ? 1 : 0;
  let nonzero = false;
  let at = start;
  for (; at < length; at += 1) {
    const c = text.charCodeAt(at);
    if (c < ZERO || c > NINE) break;
    if (c !== ZERO) nonzero = true;
  }
  if (at === start) return NOT_FAST;
  // A leading zero is canonical only as the whole integer part (`0.5`, not `007`).
  let canonical = at - start === 1 || text.charCodeAt(start) !== ZERO;
  if (at < length) {
    if (text.charCodeAt(at) !== POINT || at + 1 === length) return NOT_FAST;
    for (at += 1; at < length; at += 1) {
      const c = text.charCodeAt(at);
      if (c < ZERO || c > NINE) return NOT_FAST;
      if (c !== ZERO) nonzero = true;
    }
    if (text.charCodeAt(length - 1) === ZERO) canonical = false;
  }
  if (negative && nonzero && nonNegative) return NOT_FAST;
  // `-0` (the only negative zero the checks above let through as canonical) is `0`.
  if (negative && !nonzero) canonical = false;
  return canonical ? text : canonicalNumber(text);
}

/** A cell's value through its zod schema, or why it is bad: the reference `fastCell` must agree with. */
export function cellBySchema(
  type: FieldType,
  text: string,
): { success: true; data: unknown } | { success: false; reason: string } {
  const parsed = CELL[type].safeParse(text);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, reason: reasonOf(parsed.error) };
}

/** A valid cell's value as `readCell` takes it (for tests: fastCell, falling back to the schema). */
export function cellValue(type: FieldType, text: string): ReturnType<typeof cellBySchema> {
  const fast = fastCell(type, text);
  return fast === NOT_FAST ? cellBySchema(type, text) : { success: true, data: fast };
}

/** Validates one non-empty trimmed cell into a row's values; returns why it is bad, or undefined. */
function readCell(values: Values, column: Column, text: string): string | undefined {
  const fast = fastCell(column.type, text);
  if (fast !== NOT_FAST) {
    // The value is the one the column's schema gives, so it has the Draft key's type.
    values[column.slot] = fast;
    return undefined;
  }
  const parsed = cellBySchema(column.type, text);
  if (!parsed.success) return parsed.reason;
  values[column.slot] = parsed.data;
  return undefined;
}

/** A figure a scheme declares (scheme `figures`), as the parser needs it. */
export interface DeclaredColumn {
  readonly key: string;
  readonly header: string;
  readonly kind: 'number' | 'nonNegativeNumber' | 'count' | 'yesNo' | 'date';
  readonly required?: boolean | undefined;
}

export interface ParseOptions {
  /** The scheme's declared figures: read from their columns into each record's `extra`. */
  readonly figures?: readonly DeclaredColumn[];
}

const NOT_DATE = '应为日期，如 2023-05-01、2023/5/1 或 2023年5月1日 (must be a date)';
const DATE = /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$/u;

/** A declared figure's cell as the text the record keeps, or why it is bad. */
function readDeclared(kind: DeclaredColumn['kind'], text: string): { value: string } | { reason: string } {
  switch (kind) {
    case 'number':
    case 'nonNegativeNumber': {
      const parsed = CELL[kind === 'number' ? 'decimal' : 'nonNegativeDecimal'].safeParse(text);
      return parsed.success ? { value: parsed.data } : { reason: reasonOf(parsed.error) };
    }
    case 'count': {
      const parsed = CELL.nonNegativeInteger.safeParse(text);
      return parsed.success ? { value: String(parsed.data) } : { reason: reasonOf(parsed.error) };
    }
    case 'yesNo': {
      const parsed = CELL.boolean.safeParse(text);
      return parsed.success ? { value: parsed.data ? '1' : '0' } : { reason: reasonOf(parsed.error) };
    }
    case 'date': {
      const match = DATE.exec(text);
      if (match === null) return { reason: NOT_DATE };
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        return { reason: `${NOT_DATE}：无此日期 (no such day)` };
      }
      return { value: date.toISOString().slice(0, 10) };
    }
  }
}

/**
 * Validates a sheet of enterprise records against the data dictionary. Never stops at the first error:
 * every bad cell of every row becomes an issue, and only rows without any issue become records. A table
 * with a duplicated or missing required column yields its issues and no records at all. Rows whose cells
 * are all empty are skipped.
 */
export function parseRecords(table: RawTable, options: ParseOptions = {}): ParsedRecords {
  const { file, headers, rows, uniqueCodes = false } = table;
  const declaredFigures = options.figures ?? [];
  const issues: RecordIssue[] = [];
  const warnings: RecordWarning[] = [];

  const issue = (row: number, column: string, header: string | undefined, value: string, reason: string) => {
    const found: RecordIssue =
      header === undefined ? { row, column, value, reason } : { row, column, header, value, reason };
    issues.push(file === undefined ? found : { ...found, file });
  };
  const warn = (header: string, message: string) => {
    warnings.push(file === undefined ? { header, message } : { header, message, file });
  };

  // The header row, resolved once.
  const byKey = new Map<FieldKey, Column>();
  const unheaded: number[] = [];
  const declaredByHeader = new Map<string, DeclaredColumn>();
  for (const figure of declaredFigures) {
    declaredByHeader.set(normaliseHeader(figure.header), figure);
    declaredByHeader.set(normaliseHeader(figure.key), figure);
  }
  const declaredColumns = new Map<string, { index: number; header: string; figure: DeclaredColumn }>();
  headers.forEach((header, index) => {
    const key = fieldForHeader(header);
    const figure = key === undefined ? declaredByHeader.get(normaliseHeader(header)) : undefined;
    if (figure !== undefined) {
      const first = declaredColumns.get(figure.key);
      if (first === undefined) declaredColumns.set(figure.key, { index, header, figure });
      else {
        issue(
          HEADER_ROW,
          figure.key,
          header,
          header,
          `第 ${columnLetter(index)} 列与第 ${columnLetter(first.index)} 列「${first.header}」重复 ` +
            `(duplicate column: both are ${figure.key})`,
        );
      }
      return;
    }
    if (key === undefined) {
      if (header.trim() === '') unheaded.push(index);
      else warn(header, `未知列「${header}」(第 ${columnLetter(index)} 列) 已忽略 (unknown column, ignored)`);
      return;
    }
    const first = byKey.get(key);
    if (first !== undefined) {
      issue(
        HEADER_ROW,
        key,
        header,
        header,
        `第 ${columnLetter(index)} 列与第 ${columnLetter(first.index)} 列「${first.header}」重复 ` +
          `(duplicate column: both are ${key})`,
      );
      return;
    }
    const field = FIELD_BY_KEY.get(key);
    // The cast pairs a key with its own field type, which the map lookup cannot express.
    if (field !== undefined)
      byKey.set(key, { index, header, key, slot: SLOT[key], type: field.type } as Column);
  });
  for (const key of ALWAYS_REQUIRED) {
    if (!byKey.has(key)) {
      const header = FIELD_BY_KEY.get(key)?.header ?? key;
      issue(HEADER_ROW, key, undefined, '', `缺少必填列「${header}」(required column missing)`);
    }
  }
  for (const figure of declaredFigures) {
    if (figure.required === true && !declaredColumns.has(figure.key)) {
      issue(HEADER_ROW, figure.key, undefined, '', `缺少必填列「${figure.header}」(required column missing)`);
    }
  }
  const muColumn = byKey.get('landAreaMu');
  const m2Column = byKey.get('landAreaM2');
  if (muColumn === undefined && m2Column === undefined) {
    issue(
      HEADER_ROW,
      'landAreaMu',
      undefined,
      '',
      '缺少用地面积列 (land area column missing: 用地面积(亩) or 用地面积(平方米))',
    );
  }
  const tableIssues = issues.length;
  const columns = [...byKey.values()];
  const requiredColumns = ALWAYS_REQUIRED.flatMap((key) => byKey.get(key) ?? []);
  const headerCount = headers.length;
  const warnedUnheaded = new Set<number>();
  const checkUnheaded = (cells: RawRow['cells'], row: number, index: number) => {
    if (!warnedUnheaded.has(index) && (cells[index] ?? '').trim() !== '') {
      warnedUnheaded.add(index);
      warn(
        '',
        `第 ${columnLetter(index)} 列没有表头，其数据已忽略 ` +
          `(column without a header, first data in row ${row}, ignored)`,
      );
    }
  };

  const candidates: EnterpriseRecord[] = [];
  /** USCC → position in `rows` of its first row; later rows with it go to `duplicates`. */
  const firstPosition = new Map<string, number>();
  const duplicates = new Map<string, number[]>();

  const values: Values = new Array<unknown>(FIELDS.length).fill(undefined);
  const extraMissing: { key: string; header: string; cell: string }[] = [];
  for (let position = 0; position < rows.length; position += 1) {
    const raw = rows[position];
    if (raw === undefined) continue;
    const { row, cells } = raw;
    const before = issues.length;
    values.fill(undefined);
    let filled = 0;

    for (const column of columns) {
      const cell = cells[column.index];
      if (cell === undefined) continue;
      const text = trimmed(cell);
      if (text === '') continue;
      filled += 1;
      const reason = readCell(values, column, text);
      if (reason !== undefined) issue(row, column.key, column.header, cell, reason);
    }

    let extra: Record<string, string> | undefined;
    for (const { index, header, figure } of declaredColumns.values()) {
      const cell = cells[index];
      const text = cell?.trim() ?? '';
      if (text === '') {
        if (figure.required === true) extraMissing.push({ key: figure.key, header, cell: cell ?? '' });
        continue;
      }
      filled += 1;
      const read = readDeclared(figure.kind, text);
      if ('reason' in read) issue(row, figure.key, header, cell ?? '', read.reason);
      else (extra ??= {})[figure.key] = read.value;
    }

    // Data under no header is reported once per column, never dropped silently.
    if (unheaded.length > 0 || cells.length > headerCount) {
      for (const index of unheaded) checkUnheaded(cells, row, index);
      for (let index = headerCount; index < cells.length; index += 1) checkUnheaded(cells, row, index);
    }
    if (filled === 0) {
      extraMissing.length = 0;
      continue; // a blank row
    }
    for (const { key, header, cell } of extraMissing) issue(row, key, header, cell, REASON.missing);
    extraMissing.length = 0;

    for (const column of requiredColumns) {
      if (values[column.slot] === undefined && isEmptyCell(cells, column)) {
        issue(row, column.key, column.header, cellText(cells, column), REASON.missing);
      }
    }

    // Land: 亩 as given, or 平方米 converted exactly; when both are given they must agree at 亩's precision.
    let landMu: DecimalString | undefined;
    const mu = valueOf(values, SLOT.landAreaMu);
    const m2 = valueOf(values, SLOT.landAreaM2);
    if (mu !== undefined && m2 !== undefined && muColumn !== undefined && m2Column !== undefined) {
      const muText = cellText(cells, muColumn).trim();
      const m2Text = cellText(cells, m2Column).trim();
      const dp = decimalsOf(muText);
      const converted = dec(m2).times(3).div(2000);
      if (roundHalfUp(converted, dp).eq(dec(mu))) landMu = mu;
      else {
        const exact = canonical(converted);
        issue(
          row,
          'landAreaMu',
          muColumn.header,
          cellText(cells, muColumn),
          `「${muColumn.header}」${muText} 与「${m2Column.header}」${m2Text} 不一致：` +
            `${m2Text} × 3 / 2000 = ${exact}，保留 ${dp} 位小数为 ${fixed(converted, dp)} ` +
            `(land areas disagree: ${m2Text} m² is ${exact} 亩, not ${muText})`,
        );
      }
    } else if (mu !== undefined) landMu = mu;
    else if (m2 !== undefined) landMu = canonical(dec(m2).times(3).div(2000));
    else if (
      (muColumn ?? m2Column) !== undefined &&
      isEmptyCell(cells, muColumn) &&
      isEmptyCell(cells, m2Column)
    ) {
      issue(row, 'landAreaMu', muColumn?.header, cellText(cells, muColumn), REASON.noLand);
    }

    const uscc = valueOf(values, SLOT.uscc);
    const name = valueOf(values, SLOT.name);
    const scale = valueOf(values, SLOT.scale);
    const tax = valueOf(values, SLOT.tax);
    if (uscc !== undefined && !uniqueCodes) {
      const first = firstPosition.get(uscc);
      if (first === undefined) firstPosition.set(uscc, position);
      else {
        const positions = duplicates.get(uscc);
        if (positions === undefined) duplicates.set(uscc, [first, position]);
        else positions.push(position);
      }
    }

    if (issues.length > before || tableIssues > 0) continue;
    if (uscc === undefined || name === undefined || scale === undefined || tax === undefined) continue;
    if (landMu === undefined) continue;
    // Every key in the same order, an absent optional one as undefined, so that all records share one
    // hidden class: V8 then reads their fields at fixed offsets here and in grading and writing, where
    // copying only the present keys gave ~48 shapes. JSON.stringify skips the undefined ones.
    const record: EveryKey<EnterpriseRecord> = {
      uscc,
      name,
      scale,
      landMu,
      tax,
      specialized: valueOf(values, SLOT.specialized) ?? 'none',
      subletTenants: valueOf(values, SLOT.subletTenants) ?? 0,
      emergencySupplier: valueOf(values, SLOT.emergencySupplier) ?? false,
      keyChainLink: valueOf(values, SLOT.keyChainLink) ?? false,
      highTech: valueOf(values, SLOT.highTech) ?? false,
      vetoReasons: valueOf(values, SLOT.vetoReasons) ?? NO_ITEMS,
      protectedReason: valueOf(values, SLOT.protectedReason) ?? NO_ITEMS,
      exemptReason: valueOf(values, SLOT.exemptReason) ?? NO_ITEMS,
      powerAccounts: valueOf(values, SLOT.powerAccounts) ?? NO_ITEMS,
      source: file === undefined ? { row } : { row, file },
      extra,
      addedValue: valueOf(values, SLOT.addedValue),
      revenue: valueOf(values, SLOT.revenue),
      employees: valueOf(values, SLOT.employees),
      energyTce: valueOf(values, SLOT.energyTce),
      emissionsTon: valueOf(values, SLOT.emissionsTon),
      rdExpense: valueOf(values, SLOT.rdExpense),
      electricityKwh: valueOf(values, SLOT.electricityKwh),
      exportValue: valueOf(values, SLOT.exportValue),
      netProfit: valueOf(values, SLOT.netProfit),
      netAssets: valueOf(values, SLOT.netAssets),
      techInvestment: valueOf(values, SLOT.techInvestment),
      existingSurchargePerKwh: valueOf(values, SLOT.existingSurchargePerKwh),
      industryCode: valueOf(values, SLOT.industryCode),
      industryName: valueOf(values, SLOT.industryName),
      town: valueOf(values, SLOT.town),
      park: valueOf(values, SLOT.park),
    };
    candidates.push(record);
  }

  // Duplicate codes: every row carrying one gets an issue naming the others (the first few, so a column
  // pasted full of one code stays linear), and none of them is graded.
  if (duplicates.size > 0) {
    const usccColumn = byKey.get('uscc');
    for (const [uscc, positions] of duplicates) {
      const dupes = positions.flatMap((position) => rows[position] ?? []);
      dupes.forEach((raw, self) => {
        const others: number[] = [];
        for (let index = 0; index < dupes.length && others.length < LISTED_DUPLICATES; index += 1) {
          const other = dupes[index];
          if (index !== self && other !== undefined) others.push(other.row);
        }
        const more = dupes.length - 1 > others.length ? `等 ${dupes.length - 1} 行` : '';
        const moreEnglish = more === '' ? '' : `, ${dupes.length - 1} rows in all`;
        issue(
          raw.row,
          'uscc',
          usccColumn?.header,
          cellText(raw.cells, usccColumn),
          `统一社会信用代码 ${uscc} 与第 ${others.join('、')} 行${more}重复 ` +
            `(duplicate code, also in row(s) ${others.join(', ')}${moreEnglish})`,
        );
      });
    }
    issues.sort((a, b) => a.row - b.row);
  }

  const records =
    duplicates.size > 0 ? candidates.filter((record) => !duplicates.has(record.uscc)) : candidates;
  return { records, issues, warnings };
}
