import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, listing, mujun, SAMPLE, tempDirectory } from './support/mujun.js';
import type { Run } from './support/mujun.js';
import { readWorkbook, records, rowTexts, sheetNamed } from './support/xlsx.js';

const FILES = [
  '一企一单.html',
  '低效企业筛选.xlsx',
  '公示名单.html',
  '公示名单.xlsx',
  '用地面积公示.xlsx',
  '评价汇总.html',
  '评价汇总.xlsx',
];

/** Every text of a workbook, for "it says nothing about X" checks. */
function allTexts(workbook: ExcelJS.Workbook): string[] {
  const texts: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => texts.push(cell.text));
    });
  }
  return texts;
}

describe('mujun publish on the sample', () => {
  let dir: Awaited<ReturnType<typeof tempDirectory>>;
  let out: string;
  let run: Run;

  beforeAll(async () => {
    dir = await tempDirectory();
    out = join(dir.path, '2025-公示');
    const previous = join(dir.path, 'previous.json');
    // Last year's result: the sample's own result with two classes changed, and one enterprise gone.
    const graded = await mujun('grade', '--input', SAMPLE, '--out', previous);
    expect(graded.code, graded.stderr).toBe(0);
    const report = JSON.parse(await readFile(previous, 'utf8')) as {
      enterprises: { uscc: string; name: string; finalClass: string | null }[];
    };
    const [first, second] = report.enterprises;
    if (first === undefined || second === undefined) throw new Error('the sample has no enterprises');
    // The two best 规上 enterprises: neither is C or D this year.
    first.finalClass = 'C';
    second.finalClass = 'D';
    report.enterprises.push({ ...second, uscc: '91330100000000099X', name: '已注销企业' });
    await writeFile(previous, JSON.stringify(report));
    run = await mujun(
      'publish',
      '--input',
      SAMPLE,
      '--previous',
      previous,
      '--low-threshold',
      '1.5',
      '--year',
      '2025',
      '--issuer',
      '黄岩区经济和信息化局',
      '--contact',
      '0576-84123456',
      '--url',
      'https://mujun.example.gov.cn/app/',
      '--out-dir',
      out,
    );
  });
  afterAll(() => dir.cleanup());

  it('exits 0 and writes exactly the seven documents', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(await listing(out)).toEqual(FILES);
    expect((await listing(dir.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('公示名单.xlsx lists names by class with no rank and no score', async () => {
    const workbook = await readWorkbook(join(out, '公示名单.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '公示说明',
      '规上工业企业',
      '规下工业企业',
      '附件1 暂不评价企业',
      '附件2 保护性政策企业',
    ]);
    const above = sheetNamed(workbook, '规上工业企业');
    expect(rowTexts(above, 1)[0]).toContain('排名不分先后');
    expect(rowTexts(above, 2)).toEqual(['序号', '企业名称', '统一社会信用代码', '所属乡镇街道', '评价类别']);
    const texts = allTexts(workbook);
    for (const word of ['排名', '得分', '总分', '分数', '名次']) {
      expect(texts.filter((text) => text.includes(word) && !text.includes('排名不分先后'))).toEqual([]);
    }
    // The only numbers are the 序号 (1, 2, …) within each class.
    workbook.eachSheet((sheet) => {
      sheet.eachRow((row, number) => {
        row.eachCell((cell, column) => {
          if (typeof cell.value === 'number') {
            expect(column).toBe(1);
            expect(number).toBeGreaterThan(2);
          }
        });
      });
    });
    // 20 rated 规上 enterprises, each once, under class group rows.
    const names = records(above, 2).filter((row) => typeof row.get('序号')?.value === 'number');
    expect(names).toHaveLength(20);
    expect(new Set(names.map((row) => row.get('评价类别')?.text.slice(0, 1)))).toEqual(
      new Set(['A', 'B', 'C', 'D']),
    );
  });

  it('has the exempt appendix with reasons and the protected appendix with classes', async () => {
    const workbook = await readWorkbook(join(out, '公示名单.xlsx'));
    const exempt = records(sheetNamed(workbook, '附件1 暂不评价企业'), 2);
    expect(exempt.map((row) => [row.get('企业名称')?.text, row.get('暂不评价事由')?.text])).toEqual([
      // 排名不分先后: in 拼音 order, 黄 (huáng) before 台 (tái).
      ['黄岩远航模塑厂', '2025年整体搬迁，停产'],
      ['台州新锐塑料有限公司', '企业破产重整中'],
    ]);
    const protectedRows = records(sheetNamed(workbook, '附件2 保护性政策企业'), 2);
    expect(protectedRows.map((row) => [row.get('企业名称')?.text, row.get('保护事由')?.text])).toEqual([
      ['台州宏远五金制品有限公司', '重大项目建设期（二期厂房在建）'],
    ]);
    expect(protectedRows[0]?.get('评价类别')?.text).toMatch(/^C 类/);
  });

  it('公示名单.html names every rated and exempt enterprise and shows no score', async () => {
    const page = await readFile(join(out, '公示名单.html'), 'utf8');
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('排名不分先后');
    expect(page).toContain('台州鼎盛化学原料药有限公司');
    expect(page).toContain('企业破产重整中');
    expect(page).not.toMatch(/得分|总分|名次/);
    // The notice: the year, who issues it, how to reach them, and where to object online (not 书面).
    expect(page).toContain('<h1>2025年度工业企业亩均效益综合评价结果公示名单</h1>');
    expect(page).toContain('发布单位：黄岩区经济和信息化局');
    expect(page).toContain('联系方式：0576-84123456');
    expect(page).toContain('请登录 https://mujun.example.gov.cn/app/ 在线提出异议申诉');
    expect(page).not.toMatch(/书面|undefined/);
  });

  it('评价汇总.xlsx has counts and shares as numbers, the aggregates and the year-over-year sheets', async () => {
    const workbook = await readWorkbook(join(out, '评价汇总.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '类别分布-评价组',
      '类别分布-乡镇街道',
      '类别分布-园区',
      '类别分布-行业',
      '指标汇总-评价组',
      '指标汇总-乡镇街道',
      '指标汇总-行业',
      '亩均税收分布',
      '同比变化',
      '类别变动矩阵',
      '本年新增企业',
      '上年有本年无企业',
    ]);
    const cohorts = records(sheetNamed(workbook, '类别分布-评价组'));
    const above = cohorts[0];
    expect(above?.get('评价组')?.text).toBe('规上工业企业');
    expect(above?.get('参评企业(家)')?.value).toBe(20);
    const count = above?.get('A类(家)')?.value;
    const share = above?.get('A类占比');
    expect(share?.numFmt).toBe('0.00%');
    expect(typeof share?.value).toBe('number');
    // The share is the count over the cohort's rated, rounded half-up to 0.01%.
    expect(share?.value).toBeCloseTo(Number(count) / 20, 4);
    expect(cohorts.at(-1)?.get('评价组')?.text).toBe('合计');
    // Industries are grouped by GB/T 4754 大类 with their names.
    const industries = records(sheetNamed(workbook, '类别分布-行业')).map(
      (row) => row.get('行业（国民经济行业大类）')?.text,
    );
    expect(industries).toContain('C36 汽车制造业');
    expect(industries).toContain('C29 橡胶和塑料制品业');
    // The cohort aggregate of 亩均税收 is the cohort's benchmark (aggregate ratio).
    const aggregate = records(sheetNamed(workbook, '指标汇总-评价组'))[0]?.get('亩均税收(万元/亩)');
    expect(aggregate?.numFmt).toBe('0.0000');
    expect(aggregate?.value).toBe(25.6696);
  });

  it('counts the class moves against last year', async () => {
    const workbook = await readWorkbook(join(out, '评价汇总.xlsx'));
    const changes = records(sheetNamed(workbook, '同比变化'));
    expect(changes).toHaveLength(31);
    const moved = changes.filter((row) => row.get('上年类别')?.text !== row.get('本年类别')?.text);
    expect(moved).toHaveLength(2);
    const unchanged = changes.find(
      (row) => row.get('类别变动')?.text === '不变' && row.get('增减(万元/亩)')?.text !== '',
    );
    expect(unchanged?.get('增减(万元/亩)')?.value).toBe(0);
    expect(records(sheetNamed(workbook, '上年有本年无企业')).map((row) => row.get('企业名称')?.text)).toEqual(
      ['已注销企业'],
    );
  });

  it('用地面积公示.xlsx lists all 31 enterprises with their land in 亩, exempt and out of scope included', async () => {
    const workbook = await readWorkbook(join(out, '用地面积公示.xlsx'));
    const rows = records(sheetNamed(workbook, '用地面积公示'), 2);
    const listed = rows.filter((row) => typeof row.get('序号')?.value === 'number');
    expect(listed).toHaveLength(31);
    const workshop = listed.find((row) => row.get('企业名称')?.text === '黄岩顺发包装厂');
    expect(workshop?.get('用地面积(亩)')?.value).toBe(2.6);
    expect(rows.at(-1)?.get('企业名称')?.text).toBe('合计（31 家）');
    // Σ of the sample's 31 land areas, exact: 926.6 rated + 24 + 5 exempt + 2.6 out of scope.
    expect(rows.at(-1)?.get('用地面积(亩)')?.value).toBe(958.2);
  });

  it('低效企业筛选.xlsx lists the rated below the threshold, by town', async () => {
    const workbook = await readWorkbook(join(out, '低效企业筛选.xlsx'));
    const sheet = sheetNamed(workbook, '低效企业筛选');
    expect(rowTexts(sheet, 1)[0]).toContain('低于 1.5 万元/亩');
    const listed = records(sheet, 2).filter((row) => typeof row.get('序号')?.value === 'number');
    expect(listed.length).toBeGreaterThan(0);
    for (const row of listed) {
      const value = row.get('亩均税收(万元/亩)');
      expect(value?.numFmt).toBe('0.0000');
      expect(Number(value?.value)).toBeLessThan(1.5);
    }
  });
});

describe('mujun publish with bad input', () => {
  let dir: Awaited<ReturnType<typeof tempDirectory>>;
  beforeAll(async () => {
    dir = await tempDirectory();
  });
  afterAll(() => dir.cleanup());

  it('lists every bad cell, exits 2 and creates nothing', async () => {
    const file = `${FIXTURES}/grade-bad-cells.csv`;
    const run = await mujun('publish', '--input', file, '--out-dir', join(dir.path, 'out'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('第 4 行');
    expect(run.stderr).toContain('「企业规模」(scale)');
    expect(await listing(dir.path)).toEqual([]);
  });

  it('leaves an existing output directory as it was', async () => {
    const existing = join(dir.path, 'existing');
    await mujun('publish', '--input', SAMPLE, '--out-dir', existing);
    const before = await readFile(join(existing, '公示名单.html'), 'utf8');
    const run = await mujun('publish', '--input', `${FIXTURES}/grade-bad-cells.csv`, '--out-dir', existing);
    expect(run.code).toBe(2);
    expect(await listing(existing)).toEqual(FILES);
    expect(await readFile(join(existing, '公示名单.html'), 'utf8')).toBe(before);
  });

  it('refuses a bad threshold or a previous file that is not a grade result, before any work', async () => {
    const threshold = await mujun(
      'publish',
      '--input',
      SAMPLE,
      '--low-threshold',
      '1万',
      '--out-dir',
      join(dir.path, 'a'),
    );
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain('--low-threshold');
    const bogus = join(dir.path, 'bogus.json');
    await writeFile(bogus, '{"enterprises": [{"uscc": 1}]}');
    const previous = await mujun(
      'publish',
      '--input',
      SAMPLE,
      '--previous',
      bogus,
      '--out-dir',
      join(dir.path, 'b'),
    );
    expect(previous.code).toBe(2);
    expect(previous.stderr).toContain('#/enterprises/0/uscc');
    expect((await listing(dir.path)).filter((name) => name === 'a' || name === 'b')).toEqual([]);
  });
});
