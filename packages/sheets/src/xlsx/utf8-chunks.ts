import { StringDecoder } from 'node:string_decoder';

/**
 * Buffers in, text out, no character ever split: one StringDecoder for the whole part carries a UTF-8
 * sequence cut by a chunk boundary over to the next chunk. Strings pass through as they are.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}
