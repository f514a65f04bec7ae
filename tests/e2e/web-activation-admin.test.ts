import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE, startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { post } from '../contract/support/sessions.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { tempDirectory } from './support/mujun.js';
import { publishedSample, signedIn } from './support/web.js';
import { readWorkbook } from './support/xlsx.js';

/**
 * The activation pages in Chromium, signed in as a person is: a town sees its enterprises' status
 * (one locked by failed sign-ins), reissues one code after confirming and reads it once, unlocks the
 * locked one; the bureau sees every town's summary, one town's enterprises, and downloads the workbook
 * of codes for every enterprise not yet activated after confirming how many. At 1280 and 390 px.
 */

interface Status {
  towns: {
    town: string | null;
    activated: number;
    notYet: number;
    locked: number;
    enterprises: { uscc: string; name: string; status: string; codeExpiresAt: string | null }[];
  }[];
}

const PASSWORD = 'Yuandong#2025';
let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let context: BrowserContext;
let evaluationId = '';

async function status(town?: string): Promise<Status> {
  const query = town === undefined ? '' : `?town=${encodeURIComponent(town)}`;
  const response = await fetch(`${h.base}/v1/evaluations/${evaluationId}/activation-status${query}`, {
    headers: { authorization: `Bearer ${h.tokens.admin}` },
  });
  return (await response.json()) as Status;
}

/** No part of the page is wider than the viewport (nothing to scroll sideways at 390 px). */
async function fitsWidth(page: Page): Promise<boolean> {
  return (await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')) === true;
}

beforeAll(async () => {
  h = await startApi({ now: '2025-06-02T02:00:00.000Z' });
  evaluationId = await publishedSample(h, { file: 'sample.csv', name: '2025年度亩均效益评价' });
  browser = await launchChromium();
  context = browser.context;
  // 台州远东铸造 (院桥镇) activates with a code its town issued, then five wrong passwords lock it.
  const issued = await post(
    h,
    `/v1/evaluations/${evaluationId}/enterprises/${SAMPLE.floorD}/activation-code`,
    {},
    { authorization: `Bearer ${h.tokens.town}` },
  );
  const code = String(issued.body?.['code']);
  const activated = await post(h, '/v1/auth/activate', { uscc: SAMPLE.floorD, code, password: PASSWORD });
  if (activated.status !== 204) throw new Error(`setup: ${JSON.stringify(activated.body)}`);
  for (let i = 0; i < 5; i += 1)
    await post(h, '/v1/auth/sign-in', { account: SAMPLE.floorD, password: 'Wrong#Pass2025' });
  if ((await post(h, '/v1/auth/sign-in', { account: SAMPLE.floorD, password: PASSWORD })).status !== 429)
    throw new Error('setup: the enterprise is not locked');
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('activation status pages', () => {
  it('a town sees its enterprises by status, reissues a code once confirmed, and unlocks', async () => {
    const page = await signedIn(context, h, 'town');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: '企业账号激活情况' }).click();
    const table = page.locator('[data-table="activation-enterprises"]');
    await table.waitFor();
    const [mine] = (await status(SAMPLE.townOfFloorD)).towns;
    if (mine === undefined) throw new Error('no enterprises in the town');
    expect(mine.locked).toBe(1);
    expect(await page.locator('[data-count="activated"]').textContent()).toBe(`已激活 ${mine.activated} 家`);
    expect(await page.locator('[data-count="not-yet"]').textContent()).toBe(`未激活 ${mine.notYet} 家`);
    expect(await page.locator('[data-count="locked"]').textContent()).toBe('已锁定 1 家');
    // Only this town's enterprises, each with its status.
    expect(await table.locator('tbody tr').count()).toBe(mine.enterprises.length);
    const lockedRow = table.locator('tbody tr', { hasText: SAMPLE.floorD });
    expect(await lockedRow.locator('[data-status]').textContent()).toBe('已锁定');
    expect(await table.textContent()).not.toContain(SAMPLE.beicheng);

    // Reissue: 取消 issues nothing; 确认 shows the new code once, and it activates the enterprise.
    const other = mine.enterprises.find((e) => e.status === 'not-yet');
    if (other === undefined) throw new Error('no enterprise left to activate');
    const row = table.locator('tbody tr', { hasText: other.uscc });
    // It has no live code yet: 发放, with nothing said to be replaced.
    expect(other.codeExpiresAt).toBeNull();
    await row.getByRole('button', { name: '发放激活码', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(`将为「${other.name}」生成激活码。确定吗？`);
    expect(await dialog.textContent()).not.toContain('原激活码');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(await page.locator('[data-code]').count()).toBe(0);
    await row.getByRole('button', { name: '发放激活码', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '确认发放' }).click();
    const shown = page.locator('[data-code]');
    await shown.waitFor();
    expect(await page.evaluate('document.activeElement?.hasAttribute("data-issued")')).toBe(true);
    // Now it has one: the next is a 重新发放, which says the first stops working.
    await row.getByRole('button', { name: '重新发放激活码' }).waitFor();
    const code = (await shown.textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    expect(await page.locator('[data-panel="activation"]').textContent()).toContain('只显示这一次');
    // The table now shows the live code's expiry.
    expect(await row.locator('td[data-label="激活码有效期至"]').textContent()).not.toBe('—');
    await page.screenshot({ path: join(ARTIFACTS, 'web-activation-town-code.png'), fullPage: true });
    expect(
      (await post(h, '/v1/auth/activate', { uscc: other.uscc, code, password: 'Qiye#Huangyan2025' })).status,
    ).toBe(204);

    // 解锁: the locked enterprise is back to 已激活, and its right password signs in again.
    await lockedRow.getByRole('button', { name: '解锁' }).click();
    await expect.poll(() => page.locator('[data-panel="activation"]').textContent()).toContain('已解锁');
    const after = page.locator('[data-table="activation-enterprises"] tbody tr', { hasText: SAMPLE.floorD });
    expect(await after.locator('[data-status]').textContent()).toBe('已激活');
    expect(await page.locator('[data-count="activated"]').textContent()).toBe(
      `已激活 ${mine.activated + 2} 家`,
    );
    expect(await page.locator('[data-count="locked"]').textContent()).toBe('已锁定 0 家');
    expect((await post(h, '/v1/auth/sign-in', { account: SAMPLE.floorD, password: PASSWORD })).status).toBe(
      204,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'web-activation-town-1280.png'), fullPage: true });

    // On a phone each row is a card whose cells name their column.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    const firstCell = page.locator('[data-table="activation-enterprises"] tbody tr td').first();
    expect(await firstCell.getAttribute('data-label')).toBe('企业名称');
    const before = await page.evaluate(
      `getComputedStyle(document.querySelector('[data-table="activation-enterprises"] tbody td'), '::before').content`,
    );
    expect(before).toBe('"企业名称"');
    await page.screenshot({ path: join(ARTIFACTS, 'web-activation-town-390.png'), fullPage: true });
    await page.close();
  });

  it('the bureau sees every town, one town’s enterprises, and downloads the codes after confirming', async () => {
    const page = await signedIn(context, h, 'admin');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${h.base}/app/#/evaluations/${evaluationId}`);
    await page.getByRole('link', { name: '企业账号激活情况' }).click();
    const towns = page.locator('[data-table="activation-towns"]');
    await towns.waitFor();
    const all = await status();
    expect(await towns.locator('tbody tr').count()).toBe(all.towns.length);
    const notYet = all.towns.reduce((sum, town) => sum + town.notYet, 0);
    const activated = all.towns.reduce((sum, town) => sum + town.activated, 0);
    expect(await page.locator('[data-count="not-yet"]').textContent()).toBe(`未激活 ${notYet} 家`);
    expect(await page.locator('[data-count="activated"]').textContent()).toBe(`已激活 ${activated} 家`);
    const yuanqiao = all.towns.find((town) => town.town === SAMPLE.townOfFloorD);
    const townRow = towns.locator('tbody tr', { hasText: SAMPLE.townOfFloorD });
    expect((await townRow.locator('td').allTextContents()).slice(0, 4)).toEqual([
      SAMPLE.townOfFloorD,
      String(yuanqiao?.activated),
      String(yuanqiao?.notYet),
      String(yuanqiao?.locked),
    ]);

    // One town's enterprises, with reissue for each.
    await townRow.getByRole('link', { name: SAMPLE.townOfFloorD }).click();
    const enterprises = page.locator('[data-table="activation-enterprises"]');
    await enterprises.waitFor();
    expect(await enterprises.locator('tbody tr').count()).toBe(yuanqiao?.enterprises.length);
    expect(await enterprises.getByRole('button', { name: '发放激活码' }).count()).toBe(
      yuanqiao?.enterprises.length,
    );
    // 重新发放 only where a live code would be replaced.
    expect(await enterprises.getByRole('button', { name: '重新发放激活码', exact: true }).count()).toBe(
      yuanqiao?.enterprises.filter((enterprise) => enterprise.codeExpiresAt !== null).length,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'web-activation-bureau-1280.png'), fullPage: true });

    // Bulk issue: the confirmation says how many; the workbook holds one code for each of them.
    await page.getByRole('button', { name: '为全部未激活企业生成激活码' }).click();
    expect(await page.getByRole('alertdialog').textContent()).toContain(
      `将为 ${notYet} 家未激活企业生成激活码，旧激活码失效`,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('alertdialog').getByRole('button', { name: '确认生成并下载' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('企业激活码.xlsx');
    const dir = await tempDirectory();
    try {
      const saved = join(dir.path, 'codes.xlsx');
      await download.saveAs(saved);
      const workbook = await readWorkbook(saved);
      let rows = 0;
      workbook.eachSheet((sheet) => {
        rows += sheet.actualRowCount - 1;
      });
      expect(rows).toBe(notYet);
    } finally {
      await dir.cleanup();
    }
    await expect.poll(() => page.locator('[data-panel="activation"]').textContent()).toContain('已下载');
    // Every enterprise that got a code now shows the code's expiry.
    const expiries = await page
      .locator('[data-table="activation-enterprises"] td[data-label="激活码有效期至"]')
      .allTextContents();
    expect(expiries.filter((text) => text !== '—')).toHaveLength(yuanqiao?.notYet ?? -1);

    // With the letters: one town's codes and its 一企一单 printed with them, in one ZIP.
    await page.getByLabel('同时生成印有激活码的一企一单（与激活码表格一起下载为 ZIP）').check();
    await page.getByRole('button', { name: `为${SAMPLE.townOfFloorD}未激活企业生成激活码` }).click();
    const [letters] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('alertdialog').getByRole('button', { name: '确认生成并下载' }).click(),
    ]);
    expect(letters.suggestedFilename()).toBe(`企业激活码与一企一单-${SAMPLE.townOfFloorD}.zip`);
    const lettersDir = await tempDirectory();
    try {
      const saved = join(lettersDir.path, 'letters.zip');
      await letters.saveAs(saved);
      const bytes = await readFile(saved);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
      // The archive's directory names the town's letters beside the workbook.
      expect(bytes.includes(Buffer.from(`一企一单（含激活码）-${SAMPLE.townOfFloorD}.html`))).toBe(true);
      expect(bytes.includes(Buffer.from(`企业激活码-${SAMPLE.townOfFloorD}.xlsx`))).toBe(true);
    } finally {
      await lettersDir.cleanup();
    }

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await fitsWidth(page)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'web-activation-bureau-390.png'), fullPage: true });
    await page.close();
  });
});
