import { parseRecords, grade, parseScheme, publishedScheme } from '@mujun/scoring';
import type { EnterpriseRecord, EnterpriseResult, PublishedCohort } from '@mujun/scoring';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataForm, SAMPLE_CSV } from '../contract/support/fixtures.js';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { publishedSample } from './support/web.js';

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
let records: EnterpriseRecord[] = [];

const FIGURES = [
  ['landAreaMu', 'landMu'],
  ['tax', 'tax'],
  ['addedValue', 'addedValue'],
  ['revenue', 'revenue'],
  ['employees', 'employees'],
  ['energyTce', 'energyTce'],
  ['emissionsTon', 'emissionsTon'],
  ['rdExpense', 'rdExpense'],
  ['electricityKwh', 'electricityKwh'],
  ['exportValue', 'exportValue'],
] as const;
const FLAGS = ['emergencySupplier', 'keyChainLink', 'highTech'] as const;

interface Scores {
  readonly indicators: Record<string, string>;
  readonly bonus: string;
  readonly penalty: string;
  readonly total: string;
}

function sampleRecords(): EnterpriseRecord[] {
  const [header, ...lines] = SAMPLE_CSV.toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const parsed = parseRecords({
    headers: (header ?? '').split(','),
    rows: lines.map((line, k) => ({ row: k + 2, cells: line.split(',') })),
  });
  if (parsed.issues.length > 0) throw new Error('setup: the sample does not parse');
  return parsed.records;
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample.csv', name: '2025年度亩均效益评价' });
  records = sampleRecords();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

/** Types one record's figures into the form, submits, and reads what the page scored. */
async function scoreOnPage(page: Page, record: EnterpriseRecord): Promise<Scores | 'not rated'> {
  await page.evaluate("document.getElementById('check-result').replaceChildren()");
  await page.getByLabel('企业规模').selectOption(record.scale === 'above' ? '规上' : '规下');
  for (const [input, key] of FIGURES) {
    await page.locator(`#f-${input}`).fill(record[key] ?? '');
  }
  for (const flag of FLAGS) await page.locator(`#f-${flag}`).setChecked(record[flag]);
  const specialized = { none: '', province: '省级', national: '国家级' }[record.specialized];
  await page.locator('#f-specialized').selectOption(specialized);
  await page.locator('#f-subletTenants').fill(record.subletTenants === 0 ? '' : String(record.subletTenants));
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
    for (const record of records) {
      const stored = await h.api.call('get', '/v1/evaluations/{id}/enterprises/{uscc}', {
        token: h.tokens.admin,
        params: { id: evaluationId, uscc: record.uscc },
      });
      expect(stored.status).toBe(200);
      const server = stored.body as unknown as EnterpriseResult;
      if (server.status !== 'rated' || record.exemptReason.length > 0) continue;
      const browserScores = await scoreOnPage(page, record);
      expect(browserScores, record.name).toEqual(scoresOf(server));
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
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
        ...FIGURES.map(([input]) => headerFor(input)),
      ];
      const cells = [
        '913300000000000000',
        '随机企业',
        above ? '规上' : '规下',
        ...FIGURES.map(([input]) =>
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
