/**
 * How much of a file the readers will take, checked while they stream: a file over any of these is refused
 * at once with a SheetLimitError, so that memory and time are bounded by the limits, never by the input.
 * The defaults fit a county's real files with room to spare (a 100,000-row, 26-column workbook is about
 * 11 MB zipped and 70 MB unzipped) and keep a hostile one to a few hundred megabytes of memory.
 */
export interface ReadLimits {
  /** Bytes of one file as given: a CSV's, or a workbook's zipped size. */
  readonly maxFileBytes: number;
  /** Files inside a workbook's zip (an Excel workbook has a dozen or so). */
  readonly maxZipEntries: number;
  /** Unzipped bytes of any one part of a workbook (a sheet, the shared strings). */
  readonly maxEntryBytes: number;
  /** Unzipped bytes of all the parts read from one workbook. */
  readonly maxUnzippedBytes: number;
  /**
   * Unzipped bytes per zipped byte of a part, once it has unzipped to 1 MiB (smaller parts may compress
   * better): real sheets compress 5 to 20 times, a zip bomb a thousand.
   */
  readonly maxCompressionRatio: number;
  /** Rows of a sheet or a CSV, blank ones included. */
  readonly maxRows: number;
  /** Columns of a row, up to its last non-empty cell. */
  readonly maxColumns: number;
  /** Cells of a sheet in all, each row counted up to its last non-empty cell. */
  readonly maxCells: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  readonly maxCellChars: number;
  /** Entries of a workbook's shared-string table. */
  readonly maxSharedStrings: number;
  /** UTF-8 bytes of a workbook's shared strings in all (the table is held in memory while a sheet is read). */
  readonly maxSharedStringBytes: number;
  /**
   * Issues reported of each kind (a column's bad cells, duplicate codes, conflicts between files): the
   * rest are counted in one summary issue. Never refuses a file.
   */
  readonly maxIssuesPerKind: number;
}

export type LimitName = keyof ReadLimits;

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = Object.freeze({
  maxFileBytes: 50 * MiB,
  maxZipEntries: 10_000,
  maxEntryBytes: 256 * MiB,
  maxUnzippedBytes: 512 * MiB,
  maxCompressionRatio: 100,
  maxRows: 200_000,
  maxColumns: 1_000,
  maxCells: 10_000_000,
  maxCellChars: 32_767,
  maxSharedStrings: 1_000_000,
  maxSharedStringBytes: 100 * MiB,
  maxIssuesPerKind: 1_000,
});

const NAMES = Object.keys(DEFAULT_READ_LIMITS) as LimitName[];

/** The defaults with the caller's overrides; each must be a positive whole number. */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const limits: Record<string, number> = { ...DEFAULT_READ_LIMITS };
  for (const name of NAMES) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`read limit ${name} must be a positive whole number, not ${String(value)}`);
    }
    limits[name] = value;
  }
  return limits as unknown as ReadLimits;
}

/** Limits on sizes (refused as too large: HTTP 413); the others are on shape (rows, columns: 422). */
const SIZE_LIMITS: ReadonlySet<LimitName> = new Set<LimitName>([
  'maxFileBytes',
  'maxEntryBytes',
  'maxUnzippedBytes',
  'maxCompressionRatio',
  'maxSharedStringBytes',
]);

export function isSizeLimit(name: LimitName): boolean {
  return SIZE_LIMITS.has(name);
}

/** `1,000,000` */
export function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** A byte count as a clerk reads it: `256 MB`, `1.5 MB`, `800 KB`, `512 字节` (`512 bytes`). */
export function sizeText(bytes: number, language: 'zh' | 'en' = 'zh'): string {
  if (bytes >= MiB) return `${grouped(Math.round((bytes / MiB) * 10) / 10)} MB`;
  if (bytes >= 1024) return `${grouped(Math.round((bytes / 1024) * 10) / 10)} KB`;
  return `${grouped(bytes)} ${language === 'zh' ? '字节' : 'bytes'}`;
}

/**
 * The limit as its message names it after 超过, Chinese and English: `行数上限（200,000 行）`; for the
 * unzipped sizes just ` 256 MB 上限`, the subject saying what was unzipped.
 */
export function limitText(name: LimitName, value: number): { zh: string; en: string } {
  switch (name) {
    case 'maxFileBytes':
      return { zh: `文件大小上限（${sizeText(value)}）`, en: `the ${sizeText(value, 'en')} file size limit` };
    case 'maxZipEntries':
      return {
        zh: `压缩包内文件数上限（${grouped(value)} 个）`,
        en: `the limit of ${grouped(value)} files in the zip`,
      };
    case 'maxEntryBytes':
      return {
        zh: ` ${sizeText(value)} 上限`,
        en: `the ${sizeText(value, 'en')} limit on one unzipped part`,
      };
    case 'maxUnzippedBytes':
      return {
        zh: ` ${sizeText(value)} 上限`,
        en: `the ${sizeText(value, 'en')} limit on the unzipped workbook`,
      };
    case 'maxCompressionRatio':
      return {
        zh: `压缩比上限（${grouped(value)} 倍，疑似压缩炸弹）`,
        en: `the ${grouped(value)}:1 compression ratio limit (a zip bomb?)`,
      };
    case 'maxRows':
      return { zh: `行数上限（${grouped(value)} 行）`, en: `the limit of ${grouped(value)} rows` };
    case 'maxColumns':
      return { zh: `列数上限（${grouped(value)} 列）`, en: `the limit of ${grouped(value)} columns` };
    case 'maxCells':
      return {
        zh: `单元格总数上限（${grouped(value)} 个）`,
        en: `the limit of ${grouped(value)} cells`,
      };
    case 'maxCellChars':
      return {
        zh: `单元格字符数上限（${grouped(value)} 字符）`,
        en: `the limit of ${grouped(value)} characters in a cell`,
      };
    case 'maxSharedStrings':
      return {
        zh: `共享字符串个数上限（${grouped(value)} 个）`,
        en: `the limit of ${grouped(value)} shared strings`,
      };
    case 'maxSharedStringBytes':
      return {
        zh: `共享字符串总大小上限（${sizeText(value)}）`,
        en: `the ${sizeText(value, 'en')} limit on shared strings`,
      };
    case 'maxIssuesPerKind':
      return {
        zh: `每类问题列出 ${grouped(value)} 条的上限`,
        en: `the limit of ${grouped(value)} issues listed per kind`,
      };
  }
}
