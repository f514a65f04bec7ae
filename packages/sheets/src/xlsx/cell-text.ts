import { numberText } from './number-text.js';

const MIDNIGHT = 'T00:00:00.000Z';
/** Not a number, so validation reports it where a figure is expected. */
const FORMULA_ERROR = '#公式错误';
const DAY_MS = 86_400_000;
/** Excel's serial day 25569 is 1970-01-01 in the 1900 date system; the 1904 system counts 1462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

/** A date cell as ISO text: `2025-03-31`, or with the time when it has one (`2025-03-31T08:30:00`). */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith(MIDNIGHT) ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A serial date (days since 1899-12-30, or since 1904-01-01) as a Date, to the nearest second. */
export function serialDate(serial: number, date1904: boolean): Date {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DATE_1904_OFFSET : 0);
  return new Date(Math.round((days * DAY_MS) / 1000) * 1000);
}

/**
 * Whether a number format shows a date or a time: once quoted text (`"年"`), bracketed parts (`[Red]`,
 * `[$-804]`) and escaped or padding characters (`\-`, `_)`, `*0`) are taken out, it has a year, month, day,
 * hour or second code. `#,##0.00"万"` has none; `yyyy"年"m"月"d"日"` has.
 */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[\\_*]./g, '');
  return /[yYmMdDhHsS]/.test(bare) && !/^general$/i.test(bare.trim());
}

/** A cell as the sheet stores it: `t`, the `<v>` text, an inline string, whether it has a formula. */
export interface RawCell {
  readonly type: string | undefined;
  readonly value: string | undefined;
  readonly inline: string | undefined;
  readonly formula: boolean;
  /** Its style's number format shows a date. */
  readonly date: boolean;
}

/** A plain decimal as Excel stores most figures, with no sign of zero and no needless zeros. */
const PLAIN_DECIMAL = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?$/;
const MAX_DIGITS = 15;

function numberCell(value: string, date: boolean, date1904: boolean): string {
  const text = value.trim();
  if (text === '') return '';
  // Most figures are stored with at most 15 digits: numberText would give back the very same text.
  if (!date && text.length <= MAX_DIGITS + 2 && text !== '-0' && PLAIN_DECIMAL.test(text)) {
    const digits = text.length - (text.startsWith('-') ? 1 : 0) - (text.includes('.') ? 1 : 0);
    if (digits <= MAX_DIGITS) return text;
  }
  const number = Number(text);
  // Not a number although stored as one: kept as written, so that validation shows it.
  if (!Number.isFinite(number)) return text;
  return date ? dateText(serialDate(number, date1904)) : numberText(number);
}

/**
 * What a cell holds, as text: numbers from their stored value (see numberText) or, in a date format, as
 * an ISO date; shared and inline strings as they are (rich-text runs joined); booleans as `true`/`false`;
 * an error as its code (`#N/A`, which validation then reports); a formula as its cached result, `#公式错误`
 * when that is an error, empty when there is none.
 */
export function cellText(cell: RawCell, shared: readonly string[], date1904: boolean): string {
  const { type, value } = cell;
  switch (type) {
    case 's': {
      const index = Number(value);
      return Number.isInteger(index) ? (shared[index] ?? '') : '';
    }
    case 'inlineStr':
      return cell.inline ?? value ?? '';
    case 'str':
      return value ?? '';
    case 'b':
      if (value === undefined) return '';
      return value.trim() === '1' || value.trim() === 'true' ? 'true' : 'false';
    case 'e':
      return cell.formula ? FORMULA_ERROR : (value ?? '');
    case 'd': {
      if (value === undefined) return '';
      // ISO 8601 as stored; a time without an offset is the sheet's own clock, read as UTC like serials.
      const iso = value.trim();
      const date = new Date(iso.includes('T') && !/(?:[zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? `${iso}Z` : iso);
      return Number.isNaN(date.getTime()) ? value : dateText(date);
    }
    case 'n':
    case undefined:
    default:
      return value === undefined ? '' : numberCell(value, cell.date, date1904);
  }
}
