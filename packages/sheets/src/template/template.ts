import { FIELDS } from '@mujun/scoring';
import type { DeclaredFigure } from '@mujun/scoring';
import { workbookBytes } from '../write/workbook.js';
import { FIELD_NOTES } from './field-notes.js';

export const TEMPLATE_SHEET = '企业数据';
export const NOTES_SHEET = '说明';

/** Columns a clerk types codes into: formatted as text so Excel does not turn them into numbers. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['uscc', 'industryCode', 'powerAccounts']);

/** A declared figure's type as a clerk reads it, in the words of the data dictionary's columns. */
const KIND_TYPE: Readonly<Record<DeclaredFigure['kind'], string>> = {
  number: '数字',
  nonNegativeNumber: '数字，≥ 0',
  count: '整数，≥ 0',
  yesNo: '是/否',
  date: '日期，如 2023-05-01',
};

function columnWidth(header: string): number {
  return Math.max(12, Math.min(30, header.length * 2 + 2));
}

/**
 * The empty input workbook: sheet 企业数据 with the Chinese headers in row 1 and the English keys in row 2
 * (the reader takes row 2 for a second header row, so the filled-in template reads as it is), data from
 * row 3; and sheet 说明 with each column's header, key, type, unit, whether 规上 and 规下 enterprises must
 * fill it, and notes from the data dictionary. A scheme's declared figures (`figures`) follow the data
 * dictionary's columns, each under the county's header, with its unit, who fills it and whether it is
 * required in 说明.
 */
export function inputTemplate(figures: readonly DeclaredFigure[] = []): Promise<Buffer> {
  return workbookBytes([
    {
      name: TEMPLATE_SHEET,
      columns: [
        ...FIELDS.map((field) => ({
          header: field.header,
          width: columnWidth(field.header),
          text: TEXT_KEYS.has(field.key),
        })),
        ...figures.map((figure) => ({
          header: figure.header,
          width: columnWidth(figure.header),
          text: figure.kind === 'date' || figure.kind === 'yesNo',
        })),
      ],
      subHeaders: [[...FIELDS.map((field) => field.key), ...figures.map((figure) => figure.key)]],
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
      rows: [
        ...FIELDS.map((field) => {
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
        ...figures.map((figure) => {
          const need = figure.required === true ? '必填' : '按评价办法';
          const notes = [
            '本县评价办法另加的数据',
            ...(figure.filledBy === undefined ? [] : [`由${figure.filledBy}提供`]),
            ...(figure.kind === 'yesNo' ? ['是/否、true/false、1/0 或 Y/N；不填即“否”'] : []),
          ].join('；');
          return [figure.header, figure.key, KIND_TYPE[figure.kind], figure.unit ?? '', need, need, notes];
        }),
      ],
    },
  ]);
}
