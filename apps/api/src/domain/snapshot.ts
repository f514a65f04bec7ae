import { createHash } from 'node:crypto';

/**
 * A grading as one document: the stored result JSON of every enterprise, in order, inside a fixed
 * envelope. Results are written once and never updated, so the same rows give the same bytes, and
 * the hash taken at publication stays the snapshot's strong ETag. The definition, for the tests: the
 * server never builds it whole, it streams and hashes snapshotChunks.
 */
export function snapshotDocument(
  evaluationId: string,
  phase: 'published' | 'final',
  results: readonly string[],
): string {
  return `${envelopeHead(evaluationId, phase)}${results.join(',')}${ENVELOPE_TAIL}`;
}

const envelopeHead = (evaluationId: string, phase: 'published' | 'final') =>
  `{"evaluationId":${JSON.stringify(evaluationId)},"phase":"${phase}","results":[`;
const ENVELOPE_TAIL = ']}';

/**
 * snapshotDocument(…) as chunks: the envelope's head, then each page of results (a leading comma after
 * the first), then its tail. Joined they are the document, byte for byte, however the results are
 * paged; nothing holds more than one page, so a county of any size streams (at about 150,000 enterprises
 * the document as one string passes V8's longest string) and hashes in a few MB.
 */
export async function* snapshotChunks(
  evaluationId: string,
  phase: 'published' | 'final',
  pages: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): AsyncGenerator<string> {
  yield envelopeHead(evaluationId, phase);
  let first = true;
  for await (const page of pages) {
    if (page.length === 0) continue;
    yield pageChunk(page, first);
    first = false;
  }
  yield ENVELOPE_TAIL;
}

/** A non-empty page of results as its chunk of the document: a leading comma unless it is the first. */
const pageChunk = (page: readonly string[], first: boolean) =>
  first ? page.join(',') : `,${page.join(',')}`;

/**
 * strongEtag(snapshotDocument(…)) taken a page at a time, hashing the same chunks that snapshotChunks
 * streams. Synchronous, so that a worker thread can take pages as they arrive (see work/snapshot-hash.ts).
 */
export class SnapshotHash {
  readonly #hash = createHash('sha256');
  #first = true;

  constructor(evaluationId: string, phase: 'published' | 'final') {
    this.#hash.update(envelopeHead(evaluationId, phase));
  }

  page(page: readonly string[]): void {
    if (page.length === 0) return;
    this.#hash.update(pageChunk(page, this.#first));
    this.#first = false;
  }

  /** The ETag, once every page is in. */
  etag(): string {
    this.#hash.update(ENVELOPE_TAIL);
    return `"sha256-${this.#hash.digest('base64url')}"`;
  }
}

/**
 * strongEtag(snapshotDocument(…)), a page at a time (the store reads a page per turn of the event loop):
 * neither the document nor every result at once. On the calling thread: HeavyWork.snapshotEtag hashes a
 * large evaluation's in a worker thread instead.
 */
export async function snapshotEtag(
  evaluationId: string,
  phase: 'published' | 'final',
  pages: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): Promise<string> {
  const hash = new SnapshotHash(evaluationId, phase);
  for await (const page of pages) hash.page(page);
  return hash.etag();
}

/** A strong ETag (RFC 9110): the SHA-256 of the exact bytes sent. */
export function strongEtag(body: string | Uint8Array): string {
  return `"sha256-${createHash('sha256').update(body).digest('base64url')}"`;
}
