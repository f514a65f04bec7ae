import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from './support/csv.js';
import { listing, mujun, SAMPLE, tempDirectory } from './support/mujun.js';
import type { Run } from './support/mujun.js';

const REFERENCE_HEADER = [
  '统一社会信用代码',
  '企业名称',
  '企业规模',
  '所属乡镇街道',
  '行业代码',
  '评价状态',
  '评价组',
  '亩均税收',
  '亩均税收得分',
  '亩均增加值',
  '亩均增加值得分',
  '全员劳动生产率',
  '全员劳动生产率得分',
  '单位能耗增加值',
  '单位能耗增加值得分',
  '单位排放增加值',
  '单位排放增加值得分',
  'R&D经费支出占营业收入比重',
  'R&D经费支出占营业收入比重得分',
  '单位电耗税收',
  '单位电耗税收得分',
  '加分',
  '减分',
  '总分',
  '排名',
  '分档类别',
  '最终类别',
  '类别名称',
  '调整原因',
];

describe('mujun grade on the sample, CSV out for Excel', () => {
  let dir: Awaited<ReturnType<typeof tempDirectory>>;
  let run: Run;
  let bytes: Buffer;
  let rows: Record<string, string>[];

  beforeAll(async () => {
    dir = await tempDirectory();
    run = await mujun('grade', '--input', SAMPLE, '--out', join(dir.path, '结果.csv'));
    bytes = await readFile(join(dir.path, '结果.csv'));
    const [header = [], ...data] = readCsv(bytes.toString('utf8').slice(1));
    rows = data.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
  });
  afterAll(() => dir.cleanup());

  it('exits 0 and writes only the result file', async () => {
    expect(run.code).toBe(0);
    expect(await listing(dir.path)).toEqual(['结果.csv']);
  });

  it('starts with the UTF-8 BOM and ends every line with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has the Chinese headers: fixed columns, each indicator value and score once, then the classes', () => {
    const text = bytes.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(REFERENCE_HEADER.join(','));
  });

  it('writes one row per enterprise with statuses, classes and figures as decimal strings', () => {
    expect(rows.length).toBe(31);
    const statuses = rows.map((row) => row['评价状态']);
    expect(new Set(statuses)).toEqual(new Set(['参评', '暂不评价', '不纳入评价']));
    for (const row of rows) {
      expect(['规上', '规下']).toContain(row['企业规模']);
      if (row['评价状态'] === '参评') {
        expect(row['亩均税收']).toMatch(/^-?\d+\.\d{4}$/);
        expect(row['亩均税收得分']).toMatch(/^-?\d+\.\d{2}$/);
        expect(row['总分']).toMatch(/^-?\d+\.\d{2}$/);
        expect(row['排名']).toMatch(/^[1-9]\d*$/);
        expect(['A', 'B', 'C', 'D']).toContain(row['最终类别']);
        expect(['规上工业企业', '规下工业企业']).toContain(row['评价组']);
      } else {
        expect(row['评价组']).toBe('');
        expect(row['总分']).toBe('');
        expect(row['排名']).toBe('');
        expect(row['最终类别']).toBe(row['评价状态'] === '暂不评价' ? 'T' : '');
      }
    }
  });

  it('leaves a cohort’s missing indicators empty and explains overrides in 调整原因', () => {
    const below = rows.find((row) => row['评价组'] === '规下工业企业');
    expect(below?.['亩均增加值']).toBe('');
    expect(below?.['亩均增加值得分']).toBe('');
    expect(below?.['单位电耗税收']).toMatch(/^\d+\.\d{4}$/);
    const vetoed = rows.find((row) => row['调整原因']?.includes('一票否决'));
    expect(vetoed).toBeDefined();
    expect(vetoed?.['最终类别']).toBe('C');
  });
});
