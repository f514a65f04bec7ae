import { FIELDS } from '@mujun/scoring';
import { workbookBytes } from '../write/workbook.js';
import { FIELD_NOTES } from './field-notes.js';

export const TEMPLATE_SHEET = '企业数据';
export const NOTES_SHEET = '说明';

/** Columns a clerk types codes into: formatted as text so Excel does not turn them into numbers. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['uscc', 'industryCode', 'powerAccounts']);

/**
 * The empty input workbook: sheet 企业数据 with the Chinese headers in row 1 and the English keys in row 2
 * (the reader takes row 2 for a second header row, so the filled-in template reads as it is), data from
 * row 3; and sheet 说明 with each column's header, key, type, unit, whether 规上 and 规下 enterprises must
 * fill it, and notes from the data dictionary.
 */
export function inputTemplate(): Promise<Buffer> {
  return workbookBytes([
    {
      name: TEMPLATE_SHEET,
      columns: FIELDS.map((field) => ({
        header: field.header,
        width: Math.max(12, Math.min(30, field.header.length * 2 + 2)),
        text: TEXT_KEYS.has(field.key),
      })),
      subHeaders: [FIELDS.map((field) => field.key)],
      rows: [],
    },
    {
      name: NOTES_SHEET,
      columns: [
        { header: '中文表头', width: 28 },
        { header: '英文键 (key)', width: 24 },
        { header: '类型', width: 16 },
        { header: '单位', width: 12 },
        { header: '规上', width: 16 },
        { header: '规下', width: 16 },
        { header: '说明', width: 80 },
      ],
      rows: FIELDS.map((field) => {
        const note = FIELD_NOTES[field.key];
        return [
          field.header,
          field.key,
          note.type,
          'unit' in field ? field.unit : '',
          note.above,
          note.below,
          note.notes,
        ];
      }),
    },
  ]);
}
