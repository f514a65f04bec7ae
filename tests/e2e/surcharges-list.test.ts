import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './support/csv.js';
import { listing, mujun, tempDirectory } from './support/mujun.js';
import type { Run } from './support/mujun.js';
import { readWorkbook, records, rowTexts, sheetNamed } from './support/xlsx.js';
import { SURCHARGE_LIST_HEADERS } from '../support/surcharge-list.js';

/**
 * `mujun surcharges` on a small readable county (tests/fixtures/surcharges): eight 规下 enterprises of
 * 2025, four of them under the 亩均税收 floor (D), one exempt; their class history; and the 2024 list.
 *
 *   台州远东铸造厂 …0015  D 2023, 2024, 2025 → 3rd year; two power accounts
 *   黄岩新华纸品厂 …0028  D 2024, 2025 → 2nd year; already pays 0.50 元/kWh
 *   黄岩兴达塑料厂 …003B  D 2023, gap in 2024, D 2025 → 1st year; already pays 0.10
 *   台州明光五金厂 …004E  D 2023, T 2024, D 2025 → 1st year; no power account
 *   黄岩永丰包装厂 …005H  D 2024, B 2025 → off the list
 */
const FIXTURES = 'tests/fixtures/surcharges';
const DATA = `${FIXTURES}/data-2025.csv`;
const HISTORY = `${FIXTURES}/history.csv`;
const PREVIOUS = `${FIXTURES}/list-2024.csv`;

let dir: Awaited<ReturnType<typeof tempDirectory>>;
beforeAll(async () => {
  dir = await tempDirectory();
});
afterAll(() => dir.cleanup());

function surcharges(out: string, ...extra: string[]): Promise<Run> {
  return mujun(
    'surcharges',
    '--input',
    DATA,
    '--year',
    '2025',
    '--history',
    HISTORY,
    '--published',
    '2026-03-15',
    '--doc-no',
    '黄经信〔2026〕12号',
    '--out',
    join(dir.path, out),
    ...extra,
  );
}

describe('mujun surcharges --out list.csv (reference)', () => {
  let run: Run;
  let rows: string[][];
  let text: string;

  beforeAll(async () => {
    run = await surcharges('list.csv', '--previous', PREVIOUS);
    text = await readFile(join(dir.path, 'list.csv'), 'utf8');
    rows = readCsv(text.replace(/^\uFEFF/, '')).filter((row) => row.some((cell) => cell !== ''));
  });

  it('exits 0, says what it wrote, and warns about the enterprise without a power account', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('4 家企业、5 行，执行期 2026-04-01 至 2027-03-31');
    expect(run.stdout).toContain('新增 2、移出 1、加价变化 2 个户号');
    expect(run.stderr).toContain('台州明光五金厂（91331003MA2FTC004E）应执行差别化电价，但未提供电力户号');
  });

  it('is UTF-8 with a BOM, with the §10 headers and 备注', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(rows[0]).toEqual(SURCHARGE_LIST_HEADERS);
  });

  it('has one row per power account, priced by consecutive D years, with no stacking', () => {
    const pick = (row: string[]) => [row[0]?.slice(-4), row[2], row[7], row[8], row[9], row[10], row[11]];
    expect(rows.slice(1).map(pick)).toEqual([
      ['0015', '3310040070001', '3', '0.40', '2026-04-01', '2027-03-31', '黄经信〔2026〕12号'],
      ['0015', '3310040070002', '3', '0.40', '2026-04-01', '2027-03-31', '黄经信〔2026〕12号'],
      ['0028', '3310040070011', '2', '0.50', '2026-04-01', '2027-03-31', '黄经信〔2026〕12号'],
      ['003B', '3310040070021', '1', '0.30', '2026-04-01', '2027-03-31', '黄经信〔2026〕12号'],
      ['004E', '', '1', '0.30', '2026-04-01', '2027-03-31', '黄经信〔2026〕12号'],
    ]);
    expect(rows[3]?.[12]).toBe(
      '已执行其他加价 0.50 元/kWh，高于本次差别化电价 0.30 元/kWh，按较高的 0.50 元/kWh 执行，不叠加',
    );
    expect(rows[4]?.[12]).toContain('按本次差别化电价 0.30 元/kWh 执行，不叠加');
    expect(rows[5]?.[12]).toBe('未提供电力户号，请供电企业核实户号后执行');
    expect(rows[1]?.slice(1, 7)).toEqual([
      '台州远东铸造厂',
      '3310040070001',
      '黑色金属铸造',
      '院桥镇',
      '2025',
      'D',
    ]);
  });
});

describe('mujun surcharges --scheme shandong-2022', () => {
  it('prices 0.05 / 0.10 / 0.15 by year, the higher of an existing surcharge, from January after a December publication', async () => {
    const run = await mujun(
      'surcharges',
      '--input',
      DATA,
      '--scheme',
      'shandong-2022',
      '--year',
      '2025',
      '--history',
      HISTORY,
      '--published',
      '2026-12-15',
      '--doc-no',
      '鲁经信〔2026〕5号',
      '--out',
      join(dir.path, 'shandong.csv'),
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = readCsv((await readFile(join(dir.path, 'shandong.csv'), 'utf8')).replace(/^\uFEFF/, ''));
    expect(rows.slice(1, 6).map((row) => [row[0]?.slice(-4), row[7], row[8], row[9], row[10]])).toEqual([
      ['0015', '3', '0.15', '2027-01-01', '2027-12-31'],
      ['0015', '3', '0.15', '2027-01-01', '2027-12-31'],
      ['0028', '2', '0.50', '2027-01-01', '2027-12-31'],
      ['003B', '1', '0.10', '2027-01-01', '2027-12-31'],
      ['004E', '1', '0.05', '2027-01-01', '2027-12-31'],
    ]);
    expect(rows[4]?.[12]).toBe(
      '已执行其他加价 0.10 元/kWh，高于本次差别化电价 0.05 元/kWh，按较高的 0.10 元/kWh 执行，不叠加',
    );
  });
});

describe('mujun surcharges --out list.xlsx', () => {
  it('writes the list with numbers as numbers, then the new industries, the diff and the notes', async () => {
    const run = await surcharges('list.xlsx', '--previous', PREVIOUS);
    expect(run.code, run.stderr).toBe(0);
    const workbook = await readWorkbook(join(dir.path, 'list.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '差别化电价执行清单',
      '新纳入加价行业',
      '与上年清单对比',
      '说明',
    ]);
    const list = sheetNamed(workbook, '差别化电价执行清单');
    expect(rowTexts(list, 1)).toEqual(SURCHARGE_LIST_HEADERS);
    const cells = records(list);
    expect(cells).toHaveLength(5);
    const first = cells[0];
    expect(first?.get('加价标准(元/kWh)')?.value).toBe(0.4);
    expect(first?.get('加价标准(元/kWh)')?.numFmt).toBe('0.00');
    expect(first?.get('评价年度')?.value).toBe(2025);
    expect(first?.get('连续D类年数')?.value).toBe(3);
    expect(first?.get('电力户号')?.value).toBe('3310040070001');
    expect(first?.get('执行起始日期')?.value).toBe('2026-04-01');

    const diff = sheetNamed(workbook, '与上年清单对比');
    const changes: unknown[][] = [];
    diff.eachRow((row, n) => {
      if (n > 2) changes.push(Array.from((row.values as unknown[]).slice(1, 7), (value) => value ?? ''));
    });
    // Prices are numbers (the text "0.30" is the cell's 0.00 format); 黄岩新华纸品厂 stays at 0.50.
    expect(changes).toEqual([
      ['新增', '91331003MA2FTC003B', '黄岩兴达塑料厂', '3310040070021', '', 0.3],
      ['新增', '91331003MA2FTC004E', '台州明光五金厂', '', '', 0.3],
      ['移出', '91331003MA2FTC005H', '黄岩永丰包装厂', '3310040070041', 0.3],
      ['加价变化', '91331003MA2FTC0015', '台州远东铸造厂', '3310040070001', 0.3, 0.4],
      ['加价变化', '91331003MA2FTC0015', '台州远东铸造厂', '3310040070002', 0.3, 0.4],
      ['未变化 1 行'],
    ]);
    const fresh = sheetNamed(workbook, '新纳入加价行业');
    expect(rowTexts(fresh, 3)).toEqual(['C29 橡胶和塑料制品业（1 家，0.30 元/kWh）']);
    expect(rowTexts(fresh, 5)).toEqual(['C33 金属制品业（1 家，0.30 元/kWh）']);
  });
});

describe('mujun surcharges --out list.html', () => {
  it('writes the publication page: tiers, list, new industries with prices, diff', async () => {
    const run = await surcharges('list.html', '--previous', PREVIOUS);
    expect(run.code, run.stderr).toBe(0);
    const page = await readFile(join(dir.path, 'list.html'), 'utf8');
    expect(page).toContain('<title>2025 年度工业企业差别化电价执行名单</title>');
    expect(page).toContain('连续第 1 年起 0.30 元/kWh；连续第 3 年起 0.40 元/kWh');
    expect(page).toContain('<th scope="row">C29 橡胶和塑料制品业</th>');
    expect(page).toContain('<th scope="row">C33 金属制品业</th>');
    expect(page).toContain('新增 2、移出 1、加价变化 2、未变化 1 个电力户号');
    expect(page).toContain('黄岩永丰包装厂');
  });

  it('left no temporary file behind', async () => {
    expect((await listing(dir.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
