import { dec, grade, parseRecords, parseScheme, presetDocument, publishedScheme } from '@mujun/scoring';
import type { DeclaredFigure, EnterpriseRecord, EnterpriseResult, PublishedCohort } from '@mujun/scoring';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataForm, SAMPLE_CSV } from '../contract/support/fixtures.js';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample } from './support/web.js';
import { COUNTY_FIGURES, countyDocument } from '../../apps/api/src/web/client/testing/county-scheme.js';

/**
 * The public self-check (/check/{id}) in a real headless Chromium, signed in as nobody: figures typed into
 * its form are scored in the browser by the bundled scoring library against the published benchmarks, and
 * every indicator score, the bonus, the penalty and the total must be the server's to the last digit: on
 * every rated enterprise of the bundled sample (against its stored result), and on random records (against
 * the library on the server's side, given the same published figures). A draft has no self-check (404).
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let evaluationId = '';
const STARTED_AT = '2025-06-02T02:00:00.000Z';
let records: EnterpriseRecord[] = [];

/** The figures the random records carry, by the page's input names. */
const FIGURES = [
  'landAreaMu',
  'tax',
  'addedValue',
  'revenue',
  'employees',
  'energyTce',
  'emissionsTon',
  'rdExpense',
  'electricityKwh',
  'exportValue',
] as const;

interface Scores {
  readonly indicators: Record<string, string>;
  readonly bonus: string;
  readonly penalty: string;
  readonly total: string;
}

function sampleRecords(
  csv = SAMPLE_CSV.toString('utf8'),
  figures: DeclaredFigure[] = [],
): EnterpriseRecord[] {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const parsed = parseRecords(
    {
      headers: (header ?? '').split(','),
      rows: lines.map((line, k) => ({ row: k + 2, cells: line.split(',') })),
    },
    { figures },
  );
  if (parsed.issues.length > 0) throw new Error('setup: the sample does not parse');
  return parsed.records;
}

beforeAll(async () => {
  h = await startApi({ now: STARTED_AT });
  evaluationId = await publishedSample(h, { file: 'sample.csv', name: '2025年度亩均效益评价' });
  records = sampleRecords();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

/** The kinds of the figures a scheme declares, by key (a yes/no one is a checkbox). */
type Kinds = ReadonlyMap<string, DeclaredFigure['kind']>;

/** What the record says for one form control, by the control's name (a record or declared key). */
function formValue(record: EnterpriseRecord, key: string, declaredKinds: Kinds): string | boolean {
  const fields = record as unknown as Readonly<Record<string, unknown>>;
  const extra = record.extra?.[key];
  if (declaredKinds.get(key) === 'yesNo') return extra === '1';
  if (declaredKinds.has(key)) return extra ?? '';
  switch (key) {
    case 'scale':
      return record.scale === 'above' ? '规上' : '规下';
    case 'landAreaMu':
      return record.landMu;
    case 'landAreaM2':
      return '';
    case 'specialized':
      return { none: '', province: '省级', national: '国家级' }[record.specialized];
    case 'subletTenants':
      return record.subletTenants === 0 ? '' : String(record.subletTenants);
  }
  const value = fields[key];
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.join('；');
  return typeof value === 'string' ? value : '';
}

/** Types one record's figures into every input the form has, submits, and reads what the page scored. */
async function scoreOnPage(
  page: Page,
  record: EnterpriseRecord,
  declaredKinds: Kinds = new Map(),
): Promise<Scores | 'not rated'> {
  await page.evaluate("document.getElementById('check-result').replaceChildren()");
  const controls = await page.evaluate<{ name: string; type: string }[]>(
    "[...document.querySelectorAll('#check-form [name]')].map((e) => ({ name: e.name, type: e.type }))",
  );
  for (const { name, type } of controls) {
    const control = page.locator(`#check-form [name="${name}"]`);
    const value = formValue(record, name, declaredKinds);
    if (typeof value === 'boolean') await control.setChecked(value);
    else if (type.startsWith('select')) await control.selectOption(value);
    else await control.fill(value);
  }
  await page.getByRole('button', { name: '计算得分' }).click();
  await page.locator('#check-total, #check-status, #check-errors li').first().waitFor();
  if ((await page.locator('#check-status').count()) > 0) return 'not rated';
  const errors = await page.locator('#check-errors').innerText();
  if (errors.trim() !== '') throw new Error(`the page refused ${record.uscc}: ${errors}`);
  return page.evaluate<Scores>(`(() => {
    const text = (selector) => (document.querySelector(selector)?.textContent ?? '').trim();
    const indicators = {};
    for (const row of document.querySelectorAll('#check-result tr[data-indicator]')) {
      indicators[row.getAttribute('data-indicator')] = (row.querySelector('td.score')?.textContent ?? '').trim();
    }
    return { indicators, bonus: text('#check-bonus'), penalty: text('#check-penalty'), total: text('#check-total') };
  })()`);
}

function scoresOf(result: EnterpriseResult): Scores {
  return {
    indicators: Object.fromEntries(
      Object.entries(result.indicators).map(([key, value]) => [key, value.score]),
    ),
    bonus: result.bonus ?? '',
    penalty: result.penalty ?? '',
    total: result.totalScore ?? '',
  };
}

/** A seeded PRNG (mulberry32), so a failure names a record that can be made again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A figure with 0–4 decimals over several magnitudes; now and then blank. */
function figureText(next: () => number, top: number, blankShare: number): string {
  if (next() < blankShare) return '';
  const decimals = Math.floor(next() * 5);
  const units = Math.floor(next() * top * 10 ** decimals) + 1;
  const text = String(units).padStart(decimals + 1, '0');
  const value = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return value.replace(/^0+(?=\d)/, '');
}

describe('the public self-check page', () => {
  it('answers 404 for a draft, and shows the method and benchmarks of a published evaluation to anyone', async () => {
    const draft = await h.api.call('post', '/v1/evaluations', {
      token: h.tokens.admin,
      body: dataForm([{ name: 'sample.csv', bytes: SAMPLE_CSV }]),
    });
    expect(draft.status).toBe(201);
    const draftId = (draft.body as { id: string }).id;
    const hidden = await fetch(`${h.base}/v1/public/evaluations/${draftId}/self-check`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toContain('application/problem+json');
    const shown = await fetch(`${h.base}/v1/public/evaluations/${evaluationId}/self-check`);
    expect(shown.status).toBe(200);
    const body = (await shown.json()) as { cohorts: Record<string, PublishedCohort> };
    // Only cohort figures: no code or name of any enterprise is in it.
    const text = JSON.stringify(body);
    for (const record of records) {
      expect(text).not.toContain(record.uscc);
      expect(text).not.toContain(record.name);
    }
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/check/${draftId}`);
    await expect(page.getByRole('alert').innerText()).resolves.toContain('尚未公示');
    await page.close();
  });

  it('scores every rated sample enterprise as the server graded it, digit for digit', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/check/${evaluationId}`);
    await page.getByRole('button', { name: '计算得分' }).waitFor();
    let compared = 0;
    let lastRated: EnterpriseRecord | undefined;
    for (const record of records) {
      const stored = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
        token: h.tokens.admin,
        params: { id: evaluationId, uscc: record.uscc },
      });
      expect(stored.status).toBe(200);
      const server = stored.body as unknown as EnterpriseResult;
      const browserScores = await scoreOnPage(page, record);
      if (server.status !== 'rated') {
        expect(browserScores, record.name).toBe('not rated');
        continue;
      }
      expect(browserScores, record.name).toEqual(scoresOf(server));
      lastRated = record;
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
    // The screenshots show a score, as an accountant would see it.
    if (lastRated !== undefined) await scoreOnPage(page, lastRated);
    expect(await checkBothWidths(page, 'web-self-check')).toEqual([]);
    await page.close();
  });

  it('scores random records as the library on the server does with the published figures', async () => {
    const response = await fetch(`${h.base}/v1/public/evaluations/${evaluationId}/self-check`);
    const published = (await response.json()) as {
      scheme: unknown;
      cohorts: Record<string, PublishedCohort>;
    };
    const scoring = publishedScheme(parseScheme(published.scheme), published.cohorts);
    const page = await browser.context.newPage();
    await page.goto(`${h.base}/check/${evaluationId}`);
    await page.getByRole('button', { name: '计算得分' }).waitFor();
    const next = random(0x5e1f);
    let compared = 0;
    for (let n = 0; n < 24; n++) {
      const top = [10, 1000, 100_000, 10_000_000][n % 4] ?? 10;
      const above = next() < 0.6;
      const headers = [
        '统一社会信用代码',
        '企业名称',
        '企业规模',
        ...FIGURES.map((input) => headerFor(input)),
      ];
      const cells = [
        '913300000000000000',
        '随机企业',
        above ? '规上' : '规下',
        ...FIGURES.map((input) =>
          input === 'landAreaMu' ||
          input === 'tax' ||
          (above && input !== 'emissionsTon' && input !== 'exportValue')
            ? figureText(next, top, 0)
            : figureText(next, top, input === 'electricityKwh' && !above ? 0 : 0.3),
        ),
      ];
      // The record as the page's own parse would make it (the code is replaced by a valid made-up one).
      const parsed = parseRecords({
        headers,
        rows: [{ row: 1, cells: [usccFor(), ...cells.slice(1)] }],
      });
      const record = parsed.records[0];
      if (record === undefined) throw new Error(`setup: ${JSON.stringify(parsed.issues)}`);
      const expected = grade([record], scoring).result(record.uscc);
      if (expected === undefined) throw new Error('setup: not graded');
      const shown = await scoreOnPage(page, record);
      if (expected.status !== 'rated') {
        expect(shown).toBe('not rated');
        continue;
      }
      expect(shown, JSON.stringify(cells)).toEqual(scoresOf(expected));
      compared++;
    }
    expect(compared).toBeGreaterThan(12);
    await page.close();
  });
});

const HEADERS: Readonly<Record<string, string>> = {
  landAreaMu: '用地面积(亩)',
  tax: '税收实际贡献(万元)',
  addedValue: '工业增加值(万元)',
  revenue: '营业收入(万元)',
  employees: '年平均职工人数',
  energyTce: '综合能耗(吨标准煤)',
  emissionsTon: '主要污染物排放量(吨)',
  rdExpense: 'R&D经费支出(万元)',
  electricityKwh: '用电量(千瓦时)',
  exportValue: '出口交货值(万元)',
};

function headerFor(key: string): string {
  return HEADERS[key] ?? key;
}

/** The first enterprise code of the sample: valid, and only a carrier here (the page makes up its own). */
function usccFor(): string {
  return records[0]?.uscc ?? '';
}

/** The sample's columns of 工业增加值, 营业收入, 年平均职工人数, 综合能耗 and 用电量. */
const LINHAI_REQUIRED: ReadonlySet<number> = new Set([8, 9, 10, 11, 14]);

/**
 * The sample with the declared columns appended, every preset one and the county method's when asked,
 * filled from a seeded PRNG and now and then blank.
 */
function sampleWithFigures(county: boolean): string {
  const next = random(0xc0de);
  const [header, ...lines] = SAMPLE_CSV.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const extraHeaders = [
    '用水量(吨)',
    'COD排放量(吨)',
    ...(county ? COUNTY_FIGURES.map((f) => f.header) : []),
  ];
  const rows = lines.map((line) => {
    // Linhai rates by land, not scale: a 规下 enterprise of 3 亩 or more needs the 规上 figures too.
    const cells = line
      .split(',')
      .map((cell, k) => (cell === '' && LINHAI_REQUIRED.has(k) ? figureText(next, 10_000, 0) : cell));
    const water = figureText(next, 100_000, 0.15);
    const cod = figureText(next, 50, 0.2);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
    const date = next() < 0.2 ? '' : `${2020 + Math.floor(next() * 6)}-${month}-15`;
    const incident = next() < 0.2 ? '是' : '';
    const patents = next() < 0.3 ? '' : String(Math.floor(next() * 6));
    return [...cells, water, cod, ...(county ? [date, incident, patents] : [])].join(',');
  });
  return [[header, ...extraHeaders].join(','), ...rows].join('\n');
}

/** Uploads the csv under the scheme (a preset id or a document as JSON text) and publishes it. */
async function publishedUnder(csv: string, scheme: string, name: string): Promise<string> {
  // Published on PUBLISHED_ON, which must not be before the server's today: back to the harness's start.
  h.clock.set(STARTED_AT);
  return publishedSample(h, { file: 'county.csv', bytes: Buffer.from(csv, 'utf8'), scheme, name });
}

describe('the public self-check under a county method that declares figures', () => {
  for (const county of [false, true]) {
    it(`scores every sample enterprise as the server graded it under ${county ? 'a county document with a date, a yes/no and a count figure' : "Linhai's preset"}`, async () => {
      const document = county ? countyDocument() : (presetDocument('linhai') as Record<string, unknown>);
      const scheme = parseScheme(document);
      const csv = sampleWithFigures(county);
      const id = await publishedUnder(
        csv,
        county ? JSON.stringify(document) : 'linhai',
        county ? '县级办法测算' : '临海办法测算',
      );
      const figures = scheme.figures ?? [];
      const kinds: Kinds = new Map(figures.map((figure) => [figure.key, figure.kind]));
      const page = await browser.context.newPage();
      await page.goto(`${h.base}/check/${id}`);
      await page.getByRole('button', { name: '计算得分' }).waitFor();
      // Every declared figure is asked for under its own header; what only the class reads is not.
      for (const figure of figures) {
        await expect(page.locator(`#f-${figure.key}`).count(), figure.key).resolves.toBe(1);
      }
      await expect(page.locator('#f-vetoReasons').count()).resolves.toBe(0);
      await expect(page.getByLabel('用水量（吨）').count()).resolves.toBe(1);
      let compared = 0;
      const seen = { bonus: false, penalty: false };
      let lastRated: EnterpriseRecord | undefined;
      for (const record of sampleRecords(csv, figures)) {
        const stored = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
          token: h.tokens.admin,
          params: { id, uscc: record.uscc },
        });
        expect(stored.status).toBe(200);
        const server = stored.body as unknown as EnterpriseResult;
        const shown = await scoreOnPage(page, record, kinds);
        if (server.status !== 'rated') {
          expect(shown, record.name).toBe('not rated');
          continue;
        }
        expect(shown, record.name).toEqual(scoresOf(server));
        lastRated = record;
        seen.bonus ||= server.bonus !== null && !dec(server.bonus).isZero();
        seen.penalty ||= server.penalty !== null && !dec(server.penalty).isZero();
        compared++;
      }
      expect(compared).toBeGreaterThan(20);
      // The county's items did score: the comparison covered the declared date, yes/no and count.
      if (county) expect(seen).toEqual({ bonus: true, penalty: true });
      // The screenshots show a score, as an accountant would see it.
      if (lastRated !== undefined) await scoreOnPage(page, lastRated, kinds);
      expect(await checkBothWidths(page, county ? 'web-self-check-county' : 'web-self-check-linhai')).toEqual(
        [],
      );
      await page.close();
    });
  }
});
