import type { BrowserContext, Page } from 'playwright-core';
import { dataForm, SAMPLE_CSV } from '../../contract/support/fixtures.js';
import { IN_WINDOW, PUBLISHED_ON } from '../../contract/support/harness.js';
import type { Harness } from '../../contract/support/harness.js';

/** A new page at /app/, signed in through the sign-in form with the token, as a person does. */
export async function signedIn(context: BrowserContext, base: string, token: string): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(`${base}/app/`);
  await page.getByLabel('访问令牌').fill(token);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('[data-role]').waitFor();
  return page;
}

/**
 * The bundled sample uploaded and published on PUBLISHED_ON by the bureau, with the test clock moved
 * into the 公示 window; the evaluation's id.
 */
export async function publishedSample(h: Harness, upload: { file: string; name?: string }): Promise<string> {
  const created = await h.api.call('post', '/v1/evaluations', {
    token: h.tokens.admin,
    body: dataForm(
      [{ name: upload.file, bytes: SAMPLE_CSV }],
      upload.name === undefined ? undefined : { name: upload.name },
    ),
  });
  if (created.status !== 201) throw new Error(`setup: ${created.text}`);
  const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
    token: h.tokens.admin,
    params: { id: created.body.id },
    body: { date: PUBLISHED_ON },
  });
  if (published.status !== 201) throw new Error(`setup: ${published.text}`);
  h.clock.set(IN_WINDOW);
  return created.body.id;
}
