import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { SAMPLE_CSV } from '../contract/support/fixtures.js';
import { finalizedEvaluation } from '../contract/support/years.js';
import { launchChromium } from './support/browser.js';
import { tempDirectory } from './support/mujun.js';
import { checkBothWidths } from './support/pages.js';
import { signedIn } from './support/web.js';

/**
 * History across years in Chromium: the bundled sample finalized for 2023, 2024 and 2025, and 2022
 * imported by the bureau through its page (tests/fixtures/history/sample-2022.csv). 台州远东铸造有限公司
 * (SAMPLE.floorD, 院桥镇) is D every year: its page shows four years, the trend chart and a run of 4;
 * its town sees the same; the bureau sees the years side by side.
 */
const PAST = join(import.meta.dirname, '../fixtures/history/sample-2022.csv');

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
const ids: string[] = [];

async function finalYear(year: string, publishedOn: string, finalizedAt: string): Promise<string> {
  const files = [{ name: 'sample.csv', bytes: SAMPLE_CSV }];
  return finalizedEvaluation(h, files, { year, name: `${year}年度` }, publishedOn, finalizedAt);
}

beforeAll(async () => {
  h = await startApi({ now: '2024-03-01T02:00:00.000Z' });
  browser = await launchChromium();
  ids.push(await finalYear('2023', '2024-03-04', '2024-03-15T02:00:00.000Z'));
  ids.push(await finalYear('2024', '2025-03-03', '2025-03-15T02:00:00.000Z'));
  ids.push(await finalYear('2025', '2026-03-02', '2026-03-15T02:00:00.000Z'));
}, 180_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('history across years in the pages', () => {
  it('the bureau imports 2022 (a bad file first) and reads the years side by side', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.locator('[data-link="history"]').click();
    await page.getByRole('heading', { name: '历年对比' }).waitFor();
    const dir = await tempDirectory();
    try {
      const bad = join(dir.path, 'bad.csv');
      await writeFile(
        bad,
        '\uFEFF统一社会信用代码,企业名称,最终类别\n91331003MA20CKPQ23,台州远东铸造有限公司,E\n',
      );
      await page.getByLabel('评价年度').fill('2022');
      await page.getByLabel('结果文件（CSV 或 XLSX）').setInputFiles(bad);
      await page.getByRole('button', { name: '导入' }).click();
      const issues = page.locator('[data-table="import-issues"]');
      await issues.waitFor();
      expect(await issues.textContent()).toContain('E');
      expect(await page.locator('[data-error="import"]').textContent()).toContain('往年评价结果文件有误');
    } finally {
      await dir.cleanup();
    }
    await page.getByLabel('评价年度').fill('2022');
    await page.getByLabel('结果文件（CSV 或 XLSX）').setInputFiles(PAST);
    await page.getByRole('button', { name: '导入' }).click();
    await expect
      .poll(() => page.locator('[data-status="import"]').textContent())
      .toBe('已导入 2022 年度 2 家企业的评价结果。');
    // The status is written before the page reloads its years: wait for the table to show the new one.
    const years = page.locator('[data-table="years"]');
    await expect.poll(() => years.locator('tbody tr').count()).toBe(4);
    expect(await years.locator('tbody tr').first().textContent()).toContain('往年导入');
    expect(await page.locator('[data-table="overview-town"]').textContent()).toContain('院桥镇');
    expect(await checkBothWidths(page, 'web-history-bureau')).toEqual([]);
    await page.close();
  });

  it('the enterprise sees its four years, the trend chart and its run of D years', async () => {
    const page = await signedIn(browser.context, h, 'enterprise');
    await page.goto(`${h.base}/app/#/evaluations/${ids[2] ?? ''}/enterprises/${SAMPLE.floorD}`);
    const section = page.locator('[data-section="history"]');
    await section.waitFor();
    const rows = section.locator('[data-table="history"] tbody tr');
    expect(await rows.count()).toBe(4);
    expect(await rows.first().textContent()).toContain('2022');
    expect(await rows.first().textContent()).toContain('前 90.5%');
    expect(await section.locator('[data-streak]').getAttribute('data-streak')).toBe('4');
    expect(await section.locator('svg[data-chart="history"] circle').count()).toBe(4);
    expect(await checkBothWidths(page, 'web-history-enterprise')).toEqual([]);
    await page.close();
  });

  it('the town sees its enterprise’s years too', async () => {
    const page = await signedIn(browser.context, h, 'town');
    await page.goto(`${h.base}/app/#/evaluations/${ids[2] ?? ''}/enterprises/${SAMPLE.floorD}`);
    const section = page.locator('[data-section="history"]');
    await section.waitFor();
    expect(await section.locator('[data-table="history"] tbody tr').count()).toBe(4);
    await page.close();
  });
});
