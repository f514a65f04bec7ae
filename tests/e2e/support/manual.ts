import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './mujun.js';

/**
 * Screenshots for the user manual (docs/用户手册.md), taken by the browser tests at the steps the
 * manual describes, so the pictures show the pages as they are. Only when MUJUN_MANUAL_SCREENSHOTS names
 * a folder (`pnpm manual:screenshots` sets docs/manual/images); otherwise nothing is written.
 * 1280 px wide; reduced to 256 colours by pngquant (Debian package `pngquant`) when it is installed, to keep
 * them small.
 */
const PNGQUANT = '/usr/bin/pngquant';

export async function manualScreenshot(page: Page, name: string): Promise<void> {
  const folder = process.env['MUJUN_MANUAL_SCREENSHOTS'];
  if (folder === undefined || folder === '') return;
  const dir = isAbsolute(folder) ? folder : join(ROOT, folder);
  mkdirSync(dir, { recursive: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: viewport?.height ?? 900 });
  const file = join(dir, `${name}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true });
  } finally {
    if (viewport !== null) await page.setViewportSize(viewport);
  }
  if (existsSync(PNGQUANT)) {
    // 98 and 99: the quantized picture would be larger or worse, and the original is kept.
    const done = spawnSync(PNGQUANT, [
      '--force',
      '--strip',
      '--skip-if-larger',
      '--output',
      file,
      '256',
      file,
    ]);
    if (done.status !== 0 && done.status !== 98 && done.status !== 99) {
      throw new Error(`pngquant ${file}: ${done.stderr.toString('utf8')}`);
    }
  }
}
