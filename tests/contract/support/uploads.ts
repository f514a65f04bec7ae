import type { components } from '../../../apps/api/src/generated/openapi.generated.js';
import { dataForm, SAMPLE_CSV } from './fixtures.js';
import { IN_WINDOW, PUBLISHED_ON } from './harness.js';
import type { Harness } from './harness.js';

/**
 * The set-up most tests start from: the bureau uploads a file (the bundled sample unless given) and the
 * evaluation is graded as a draft. Anything but the 201 stops the test's set-up with the server's answer.
 */

/**
 * What the bureau names an upload: the file's name, and the evaluation's name and year if given; the
 * bytes (the bundled sample unless given) and the scheme (a preset id or a document as JSON text).
 */
export interface SampleUpload {
  readonly file: string;
  readonly name?: string;
  readonly year?: string;
  readonly bytes?: Uint8Array;
  readonly scheme?: string;
}

/** The draft evaluation as the upload answered it. */
export async function uploadedEvaluation(
  h: Pick<Harness, 'api' | 'tokens'>,
  upload: SampleUpload,
): Promise<components['schemas']['Evaluation']> {
  const fields = {
    ...(upload.year === undefined ? {} : { year: upload.year }),
    ...(upload.name === undefined ? {} : { name: upload.name }),
    ...(upload.scheme === undefined ? {} : { scheme: upload.scheme }),
  };
  const created = await h.api.call('post', '/v1/evaluations', {
    token: h.tokens.admin,
    body: dataForm([{ name: upload.file, bytes: upload.bytes ?? SAMPLE_CSV }], fields),
  });
  if (created.status !== 201) throw new Error(`setup: ${created.text}`);
  return created.body;
}

/** The draft evaluation's id. */
export async function uploadedSample(
  h: Pick<Harness, 'api' | 'tokens'>,
  upload: SampleUpload,
): Promise<string> {
  return (await uploadedEvaluation(h, upload)).id;
}

/**
 * The bundled sample uploaded and published on PUBLISHED_ON by the bureau, with the test clock moved
 * into the 公示 window, so enterprises may file; the evaluation's id.
 */
export async function publishedSample(
  h: Pick<Harness, 'api' | 'tokens' | 'clock'>,
  upload: SampleUpload,
): Promise<string> {
  const id = await uploadedSample(h, upload);
  const published = await h.api.call('post', '/v1/evaluations/{id}/publication', {
    token: h.tokens.admin,
    params: { id },
    body: { date: PUBLISHED_ON },
  });
  if (published.status !== 201) throw new Error(`setup: ${published.text}`);
  h.clock.set(IN_WINDOW);
  return id;
}
