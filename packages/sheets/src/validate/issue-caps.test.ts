import { describe, expect, it } from 'vitest';
import { invalidRowsCsv, repeatedCsv } from '../../bench/hostile-files.js';
import { SheetLimitError } from '../errors.js';
import { mergeTables } from '../merge/merge.js';
import { readTable } from '../read-table.js';
import { validateTables } from './validate.js';

const A = '91331003MA209HKA5H';

describe('issue lists capped per kind', () => {
  it('reports 50,000 rows of one code with a thousand bounded messages and a count of the rest', async () => {
    const started = performance.now();
    const table = await readTable(Buffer.from(repeatedCsv(50_000, `${A},恒力,规上,10,5`)), {
      file: 'dup.csv',
    });
    const merged = mergeTables([table]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(merged.issues).toHaveLength(1_001);
    const [first] = merged.issues;
    expect(first).toMatchObject({ file: 'dup.csv', row: 2, column: 'uscc', value: A, cell: 'A2' });
    expect(first?.reason).toBe(
      `统一社会信用代码 ${A} 与本文件第 3、4、5、6、7、8、9、10、11、12 行重复，另有 49,989 行使用同一代码 ` +
        '(duplicate code, also in row(s) 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 of this file and 49,989 more row(s))',
    );
    expect(merged.issues.every((issue) => issue.reason.length < 300)).toBe(true);
    expect(merged.issues.at(-1)).toMatchObject({
      row: 1_002,
      value: '',
      reason: expect.stringContaining(
        '另有 49,000 行的统一社会信用代码与本文件其他行重复，未逐条列出',
      ) as unknown,
    });
  });

  it('lists a limited number of each kind when asked, in validation too', async () => {
    const table = await readTable(invalidRowsCsv(50_000), { file: 'bad.csv' });
    const { issues } = validateTables([table], { maxIssuesPerKind: 10 });
    // The bad cells of each column (code, scale, land, tax): 10 each and a count of the rest.
    expect(issues).toHaveLength(4 * 11);
    expect(JSON.stringify(issues).length).toBeLessThan(64 * 1024);
    const counts = issues.filter((issue) => issue.reason.startsWith('另有')).map((issue) => issue.reason);
    expect(counts).toHaveLength(4);
    expect(counts).toContainEqual(expect.stringContaining('另有 49,990 处「企业规模」列的问题未逐条列出'));
    expect(issues.find((issue) => issue.reason.startsWith('另有'))).toMatchObject({
      file: 'bad.csv',
      row: 12,
    });
  });

  it('stops 2,000,000 invalid rows at the row limit before validating any', async () => {
    const bytes = invalidRowsCsv(2_000_000);
    const started = performance.now();
    const refused = await readTable(bytes, { file: 'big.csv' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SheetLimitError);
    expect(refused).toMatchObject({ limit: 'maxRows', value: 200_000 });
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('keeps 20,000 invalid rows to a thousand issues per column', async () => {
    const table = await readTable(invalidRowsCsv(20_000), { file: 'big.csv' });
    const { issues, records } = validateTables([table]);
    expect(records).toEqual([]);
    expect(issues).toHaveLength(4 * 1_001);
    expect(issues.filter((issue) => issue.reason.startsWith('另有 19,000 处'))).toHaveLength(4);
  });

  it('lists 合计 rows up to the limit and counts the rest', async () => {
    const csv = `统一社会信用代码,企业名称\n${A},恒力\n${'合计,\n'.repeat(30)}`;
    const table = await readTable(Buffer.from(csv), { file: 't.csv', limits: { maxIssuesPerKind: 5 } });
    expect(table.warnings).toHaveLength(6);
    expect(table.warnings.at(-1)?.message).toContain('另有 25 个合计行（自第 8 行起）未逐条列出');
  });
});
