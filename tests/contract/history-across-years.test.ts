import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { finalizedEvaluation } from './support/years.js';

/**
 * History across years through the API: the county of tests/fixtures/surcharges finalized for 2023, 2024
 * and 2025 (classes as tests/fixtures/surcharges/history.csv and the 2025 grading say), and 2022 imported
 * from the county's own spreadsheet (tests/fixtures/history/past-2022.csv, the simple template with a
 * title row). 台州远东铸造厂 (…0015, 院桥镇) is D in all four years: a run of 4.
 */
const fixture = (dir: string, name: string) =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${dir}/${name}`, import.meta.url)));
const YUANDONG = '91331003MA2FTC0015';
const JINDA = '91331003MA2FTC006L';

async function finalEvaluation(
  h: Harness,
  file: string,
  year: string,
  publishedOn: string,
  finalizedAt: string,
) {
  return finalizedEvaluation(
    h,
    [{ name: file, bytes: fixture('surcharges', file) }],
    { year },
    publishedOn,
    finalizedAt,
  );
}

interface Year {
  year: number;
  source: string;
  finalClass: string | null;
  rank: number | null;
  rated: number | null;
  percentile: string | null;
  taxPerMu: string | null;
  indicators: { key: string; value: string | null }[];
}

describe('history across years', () => {
  let h: Harness;

  const importYear = (year: string, name: string, token = h.tokens.admin) => {
    const form = new FormData();
    form.append('data', new Blob([fixture('history', name)]), name);
    return fetch(`${h.base}/v1/history/years/${year}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };
  const get = (path: string, token: string) =>
    fetch(`${h.base}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    h = await startApi();
    await finalEvaluation(h, 'data-2023.csv', '2023', '2024-03-04', '2024-03-15T02:00:00.000Z');
    await finalEvaluation(h, 'data-2024.csv', '2024', '2025-03-03', '2025-03-15T02:00:00.000Z');
    await finalEvaluation(h, 'data-2025.csv', '2025', '2026-03-02', '2026-03-15T02:00:00.000Z');
  });
  afterAll(() => h.close());

  it('refuses a bad past-year file with every bad cell, and stores nothing', async () => {
    const response = await importYear('2022', 'past-2022-bad.csv');
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as {
      title: string;
      issues: { row: number; column: string; value: string; reason: string }[];
    };
    expect(problem.title).toBe('往年评价结果文件有误');
    const at = (row: number, column: string) =>
      problem.issues.find((i) => i.row === row && i.column === column);
    expect(at(2, 'class')?.value).toBe('E');
    expect(at(3, 'uscc')?.reason).toBeTruthy();
    expect(at(3, 'name')?.reason).toContain('必填');
    expect(at(3, 'year')?.value).toBe('2021');
    expect(at(3, 'total')?.value).toBe('四十');
    expect(at(3, 'rank')?.reason).toContain('参评企业数');
    const years = (await (await get('/v1/history/years', h.tokens.admin)).json()) as { data: unknown[] };
    expect(years.data).toEqual([]);
  });

  it('imports a past year from the template (title row above the header), audited', async () => {
    const response = await importYear('2022', 'past-2022.csv');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { year: number; enterprises: number };
    expect(body).toMatchObject({ year: 2022, enterprises: 8 });
    const again = await importYear('2022', 'past-2022.csv');
    expect(again.status).toBe(200);
    const audit = await h.api.call('get', '/v1/audit', {
      token: h.tokens.admin,
      query: { entity: 'past-year' },
    });
    if (audit.status !== 200) throw new Error(audit.text);
    expect(audit.body.data.map((entry) => entry.action).sort()).toEqual(['import', 'replace']);
    expect((await importYear('2022', 'past-2022.csv', h.tokens.town)).status).toBe(403);
  });

  it('gives an enterprise its four years, ranks as percentiles, and its run of D years', async () => {
    const response = await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.admin);
    expect(response.status).toBe(200);
    const history = (await response.json()) as { years: Year[]; streak: { class: string; years: number } };
    expect(history.years.map((y) => [y.year, y.source, y.finalClass])).toEqual([
      [2022, 'imported', 'D'],
      [2023, 'evaluation', 'D'],
      [2024, 'evaluation', 'D'],
      [2025, 'evaluation', 'D'],
    ]);
    expect(history.streak).toEqual({ class: 'D', years: 4 });
    expect(history.years[0]).toMatchObject({ rank: 8, rated: 8, percentile: '100.0', taxPerMu: '0.4500' });
    for (const year of history.years.slice(1)) {
      expect(year.indicators.length).toBeGreaterThan(0);
      if (year.rank !== null && year.rated !== null) {
        expect(Number(year.percentile)).toBeCloseTo((100 * year.rank) / year.rated, 1);
      }
    }
    // 金达 was A in 2024 and not D in 2025: no run.
    const jinda = (await (await get(`/v1/enterprises/${JINDA}/history`, h.tokens.admin)).json()) as {
      streak: { years: number };
      years: Year[];
    };
    expect(jinda.streak.years).toBe(0);
    expect(jinda.years.find((y) => y.year === 2024)?.finalClass).toBe('A');
  });

  it('shows a town its own enterprises only, an enterprise only itself', async () => {
    expect((await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.town)).status).toBe(200);
    expect((await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.otherTown)).status).toBe(404);
    expect((await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.enterprise)).status).toBe(404);
    expect((await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.tax)).status).toBe(403);
  });

  it('gives the bureau the year over year by town and industry', async () => {
    const byTown = (await (await get('/v1/history/overview', h.tokens.admin)).json()) as {
      by: string;
      years: {
        year: number;
        source: string;
        enterprises: number;
        classes: Record<string, number>;
        groups: { group: string; classes: Record<string, number> }[];
        dStreaks: number;
      }[];
    };
    expect(byTown.years.map((y) => [y.year, y.source])).toEqual([
      [2022, 'imported'],
      [2023, 'evaluation'],
      [2024, 'evaluation'],
      [2025, 'evaluation'],
    ]);
    for (const year of byTown.years) {
      expect(Object.values(year.classes).reduce((a, b) => a + b, 0)).toBe(year.enterprises);
      expect(year.groups.reduce((a, g) => a + Object.values(g.classes).reduce((x, y) => x + y, 0), 0)).toBe(
        year.enterprises,
      );
    }
    expect(byTown.years[0]?.groups.find((g) => g.group === '院桥镇')?.classes).toEqual({ D: 1 });
    // 2025: 远东 in its 4th D year; 新华 in its 2nd (D 2024, D 2025).
    expect(byTown.years[3]?.dStreaks).toBeGreaterThanOrEqual(2);
    const byIndustry = (await (await get('/v1/history/overview?by=industry', h.tokens.admin)).json()) as {
      years: { groups: { group: string }[] }[];
    };
    expect(byIndustry.years[0]?.groups.map((g) => g.group)).toContain('C22 造纸和纸制品业');
    expect((await get('/v1/history/overview', h.tokens.town)).status).toBe(403);
  });
  it('hands the bureau the simple template, which, filled in, imports as it is', async () => {
    expect((await get('/v1/history/template', h.tokens.town)).status).toBe(403);
    const response = await get('/v1/history/template', h.tokens.admin);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      '往年评价结果导入模板.xlsx',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['往年评价结果', '填写说明']);
    const sheet = workbook.getWorksheet('往年评价结果');
    if (sheet === undefined) throw new Error('no template sheet');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '统一社会信用代码',
      '企业名称',
      '评价年度',
      '所属乡镇街道',
      '行业代码',
      '最终类别',
      '综合得分',
      '排名',
      '参评企业数',
      '亩均税收(万元/亩)',
    ]);
    sheet.addRow([YUANDONG, '台州远东铸造厂', 2021, '院桥镇', 'C3391', 'D', 40.5, 7, 7, 0.42]);
    sheet.addRow([JINDA, '黄岩金达机电厂', 2021, '西城街道', 'C3484', 'B', 80, 2, 7, 18]);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const form = new FormData();
    form.append('data', new Blob([filled]), '2021.xlsx');
    const imported = await fetch(`${h.base}/v1/history/years/2021`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${h.tokens.admin}` },
      body: form,
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ year: 2021, enterprises: 2 });
    const history = (await (await get(`/v1/enterprises/${YUANDONG}/history`, h.tokens.admin)).json()) as {
      years: Year[];
      streak: { years: number };
    };
    expect(history.years[0]).toMatchObject({
      year: 2021,
      source: 'imported',
      finalClass: 'D',
      percentile: '100.0',
    });
    expect(history.streak.years).toBe(5);
  });
});
