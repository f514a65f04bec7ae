import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium, pdfPageCount } from './support/browser.js';
import { FIXTURES, mujun, SAMPLE, tempDirectory } from './support/mujun.js';

/** The published pages in a real headless Chromium: charts drawn, one printed A4 page per enterprise. */

let dir: Awaited<ReturnType<typeof tempDirectory>>;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;

async function open(file: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(file).href);
  return page;
}

beforeAll(async () => {
  dir = await tempDirectory();
  browser = await launchChromium();
  context = browser.context;
  const [sample, hostile] = await Promise.all([
    mujun('publish', '--input', SAMPLE, '--out-dir', join(dir.path, 'sample')),
    mujun(
      'publish',
      '--input',
      `${FIXTURES}/publish-hostile-names.csv`,
      '--out-dir',
      join(dir.path, 'hostile'),
    ),
  ]);
  expect(sample.code, sample.stderr).toBe(0);
  expect(hostile.code, hostile.stderr).toBe(0);
});
afterAll(async () => {
  await browser.close();
  await dir.cleanup();
});

describe('评价汇总.html in Chromium', () => {
  it('shows the class distribution and the 亩均税收 distribution as SVG charts', async () => {
    const page = await open(join(dir.path, 'sample', '评价汇总.html'));
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    for (const id of ['chart-class-cohort', 'chart-class-town', 'chart-tax-per-mu-town']) {
      const chart = page.locator(`svg#${id}`);
      await expect.poll(() => chart.isVisible()).toBe(true);
      expect(await chart.getAttribute('role')).toBe('img');
      const box = await chart.boundingBox();
      expect(box?.width).toBeGreaterThan(600);
      expect(box?.height).toBeGreaterThan(80);
      expect(await chart.locator('title').first().textContent()).not.toBe('');
    }
    // Class bars: one bar per cohort plus the total, segments for the classes that occur.
    const cohortBars = page.locator('svg#chart-class-cohort rect[fill]:not([fill="none"])');
    expect(await cohortBars.count()).toBeGreaterThan(3 + 4);
    expect(await page.locator('svg#chart-class-cohort').textContent()).toContain('规上工业企业');
    // Box plot: one box per town of the sample (10 towns), the threshold line labelled.
    const chart = page.locator('svg#chart-tax-per-mu-town');
    expect(await chart.locator('rect').count()).toBe(10);
    expect(await chart.textContent()).toContain('低效筛选标准 1');
    // Every table has a caption and scoped column headers.
    const tables = await page.locator('table').count();
    expect(await page.locator('table > caption').count()).toBe(tables);
    expect(await page.locator('thead th:not([scope="col"])').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, '评价汇总.png'), fullPage: true });
    await page
      .locator('svg#chart-class-cohort')
      .screenshot({ path: join(ARTIFACTS, '评价汇总-类别分布.png') });
    await page
      .locator('svg#chart-tax-per-mu-town')
      .screenshot({ path: join(ARTIFACTS, '评价汇总-亩均税收分布.png') });
    await page.close();
  });
});

describe('一企一单.html in Chromium', () => {
  it('prints one A4 page per enterprise', async () => {
    const page = await open(join(dir.path, 'sample', '一企一单.html'));
    const sheets = await page.locator('section.sheet').count();
    expect(sheets).toBe(31);
    await page.emulateMedia({ media: 'print' });
    // The page is evaluated as a string: this project compiles without the DOM library.
    const breaks = await page.evaluate<unknown>(
      "[...document.querySelectorAll('section.sheet')].map((sheet) => getComputedStyle(sheet).breakAfter)",
    );
    expect(Array.isArray(breaks) && breaks.slice(0, -1).every((value) => value === 'page')).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageCount(pdf)).toBe(sheets);
    await page.screenshot({ path: join(ARTIFACTS, '一企一单-print.png') });
    await page.close();
  });
});

describe('公示名单.html in Chromium', () => {
  it('prints the list, names only', async () => {
    const page = await open(join(dir.path, 'sample', '公示名单.html'));
    expect(await page.locator('h1').textContent()).toContain('公示名单');
    expect(await page.locator('ol.names li').count()).toBe(28);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdfPageCount(pdf)).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, '公示名单.png'), fullPage: true });
    await page.close();
  });
});

describe('pages built from hostile names', () => {
  it('show markup in names as text and run none of it', async () => {
    for (const name of ['公示名单.html', '评价汇总.html', '一企一单.html']) {
      const page = await open(join(dir.path, 'hostile', name));
      expect(await page.evaluate('window.__xss')).toBeUndefined();
      expect(await page.locator('img, script, b, u, i').count()).toBe(0);
      await page.close();
    }
    const page = await open(join(dir.path, 'hostile', '公示名单.html'));
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__xss=1">恶意厂');
    expect(text).toContain('A&B <script>window.__xss=2</script> 有限公司');
    expect(text).toContain('</td></tr></table><h1>停产厂</h1>');
    expect(text).toContain('<i>停产</i>');
    await page.close();
  });
});
