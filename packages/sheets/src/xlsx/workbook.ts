import { SheetLimitError } from '../errors.js';
import { grouped } from '../limits.js';
import type { ReadLimits } from '../limits.js';
import { isDateFormat } from './cell-text.js';
import { readPart } from './xml.js';
import { invalidXlsx } from './zip.js';
import type { XlsxZip } from './zip.js';

/** A sheet as the workbook lists it, in tab order. */
export interface SheetEntry {
  readonly name: string;
  /** `visible`, `hidden` or `veryHidden`. */
  readonly state: string;
  /** Its part in the zip (`xl/worksheets/sheet1.xml`); undefined for a chart sheet or a dangling reference. */
  readonly part: string | undefined;
}

/** What a sheet's cells need from the rest of the workbook. */
export interface WorkbookParts {
  readonly sheets: readonly SheetEntry[];
  readonly date1904: boolean;
  /** The parts of the shared strings and the styles, when the workbook has them. */
  readonly sharedStrings: string | undefined;
  readonly styles: string | undefined;
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** A relationship's target as a part name: relative to the source part's folder, or absolute from the root. */
function resolveTarget(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${base}${target}`;
  const parts: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(segment);
  }
  return parts.join('/');
}

function folderOf(part: string): string {
  return part.slice(0, part.lastIndexOf('/') + 1);
}

function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A part's relationships by id (`rId3` → its type and target part), none when it has no .rels part. */
async function relationships(zip: XlsxZip, file: string, part: string, limits: ReadLimits) {
  const rels = new Map<string, Relationship>();
  const relsPart = relsPartOf(part);
  if (!zip.has(relsPart)) return rels;
  const base = folderOf(part);
  await readPart(
    zip.text(relsPart),
    file,
    relsPart,
    {
      open(name, attributes) {
        const id = attributes['Id'];
        const target = attributes['Target'];
        if (name !== 'Relationship' || id === undefined || target === undefined) return;
        if (attributes['TargetMode'] === 'External') return;
        rels.set(id, { type: attributes['Type'] ?? '', target: resolveTarget(base, target) });
      },
      close() {},
    },
    limits,
  );
  return rels;
}

const isType = (relationship: Relationship, type: string) => relationship.type.endsWith(`/${type}`);

/** The sheet reference's `r:id`, whatever the prefix of the relationships namespace is. */
function relationshipId(attributes: Readonly<Record<string, string>>): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.endsWith(':id')) return value;
  }
  return undefined;
}

/**
 * Finds the workbook part (through the package's relationships, else `xl/workbook.xml`) and reads its sheet
 * list, its date system and where its shared strings and styles are.
 */
export async function workbookParts(zip: XlsxZip, file: string, limits: ReadLimits): Promise<WorkbookParts> {
  const root = await relationships(zip, file, '', limits);
  const office = [...root.values()].find((rel) => isType(rel, 'officeDocument'));
  const workbook = office !== undefined && zip.has(office.target) ? office.target : 'xl/workbook.xml';
  if (!zip.has(workbook)) throw invalidXlsx(file, 'no workbook part (xl/workbook.xml)');
  const rels = await relationships(zip, file, workbook, limits);

  const sheets: SheetEntry[] = [];
  let date1904 = false;
  await readPart(
    zip.text(workbook),
    file,
    workbook,
    {
      open(name, attributes) {
        if (name === 'workbookPr') {
          const flag = attributes['date1904'];
          date1904 = flag === '1' || flag === 'true';
        } else if (name === 'sheet') {
          const id = relationshipId(attributes);
          const rel = id === undefined ? undefined : rels.get(id);
          const part =
            rel !== undefined && isType(rel, 'worksheet') && zip.has(rel.target) ? rel.target : undefined;
          sheets.push({ name: attributes['name'] ?? '', state: attributes['state'] ?? 'visible', part });
          if (sheets.length > limits.maxZipEntries) {
            throw new SheetLimitError(file, 'maxZipEntries', limits.maxZipEntries, {
              zh: '的工作表数',
              en: 'the number of sheets',
            });
          }
        }
      },
      close() {},
    },
    limits,
  );
  const partOf = (type: string) => {
    const rel = [...rels.values()].find((candidate) => isType(candidate, type));
    return rel !== undefined && zip.has(rel.target) ? rel.target : undefined;
  };
  return { sheets, date1904, sharedStrings: partOf('sharedStrings'), styles: partOf('styles') };
}

/** Built-in number formats that show a date or a time (ECMA-376 18.8.30; 27–36 and 50–58 in zh-CN). */
const DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

const MAX_STYLES = 65_536;

/** For each cell style (`s` of a cell), whether its number format shows a date. */
export async function dateStyles(
  zip: XlsxZip,
  file: string,
  part: string | undefined,
  limits: ReadLimits,
): Promise<readonly boolean[]> {
  if (part === undefined) return [];
  const formats = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  await readPart(
    zip.text(part),
    file,
    part,
    {
      open(name, attributes) {
        if (name === 'numFmt' && formats.size < MAX_STYLES) {
          formats.set(Number(attributes['numFmtId']), attributes['formatCode'] ?? '');
        } else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) {
          // Excel allows 64,000 cell styles; a cell of any style beyond these reads as a plain number.
          if (styleFormats.length < MAX_STYLES) styleFormats.push(Number(attributes['numFmtId'] ?? 0));
        }
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    },
    limits,
  );
  return styleFormats.map((id) => {
    const code = formats.get(id);
    return code === undefined ? DATE_FORMAT_IDS.has(id) : isDateFormat(code);
  });
}

/**
 * The shared-string table, held in memory while the sheet is read (cells refer to it by index): each
 * entry's text with its rich-text runs joined and its phonetic guides (`rPh`) left out. Its count, its size
 * and each entry's length are limited.
 */
export async function sharedStrings(
  zip: XlsxZip,
  file: string,
  part: string | undefined,
  limits: ReadLimits,
): Promise<readonly string[]> {
  if (part === undefined) return [];
  const strings: string[] = [];
  let bytes = 0;
  let current = '';
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  await readPart(
    zip.text(part),
    file,
    part,
    {
      open(name) {
        if (name === 'si') {
          inItem = true;
          current = '';
        } else if (name === 't') inText = inItem && phonetic === 0;
        else if (name === 'rPh') phonetic += 1;
      },
      text(text) {
        if (!inText) return;
        current += text;
        if (current.length > limits.maxCellChars) {
          throw new SheetLimitError(file, 'maxCellChars', limits.maxCellChars, {
            zh: `的第 ${grouped(strings.length + 1)} 条共享字符串`,
            en: `shared string ${strings.length + 1}`,
          });
        }
      },
      close(name) {
        if (name === 't') inText = false;
        else if (name === 'rPh') phonetic -= 1;
        else if (name === 'si') {
          inItem = false;
          strings.push(current);
          bytes += Buffer.byteLength(current);
          if (strings.length > limits.maxSharedStrings) {
            throw new SheetLimitError(file, 'maxSharedStrings', limits.maxSharedStrings, {
              zh: '',
              en: 'the shared-string table',
            });
          }
          if (bytes > limits.maxSharedStringBytes) {
            throw new SheetLimitError(file, 'maxSharedStringBytes', limits.maxSharedStringBytes, {
              zh: '',
              en: 'the shared-string table',
            });
          }
        }
      },
    },
    limits,
  );
  return strings;
}
