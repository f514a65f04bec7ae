import type { Request } from 'express';
import { HttpProblem } from './problem.js';

/**
 * `If-Match: "3"` for a resource at version 3. Required on writes to versioned resources: 428 without
 * it (a client must show which version it decided on), 412 when stale (checked by the store in SQL).
 */
export function requiredVersion(req: Request): number {
  const header = req.get('if-match');
  if (header === undefined) {
    throw new HttpProblem(
      428,
      'precondition-required',
      'Precondition required',
      'send If-Match with the version you read, e.g. If-Match: "1"',
    );
  }
  const match = /^\s*"([1-9][0-9]{0,9})"\s*$/.exec(header);
  if (match?.[1] === undefined) {
    throw new HttpProblem(
      412,
      'stale-version',
      'Precondition failed',
      `If-Match ${header} names no version of this resource`,
    );
  }
  return Number(match[1]);
}

export function versionEtag(version: number): string {
  return `"${version}"`;
}

/** Whether If-None-Match names `etag` (strong comparison; `*` matches any). */
export function notModified(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag;
  });
}
