import type { CellFormulaValue, CellValue } from 'exceljs';
import { numberText } from './number-text.js';

const MIDNIGHT = 'T00:00:00.000Z';
/** Not a number, so validation reports it where a figure is expected. */
const FORMULA_ERROR = '#公式错误';

/** A date cell as ISO text: `2025-03-31`, or with the time when it has one (`2025-03-31T08:30:00`). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith(MIDNIGHT) ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A formula's cached result; a streamed workbook gives NaN for a cached error such as `#DIV/0!`. */
function formulaText(result: CellFormulaValue['result']): string {
  if (typeof result === 'number' && Number.isNaN(result)) return FORMULA_ERROR;
  return cellText(result ?? null);
}

/**
 * What a cell holds, as text: numbers from their stored value (see numberText), text as text, a formula's
 * cached result, rich text joined, an error as its code (`#N/A`, which validation then reports), dates as
 * ISO dates. Exceljs gives dates only for cells whose number format is a date format.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return formulaText(value.result);
  if ('hyperlink' in value) {
    // Typed as a string, but a hyperlink's text can be rich text.
    const text: unknown = value.text;
    return typeof text === 'string' ? text : cellText(text as CellValue);
  }
  return '';
}
