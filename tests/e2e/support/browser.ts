import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { bundledChromium } from './bundled-chromium.js';
import { ROOT } from './mujun.js';

/** Debian's Chromium: CI installs it with `apt-get install -y chromium fonts-noto-cjk`. */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots for a person to look at (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Which browser the page tests drive, from MUJUN_CHROMIUM: `system` (Debian's, at /usr/bin/chromium),
 * `bundled` (the one shipped in the @sparticuz/chromium devDependency, with the Chinese font from
 * @expo-google-fonts/noto-sans-sc), or `auto` (the default: the system's when it is installed, else the
 * bundled one), so that `pnpm test` on a machine with only Node.js runs the page tests too.
 */
export type ChromiumChoice = 'system' | 'bundled';

export function chromiumChoice(): ChromiumChoice {
  const wanted = process.env['MUJUN_CHROMIUM'] ?? 'auto';
  switch (wanted) {
    case 'system':
    case 'bundled':
      return wanted;
    case 'auto':
    case '':
      return existsSync(CHROMIUM) ? 'system' : 'bundled';
    default:
      throw new Error(`MUJUN_CHROMIUM must be auto, system or bundled, not "${wanted}"`);
  }
}

async function browserToLaunch(): Promise<{
  executablePath: string;
  args: readonly string[];
  env?: Readonly<Record<string, string>>;
}> {
  if (chromiumChoice() === 'bundled') {
    const bundled = await bundledChromium();
    return { executablePath: bundled.executablePath, args: bundled.args, env: bundled.env };
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `MUJUN_CHROMIUM=system but Chromium is not installed at ${CHROMIUM}. ` +
        'Install it with: apt-get update && apt-get install -y chromium fonts-noto-cjk, or unset MUJUN_CHROMIUM',
    );
  }
  return { executablePath: CHROMIUM, args: [] };
}

/**
 * A real headless Chromium with a fresh profile. There is no skipping: the page tests always run, with
 * the system's Chromium or the bundled one (see {@link chromiumChoice}).
 */
export async function launchChromium(
  options: {
    /** Accept a self-signed certificate (the nginx test's). */
    readonly ignoreHTTPSErrors?: boolean;
  } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  await mkdir(ARTIFACTS, { recursive: true });
  const browser = await browserToLaunch();
  const profile = await mkdtemp(join(tmpdir(), 'mujun-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    ...(options.ignoreHTTPSErrors === true ? { ignoreHTTPSErrors: true } : {}),
    args: [...new Set([...ARGS, ...browser.args])],
    ...(browser.env === undefined ? {} : { env: { ...process.env, ...browser.env } }),
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The number of pages of a PDF that Chromium wrote: the largest /Count of its page tree. */
export function pdfPageCount(pdf: Buffer): number {
  const counts = [...pdf.toString('latin1').matchAll(/\/Count (\d+)/g)].map((match) => Number(match[1]));
  return Math.max(0, ...counts);
}
