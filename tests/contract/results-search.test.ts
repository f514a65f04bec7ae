import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IN_WINDOW, PUBLISHED_ON, SAMPLE, startApi } from './support/harness.js';
import type { Harness } from './support/harness.js';
import { uploadedSample } from './support/uploads.js';

/**
 * Finding an enterprise among the county's: a fragment of the name or code, filters, a sort by rank,
 * total, name or an indicator's value, pages with a total, and the same list as a workbook. A town
 * finds only its own enterprises whatever it asks; an enterprise reads its own result, not the list.
 */

const FLOOR_D_NAME = '台州远东铸造有限公司';
const BEICHENG_NAME = '台州市黄岩恒力模具有限公司';

describe('searching, filtering, sorting and exporting the results', () => {
  let h: Harness;
  let id = '';

  type Query = Record<string, string>;
  const list = (token: string, query: Query) =>
    h.api.call('get', '/v1/evaluations/{id}/results', { token, params: { id }, query });
  const rows = async (token: string, query: Query) => {
    const res = await list(token, query);
    if (res.status !== 200) throw new Error(`${res.status}: ${res.text}`);
    return res.body;
  };

  beforeAll(async () => {
    h = await startApi();
    id = await uploadedSample(h, { file: 'sample-2025.csv', year: '2025' });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('finds an enterprise by a fragment of its name or of its code, typed in any case', async () => {
    const byName = await rows(h.tokens.admin, { q: '远东' });
    expect(byName.data.map((row) => row.name)).toEqual([FLOOR_D_NAME]);
    expect(byName.total).toBe(1);
    const byCode = await rows(h.tokens.admin, { q: SAMPLE.floorD.slice(6, 14).toLowerCase() });
    expect(byCode.data.map((row) => row.uscc)).toEqual([SAMPLE.floorD]);
    // What is typed is text: % and _ are not wildcards.
    expect((await rows(h.tokens.admin, { q: '%' })).total).toBe(0);
    expect((await rows(h.tokens.admin, { q: '有限公司', status: 'rated' })).data.length).toBeGreaterThan(5);
  });

  it('filters by status, class, town and industry, with the count of every match', async () => {
    expect((await rows(h.tokens.admin, { status: 'exempt' })).total).toBe(2);
    expect((await rows(h.tokens.admin, { status: 'out_of_scope' })).total).toBe(1);
    const all = await rows(h.tokens.admin, { limit: '5' });
    expect(all.total).toBe(31);
    expect(all.data).toHaveLength(5);
    const d = await rows(h.tokens.admin, { class: 'D', town: SAMPLE.townOfFloorD });
    expect(d.data.every((row) => row.finalClass === 'D' && row.town === SAMPLE.townOfFloorD)).toBe(true);
    expect(d.data.map((row) => row.uscc)).toContain(SAMPLE.floorD);
  });

  it('sorts by total, name or an indicator, either way, unrated rows last, through every page', async () => {
    const seen: { uscc: string; total: string | null }[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const body = await rows(h.tokens.admin, {
        sort: 'total',
        order: 'desc',
        limit: '7',
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(body.total).toBe(31);
      seen.push(...body.data.map((row) => ({ uscc: row.uscc, total: row.totalScore })));
      if (body.next_cursor === null) break;
      cursor = body.next_cursor;
    }
    expect(new Set(seen.map((row) => row.uscc)).size).toBe(31);
    const totals = seen.map((row) => row.total);
    const scored = totals.filter((total): total is string => total !== null).map(Number);
    expect(scored).toEqual([...scored].sort((a, b) => b - a));
    expect(totals.slice(scored.length).every((total) => total === null)).toBe(true);

    const names = (await rows(h.tokens.admin, { sort: 'name', limit: '100' })).data.map((row) => row.name);
    expect(names).toEqual([...names].sort());
    const reversed = (await rows(h.tokens.admin, { sort: 'name', order: 'desc', limit: '100' })).data;
    expect(reversed.map((row) => row.name)).toEqual([...names].reverse());

    const tax = (await rows(h.tokens.admin, { sort: 'taxPerMu', limit: '100', status: 'rated' })).data;
    const values = tax.map((row) => Number(row.indicators['taxPerMu']?.value));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(values.at(-1) ?? 0);
  });

  it('refuses a sort the scheme does not know, and a cursor it did not issue, in Chinese', async () => {
    const sort = await list(h.tokens.admin, { sort: 'salary' });
    expect(sort.status).toBe(400);
    expect(sort.headers.get('content-type')).toContain('application/problem+json');
    if (sort.status === 400) expect(sort.body.detail).toContain('不能按“salary”排序');
    const cursor = await list(h.tokens.admin, { sort: 'name', cursor: 'bm90LW1pbmU' });
    expect(cursor.status).toBe(400);
  });

  it('gives a town its own enterprises only, whatever it searches for or names', async () => {
    await h.api.call('post', '/v1/evaluations/{id}/publication', {
      token: h.tokens.admin,
      params: { id },
      body: { date: PUBLISHED_ON },
    });
    h.clock.set(IN_WINDOW);
    const own = await rows(h.tokens.town, { limit: '100', sort: 'total', order: 'desc' });
    expect(own.total).toBeGreaterThan(0);
    expect(own.data.every((row) => row.town === SAMPLE.townOfFloorD)).toBe(true);
    expect((await rows(h.tokens.town, { q: '恒力' })).total).toBe(0);
    expect((await rows(h.tokens.town, { town: '北城街道' })).total).toBe(0);
    expect((await rows(h.tokens.otherTown, { q: '恒力' })).data.map((row) => row.name)).toEqual([
      BEICHENG_NAME,
    ]);
    expect((await list(h.tokens.enterprise, { q: '远东' })).status).toBe(403);
  });

  it('offers the bureau and a town the same indicators to sort by: every one of the method, each sorting', async () => {
    const offered = async (token: string) => {
      const res = await h.api.call('get', '/v1/evaluations/{id}/indicators', { token, params: { id } });
      if (res.status !== 200) throw new Error(`${res.status}: ${res.text}`);
      return res.body.indicators;
    };
    const bureau = await offered(h.tokens.admin);
    // The reference method's 规上 indicators, then the 规下 one the 规上 rows lack.
    expect(bureau.map((indicator) => indicator.key)).toEqual([
      'taxPerMu',
      'addedValuePerMu',
      'laborProductivity',
      'addedValuePerEnergy',
      'addedValuePerEmission',
      'rdIntensity',
      'taxPerKwh',
    ]);
    expect(bureau.at(-1)).toEqual({ key: 'taxPerKwh', label: '单位电耗税收', unit: '元/kWh' });
    // The town's rows are of fewer enterprises, its menu is not shorter.
    expect(await offered(h.tokens.town)).toEqual(bureau);
    for (const { key } of bureau) expect((await list(h.tokens.town, { sort: key })).status).toBe(200);
    expect(
      (
        await h.api.call('get', '/v1/evaluations/{id}/indicators', {
          token: h.tokens.enterprise,
          params: { id },
        })
      ).status,
    ).toBe(403);
  });

  it('exports the filtered list as a workbook named with the year and the grading', async () => {
    const fetchExport = (token: string, query: string) =>
      fetch(`${h.base}/v1/evaluations/${id}/results/export?${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const res = await fetchExport(h.tokens.admin, 'class=D&sort=total');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('2025年度评价结果（公示）-查询结果.xlsx')}`,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    const codes: string[] = [];
    sheet?.eachRow((row) => {
      const code = row.getCell(2).value;
      if (typeof code === 'string' && /^[0-9A-Z]{18}$/.test(code)) codes.push(code);
    });
    const expected = (await rows(h.tokens.admin, { class: 'D', sort: 'total', limit: '100' })).data;
    expect(codes).toEqual(expected.map((row) => row.uscc));
    expect(codes).toContain(SAMPLE.floorD);

    const town = await fetchExport(h.tokens.otherTown, '');
    const townBook = new ExcelJS.Workbook();
    await townBook.xlsx.load(await town.arrayBuffer());
    const towns = new Set<string>();
    townBook.worksheets[0]?.eachRow((row, number) => {
      if (number > 2) towns.add(row.getCell(4).text);
    });
    expect([...towns]).toEqual(['北城街道']);
    expect((await fetchExport(h.tokens.enterprise, '')).status).toBe(403);
  });
});
