import type { FieldKey, RecordIssue } from '@mujun/scoring';
import { sourceFields } from '../issues.js';
import type { SheetIssue, SheetSource } from '../issues.js';
import { columnLetter } from '../table/grid.js';
import type { SourceColumn } from '../table/source-table.js';

/** parseRecords reports issues about the table as a whole on row 1; merged rows are numbered from 2. */
export const TABLE_ROW = 1;
export const FIRST_ROW = 2;

/** What provenance needs of a file: its name and columns, not its rows (which can then be freed). */
export interface SourceMeta extends SheetSource {
  readonly headerRow: number;
  readonly columns: ReadonlyMap<FieldKey, SourceColumn>;
}

/** Where one enterprise's cells came from. */
export interface Origin {
  /** By merged column: the file (index into the sources) the cell came from, or -1. */
  readonly cellFrom: number[];
  /** By file: the row the enterprise is on there, or 0 when the file lacks it. */
  readonly rows: number[];
  /** Set when the merge itself found a problem (a conflict, a duplicate, a missing file): never graded. */
  flagged: boolean;
  /** Files of required fields that lack the enterprise (already reported, so their empty cells aren't). */
  missingFrom: number[] | undefined;
}

/**
 * Every merged enterprise's Origin, by its index. The enterprises of a single file are all alike (each
 * cell from that file, one row there), so only their rows are kept and an Origin is made when one is
 * asked for: at 100,000 rows an object and an array each were more for the collector than the merge.
 */
export class Origins {
  readonly #made: (Origin | undefined)[] = [];
  /** A single file's row by index; 0 for an enterprise given as a whole Origin. */
  readonly #rows: number[] = [];

  constructor(
    /** Every cell from file 0: the cellFrom of a single file's enterprises. */
    private readonly singleCellFrom: number[] = [],
  ) {}

  get length(): number {
    return this.#rows.length;
  }

  /** An enterprise of several files, or one whose origin changes (a duplicate code). */
  push(origin: Origin): void {
    this.#made.push(origin);
    this.#rows.push(0);
  }

  /** An enterprise of a single file, on this row of it. */
  pushRow(row: number): void {
    this.#made.push(undefined);
    this.#rows.push(row);
  }

  /** The enterprise's Origin (made, and kept, on first ask), or undefined past the end. */
  at(e: number): Origin | undefined {
    const made = this.#made[e];
    if (made !== undefined || e < 0 || e >= this.#rows.length) return made;
    const origin: Origin = {
      cellFrom: this.singleCellFrom,
      rows: [this.#rows[e] ?? 0],
      flagged: false,
      missingFrom: undefined,
    };
    this.#made[e] = origin;
    return origin;
  }

  flagged(e: number): boolean {
    return this.#made[e]?.flagged ?? false;
  }
}

/** A file's name for messages: with its sheet when the same file was read twice. */
export function labelOf(sources: readonly SourceMeta[], s: number): string {
  const source = sources[s];
  if (source === undefined) return '';
  const twice = sources.some((other) => other !== source && other.file === source.file);
  return twice && source.sheet !== undefined ? `${source.file}「${source.sheet}」` : source.file;
}

/**
 * Where each cell of a merged table came from. Kept apart from the cells themselves, so that once the
 * records are parsed the raw texts can go while issues raised later (by grade()) can still be placed.
 */
export class Provenance {
  constructor(
    private readonly sources: readonly SourceMeta[],
    private readonly keys: readonly FieldKey[],
    private readonly origins: Origins,
  ) {}

  /** Whether the merge found a problem with the enterprise on this merged row. */
  flagged(row: number): boolean {
    return this.origins.flagged(row - FIRST_ROW);
  }

  /**
   * Where an issue about the merged table (from parseRecords, or from grade() on its records) is in the
   * files: the cell's own file, sheet, row, header and reference. A cell no file gave is placed on the
   * enterprise's first row; it is dropped (undefined) when the merge already reported the enterprise
   * missing from the file that has that column.
   */
  /**
   * Which file place() will put an issue in (an index into the sources; -1 for the table as a whole or a
   * row the merge does not know), or undefined when place() drops it: a cheap look, for counting issues
   * per file before placing them.
   */
  sourceOf(issue: RecordIssue): number | undefined {
    if (issue.row < FIRST_ROW) return -1;
    const origin = this.origins.at(issue.row - FIRST_ROW);
    if (origin === undefined) return -1;
    const key = this.keyOf(issue);
    const k = this.keys.indexOf(key);
    const s = k < 0 ? -1 : (origin.cellFrom[k] ?? -1);
    if (this.sources[s] !== undefined) return s;
    const holder = this.sources.findIndex((candidate) => candidate.columns.has(key));
    if (holder >= 0 && origin.missingFrom?.includes(holder) === true) return undefined;
    return origin.rows.findIndex((row) => row > 0);
  }

  /** The merged column an issue is about: "no land area" is raised on 亩 even when only 平方米 was given. */
  private keyOf(issue: RecordIssue): FieldKey {
    const key = issue.column as FieldKey;
    return key === 'landAreaMu' && !this.keys.includes(key) && this.keys.includes('landAreaM2')
      ? 'landAreaM2'
      : key;
  }

  place(issue: RecordIssue): SheetIssue | undefined {
    if (issue.row < FIRST_ROW) return this.placeTableIssue(issue);
    const origin = this.origins.at(issue.row - FIRST_ROW);
    if (origin === undefined) return { ...issue };
    const { value, reason } = issue;
    const key = this.keyOf(issue);
    const k = this.keys.indexOf(key);
    const s = k < 0 ? -1 : (origin.cellFrom[k] ?? -1);
    const source = this.sources[s];
    if (source !== undefined) {
      const row = origin.rows[s] ?? 0;
      const column = source.columns.get(key);
      return {
        ...sourceFields(source),
        row,
        column: key,
        ...(column === undefined
          ? {}
          : { header: column.header, cell: `${columnLetter(column.index)}${row}` }),
        value,
        reason,
      };
    }
    const holder = this.sources.findIndex((candidate) => candidate.columns.has(key));
    if (holder >= 0 && origin.missingFrom?.includes(holder) === true) return undefined;
    const home = origin.rows.findIndex((row) => row > 0);
    const homeSource = this.sources[home];
    if (homeSource === undefined) return { ...issue };
    const label = labelOf(this.sources, holder);
    const where =
      holder >= 0 && holder !== home
        ? `（此列在 ${label} 中，其中没有此企业 / the column is in ${label}, which lacks this enterprise）`
        : '';
    return {
      ...sourceFields(homeSource),
      row: origin.rows[home] ?? 0,
      column: key,
      value: '',
      reason: reason + where,
    };
  }

  /** A missing column: on the header row of the one file, or on all the files named together. */
  private placeTableIssue(issue: RecordIssue): SheetIssue {
    const { column, value, reason } = issue;
    const [first] = this.sources;
    if (first === undefined) return { ...issue };
    const header = issue.header === undefined ? {} : { header: issue.header };
    const headerRow = first.headerRow === 0 ? TABLE_ROW : first.headerRow;
    if (this.sources.length === 1)
      return { ...sourceFields(first), row: headerRow, column, ...header, value, reason };
    const files = [...new Set(this.sources.map((source) => source.file))].join('、');
    const same = this.sources.every((source) => source.headerRow === first.headerRow);
    return { file: files, row: same ? headerRow : TABLE_ROW, column, ...header, value, reason };
  }
}
