import { FIELDS } from '@mujun/scoring';
import type { FieldKey, RawRow, RawTable } from '@mujun/scoring';
import { sourceFields } from '../issues.js';
import type { SheetIssue } from '../issues.js';
import { columnLetter } from '../table/grid.js';
import type { SourceTable } from '../table/source-table.js';
import { FIRST_ROW, labelOf, Provenance } from './provenance.js';
import type { Origin, SourceMeta } from './provenance.js';
import { sameValue } from './same-value.js';

/**
 * Fields every record needs (besides its code): a file that carries any of them is a master list of the
 * county's enterprises and must cover every one. A file of optional figures (电力, 环保) may cover a
 * subset: an enterprise it lacks simply has no such figure.
 */
const MASTER_KEYS: ReadonlySet<FieldKey> = new Set<FieldKey>([
  ...FIELDS.filter((field) => 'alwaysRequired' in field && field.key !== 'uscc').map((field) => field.key),
  'landAreaMu',
  'landAreaM2',
]);

export interface MergedTable {
  /** The table to validate: English keys as headers, one row per enterprise numbered from 2. */
  readonly table: RawTable;
  /** Conflicts between files, enterprises missing from a file, codes given twice in one file. */
  readonly issues: readonly SheetIssue[];
  /** Where each cell of `table` came from: turns an issue about it into a file, sheet, row and cell. */
  readonly provenance: Provenance;
}

interface Slot {
  readonly key: FieldKey;
  /** The merged column. */
  readonly k: number;
  /** The file's column. */
  readonly index: number;
}

interface Duplicate {
  readonly s: number;
  readonly code: string;
  readonly rows: number[];
  /** The code as each row spelled it. */
  readonly values: string[];
}

function metaOf(table: SourceTable): SourceMeta {
  return { ...sourceFields(table), headerRow: table.headerRow, columns: table.columns };
}

/**
 * Merges department files by 统一社会信用代码 (trimmed, upper-cased) into one table for parseRecords. A
 * field two files both give must agree (numbers by value, see sameValue); an empty cell gives nothing and
 * never conflicts. A file carrying a field every record needs (name, scale, land, tax) must cover every
 * enterprise any file names. A code twice in one file is an issue on each of its rows. Rows without a code
 * stay apart, one enterprise each, so that their other cells are still validated.
 */
export function mergeTables(tables: readonly SourceTable[]): MergedTable {
  const sources = tables.map(metaOf);
  const label = (s: number) => labelOf(sources, s);
  const keys: FieldKey[] = [];
  for (const table of tables) {
    for (const key of table.columns.keys()) if (!keys.includes(key)) keys.push(key);
  }
  const uscc = keys.indexOf('uscc');
  const slots = tables.map((table) =>
    [...table.columns].map(([key, column]): Slot => ({ key, k: keys.indexOf(key), index: column.index })),
  );
  const masters = tables.flatMap((table, s) =>
    [...table.columns.keys()].some((key) => MASTER_KEYS.has(key)) ? [s] : [],
  );
  const cells: (string | undefined)[][] = [];
  const origins: Origin[] = [];
  const byCode = new Map<string, number>();
  const issues: SheetIssue[] = [];
  const duplicates = new Map<string, Duplicate>();

  tables.forEach((table, s) => {
    const usccIndex = table.columns.get('uscc')?.index;
    for (const raw of table.rows) {
      const spelled = usccIndex === undefined ? '' : (raw.cells[usccIndex] ?? '');
      const code = spelled.trim().toUpperCase();
      let e = code === '' ? undefined : byCode.get(code);
      if (e === undefined) {
        e = cells.length;
        cells.push(new Array<string | undefined>(keys.length).fill(undefined));
        origins.push({
          cellFrom: new Array<number>(keys.length).fill(-1),
          rows: new Array<number>(tables.length).fill(0),
          flagged: false,
          missingFrom: undefined,
        });
        if (code !== '') byCode.set(code, e);
      }
      const entry = cells[e] ?? [];
      const origin = origins[e] as Origin;
      const earlier = origin.rows[s] ?? 0;
      if (earlier !== 0) {
        const id = `${s}\u0000${code}`;
        const group = duplicates.get(id);
        if (group === undefined) {
          duplicates.set(id, { s, code, rows: [earlier, raw.row], values: [entry[uscc] ?? code, spelled] });
        } else {
          group.rows.push(raw.row);
          group.values.push(spelled);
        }
        origin.flagged = true;
        continue;
      }
      origin.rows[s] = raw.row;
      for (const { key, k, index } of slots[s] ?? []) {
        const text = raw.cells[index] ?? '';
        const held = entry[k];
        const from = origin.cellFrom[k] ?? -1;
        if (from < 0 || ((held ?? '').trim() === '' && text.trim() !== '')) {
          entry[k] = text;
          origin.cellFrom[k] = s;
          continue;
        }
        if (text.trim() === '' || sameValue(key, held ?? '', text)) continue;
        const column = table.columns.get(key);
        const other = tables[from]?.columns.get(key);
        const otherRow = origin.rows[from] ?? 0;
        origin.flagged = true;
        issues.push({
          ...sourceFields(table),
          row: raw.row,
          column: key,
          ...(column === undefined
            ? {}
            : { header: column.header, cell: `${columnLetter(column.index)}${raw.row}` }),
          value: text,
          reason:
            `与 ${label(from)} 第 ${otherRow} 行${other === undefined ? '' : `「${other.header}」`}的值 ` +
            `${JSON.stringify(held)} 不一致 (differs from ${label(from)} row ${otherRow}: ${JSON.stringify(held)})`,
        });
      }
    }
  });

  for (const [code, e] of byCode) {
    const origin = origins[e] as Origin;
    const home = origin.rows.findIndex((row) => row > 0);
    const homeTable = tables[home];
    if (homeTable === undefined) continue;
    const homeRow = origin.rows[home] ?? 0;
    const column = homeTable.columns.get('uscc');
    for (const s of masters) {
      if ((origin.rows[s] ?? 0) !== 0) continue;
      origin.flagged = true;
      (origin.missingFrom ??= []).push(s);
      issues.push({
        ...sourceFields(homeTable),
        row: homeRow,
        column: 'uscc',
        ...(column === undefined
          ? {}
          : { header: column.header, cell: `${columnLetter(column.index)}${homeRow}` }),
        value: code,
        reason:
          `${label(s)} 中没有此企业（见于 ${label(home)} 第 ${homeRow} 行）` +
          `(enterprise missing from ${label(s)}; it is in ${label(home)} row ${homeRow})`,
      });
    }
  }

  for (const { s, code, rows, values } of duplicates.values()) {
    const table = tables[s];
    if (table === undefined) continue;
    const column = table.columns.get('uscc');
    rows.forEach((row, i) => {
      const others = rows.filter((other) => other !== row);
      issues.push({
        ...sourceFields(table),
        row,
        column: 'uscc',
        ...(column === undefined
          ? {}
          : { header: column.header, cell: `${columnLetter(column.index)}${row}` }),
        value: values[i] ?? code,
        reason:
          `统一社会信用代码 ${code} 与本文件第 ${others.join('、')} 行重复 ` +
          `(duplicate code, also in row(s) ${others.join(', ')} of this file)`,
      });
    });
  }

  const rows = cells.map((entry, i): RawRow => ({ row: FIRST_ROW + i, cells: entry }));
  return { table: { headers: keys, rows }, issues, provenance: new Provenance(sources, keys, origins) };
}
