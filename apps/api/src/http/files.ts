import { PassThrough } from 'node:stream';
import type { Writable } from 'node:stream';
import { attachmentDisposition } from './disposition.js';

/** Files a route answers with (`format=xlsx|html`): the workbook's bytes, and the headers to send. */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The bytes a streaming writer (the @mujun/reports and @mujun/surcharges workbooks) writes. */
export async function written(write: (stream: Writable) => Promise<void>): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await Promise.all([write(stream), ended]);
  return Buffer.concat(chunks);
}

/** `attachment` with an ASCII fallback name and the Chinese one (RFC 6266, RFC 8187). */
export function attachment(ascii: string, name: string): Record<string, string> {
  return { 'Content-Disposition': attachmentDisposition(name, ascii) };
}

/** A generated page is data from uploads: no script, nothing from elsewhere, its own inline styles only. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
};

/**
 * Small parts (a page's sections, one an enterprise) joined into chunks of about `chars` characters, for
 * a streamed reply: a write per chunk rather than per part, and never the whole page in one string.
 */
export function* batched(parts: Iterable<string>, chars = 64 * 1024): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const part of parts) {
    batch.push(part);
    length += part.length;
    if (length >= chars) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (length > 0) yield batch.join('');
}
