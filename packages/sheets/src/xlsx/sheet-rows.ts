import type { ReadLimits } from '../limits.js';
import { RowBudget } from '../table/budget.js';
import type { GridRow } from '../table/grid.js';
import { cellText } from './cell-text.js';
import { XmlPart } from './xml.js';

export interface SheetContext {
  readonly shared: readonly string[];
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

const A = 65;
const Z = 90;
const LOWER = 32;

/** The 0-based column of a cell reference (`B12` → 1), or -1 when it has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i += 1) {
    const c = ref.charCodeAt(i) & ~LOWER;
    if (c < A || c > Z) break;
    column = column * 26 + (c - A + 1);
  }
  return i === 0 ? -1 : column - 1;
}

/**
 * A worksheet part's rows as they unzip: `<row>` by `<row>`, each with the texts of its cells by column
 * (gaps as empty texts, nothing after the last non-empty cell). Rows keep the number Excel shows (`r`, or
 * one more than the row before when a writer leaves it out); cells their column (`r`, or the next one).
 * Rows without any text are skipped, but counted against the row limit like every other.
 */
export async function* sheetRows(
  chunks: AsyncIterable<string>,
  file: string,
  part: string,
  context: SheetContext,
  limits: ReadLimits,
): AsyncGenerator<GridRow> {
  const budget = new RowBudget(file, limits, { zh: '的工作表', en: 'the sheet' });
  const ready: GridRow[] = [];
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  let value: string | undefined;
  let inline: string | undefined;
  let formula = false;
  let inInline = false;
  let phonetic = 0;
  /** What text events are collected into: nothing, `<v>`, or an inline string's `<t>`. */
  let capture: 'none' | 'value' | 'inline' = 'none';
  let captured = '';

  const xml = new XmlPart(
    file,
    part,
    {
      open(name, attributes) {
        switch (name) {
          case 'c': {
            const ref = attributes['r'];
            const at = ref === undefined ? -1 : columnOf(ref);
            column = at < 0 ? column + 1 : at;
            type = attributes['t'];
            style = Number(attributes['s'] ?? 0);
            value = undefined;
            inline = undefined;
            formula = false;
            break;
          }
          case 'v':
            capture = 'value';
            captured = '';
            break;
          case 'f':
            formula = true;
            break;
          case 'is':
            inInline = true;
            inline = '';
            break;
          case 'rPh':
            phonetic += 1;
            break;
          case 't':
            if (inInline && phonetic === 0) {
              capture = 'inline';
              captured = '';
            }
            break;
          case 'row': {
            budget.row();
            const r = Number(attributes['r']);
            rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
            cells = [];
            column = -1;
            break;
          }
          default:
            break;
        }
      },
      text(text) {
        if (capture === 'none') return;
        captured += text;
        budget.cell(captured.length, Math.max(column, 0), rowNumber);
      },
      close(name) {
        switch (name) {
          case 'v':
            if (capture === 'value') value = captured;
            capture = 'none';
            break;
          case 't':
            if (capture === 'inline') inline = (inline ?? '') + captured;
            capture = 'none';
            budget.cell((inline ?? '').length, Math.max(column, 0), rowNumber);
            break;
          case 'rPh':
            phonetic -= 1;
            break;
          case 'is':
            inInline = false;
            break;
          case 'c': {
            const text = cellText(
              { type, value, inline, formula, date: context.dateStyles[style] === true },
              context.shared,
              context.date1904,
            );
            if (text === '') break;
            budget.column(column, rowNumber);
            budget.cell(text.length, column, rowNumber);
            while (cells.length < column) cells.push('');
            cells[column] = text;
            break;
          }
          case 'row':
            if (cells.length > 0) {
              budget.width(cells.length);
              ready.push({ row: rowNumber, cells });
            }
            break;
          default:
            break;
        }
      },
    },
    limits,
  );

  for await (const chunk of chunks) {
    xml.write(chunk);
    // Rows are handed on chunk by chunk: at most a chunk's worth (16 KiB unzipped) is ever waiting.
    for (const row of ready.splice(0)) yield row;
  }
  xml.end();
  for (const row of ready.splice(0)) yield row;
}
