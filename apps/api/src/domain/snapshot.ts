import { createHash } from 'node:crypto';

/**
 * A grading as one document: the stored result JSON of every enterprise, in order, inside a fixed
 * envelope. Results are written once and never updated, so the same rows give the same bytes, and
 * the hash taken at publication stays the snapshot's strong ETag.
 */
export function snapshotDocument(
  evaluationId: string,
  phase: 'published' | 'final',
  results: readonly string[],
): string {
  return `{"evaluationId":${JSON.stringify(evaluationId)},"phase":"${phase}","results":[${results.join(',')}]}`;
}

/** A strong ETag (RFC 9110): the SHA-256 of the exact bytes sent. */
export function strongEtag(body: string | Uint8Array): string {
  return `"sha256-${createHash('sha256').update(body).digest('base64url')}"`;
}
