import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { PDF, SAMPLE_CSV } from '../contract/support/fixtures.js';
import { finalizedEvaluation } from '../contract/support/years.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { tempDirectory } from './support/mujun.js';
import { checkBothWidths } from './support/pages.js';
import { signedIn } from './support/web.js';

/**
 * The 一企一档 ledger in Chromium (issue 16, part 3): the bundled sample finalized for 2024; the bureau
 * makes the ledger from its page (亩均税收 < 1 万元/亩 or D); 院桥镇 opens 台州远东铸造有限公司's file
 * (SAMPLE.floorD, 0.9 万元/亩, D), assigns measures, adds a progress note with a PDF and sets the
 * outcome; 2025 is finalized with its tax at 369 万元 (9 万元/亩); the bureau reads progress by town
 * and measure, the file with 2025's class beside it, and exports the workbook. Each page at 1280 and
 * 390 px, screenshots in test-artifacts/ (web-ledger-*).
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let evaluation = '';

async function finalYear(year: string, csv: Uint8Array, publishedOn: string, finalizedAt: string) {
  const files = [{ name: 'sample.csv', bytes: csv }];
  return finalizedEvaluation(h, files, { year, name: `${year}年度` }, publishedOn, finalizedAt);
}

beforeAll(async () => {
  h = await startApi({ now: '2025-03-01T02:00:00.000Z' });
  browser = await launchChromium();
  evaluation = await finalYear('2024', SAMPLE_CSV, '2025-03-03', '2025-03-15T02:00:00.000Z');
}, 180_000);
afterAll(async () => {
  await browser.close();
  await h.close();
  // The screenshots this suite took, also where the session's notes name them.
  await mkdir('/tmp/h16shots', { recursive: true }).catch(() => undefined);
  for (const name of await readdir(ARTIFACTS).catch(() => [] as string[])) {
    if (name.startsWith('web-ledger-'))
      await copyFile(join(ARTIFACTS, name), join('/tmp/h16shots', name)).catch(() => undefined);
  }
});

describe('the 一企一档 ledger in the pages', () => {
  it('the bureau makes the ledger from the screening list', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluation}`);
    await page.locator('[data-link="ledger"]').click();
    await page.getByRole('heading', { name: /一企一档整改台账/ }).waitFor();
    expect(await page.locator('[data-summary="ledger"]').textContent()).toBe('尚未建立整改台账。');
    await page.getByLabel('亩均税收低于（万元/亩）').fill('1');
    await page.getByRole('button', { name: '建立台账' }).click();
    await expect
      .poll(() => page.locator('[data-status="ledger-made"]').textContent())
      .toMatch(/^新建档案 \d+ 份，已有 0 份。$/);
    const files = page.locator('[data-table="ledger-files"] tbody tr');
    expect(await files.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator(`[data-file="${SAMPLE.floorD}"]`).textContent()).toBe('台州远东铸造有限公司');
    await page.close();
  });

  it('the town keeps its enterprise’s file: measures, a note with a PDF, the outcome', async () => {
    const page = await signedIn(browser.context, h, 'town');
    await page.goto(`${h.base}/app/#/evaluations/${evaluation}`);
    await page.locator('[data-link="ledger"]').click();
    await page.getByRole('heading', { name: /一企一档整改台账（院桥镇）/ }).waitFor();
    const rows = page.locator('[data-table="ledger-files"] tbody tr');
    // Only 院桥镇's enterprises.
    for (const town of await page.locator('[data-table="ledger-files"] tbody tr').allTextContents()) {
      expect(town).not.toContain('北城街道');
    }
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await checkBothWidths(page, 'web-ledger-town-list')).toEqual([]);
    await page.locator(`[data-file="${SAMPLE.floorD}"]`).click();
    await page.getByRole('heading', { name: '台州远东铸造有限公司 · 一企一档' }).waitFor();
    await page.getByLabel('帮扶提升').check();
    await page.getByLabel('限期整改').check();
    await page.getByLabel('本县其他措施（多项用顿号分隔）').fill('亩均论英雄专项辅导');
    await page.getByLabel('责任人').fill('李明');
    await page.getByLabel('整改期限').fill('2025-12-31');
    await page.getByLabel('整改状态').selectOption('in_progress');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('[data-status="ledger-file"]').textContent()).toBe('已保存。');
    expect(await page.locator('[data-fact="整改措施"]').textContent()).toBe(
      '帮扶提升、限期整改、亩均论英雄专项辅导',
    );
    const dir = await tempDirectory();
    try {
      const pdf = join(dir.path, '走访记录.pdf');
      await writeFile(pdf, PDF);
      await page.getByLabel('进展情况').fill('6 月 10 日上门走访，企业已签订熔炼设备技改合同。');
      await page.getByLabel(/^附件/).setInputFiles(pdf);
      await page.getByRole('button', { name: '添加记录' }).click();
      await expect
        .poll(() => page.locator('[data-status="ledger-file"]').textContent())
        .toBe('已添加进展记录。');
    } finally {
      await dir.cleanup();
    }
    expect(await page.locator('[data-attachment="走访记录.pdf"]').count()).toBe(1);
    await page.getByLabel('整改状态').selectOption('completed');
    await page.getByLabel('整改成效').fill('技改完成，年税收预计增加 300 万元');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('[data-fact="整改状态"]').textContent()).toBe('已完成');
    expect(await page.locator('[data-fact="次年评价"]').textContent()).toBe('待次年评价');
    expect(await checkBothWidths(page, 'web-ledger-town-file')).toEqual([]);
    await page.close();
  });

  it('the bureau sees progress by town and measure, next year’s class, and exports the workbook', async () => {
    const raised = SAMPLE_CSV.toString('utf8').replace(',院桥镇,41,36.90,', ',院桥镇,41,369.00,');
    expect(raised).not.toBe(SAMPLE_CSV.toString('utf8'));
    await finalYear('2025', Buffer.from(raised, 'utf8'), '2026-03-02', '2026-03-15T02:00:00.000Z');
    const page = await signedIn(browser.context, h, 'admin');
    await page.goto(`${h.base}/app/#/evaluations/${evaluation}/ledger`);
    await page.getByRole('heading', { name: /一企一档整改台账/ }).waitFor();
    const byTown = page.locator('[data-table="progress-town"]');
    expect(await byTown.locator('tbody tr', { hasText: '院桥镇' }).textContent()).toContain('院桥镇');
    const byMeasure = page.locator('[data-table="progress-measure"] tbody tr');
    expect(await byMeasure.first().textContent()).toContain('帮扶提升');
    expect(
      await page
        .locator(`[data-table="ledger-files"] tbody tr`, { hasText: '台州远东铸造有限公司' })
        .locator('[data-next]')
        .getAttribute('data-next'),
    ).toBe('moved-up');
    expect(await checkBothWidths(page, 'web-ledger-bureau')).toEqual([]);
    const saved = page.waitForEvent('download');
    await page.locator('[data-download="ledger"]').click();
    const file = await saved;
    expect(file.suggestedFilename()).toBe('2024年度一企一档整改台账（定稿）.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const sheet = workbook.getWorksheet('整改台账');
    let found = false;
    sheet?.eachRow((row) => {
      const values = (row.values as unknown[]).map(String);
      if (values.includes(SAMPLE.floorD)) {
        found = true;
        expect(values).toContain('已完成');
        expect(values).toContain('2025：已脱低');
      }
    });
    expect(found).toBe(true);
    await page.locator(`[data-file="${SAMPLE.floorD}"]`).click();
    await page.getByRole('heading', { name: '台州远东铸造有限公司 · 一企一档' }).waitFor();
    expect(await page.locator('[data-fact="次年评价"]').textContent()).toMatch(/^2025 年：已脱低/);
    // The bureau reads the file; the town keeps it.
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await checkBothWidths(page, 'web-ledger-bureau-file')).toEqual([]);
    await page.close();
  });
});
