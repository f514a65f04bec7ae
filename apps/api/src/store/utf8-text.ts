import type { JsonText, Utf8Text } from './store.js';

/** The texts as UTF-8 in one SharedArrayBuffer, each a view on it (see Utf8Text). */
export function sharedUtf8(texts: readonly string[]): Utf8Text[] {
  let total = 0;
  for (const text of texts) total += Buffer.byteLength(text, 'utf8');
  const bytes = Buffer.from(new SharedArrayBuffer(total));
  let at = 0;
  return texts.map((text) => {
    const written = bytes.write(text, at, 'utf8');
    const utf8 = new Uint8Array(bytes.buffer, at, written);
    at += written;
    return { utf8 };
  });
}

export function isUtf8Text(value: unknown): value is Utf8Text {
  return typeof value === 'object' && value !== null && 'utf8' in value && value.utf8 instanceof Uint8Array;
}

/** The string, decoding it if it came as bytes. */
export function textOf(value: JsonText): string {
  if (typeof value === 'string') return value;
  const { buffer, byteOffset, byteLength } = value.utf8;
  return Buffer.from(buffer, byteOffset, byteLength).toString('utf8');
}

/**
 * The JSON documents of chunks of JSON lines, in order: one document per line (JSON.stringify never
 * writes a raw line break, so the documents it wrote can be joined by one).
 */
export function jsonLines(chunks: readonly JsonText[]): string[] {
  const documents: string[] = [];
  for (const chunk of chunks) {
    for (const line of textOf(chunk).split('\n')) if (line !== '') documents.push(line);
  }
  return documents;
}
