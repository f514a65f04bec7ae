import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listing, mujun, SAMPLE, tempDirectory } from './support/mujun.js';
import type { Run } from './support/mujun.js';
import { readWorkbook, records, rowTexts, sheetNamed } from './support/xlsx.js';

interface JsonIndicator {
  readonly label: string;
  readonly value: string | null;
  readonly benchmark: string | null;
  readonly score: string;
}
interface JsonEnterprise {
  readonly uscc: string;
  readonly status: string;
  readonly cohort: string | null;
  readonly rank: number | null;
  readonly totalScore: string | null;
  readonly finalClass: string | null;
  readonly indicators: Readonly<Record<string, JsonIndicator>>;
}

describe('mujun grade on the sample, XLSX out', () => {
  let dir: Awaited<ReturnType<typeof tempDirectory>>;
  let run: Run;
  let workbook: ExcelJS.Workbook;
  let json: { enterprises: JsonEnterprise[] };

  beforeAll(async () => {
    dir = await tempDirectory();
    const [xlsxRun] = await Promise.all([
      mujun('grade', '--input', SAMPLE, '--out', join(dir.path, '结果.xlsx')),
      mujun('grade', '--input', SAMPLE, '--out', join(dir.path, 'result.json')),
    ]);
    run = xlsxRun;
    workbook = await readWorkbook(join(dir.path, '结果.xlsx'));
    json = JSON.parse(await readFile(join(dir.path, 'result.json'), 'utf8')) as typeof json;
  });
  afterAll(() => dir.cleanup());

  it('exits 0 and writes only the workbook (no temporary file left)', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('结果.xlsx');
    expect(await listing(dir.path)).toEqual(['result.json', '结果.xlsx']);
  });

  it('has one sheet per cohort, then the enterprises not rated', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '规上工业企业',
      '规下工业企业',
      '暂不评价及不纳入评价',
    ]);
    expect(sheetNamed(workbook, '规上工业企业').rowCount).toBe(1 + 20);
    expect(sheetNamed(workbook, '规下工业企业').rowCount).toBe(1 + 8);
    expect(sheetNamed(workbook, '暂不评价及不纳入评价').rowCount).toBe(1 + 3);
  });

  it('has Chinese headers with each indicator’s value, benchmark and score, and a frozen header row', () => {
    const sheet = sheetNamed(workbook, '规下工业企业');
    expect(rowTexts(sheet, 1)).toEqual([
      '排名',
      '统一社会信用代码',
      '企业名称',
      '所属乡镇街道',
      '行业代码',
      '行业名称',
      '亩均税收(万元/亩)',
      '亩均税收基准值',
      '亩均税收得分',
      '单位电耗税收(元/kWh)',
      '单位电耗税收基准值',
      '单位电耗税收得分',
      '加分',
      '加分事项',
      '减分',
      '减分事项',
      '总分',
      '分档类别',
      '最终类别',
      '类别名称',
      '调整原因',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThan(20);
  });

  it('writes figures as numeric cells formatted to the method’s decimals, equal to the JSON’s figures', () => {
    const byCode = new Map(json.enterprises.map((enterprise) => [enterprise.uscc, enterprise]));
    let checked = 0;
    for (const name of ['规上工业企业', '规下工业企业']) {
      for (const row of records(sheetNamed(workbook, name))) {
        const code = row.get('统一社会信用代码')?.text ?? '';
        const expected = byCode.get(code);
        expect(expected?.status).toBe('rated');
        const rank = row.get('排名');
        expect(rank?.value).toBe(expected?.rank);
        const total = row.get('总分');
        expect(typeof total?.value).toBe('number');
        expect(total?.numFmt).toBe('0.00');
        // The cell shows exactly the library's decimal string.
        expect(total?.value).toBe(Number(expected?.totalScore));
        const tax = row.get('亩均税收(万元/亩)');
        expect(tax?.numFmt).toBe('0.0000');
        expect(tax?.value).toBe(Number(expected?.indicators['taxPerMu']?.value));
        expect(row.get('亩均税收基准值')?.value).toBe(Number(expected?.indicators['taxPerMu']?.benchmark));
        expect(row.get('亩均税收得分')?.numFmt).toBe('0.00');
        expect(row.get('最终类别')?.text).toBe(expected?.finalClass);
        checked++;
      }
    }
    expect(checked).toBe(28);
  });

  it('marks an indicator that does not apply, and still gives its (mean) score as a number', () => {
    const rows = records(sheetNamed(workbook, '规上工业企业'));
    const without = rows.find((row) => row.get('单位排放增加值(万元/吨)')?.text === '不适用');
    expect(without).toBeDefined();
    expect(typeof without?.get('单位排放增加值得分')?.value).toBe('number');
  });

  it('gives the override reasons', () => {
    const reasons = records(sheetNamed(workbook, '规上工业企业')).map(
      (row) => row.get('调整原因')?.text ?? '',
    );
    expect(reasons.some((text) => text.includes('一票否决'))).toBe(true);
    expect(reasons.some((text) => text.includes('提档'))).toBe(true);
  });

  it('lists the exempt and out-of-scope enterprises with the reason', () => {
    const rows = records(sheetNamed(workbook, '暂不评价及不纳入评价'));
    expect(rows.map((row) => row.get('评价状态')?.text)).toEqual(['暂不评价', '暂不评价', '不纳入评价']);
    expect(rows[0]?.get('类别')?.text).toBe('T');
    expect(rows.some((row) => row.get('原因')?.text.includes('企业破产重整中'))).toBe(true);
    expect(rows[2]?.get('原因')?.text).toContain('3 亩');
  });
});
