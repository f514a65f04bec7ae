import { dataForm } from './fixtures.js';
import type { Harness } from './harness.js';

/**
 * An evaluation taken through its year as the bureau does it: uploaded (`files`, form `fields` such as
 * year and name), published on `publishedOn` with the clock set to that morning (a publication may not
 * start in the past), then, at `finalizedAt` after the window, recomputed (nothing contested) and
 * finalized. Returns its id; a step not answered 201 stops the set-up with the server's answer.
 */
export async function finalizedEvaluation(
  h: Harness,
  files: readonly { name: string; bytes: Uint8Array }[],
  fields: Readonly<Record<string, string>>,
  publishedOn: string,
  finalizedAt: string,
): Promise<string> {
  const admin = h.tokens.admin;
  const created = await h.api.call('post', '/v1/evaluations', {
    token: admin,
    body: dataForm(files, fields),
  });
  if (created.status !== 201) throw new Error(`setup: ${created.text}`);
  const id = created.body.id;
  h.clock.set(`${publishedOn}T01:00:00.000Z`);
  const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
    token: admin,
    params: { id },
    body: { date: publishedOn },
  });
  if (published.status !== 201) throw new Error(`setup: ${published.text}`);
  h.clock.set(finalizedAt);
  const recomputed = await h.api.call('post', '/v1/evaluations/{id}/recomputation', {
    token: admin,
    params: { id },
  });
  if (recomputed.status !== 201) throw new Error(`setup: ${recomputed.text}`);
  const finalized = await h.api.call('post', '/v1/evaluations/{id}/finalization', {
    token: admin,
    params: { id },
  });
  if (finalized.status !== 201) throw new Error(`setup: ${finalized.text}`);
  return id;
}
