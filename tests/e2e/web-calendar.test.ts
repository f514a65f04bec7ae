import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleYear2027 } from '../../packages/calendar/src/testing/example-year.js';
import { startApi } from '../contract/support/harness.js';
import type { Harness } from '../contract/support/harness.js';
import { ARTIFACTS, launchChromium } from './support/browser.js';
import { signedIn } from './support/web.js';

/**
 * The bureau's holiday calendar page in Chromium at 1280 and 390 px: the bundled years listed, a
 * wrong arrangement refused with each problem named in Chinese where it is, then 2027 entered and
 * listed as the bureau's.
 */

let h: Harness;
let browser: Awaited<ReturnType<typeof launchChromium>>;

beforeAll(async () => {
  h = await startApi({ now: '2026-12-01T02:00:00.000Z' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser.close();
  await h.close();
});

describe('the calendar page', () => {
  it('lists the years, shows each problem of a wrong arrangement, and enters 2027', async () => {
    const page = await signedIn(browser.context, h, 'admin');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('[data-link="calendar"]').click();
    const years = page.locator('[data-table="calendar-years"]');
    await years.waitFor();
    expect(await years.textContent()).toContain('2026');
    expect(await years.textContent()).toContain('系统内置');
    expect(await page.getByLabel('年度', { exact: true }).inputValue()).toBe('2027');

    // The template as it is: dates still MM-DD, refused, every problem listed by where it is.
    await page.getByRole('button', { name: '保存该年度安排' }).click();
    const problems = page.locator('[data-list="calendar-errors"] li');
    await problems.first().waitFor();
    expect(await problems.count()).toBeGreaterThan(1);
    expect(await problems.first().textContent()).toMatch(/^(通知|节假日) · 第 1 项/);

    // A wrong one: 春节's days do not match its range, a make-up day on a Monday.
    const broken = exampleYear2027();
    const spring = broken.holidays[1];
    if (spring === undefined) throw new Error('no 春节');
    spring.days = 9;
    spring.makeUp = ['2027-02-15'];
    await page.getByLabel('节假日安排（JSON）').fill(JSON.stringify(broken, null, 2));
    await page.getByRole('button', { name: '保存该年度安排' }).click();
    await expect
      .poll(() => page.locator('[data-list="calendar-errors"]').textContent())
      .toContain('节假日 · 第 2 项 · 天数');
    expect(await page.locator('[data-list="calendar-errors"]').textContent()).toContain(
      '节假日 · 第 2 项 · 调休上班日 · 第 1 项',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'web-calendar-errors-1280.png'), fullPage: true });

    await page.getByLabel('节假日安排（JSON）').fill(JSON.stringify(exampleYear2027(), null, 2));
    await page.getByRole('button', { name: '保存该年度安排' }).click();
    await expect
      .poll(() => page.locator('[data-status="calendar"]').textContent())
      .toBe('已保存 2027 年度节假日安排。');
    const row = page.locator('[data-table="calendar-years"] tr', { hasText: '2027' });
    expect(await row.textContent()).toContain('本局录入');
    await page.screenshot({ path: join(ARTIFACTS, 'web-calendar-1280.png'), fullPage: true });
    // The server has it: a 公示 in 2027 now gets its window.
    const listed = await h.api.call('get', '/v1/calendar', { token: h.tokens.admin });
    expect(listed.status === 200 && listed.body.years.find((y) => y.year === 2027)?.source).toBe('entered');

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(ARTIFACTS, 'web-calendar-390.png'), fullPage: true });
    await page.close();
  });
});
