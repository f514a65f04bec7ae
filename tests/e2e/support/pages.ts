import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './browser.js';

/**
 * What every page must be at both widths a clerk uses (a 1280 px desk screen, a 390 px phone): no
 * horizontal scrolling, every table cell labelled with its column on the phone, no serious or critical
 * axe-core violation; and a screenshot of each, for a person to look at.
 */

export const DESK = { width: 1280, height: 900 } as const;
export const PHONE = { width: 390, height: 844 } as const;

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** axe-core's serious and critical violations on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate<boolean>("'axe' in window");
  // Evaluated through the DevTools protocol: the pages' CSP (script-src 'self') refuses inline script
  // elements, addScriptTag's included, and the test must not loosen the policy it is testing under.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document).then((result) => result.violations)',
  );
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.impact ?? ''} ${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')})`,
    );
}

/** How far the page is wider than the viewport (0 when nothing scrolls sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Table cells in `main` whose column name is missing (no data-label, or an empty one with text). */
export function unlabelledCells(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(
    `Array.from(document.querySelectorAll('main td'))
      .filter((cell) => (cell.getAttribute('data-label') ?? '') === '')
      .map((cell) => (cell.textContent ?? '').slice(0, 40))`,
  );
}

/**
 * The page at 1280 and at 390 px: a screenshot of each (`<name>-1280.png`, `<name>-390.png`), then
 * what must hold at both. Returns the problems found, so a test asserts an empty list and a failure
 * names every one.
 */
export async function checkBothWidths(page: Page, name: string): Promise<string[]> {
  const problems: string[] = [];
  for (const size of [DESK, PHONE]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(50);
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${size.width}.png`), fullPage: true });
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) problems.push(`${size.width} px: ${overflow} px wider than the screen`);
    for (const line of await axeViolations(page)) problems.push(`${size.width} px: ${line}`);
  }
  for (const cell of await unlabelledCells(page)) problems.push(`a cell without its column's name: ${cell}`);
  await page.setViewportSize(DESK);
  return problems;
}
