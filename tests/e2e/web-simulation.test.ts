import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { checkBothWidths } from './support/pages.js';
import { tempDirectory } from './support/mujun.js';
import { signedIn, uploadedSample } from './support/web.js';
import { readWorkbook, records, sheetNamed } from './support/xlsx.js';

/**
 * The bureau's 评价办法修订模拟测算 page in Chromium: from an evaluation of the bundled sample, upload the
 * draft of tests/fixtures/simulation (亩均税收 floor 6 万元/亩, no 提档), read who moves and why, the
 * matrix, towns and the 差别化电价 impact, and save the workbook; at 1280 and 390 px.
 */
const DRAFT = join(import.meta.dirname, '../fixtures/simulation/proposed-2026.json');

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let id = '';

beforeAll(async () => {
  h = await startApi();
  browser = await launchChromium();
  id = await uploadedSample(h, { file: 'sample-2025.csv', year: '2025', name: '2025年度' });
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('the simulation page', () => {
  it('compares the evaluation under an uploaded draft and saves the workbook', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.goto(`${h.base}/app/#/evaluations/${id}`);
    await page.getByRole('link', { name: '评价办法修订模拟测算' }).click();
    await page.getByRole('heading', { name: '评价办法修订模拟测算' }).waitFor();

    // A broken upload first: the problem is named, nothing shown.
    const dir = await tempDirectory();
    try {
      const broken = join(dir.path, 'broken.json');
      await import('node:fs/promises').then((fs) =>
        fs.writeFile(broken, JSON.stringify({ extends: 'reference', id: 'x', name: 'x', classes: [] })),
      );
      await page
        .getByLabel('拟议评价办法', { exact: true })
        .selectOption({ label: '上传评价办法文件（JSON）' });
      await page.getByLabel('拟议评价办法文件（JSON）').setInputFiles(broken);
      await page.getByRole('button', { name: '开始测算' }).click();
      await expect
        .poll(() => page.locator('[data-error="simulation"]').textContent())
        .toContain('评价办法无效');

      await page.getByLabel('拟议评价办法文件（JSON）').setInputFiles(DRAFT);
      await page.getByRole('button', { name: '开始测算' }).click();
      const movers = page.locator('[data-table="movers"]');
      await movers.waitFor();
      expect(await page.locator('[data-error="simulation"]').textContent()).toBe('');
      const summary = await page.locator('[data-summary="totals"]').textContent();
      expect(summary).toMatch(/参加测算 31 家，类别变动 \d+ 家/);
      const dyeing = movers.locator('tr', { hasText: '台州嘉禾印染有限公司' });
      expect(await dyeing.textContent()).toContain('亩均税收低于 6 万元/亩');
      const lifted = movers.locator('tr', { hasText: '台州康宁医疗器械有限公司' });
      expect(await lifted.textContent()).toContain('提档');
      expect(await page.locator('[data-table="matrix"]').textContent()).toContain('现行 \\ 拟议');
      const impact = await page.locator('[data-section="surcharge-impact"]').textContent();
      expect(impact).toContain('新增加价');
      expect(impact).toContain('台州嘉禾印染有限公司');

      expect(await checkBothWidths(page, 'web-simulation')).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '下载测算工作簿（XLSX）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('2025年度评价办法修订模拟测算.xlsx');
      const saved = join(dir.path, 'simulation.xlsx');
      await download.saveAs(saved);
      const workbook = await readWorkbook(saved);
      const rows = records(sheetNamed(workbook, '变动企业'), 2);
      expect(rows.some((row) => row.get('企业名称')?.value === '台州嘉禾印染有限公司')).toBe(true);
      expect((await readFile(saved)).subarray(0, 2).toString('latin1')).toBe('PK');
    } finally {
      await dir.cleanup();
    }
    await page.screenshot({ path: join(ARTIFACTS, 'web-simulation-report-1280.png'), fullPage: true });
    await page.close();
  });
  it('saves the proposal and comes back to it', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.goto(`${h.base}/app/#/evaluations/${id}/simulation`);
    await page.getByRole('heading', { name: '评价办法修订模拟测算' }).waitFor();
    await page
      .getByLabel('拟议评价办法', { exact: true })
      .selectOption({ label: '上传评价办法文件（JSON）' });
    await page.getByLabel('拟议评价办法文件（JSON）').setInputFiles(DRAFT);
    await page.getByRole('button', { name: '开始测算' }).click();
    await page.locator('[data-table="movers"]').waitFor();
    const first = await page.locator('[data-summary="totals"]').textContent();
    await page.getByLabel('方案名称').fill('2026 年修订草案');
    await page.getByLabel('说明（可不填）').fill('底线 6 万元/亩');
    await page.getByRole('button', { name: '保存方案' }).click();
    await expect
      .poll(() => page.locator('[data-status="proposal"]').textContent())
      .toBe('已保存拟议方案「2026 年修订草案」，下次可在“拟议评价办法”中选用。');
    // Another day: the page lists it, and runs it as it was saved.
    await page.goto(`${h.base}/app/#/`);
    await page.goto(`${h.base}/app/#/evaluations/${id}/simulation`);
    await page.getByRole('heading', { name: '评价办法修订模拟测算' }).waitFor();
    await page
      .getByLabel('拟议评价办法', { exact: true })
      .selectOption({ label: '已保存：2026 年修订草案（底线 6 万元/亩）' });
    await page.getByRole('button', { name: '开始测算' }).click();
    await page.locator('[data-table="movers"]').waitFor();
    expect(await page.locator('[data-summary="totals"]').textContent()).toBe(first);
    expect(await checkBothWidths(page, 'web-simulation-saved')).toEqual([]);
    await page.close();
  });
});
