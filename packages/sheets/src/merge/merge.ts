import { CodeIndex, FIELDS } from '@mujun/scoring';
import type { FieldKey, RawRow, RawTable } from '@mujun/scoring';
import { IssueList, sourceFields } from '../issues.js';
import type { SheetIssue } from '../issues.js';
import { DEFAULT_READ_LIMITS, grouped } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { columnLetter } from '../table/grid.js';
import type { SourceTable } from '../table/source-table.js';
import { codeKey } from '../table/totals-row.js';
import { FIRST_ROW, labelOf, Origins, Provenance } from './provenance.js';
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

/** How many other rows a duplicate-code issue names; the rest are counted. */
const LISTED_DUPLICATES = 10;

interface Duplicate {
  readonly s: number;
  readonly code: string;
  readonly rows: number[];
  /** The code as each row spelled it. */
  readonly values: string[];
}

interface SingleFile {
  /** Every cell from file 0, shared by all its enterprises (Provenance only reads it). */
  readonly cellFrom: number[];
  /** A row's cells in the merged columns' order. */
  cellsOf(raw: RawRow): readonly (string | undefined)[];
}

/**
 * The merge of one file. When its known columns are its first columns, in order, a row's cells are already
 * the merged row (a cell past the row's end reads as empty, as a merged '' does); a row longer than the
 * known columns (data under an unknown header) is cut to them, as the copy below does.
 */
function singleFile(slots: readonly Slot[], width: number): SingleFile {
  const inPlace = slots.every((slot) => slot.index === slot.k);
  return {
    cellFrom: new Array<number>(width).fill(0),
    cellsOf: (raw) => {
      if (inPlace && raw.cells.length <= width) return raw.cells;
      const entry = new Array<string | undefined>(width);
      for (const { k, index } of slots) entry[k] = raw.cells[index] ?? '';
      return entry;
    },
  };
}

function metaOf(table: SourceTable): SourceMeta {
  return { ...sourceFields(table), headerRow: table.headerRow, columns: table.columns };
}

/**
 * Merges department files by 统一社会信用代码 (trimmed, upper-cased) into one table for parseRecords. A
 * field two files both give must agree (numbers by value, see sameValue); an empty cell gives nothing and
 * never conflicts. A file carrying a field every record needs (name, scale, land, tax) must cover every
 * enterprise any file names. A code twice in one file is an issue on each of its rows, naming up to ten of
 * the others and counting the rest. Rows without a code stay apart, one enterprise each, so that their
 * other cells are still validated. Each kind of issue (conflicts, missing enterprises, duplicates, per
 * file) is listed up to `maxIssuesPerKind` times and the rest counted, so that a column pasted full of one
 * code costs time and memory in proportion to its rows, not their square.
 */
export function mergeTables(
  tables: readonly SourceTable[],
  limits: Pick<ReadLimits, 'maxIssuesPerKind'> = DEFAULT_READ_LIMITS,
): MergedTable {
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
  const cells: (readonly (string | undefined)[])[] = [];
  const byCode = new CodeIndex(tables[0]?.rows.length);
  const issues = new IssueList(limits.maxIssuesPerKind);
  const duplicates = new Map<string, Duplicate>();
  // One file merges with nothing: each enterprise's row is its first row there, every cell from that file
  // (no conflict and no missing enterprise can arise; duplicate codes still can). Its rows then go through
  // as they are, sharing one "all from file 0" array, instead of being copied cell by cell.
  const single = tables.length === 1 ? singleFile(slots[0] ?? [], keys.length) : undefined;
  const origins = new Origins(single?.cellFrom);

  tables.forEach((table, s) => {
    const usccIndex = table.columns.get('uscc')?.index;
    for (const raw of table.rows) {
      const spelled = usccIndex === undefined ? '' : (raw.cells[usccIndex] ?? '');
      const code = codeKey(spelled);
      // The enterprise's entry: a new one, at the end, unless the code was given before; one look-up.
      const fresh = cells.length;
      const e = code === '' ? fresh : byCode.add(code, fresh);
      if (e === fresh && single !== undefined) {
        cells.push(single.cellsOf(raw));
        origins.pushRow(raw.row);
        continue;
      }
      if (e === fresh) {
        cells.push(new Array<string | undefined>(keys.length).fill(undefined));
        origins.push({
          cellFrom: new Array<number>(keys.length).fill(-1),
          rows: new Array<number>(tables.length).fill(0),
          flagged: false,
          missingFrom: undefined,
        });
      }
      // Written only when several files merge: a single file's rows never get here as a new entry.
      const entry = (cells[e] ?? []) as (string | undefined)[];
      const origin = origins.at(e) as Origin;
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
        issues.add(
          `conflict\u0000${s}`,
          () => ({
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
          }),
          (count) =>
            `另有 ${grouped(count)} 处与其他文件不一致的值未逐条列出 ` +
            `(${grouped(count)} more value(s) differing from other files, not listed)`,
        );
      }
    }
  });

  // One file cannot lack an enterprise it names: nothing to look for (and no Origin to make per row).
  for (const [code, e] of single === undefined ? byCode.entries() : []) {
    const origin = origins.at(e) as Origin;
    const home = origin.rows.findIndex((row) => row > 0);
    const homeTable = tables[home];
    if (homeTable === undefined) continue;
    const homeRow = origin.rows[home] ?? 0;
    const column = homeTable.columns.get('uscc');
    for (const s of masters) {
      if ((origin.rows[s] ?? 0) !== 0) continue;
      origin.flagged = true;
      (origin.missingFrom ??= []).push(s);
      issues.add(
        `missing\u0000${s}`,
        () => ({
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
        }),
        (count) =>
          `另有 ${grouped(count)} 家企业在 ${label(s)} 中没有，未逐条列出 ` +
          `(${grouped(count)} more enterprise(s) missing from ${label(s)}, not listed)`,
      );
    }
  }

  for (const { s, code, rows, values } of duplicates.values()) {
    const table = tables[s];
    if (table === undefined) continue;
    const column = table.columns.get('uscc');
    rows.forEach((row, i) => {
      issues.add(
        `duplicate\u0000${s}`,
        () => {
          // The first few other rows, found without walking the whole group for each of its rows.
          const others: number[] = [];
          for (let j = 0; j < rows.length && others.length < LISTED_DUPLICATES; j += 1) {
            if (j !== i) others.push(rows[j] ?? 0);
          }
          const rest = rows.length - 1 - others.length;
          return {
            ...sourceFields(table),
            row,
            column: 'uscc',
            ...(column === undefined
              ? {}
              : { header: column.header, cell: `${columnLetter(column.index)}${row}` }),
            value: values[i] ?? code,
            reason:
              `统一社会信用代码 ${code} 与本文件第 ${others.join('、')} 行重复` +
              `${rest > 0 ? `，另有 ${grouped(rest)} 行使用同一代码` : ''} ` +
              `(duplicate code, also in row(s) ${others.join(', ')} of this file` +
              `${rest > 0 ? ` and ${grouped(rest)} more row(s)` : ''})`,
          };
        },
        (count) =>
          `另有 ${grouped(count)} 行的统一社会信用代码与本文件其他行重复，未逐条列出 ` +
          `(${grouped(count)} more row(s) with a duplicate code, not listed)`,
      );
    });
  }

  const rows = cells.map((entry, i): RawRow => ({ row: FIRST_ROW + i, cells: entry }));
  return {
    // Each code is one row: the repeats within a file are this merge's issues, not parseRecords' too.
    table: { headers: keys, rows, uniqueCodes: true },
    issues: issues.done(),
    provenance: new Provenance(sources, keys, origins),
  };
}
