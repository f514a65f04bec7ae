import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumChoice, launchChromium } from './support/browser.js';

/**
 * Whichever Chromium the page tests drive (the system's, or the bundled one on a machine with only
 * Node.js), Chinese must be drawn with real glyphs: a browser without a CJK font draws every character as
 * the same empty box, so two different characters, or a character and a code point no font has, would
 * give the same pixels.
 */

let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setContent(
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font: 32px sans-serif">' +
      '<p>亩均论英雄：台州市黄岩区工业企业亩均效益综合评价</p><p><b>公示名单（排名不分先后）</b></p>' +
      '<p style="font-family: \'Noto Sans CJK SC\', sans-serif">统一社会信用代码 91331003MA2FTC0015</p></body>',
  );
});
afterAll(() => browser.close());

/**
 * The alpha channel of one character drawn black on a transparent canvas, in the given CSS font. The page
 * code is a string: this project compiles without the DOM library.
 */
async function inked(character: string, font: string): Promise<number[]> {
  const draw = `(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const context = canvas.getContext('2d');
    context.font = ${JSON.stringify(font)};
    context.textBaseline = 'top';
    context.fillText(${JSON.stringify(character)}, 4, 4);
    const { data } = context.getImageData(0, 0, 48, 48);
    return Array.from(data.filter((_, i) => i % 4 === 3));
  })()`;
  const alpha = await page.evaluate<unknown>(draw);
  if (!Array.isArray(alpha)) throw new Error('the canvas gave no pixels');
  return alpha.map(Number);
}

describe(`Chinese text in the ${chromiumChoice()} Chromium`, () => {
  it.each(['40px sans-serif', '40px serif', '40px "Noto Sans CJK SC", sans-serif', 'bold 40px sans-serif'])(
    'draws distinct glyphs in %s, not the missing-glyph box',
    async (font) => {
      const [mu, jun, missing] = await Promise.all([
        inked('亩', font),
        inked('均', font),
        // A code point no font maps (unassigned): drawn as the missing-glyph box.
        inked('\u0378', font),
      ]);
      expect(mu.some((alpha) => alpha > 0)).toBe(true);
      expect(mu).not.toEqual(jun);
      expect(mu).not.toEqual(missing);
      expect(jun).not.toEqual(missing);
    },
  );

  it('leaves a screenshot to look at', async () => {
    await page.screenshot({ path: join(ARTIFACTS, `cjk-glyphs-${chromiumChoice()}.png`) });
  });
});
